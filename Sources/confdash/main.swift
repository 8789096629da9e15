import ConfDashCLI
import ConfDashTerminal
import Foundation

// `--version` alone is answered before the argument parser is built: its setup (protocol lookups
// over every option of every command) was two thirds of the instructions this costs.
if CommandLine.arguments.count == 2 && CommandLine.arguments[1] == "--version" {
    print(ConfdashCLI.versionLine)
    exit(0)
}

// The CLI library stays free of curses; the dashboard runs on the terminal through this launcher.
let terminal = DashboardLauncher { dashboard in TerminalRunner.run(dashboard) }
exit(ConfdashCLI.run(Array(CommandLine.arguments.dropFirst()), io: .standard(), dashboard: terminal))

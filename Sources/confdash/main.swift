import ConfDashCLI
import ConfDashTerminal
import Foundation

// The CLI library stays free of curses; the dashboard runs on the terminal through this launcher.
let terminal = DashboardLauncher { dashboard in TerminalRunner.run(dashboard) }
exit(ConfdashCLI.run(Array(CommandLine.arguments.dropFirst()), io: .standard(), dashboard: terminal))

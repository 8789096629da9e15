import ConfDashCLI
import ConfDashTerminal
import Foundation

// `--version` alone is answered before the argument parser is built: its setup (protocol lookups
// over every option of every command) was two thirds of the instructions this costs.
if CommandLine.arguments.count == 2 && CommandLine.arguments[1] == "--version" {
    print(ConfdashCLI.versionLine)
    exit(0)
}

#if os(Linux) && canImport(Glibc)
/// glibc's `int mallopt(int param, int value)`, which its Swift module does not bring in.
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32

// Each heap of a thread's malloc arena grows by the padding beyond what is asked: glibc's
// default grew the workers' arenas a page at a time, one mprotect each (38C3 agenda json: 299
// calls; 12 with 2 MiB). Only address space: pages are touched as before (peak memory of the
// 100k agenda, validate and exports unchanged). Issue 13, round 14.
_ = glibcMallopt(-2, 2 << 20)  // M_TOP_PAD
#endif

// The CLI library stays free of curses; the dashboard runs on the terminal through this launcher.
let terminal = DashboardLauncher { dashboard in TerminalRunner.run(dashboard) }
exit(ConfdashCLI.run(Array(CommandLine.arguments.dropFirst()), io: .standard(), dashboard: terminal))

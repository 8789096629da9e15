import ConfDashCore
import Foundation

/// Checks every fuzz target makes of a load result: what a user would see must be safe to show.
/// A failed check traps, which libFuzzer reports as a crash with the input that caused it.
public enum FuzzChecks {
    public static func check(_ result: LoadResult) {
        for problem in result.problems {
            // A problem is one line on the terminal, with no control byte from the file in it.
            let line = problem.description
            precondition(!line.contains("\n"), "a problem spans lines: \(line.debugDescription)")
            precondition(line.count <= 2_000, "a problem is \(line.count) characters long")
            precondition(TerminalText.safe(line) == line, "a problem carries a control character: \(line.debugDescription)")
        }
        guard let dataset = result.dataset else { return }
        // Every time a command or the dashboard shows is computed once here: none may trap.
        let utc = ClockDisplay.zone(TimeZone(identifier: "UTC")!)
        for event in dataset.events {
            for session in event.sessions {
                _ = ClockDisplay.eventZone.times(of: session, in: event)
                _ = utc.times(of: session, in: event)
            }
        }
    }
}

/// libFuzzer's driver, for targets whose `main` is SwiftPM's: SwiftPM links an executable's
/// `main` to `<Module>_main`, so each target defines that and hands over to libFuzzer (whose own
/// `main` is then not linked in).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

public enum FuzzDriver {
    /// Runs libFuzzer with the process's arguments and `test` as the target.
    public static func run(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                           _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32 {
        var argc = argc
        var argv = argv
        return LLVMFuzzerRunDriver(&argc, &argv, test)
    }
}

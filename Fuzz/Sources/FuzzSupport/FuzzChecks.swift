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

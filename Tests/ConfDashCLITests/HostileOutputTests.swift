import Foundation
import Testing

/// Issue 9: a stranger's schedule must not act on the user's terminal through any command's
/// output, and absurd values in it must not stop a command.
@Suite("CLI on hostile schedules")
struct HostileOutputTests {
    /// A title with OSC (retitles the terminal), CSI (clears it) and BEL; a room with a C1 CSI
    /// and a right-to-left override; a description with backspaces.
    static let calendar = """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        X-WR-CALNAME:Evil\u{1B}[5mCon\r
        X-WR-TIMEZONE:Europe/Berlin\r
        BEGIN:VEVENT\r
        UID:one@example.org\r
        DTSTART;TZID=Europe/Berlin:20241227T100000\r
        DURATION:PT1H\r
        SUMMARY:\u{1B}]0;pwned\u{07}Talk\u{1B}[2J\r
        LOCATION:Room \u{9B}31m\u{202E}A\r
        DESCRIPTION:bad\u{08}\u{08}\u{08}good\r
        END:VEVENT\r
        END:VCALENDAR\r

        """

    /// No control character but tab, line feed, and carriage return before a line feed (CSV and
    /// iCalendar end their lines in CRLF).
    static func isTerminalSafe(_ text: String) -> Bool {
        !text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x09, 0x0A: return false
            case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
            default: return false
            }
        }
    }

    @Test(arguments: [
        ["agenda"], ["agenda", "--format", "csv"], ["agenda", "--format", "json"], ["agenda", "--tz", "local"],
        ["events"], ["events", "--format", "csv"], ["validate"], ["snapshot", "--size", "100x30"],
        ["export", "--format", "md"], ["export", "--format", "ics"], ["export", "--format", "xml"], ["export", "--format", "json"],
        ["export", "--format", "csv"],
    ])
    func noControlCharacterReachesTheTerminal(arguments: [String]) throws {
        try ImportCommandTests.withFile("evil.ics", Self.calendar) { path in
            let run = CLIRun.run(arguments + (arguments.first == "validate" ? [path] : ["--data", path]),
                                 environment: ["LANG": "C.UTF-8", "TZ": "America/New_York"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(Self.isTerminalSafe(run.stdout), "\(arguments): \(run.stdout.debugDescription)")
            #expect(Self.isTerminalSafe(run.stderr), "\(arguments): \(run.stderr.debugDescription)")
            if arguments == ["agenda"] {
                #expect(run.stdout.contains("\u{241B}]0;pwned\u{2407}Talk\u{241B}[2J"), "shown, not obeyed: \(run.stdout)")
            }
            if arguments == ["agenda", "--format", "json"] {
                #expect(run.stdout.contains("\\u001b]0;pwned\\u0007Talk"), "JSON keeps the data, escaped")
                #expect(run.stdout.contains("\\u009b31m\\u202eA"))
            }
        }
    }

    /// `agenda`, `export` and the dashboard trapped (signal 4) on a duration that overflowed.
    @Test func aHugeDurationDoesNotStopAnyCommand() throws {
        let dataset = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/examples/timed-dataset.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"durationMinutes\": 30", with: "\"durationMinutes\": 9000000000000000000")
        try ImportCommandTests.withFile("huge.json", dataset) { path in
            for arguments in [["agenda"], ["agenda", "--tz", "local"], ["export", "--format", "ics"], ["export", "--format", "xml"],
                              ["snapshot", "--keys", "Enter"]] {
                let run = CLIRun.run(arguments + ["--data", path], environment: ["LANG": "C.UTF-8", "TZ": "Pacific/Kiritimati"])
                #expect(run.status == 0, "\(arguments): \(run.stderr)")
                #expect(run.stderr.contains("durationMinutes 9000000000000000000 is more than 14 days"), "\(arguments): \(run.stderr)")
            }
        }
    }

    @Test func anEmptyCalendarDoesNotTalkOfFilters() throws {
        let calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:No date\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        try ImportCommandTests.withFile("nodate.ics", calendar) { path in
            let run = CLIRun.run(["agenda", "--data", path])
            #expect(!run.stdout.contains("filters"), "\(run.stdout)")
        }
    }
}

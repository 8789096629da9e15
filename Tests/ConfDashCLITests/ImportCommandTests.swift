import Foundation
import Testing

/// The data commands on imported schedules, as a user runs them.
@Suite("CLI on imported schedules")
struct ImportCommandTests {
    static let schedules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/fixtures/schedules")

    /// The path of a real schedule, or nil (said loudly, failing in CI) when ../shared is missing.
    static func schedule(_ name: String) -> String? {
        let url = schedules.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            let message = "REAL SCHEDULE NOT FOUND at \(url.path): this check did not run"
            if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record(Comment(rawValue: message)) } else { print("⚠️  \(message)") }
            return nil
        }
        return url.path
    }

    /// Writes `text` to a temporary file named `name`, runs `body` with its path, and removes it.
    static func withFile(_ name: String, _ text: String, _ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("confdash-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        try body(url.path)
    }

    @Test("agenda of 38C3 day 2 shows times, rooms and the night after")
    func congressDayTwo() {
        guard let path = Self.schedule("38c3-schedule.xml") else { return }
        let run = CLIRun.run(["agenda", "--data", path, "--day", "2"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("27–30 Dec 2024 · times: Europe/Berlin"))
        #expect(lines.contains("Day 2 of 4 · Saturday 28 December 2024"))
        #expect(lines.contains { $0.hasPrefix("  When ") && $0.contains("Room") && $0.contains("Session") })
        #expect(lines.contains { $0.contains("11:00–11:40") && $0.contains("Saal 1") })
        // A session after midnight is on its conference day, marked as the next calendar day.
        #expect(lines.contains { $0.contains("00:00–02:00 +1") && $0.contains("BIRD RAVE") })
        #expect(lines.last == "320 sessions")
    }

    @Test("imported agendas fit the terminal")
    func fitsWidth() {
        guard let path = Self.schedule("38c3-schedule.xml") else { return }
        for width in [60, 80, 120] {
            let run = CLIRun.run(["agenda", "--data", path, "--day", "1"], width: width)
            let widest = run.stdout.split(separator: "\n").map { String($0).terminalWidthForTests }.max() ?? 0
            #expect(widest <= width, "at \(width) columns a line is \(widest) wide")
        }
    }

    @Test("--tz local shows times in the user's zone")
    func localTimes() throws {
        guard let path = Self.schedule("38c3-schedule.xml") else { return }
        let tokyo = ["LANG": "C.UTF-8", "TZ": "Asia/Tokyo"]
        let text = CLIRun.run(["agenda", "--data", path, "--day", "1", "--search", "opening ceremony", "--tz", "local"], environment: tokyo)
        #expect(text.stdout.contains("times: Asia/Tokyo (yours; the event's: Europe/Berlin)"), "\(text.stdout)")
        #expect(text.stdout.contains("18:30–19:00"))
        let event = CLIRun.run(["agenda", "--data", path, "--day", "1", "--search", "opening ceremony"], environment: tokyo)
        #expect(event.stdout.contains("10:30–11:00"))

        let json = CLIRun.run(["agenda", "--data", path, "--search", "38C3: Opening Ceremony", "--tz", "local", "--format", "json"],
                              environment: tokyo)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let session = try #require((object["sessions"] as? [[String: Any]])?.first)
        #expect(session["start"] as? String == "2024-12-27T18:30")
        #expect(session["end"] as? String == "2024-12-27T19:00")
        #expect(session["timeZone"] as? String == "Asia/Tokyo")
        #expect(session["room"] as? String == "Saal 1")
    }

    @Test("validate reads every format and names file, line and problem")
    func validateFormats() throws {
        try Self.withFile("talks.ics", ScheduleFixturesForCLI.calendar) { path in
            let run = CLIRun.run(["validate", path])
            #expect(run.status == 0)
            #expect(run.stdout == "\(path): valid: 1 event, 2 sessions\n")
        }
        try Self.withFile("broken.xml", "<schedule>\n  <conference>\n</schedule>\n") { path in
            let run = CLIRun.run(["validate", path])
            #expect(run.status == 65)
            #expect(run.stdout.hasPrefix("\(path):3:1: error: </schedule> does not match <conference> opened at line 2\n"), "\(run.stdout)")
        }
    }

    @Test("--input-format overrides what the content looks like")
    func inputFormat() throws {
        guard let path = Self.schedule("camp2019-frab.json") else { return }
        let forced = CLIRun.run(["events", "--data", path, "--input-format", "ics"])
        #expect(forced.status == 65)
        #expect(forced.stderr.contains("\(path):1:1: error: not an iCalendar file"), "\(forced.stderr)")
        #expect(CLIRun.run(["events", "--data", path, "--input-format", "json"]).status == 0)
        let wrong = CLIRun.run(["events", "--data", path, "--input-format", "yaml"])
        #expect(wrong.status == 64)
    }

    @Test("warnings go to stderr and the command goes on")
    func warningsOnStderr() {
        guard let path = Self.schedule("democon-pretalx.json") else { return }
        let run = CLIRun.run(["agenda", "--data", path, "--day", "1", "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning: "))
        #expect(run.stdout.split(separator: "\r\n").count == 13, "a header and 12 sessions")
        #expect(run.stdout.contains(",2020-12-14T08:00,2020-12-14T08:30,UTC,Gray Room,"))
    }
}

enum ScheduleFixturesForCLI {
    static let calendar = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//confdash tests//EN", "X-WR-CALNAME:Talks",
        "BEGIN:VEVENT", "UID:a", "DTSTART:20240610T090000Z", "SUMMARY:One", "END:VEVENT",
        "BEGIN:VEVENT", "UID:b", "DTSTART;VALUE=DATE:20240611", "SUMMARY:Two", "END:VEVENT",
        "END:VCALENDAR", "",
    ].joined(separator: "\r\n")
}

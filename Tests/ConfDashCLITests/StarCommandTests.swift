import ConfDashTestSupport
import Foundation
import Testing

/// star, unstar, agenda/export --starred and now, as a user runs them, each test with its own
/// state folder (XDG_STATE_HOME), which the goldens show as $STATE.
@Suite("CLI: stars, My agenda, now")
struct StarCommandTests {
    struct Sandbox {
        let folder: String
        var environment: [String: String] { ["LANG": "C.UTF-8", "XDG_STATE_HOME": folder, "HOME": "/nonexistent"] }

        init() {
            folder = NSTemporaryDirectory() + "confdash-star-\(UUID().uuidString)"
            try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }

        func run(_ arguments: [String], now: String? = nil) -> CLIRun {
            var environment = environment
            if let now { environment["CONFDASH_NOW"] = now }
            let run = CLIRun.run(arguments, environment: environment)
            return CLIRun(status: run.status, stdout: run.stdout.replacingOccurrences(of: folder, with: "$STATE"),
                          stderr: run.stderr.replacingOccurrences(of: folder, with: "$STATE"))
        }

        func stateFiles() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/confdash")) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        }
    }

    static let congress = ImportCommandTests.schedule("38c3-schedule.xml")

    @Test("star and unstar on the bundled dataset; agenda --starred in every format")
    func bundled() throws {
        let sandbox = Sandbox()
        let star = sandbox.run(["star", "r24-opening", "r24-breakout-iot", "r24-breakout-blockchain"])
        #expect(star.status == 0 && star.stderr.isEmpty, "\(star.stderr)")
        try Golden.check(star.stdout, named: "star-bundled.txt")
        #expect(sandbox.stateFiles() == ["wco-bundled.json"])
        let again = sandbox.run(["star", "r24-opening"])
        #expect(again.stdout.contains("(already starred)") && again.stdout.contains("3 starred sessions in all"))
        let unstar = sandbox.run(["unstar", "r24-breakout-blockchain"])
        #expect(unstar.stdout.hasPrefix("☆ r24-breakout-blockchain  Blockchain and its use in customs\n2 starred sessions in all"))

        let text = sandbox.run(["agenda", "--starred"])
        #expect(text.status == 0)
        try Golden.check(text.stdout, named: "agenda-starred.txt")
        let json = sandbox.run(["agenda", "--starred", "--format", "json"])
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(decoded?["count"] as? Int == 2)
        let csv = sandbox.run(["agenda", "--starred", "--format", "csv", "--day", "2"])
        #expect(csv.stdout.split(separator: "\r\n").count == 2, "header and r24-breakout-iot: \(csv.stdout)")
        #expect(sandbox.run(["agenda", "--starred", "--event", "hanoi"]).stdout
            == "No starred session matches. Star some with confdash star ID, or s in the dashboard.\n")
        let markdown = sandbox.run(["export", "--starred", "--format", "md"])
        #expect(markdown.status == 0 && markdown.stdout.contains("Opening ceremony") && !markdown.stdout.contains("Blockchain"))
    }

    @Test("agenda --starred marks overlaps (⚠ certain, ≈ possible) and free gaps, as My agenda does")
    func starredAgendaIsAPlan() throws {
        guard let path = Self.congress else { return }
        let sandbox = Sandbox()
        // 11:00–11:40 and 11:00–13:00 overlap; 14:45 follows after a gap from 13:00.
        #expect(sandbox.run(["star", "--data", path, "313", "77", "32"]).status == 0)
        let text = sandbox.run(["agenda", "--data", path, "--starred"])
        #expect(text.status == 0 && text.stderr.isEmpty, "\(text.stderr)")
        try Golden.check(text.stdout, named: "agenda-starred-38c3.txt")
        #expect(text.stdout.contains("⚠ overlaps «Lightning Talks Day 2»"))
        #expect(text.stdout.contains("⚠ overlaps «Illegal instructions by legals"))
        #expect(text.stdout.contains("13:00–14:45") && text.stdout.contains("free · 1 h 45 min"))
        #expect(text.stdout.contains("⚠ overlaps another starred session"))
        let french = sandbox.run(["agenda", "--data", path, "--starred", "--lang", "fr"])
        #expect(french.stdout.contains("⚠ chevauche «") && french.stdout.contains("libre · 1 h 45 min"))
        // Without overlaps, no legend; the other formats are unchanged by the marks.
        #expect(sandbox.run(["unstar", "--data", path, "77"]).status == 0)
        let alone = sandbox.run(["agenda", "--data", path, "--starred"])
        #expect(!alone.stdout.contains("⚠") && alone.stdout.contains("free · 3 h 5 min"), "\(alone.stdout)")
        #expect(!sandbox.run(["agenda", "--data", path, "--starred", "--format", "csv"]).stdout.contains("free"))
    }

    @Test("an unknown id changes nothing and says which")
    func unknownID() {
        let sandbox = Sandbox()
        _ = sandbox.run(["star", "r24-opening"])
        let run = sandbox.run(["star", "r24-breakout-iot", "no-such-session"])
        #expect(run.status == 64)
        #expect(run.stderr == "confdash: no session with id 'no-such-session' in the bundled dataset; nothing was changed (confdash agenda --format json lists the ids)\n")
        #expect(sandbox.run(["agenda", "--starred", "--format", "csv"]).stdout.split(separator: "\r\n").count == 2)
        #expect(sandbox.run(["star"]).status == 64)
    }

    @Test("a state folder that cannot be written: exit 73, a clear message, nothing half-done")
    func unwritable() throws {
        let sandbox = Sandbox()
        try "a file where the folder should be".write(toFile: sandbox.folder + "/confdash", atomically: false, encoding: .utf8)
        let run = sandbox.run(["star", "r24-opening"])
        #expect(run.status == 73)
        #expect(run.stderr.hasPrefix("confdash: $STATE/confdash/wco-bundled.json: cannot save stars and notes: "), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test("a damaged state file is moved aside and named, with its line")
    func damaged() throws {
        let sandbox = Sandbox()
        _ = sandbox.run(["star", "r24-opening"])
        let path = sandbox.folder + "/confdash/wco-bundled.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try String(text.prefix(text.count / 2)).write(toFile: path, atomically: false, encoding: .utf8)
        let run = sandbox.run(["agenda", "--starred"])
        #expect(run.status == 0)
        #expect(run.stderr.hasPrefix("confdash: $STATE/confdash/wco-bundled.json: line "), "\(run.stderr)")
        #expect(run.stderr.contains("the file is moved aside to $STATE/confdash/wco-bundled.json.corrupt-"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.folder + "/confdash").contains { $0.hasPrefix("wco-bundled.json.corrupt-") })
    }

    @Test("now on 38C3 with --now and CONFDASH_NOW, in every format")
    func now() throws {
        guard let path = Self.congress else { return }
        let sandbox = Sandbox()
        #expect(sandbox.run(["star", "--data", path, "313", "77", "32"]).status == 0)
        let text = sandbox.run(["now", "--data", path, "--starred", "--now", "2024-12-28T11:30"])
        #expect(text.status == 0 && text.stderr.isEmpty, "\(text.stderr)")
        try Golden.check(text.stdout, named: "now-38c3-starred.txt")
        let json = sandbox.run(["now", "--data", path, "--starred", "--format", "json"], now: "2024-12-28T10:30Z")
        try Golden.check(json.stdout, named: "now-38c3-starred.json")
        let short = sandbox.run(["now", "--data", path, "--starred", "--format", "short"], now: "2024-12-28T11:30")
        #expect(short.stdout == "next 14:45 Saal 1 · Fearsome File Formats\n")
        // Nothing starred is still to come that day: an empty line-less answer for the status bar.
        #expect(sandbox.run(["now", "--data", path, "--starred", "--format", "short", "--now", "2024-12-28T15:00"]).stdout == "")
        #expect(sandbox.run(["now", "--data", path, "--starred", "--now", "2025-06-01T12:00"]).stdout
            == "No starred session running now or still to come today.\n")
        let all = sandbox.run(["now", "--data", path, "--by", "track", "--now", "2024-12-28T11:30", "--format", "short"])
        #expect(all.stdout.hasPrefix("next 11:45 Saal Y 06 (Stonewall IO) · "), "\(all.stdout)")
        let bad = sandbox.run(["now", "--data", path], now: "soon")
        #expect(bad.status == 64)
        #expect(bad.stderr == "confdash: CONFDASH_NOW \"soon\": expected an ISO 8601 time such as 2024-12-28T14:00 (event time) or 2024-12-28T14:00+01:00\n")
    }

    @Test("snapshot with --now or CONFDASH_NOW on day 2 of 38C3 opens on day 2, at that time")
    func opensOnTheDayItIs() throws {
        guard let path = Self.congress else { return }
        let sandbox = Sandbox()
        for run in [sandbox.run(["snapshot", "--data", path, "--size", "120x40", "--now", "2024-12-28T14:00"]),
                    sandbox.run(["snapshot", "--data", path, "--size", "120x40"], now: "2024-12-28T14:00")] {
            #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
            let lines = run.stdout.split(separator: "\n")
            #expect(lines.contains { $0.contains("Day 2 of 4") && $0.contains("Saturday 28 December 2024") }, "\(run.stdout)")
            #expect(lines.contains { $0.contains("▸") && $0.contains("14:") }, "the cursor at 14:00 or just after:\n\(run.stdout)")
        }
        // Outside the congress it opens on day 1, as before.
        let before = sandbox.run(["snapshot", "--data", path, "--size", "120x40", "--now", "2024-12-20T14:00"])
        #expect(before.stdout.contains("Day 1 of 4"), "\(before.stdout)")
    }

    @Test("export --starred --format ics updates the calendar: stable UIDs, SEQUENCE, CANCELLED once (read back by icalendar)")
    func calendarUpdates() throws {
        guard let path = Self.congress else { return }
        let python = ExternalTools.pythonWithIcalendar
        let sandbox = Sandbox()
        let schedule = sandbox.folder + "/38c3.xml"
        var xml = try String(contentsOfFile: path, encoding: .utf8)
        try xml.write(toFile: schedule, atomically: true, encoding: .utf8)
        #expect(sandbox.run(["star", "--data", schedule, "313", "77", "32"]).status == 0)
        func export(_ name: String) throws -> [[String: Any]] {
            let file = sandbox.folder + "/" + name
            let run = sandbox.run(["export", "--starred", "--data", schedule, "-o", file])
            #expect(run.status == 0, "\(run.stderr)")
            guard let python else { return [] }
            let read = try Programs.run(python, [ExternalTools.repository + "/scripts/read-ics-events.py", file])
            #expect(read.status == 0, "\(read.output)")
            return read.output.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
        func summary(_ events: [[String: Any]]) -> [String] {
            events.map { "\($0["uid"]!) \($0["sequence"]!) \($0["status"]!) \($0["summary"]!)" }.sorted()
        }
        let first = try export("one.ics")
        let second = try export("two.ics")
        if python != nil {
            #expect(summary(first) == ["313@38c3.confdash 0  Illegal instructions by legals - Anweisungen für den anwaltlich begleiteten Rechtsbruch",
                                       "32@38c3.confdash 0  Fearsome File Formats", "77@38c3.confdash 0  Lightning Talks Day 2"])
            #expect(summary(second) == summary(first), "a second export changes nothing")
        }
        // The schedule changes: a title, a start time; and a starred session disappears.
        xml = xml.replacingOccurrences(of: "<title>Fearsome File Formats</title>", with: "<title>Fearsome File Formats (updated)</title>")
        let removed = try #require(xml.range(of: #"<event guid="[^"]*" id="77">[\s\S]*?</event>"#, options: .regularExpression))
        xml.removeSubrange(removed)
        let moved = try #require(xml.range(of: #"id="313">[\s\S]*?<start>11:00</start>"#, options: .regularExpression))
        xml.replaceSubrange(moved, with: String(xml[moved]).replacingOccurrences(of: "<start>11:00</start>", with: "<start>11:10</start>")
            .replacingOccurrences(of: "2024-12-28T11:00:00+01:00", with: "2024-12-28T11:10:00+01:00"))
        try xml.write(toFile: schedule, atomically: true, encoding: .utf8)
        let third = try export("three.ics")
        let fourth = try export("four.ics")
        guard python != nil else { return }
        #expect(summary(third) == ["313@38c3.confdash 1  Illegal instructions by legals - Anweisungen für den anwaltlich begleiteten Rechtsbruch",
                                   "32@38c3.confdash 1  Fearsome File Formats (updated)",
                                   "77@38c3.confdash 1 CANCELLED Lightning Talks Day 2"])
        #expect(third.first { ($0["uid"] as? String) == "313@38c3.confdash" }?["dtstart"] as? String == "2024-12-28T11:10:00+01:00")
        #expect(third.first { ($0["uid"] as? String) == "77@38c3.confdash" }?["dtstart"] as? String == "2024-12-28T10:00:00+00:00")
        #expect(summary(fourth) == summary(third).filter { !$0.contains("CANCELLED") }, "cancelled once, then no more")
    }

    @Test("star --from a list of ids and guids, and from an .ics file another app exported")
    func importFavourites() throws {
        guard let path = Self.congress else { return }
        let sandbox = Sandbox()
        let list = sandbox.folder + "/favourites.txt"
        // 32 by its guid; a line that matches nothing is reported, not fatal.
        let guid = try #require(try String(contentsOfFile: path, encoding: .utf8)
            .firstMatch(of: #/<event guid="([^"]+)" id="32">/#)?.1)
        try "# my favourites\n313\n\n\(guid)\nnot-a-session\n".write(toFile: list, atomically: true, encoding: .utf8)
        let run = sandbox.run(["star", "--data", path, "--from", list])
        #expect(run.status == 0)
        #expect(run.stderr == "confdash: \(list.replacingOccurrences(of: sandbox.folder, with: "$STATE")): 1 favourite not in the schedule: 'line 5: not-a-session'\n")
        #expect(run.stdout.hasSuffix("2 starred sessions in all · $STATE/confdash/\(sandbox.stateFiles()[0])\n"))

        // Another app's calendar: UIDs unknown to confdash, so matched by title and start.
        let other = Sandbox()
        let ics = """
        BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//other app//EN\r\nBEGIN:VEVENT\r\nUID:fav-1@other.app\r\nDTSTAMP:20241201T000000Z\r\n\
        DTSTART:20241228T100000Z\r\nDTEND:20241228T120000Z\r\nSUMMARY:Lightning talks day 2\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\n\
        UID:fav-2@other.app\r\nDTSTAMP:20241201T000000Z\r\nDTSTART:20241228T130000Z\r\nSUMMARY:Not at this congress\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n
        """
        let file = other.folder + "/favourites.ics"
        try ics.write(toFile: file, atomically: true, encoding: .utf8)
        let fromICS = other.run(["star", "--data", path, "--from", file])
        #expect(fromICS.status == 0, "\(fromICS.stderr)")
        #expect(fromICS.stdout.hasPrefix("★ 77  Lightning Talks Day 2\n1 starred session in all"), "\(fromICS.stdout)")
        #expect(fromICS.stderr.contains("1 favourite not in the schedule: 'Not at this congress'"))
    }
}

/// Python with the icalendar package, as CI installs it (.ci/run); elsewhere the read-back part is skipped loudly.
enum ExternalTools {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static let pythonWithIcalendar: URL? = {
        if let python = Programs.onPath("python3"), Programs.python(python, imports: "icalendar") { return python }
        let message = "python3 with icalendar not found: the calendar read-back did not run (python3 -m pip install icalendar)"
        if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record(Comment(rawValue: message)) } else { print("⚠️  \(message)") }
        return nil
    }()
}

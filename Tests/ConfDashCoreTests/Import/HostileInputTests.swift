import Foundation
import Testing
@testable import ConfDashCore

private typealias F = ScheduleFixtures

/// Regression tests for issue 9: each input here once trapped, hung, lost data silently, or put a
/// control character on the user's terminal.
@Suite("Hostile input")
struct HostileInputTests {
    static let timedExample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/examples/timed-dataset.json")

    /// The documented timed example with its first session's fields replaced.
    static func timedDataset(_ replacements: [(String, String)]) throws -> LoadResult {
        var text = try String(contentsOf: timedExample, encoding: .utf8)
        for (old, new) in replacements {
            let range = try #require(text.range(of: old), "\(old) not in the example")
            text.replaceSubrange(range, with: new)
        }
        return DatasetLoader.load(json: text, name: "timed.json")
    }

    // MARK: Arithmetic on values from a file

    /// `agenda`, `export` and the dashboard stopped with signal 4 on this (Session.end, ClockDisplay).
    @Test func aHugeDurationIsAWarningNotATrap() throws {
        let result = try Self.timedDataset([("\"durationMinutes\": 30", "\"durationMinutes\": 9000000000000000000")])
        let problem = expectImportProblem(result, "is more than 14 days")
        #expect(problem?.line == 163)
        let dataset = try #require(result.dataset)
        let event = dataset.events[0]
        #expect(event.sessions[0].durationMinutes == nil)
        for session in event.sessions {
            _ = session.end(inTimeZone: TimeZones.zone(named: event.timeZone ?? ""))
            _ = ClockDisplay.zone(TimeZone(identifier: "Pacific/Kiritimati")!).times(of: session, in: event)
        }
    }

    @Test func endsAreCheckedForSessionsMadeInCode() {
        var session = Session(id: "s", kind: .talk, title: LocalizedText(en: "S"), start: at("2025-03-29T09:30"), durationMinutes: Int.max)
        #expect(session.end == nil)
        #expect(session.end(inTimeZone: TimeZone(identifier: "Europe/Brussels")) == nil)
        #expect(LocalDateTime(iso: "2025-03-29T09:30")!.adding(minutes: Int.max) == nil)
        let lastHalfHour = LocalDateTime(date: CalendarDate(year: 9999, month: 12, day: 31)!, time: ClockTime(hour: 23, minute: 30)!)
        #expect(lastHalfHour.adding(minutes: 60) == nil, "year 10000 is not a date")
        #expect(LocalDateTime(iso: "9998-12-31T23:30")!.adding(minutes: 60)?.description == "9999-01-01T00:30")
        #expect(LocalDateTime(iso: "9999-01-01T00:00") == nil, "outside the years read from text")
        session.start = LocalDateTime(date: CalendarDate(year: 9999, month: 12, day: 31)!, time: ClockTime(hour: 23, minute: 0)!)
        session.durationMinutes = 120
        #expect(session.end == nil)
        let event = Event(id: "e", kind: .conference, title: LocalizedText(en: "E"), startDate: session.start!.date,
                          endDate: session.start!.date, timeZone: "America/New_York", sessions: [session], sources: [])
        // 23:00 in New York on 31 December 9999 is in year 10000 in UTC: unknown, never a trap.
        #expect(ClockDisplay.zone(TimeZone(identifier: "UTC")!).times(of: session, in: event) == nil)
        #expect(ClockDisplay.eventZone.times(of: session, in: event)?.end == nil)
    }

    /// A session in year 9999 crashed the dashboard's first frame; conversions reached year 10000.
    @Test func datesOutsideTheReadableYearsAreLocatedProblems() throws {
        let dataset = try Self.timedDataset([("\"day\": \"2025-03-29\"", "\"day\": \"9999-12-31\"")])
        expectImportProblem(dataset, "outside the years confdash reads (2 to 9998)", severity: .error, line: 161)

        let ics = importText(F.ics(F.vevent("DTSTART:99991231T230000Z\nSUMMARY:Last")))
        expectImportProblem(ics, "is not a date or date-time")
        let xml = importText(F.xml(rooms: F.xmlEvent("<date>9999-12-31T23:00:00+01:00</date><title>Late</title>")))
        #expect(xml.dataset?.events.first?.sessions.allSatisfy { ($0.start?.date.year ?? 0) <= 9998 } ?? true)
    }

    /// The latest readable start, shown on a clock 14 hours ahead, stays within year 9999: the
    /// export writes a date other programs read (never year 10000), which confdash itself, reading
    /// only years 2 to 9998, reports instead of guessing.
    @Test func theLatestDatesConvertAndExportReadably() throws {
        let text = F.ics(F.vevent("DTSTART:99981231T230000Z\nDURATION:PT2H\nSUMMARY:Late"), header: "X-WR-TIMEZONE:Pacific/Kiritimati")
        let event = try importedEvent(text)
        let session = try event.session(titled: "Late")
        #expect(session.start?.description == "9999-01-01T13:00")
        let index = DatasetIndex(try #require(importText(text).dataset))
        let exported = Exporter.export(ExportRequest(index: index, language: .en, generatorVersion: "test"), as: .ics)
        #expect(!exported.text.contains("10000"))
        #expect(exported.text.contains("DTSTART;TZID=Pacific/Kiritimati:99990101T130000"))
        expectImportProblem(importText(exported.text), "DTSTART \"99990101T130000\" is not a date or date-time")
    }

    // MARK: Lengths said, never cut silently

    @Test func absurdICSLengthsAreWarnedAbout() throws {
        let text = F.ics([
            F.vevent("DTSTART:20240610T090000Z\nDURATION:P99999W\nSUMMARY:Weeks", uid: "a"),
            F.vevent("DTSTART:20240610T090000Z\nDURATION:-PT1H\nSUMMARY:Negative", uid: "b"),
            F.vevent("DTSTART:20240610T090000Z\nDTEND:20240710T090000Z\nSUMMARY:Month", uid: "c"),
        ].joined(separator: "\n"))
        let result = importText(text)
        expectImportProblem(result, "DURATION \"P99999W\" is not a duration confdash reads")
        expectImportProblem(result, "DURATION \"-PT1H\" is not positive")
        expectImportProblem(result, "a timed event of 30 days, longer than the 14 days")
        #expect(result.dataset?.events.first?.sessions.allSatisfy { $0.durationMinutes == nil } == true)
    }

    // MARK: Bounded work

    /// 196 bytes made 366,000 sessions, 515 MB and 134,000 duplicate-id warnings.
    @Test func repeatsTimesDaysAreBounded() throws {
        let text = F.ics(F.vevent("DTSTART;VALUE=DATE:20240101\nDTEND;VALUE=DATE:20250101\nRRULE:FREQ=DAILY;COUNT=1000\nSUMMARY:Year", uid: "y"))
        let result = importText(text)
        let event = try #require(result.dataset?.events.first)
        #expect(event.sessions.count <= ICSEventReader.maximumSessionsPerEvent)
        expectImportProblem(result, "the event makes more than 10000 sessions")
        #expect(result.problems.count < 10, "\(result.problems.prefix(20).map(\.description))")
    }

    @Test func limitsGiveErrorsThatNameThem() {
        let attributes = (0..<300).map { "a\($0)=\"1\"" }.joined(separator: " ")
        let xml = importText("<schedule \(attributes)/>", format: .xml)
        expectImportProblem(xml, "more than 256 attributes in <schedule>", severity: .error, line: 1)

        let categories = (0..<10_001).map { "c\($0)" }.joined(separator: ",")
        let ics = importText(F.ics(F.vevent("DTSTART:20240610T090000Z\nSUMMARY:x\nCATEGORIES:" + categories)))
        expectImportProblem(ics, "CATEGORIES has more than 10000 values", severity: .error)

        let line = importText(F.ics(F.vevent("DTSTART:20240610T090000Z\nSUMMARY:" + String(repeating: "x", count: ICSParser.maximumLineBytes))))
        expectImportProblem(line, "longer than confdash reads (the limit is 1048576 bytes)", severity: .error)
    }

    @Test func repeatedWarningsAreGroupedWithACount() throws {
        let events = (0..<50).map { F.vevent("DTSTART:20240610T09\(String(format: "%02d", $0))00Z", uid: "u\($0)") }
        let result = importText(F.ics(events.joined(separator: "\n")))
        let untitled = result.problems.filter { $0.message.hasPrefix("the session has no title") }
        #expect(untitled.count == 1)
        #expect(untitled.first?.message.hasSuffix("(and 49 more times in the file)") == true, "\(untitled)")
    }

    // MARK: Control characters

    @Test func theXMLReaderRefusesControlCharacters() {
        let reference = importText(F.xml(rooms: F.xmlEvent("<title>Bell &#27;[2J</title>")), format: .xml)
        expectImportProblem(reference, "&#27; is a control character, which XML 1.0 does not allow", severity: .error)
        let raw = importText(F.xml(rooms: F.xmlEvent("<title>Bell \u{1B}[2J</title>")), format: .xml)
        expectImportProblem(raw, "control character U+001B in the file, which XML 1.0 does not allow", severity: .error)
    }

    @Test func terminalTextReplacesEveryControlByAVisiblePlaceholder() {
        #expect(TerminalText.safe("a\u{1B}]0;pwned\u{07}b") == "a\u{241B}]0;pwned\u{2407}b")
        #expect(TerminalText.safe("x\u{9B}2Jy\u{202E}z\u{7F}") == "x\u{FFFD}2Jy\u{FFFD}z\u{2421}")
        #expect(TerminalText.safe("tab\tand\nline\r\n") == "tab\tand\nline\r\n", "tab, line feed and CRLF stay")
        #expect(TerminalText.safe("over\rwrite") == "over\u{240D}write")
        #expect(TerminalText.safeLine("two\nlines") == "two\u{240A}lines")
        #expect(TerminalText.escapedJSON("\"a\u{9B}b\u{202E}\"") == "\"a\\u009bb\\u202e\"")
        let problem = LoadProblem(severity: .warning, file: "f\u{1B}.ics", path: "", line: 1, column: 1, message: "m\u{9B}\nx")
        #expect(problem.description == "f\u{241B}.ics:1:1: warning: m\u{FFFD}\u{240A}x")
    }

    @Test func exportsKeepControlsAwayFromTerminalsAndCellStarts() throws {
        let text = F.ics(F.vevent("DTSTART:20240610T090000Z\nSUMMARY:\u{1B}]0;owned\u{07}Title\nLOCATION:Room \u{9B}2J"))
        let index = DatasetIndex(try #require(importText(text).dataset))
        let request = ExportRequest(index: index, language: .en, generatorVersion: "test")
        let markdown = Exporter.export(request, as: .md).text
        #expect(!markdown.unicodeScalars.contains(where: TerminalText.isUnsafe), "\(markdown)")
        #expect(markdown.contains("\u{241B}\\]0;owned\u{2407}Title"), "shown, with Markdown's own escape: \(markdown)")
        let json = Exporter.export(request, as: .json).text
        #expect(!json.unicodeScalars.contains(where: TerminalText.isUnsafe))
        #expect(json.contains("\\u009b2J"))
        let csv = Exporter.export(request, as: .csv).text
        #expect(csv.contains(",'\u{1B}]0;owned\u{07}Title,") || csv.contains(",\"'\u{1B}]0;owned\u{07}Title\","), "\(csv)")
        #expect(CSVWriter.escape("\u{1B}x") == "'\u{1B}x")
        #expect(CSVWriter.escape("plain") == "plain")
    }

    // MARK: What valid files say, read in full

    /// RFC 5545 §3.1: unfold, then decode. A real 120-session calendar folds inside characters.
    @Test func aFoldInsideAUTF8CharacterIsRead() throws {
        let summary = Array("SUMMARY:Caf".utf8) + [0xC3, 0x0D, 0x0A, 0x20, 0xA9] + Array(" ouvert".utf8)
        var bytes = Array(F.ics(F.vevent("DTSTART:20240610T090000Z\nSUMMARY:X")).utf8)
        let marker = Array("SUMMARY:X".utf8)
        let at = try #require((0...(bytes.count - marker.count)).first { Array(bytes[$0..<($0 + marker.count)]) == marker })
        bytes.replaceSubrange(at..<(at + marker.count), with: summary)
        let result = DatasetImporter.load(data: Data(bytes), name: "folded.ics")
        #expect(result.dataset?.events.first?.sessions.first?.title.en == "Café ouvert", "\(result.problems)")
    }

    @Test func carriageReturnOnlyLineEndsAreRead() throws {
        let text = F.ics(F.vevent("DTSTART:20240610T090000Z\nSUMMARY:Old Mac")).replacingOccurrences(of: "\r\n", with: "\r")
        let event = try importedEvent(text)
        #expect(event.sessions.map { $0.title.en ?? "" } == ["Old Mac"])
    }

    @Test func notICalendarNeverEchoesTheWholeFile() {
        let text = "BEGIN:VCARD\r" + String(repeating: "X", count: 100_000)
        let result = importText(text, format: .ics)
        #expect(result.errors.count == 1)
        #expect((result.errors.first?.description.count ?? 0) < 300, "\(result.errors.first?.description.prefix(400) ?? "")")
    }

    @Test func utf32IsCalledUTF32() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x00, 0x00] + Array("B\0\0\0".utf8)
        let result = DatasetImporter.load(data: Data(bytes), name: "u32.ics")
        #expect(result.errors.first?.message.contains("UTF-32") == true, "\(result.problems)")
    }

    /// Lotus Notes writes its occurrences as periods: four of five were lost.
    @Test func rdatePeriodsAreOccurrences() throws {
        let text = F.ics(F.vevent("""
            DTSTART:20240610T090000Z
            DTEND:20240610T100000Z
            RDATE;VALUE=PERIOD:20240611T090000Z/20240611T100000Z,20240612T090000Z/PT1H
            RDATE;VALUE=PERIOD:20240613T090000Z/20240613T100000Z
            SUMMARY:Notes
            """))
        let event = try importedEvent(text)
        #expect(event.sessions.compactMap(\.start?.description) == ["2024-06-10T09:00", "2024-06-11T09:00", "2024-06-12T09:00", "2024-06-13T09:00"])
    }

    @Test func severalCalendarsInOneFileAreAllRead() throws {
        let first = F.ics(F.vevent("DTSTART:20240610T090000Z\nSUMMARY:One", uid: "one"))
        let second = F.ics(F.vevent("DTSTART:20240610T100000Z\nSUMMARY:Two", uid: "two"))
        let event = try importedEvent(first + second)
        #expect(event.sessions.map { $0.title.en ?? "" }.sorted() == ["One", "Two"])
    }
}

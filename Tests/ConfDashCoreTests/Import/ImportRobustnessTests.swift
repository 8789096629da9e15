import ConfDashTestSupport
import Foundation
import Testing
@testable import ConfDashCore

/// No input makes an importer crash or hang: every cut and every mutation of a schedule gives a
/// result whose problems are placed in the file and fit on one line.
@Suite("Import never crashes")
struct ImportRobustnessTests {
    static let fixtures: [(name: String, text: String)] = [
        ("schedule.xml", ScheduleFixtures.richXML),
        ("frab.json", ScheduleFixtures.frabJSON(events: ScheduleFixtures.jsonEvent(id: 1) + "," + ScheduleFixtures.jsonEvent(id: 2, start: "01:00"))),
        ("pretalx.json", ScheduleFixtures.pretalxJSON),
        ("calendar.ics", ScheduleFixtures.richICS + ScheduleFixtures.ics(ScheduleFixtures.vevent(
            "DTSTART;TZID=Europe/Berlin:20241227T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=5\nEXDATE;TZID=Europe/Berlin:20241230T090000\nSUMMARY:R")))
    ]

    @Test(arguments: fixtures.map(\.name))
    func everyTruncationIsHandled(name: String) {
        let bytes = Array(Self.fixtures.first { $0.name == name }!.text.utf8)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            // Every 3rd offset keeps the run short; the cuts still land on every kind of token.
            for end in stride(from: 0, to: bytes.count, by: 3) {
                let result = DatasetImporter.load(data: Data(bytes[..<end]), name: "cut-" + name)
                checkLoadInvariants(result, lineCount: lineCount(of: bytes), "\(name) cut at \(end)")
            }
        }
        #expect(elapsed < .seconds(60 * testTimeoutScale), "took \(elapsed)")
    }

    @Test(arguments: fixtures.map(\.name))
    func randomMutationsAreHandled(name: String) {
        var random = SeededGenerator(state: 38_003)
        let original = Array(Self.fixtures.first { $0.name == name }!.text.utf8)
        let interesting = Array("<>/&;\"'=:{}[],\\\n\r\t 0123456789TZ+-PDHMSW".utf8) + [0x00, 0x80, 0xC3, 0xE2, 0xFF]
        for round in 0..<300 {
            var bytes = original
            mutate(&bytes, edits: 1...4, interesting: interesting, longestCopy: 60, using: &random)
            let result = DatasetImporter.load(data: Data(bytes), name: "mutated-" + name)
            checkLoadInvariants(result, lineCount: lineCount(of: bytes), "\(name) round \(round)")
        }
    }

    /// Values that could make loops run away: huge counts and intervals, far dates, long runs of markup.
    @Test func pathologicalValuesStayBounded() {
        let ics = ScheduleFixtures.ics([
            ScheduleFixtures.vevent("DTSTART:99991230T090000Z\nRRULE:FREQ=DAILY;INTERVAL=1000;COUNT=999999\nSUMMARY:A", uid: "a"),
            ScheduleFixtures.vevent("DTSTART:20240101T090000Z\nRRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=99991231\nSUMMARY:B", uid: "b"),
            ScheduleFixtures.vevent("DTSTART:20240101T090000Z\nRRULE:FREQ=DAILY;BYDAY=MO;COUNT=2;INTERVAL=7\nSUMMARY:C", uid: "c"),
            ScheduleFixtures.vevent("DTSTART;VALUE=DATE:20240101\nDURATION:P9999999D\nSUMMARY:D", uid: "d"),
            ScheduleFixtures.vevent("DTSTART:20240101T090000Z\nDESCRIPTION:" + String(repeating: "[", count: 50_000)
                                    + String(repeating: "<a", count: 20_000) + String(repeating: "**x", count: 20_000), uid: "e"),
        ].joined(separator: "\n"))
        let clock = ContinuousClock()
        var result: LoadResult?
        let elapsed = clock.measure { result = importText(ics) }
        #expect(result?.dataset != nil, "\(result?.problems ?? [])")
        // What keeps this bounded is the cap on occurrences, not the clock: every repeating event
        // stops at ICSEventReader.maximumSessionsPerEvent. The clock bound only catches a hang; it
        // is generous because a loaded test machine once took 35 s (speed lives in the benchmarks).
        let sessions = result?.dataset?.events.reduce(0) { $0 + $1.sessions.count } ?? 0
        #expect(sessions <= 5 * ICSEventReader.maximumSessionsPerEvent, "\(sessions) sessions")
        #expect(elapsed < .seconds(180 * testTimeoutScale), "took \(elapsed)")
        let many = (0..<5000).map { ScheduleFixtures.jsonEvent(id: 9, title: "Dup \($0)") }.joined(separator: ",")
        let duplicates = importText(ScheduleFixtures.frabJSON(events: many))
        #expect(duplicates.dataset?.events.first?.sessions.count == 5000)
        // 4,999 sessions reuse id 9: all are kept, and the user is told once (count and the first
        // three, each with its place), not in 4,999 lines that bury every other warning.
        #expect(Set(duplicates.dataset?.events.first?.sessions.map(\.id) ?? []).count == 5000)
        #expect(duplicates.warnings.count == 1, "\(duplicates.warnings.prefix(5))")
        let summary = duplicates.warnings.first
        #expect(summary?.message.hasPrefix("4999 sessions reuse an id already taken; all are kept, each under a new id: ") == true)
        #expect(summary?.message.contains("\"9\" at line \(summary?.line ?? 0) (first at line ") == true, "\(String(describing: summary))")
        #expect(summary?.message.contains("as \"9-2\"") == true && summary?.message.contains("as \"9-4\"") == true)
        #expect(summary?.message.hasSuffix(" and 4996 more") == true, "\(String(describing: summary))")
    }

    /// The first few kilobytes of 38C3, cut at many places: real markup in every state of repair.
    @Test func cutsOfTheRealScheduleAreHandled() {
        guard let bytes = RealSchedules.bytes("38c3-schedule.xml") else { return }
        let head = Array(bytes.prefix(30_000))
        for end in stride(from: 0, through: head.count, by: 97) {
            checkLoadInvariants(DatasetImporter.load(data: Data(head[..<end]), name: "38c3-cut.xml"), lineCount: lineCount(of: head), "cut at \(end)")
        }
    }
}

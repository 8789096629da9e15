import Foundation
import Testing
@testable import ConfDashCore

/// Sessions that reuse an id: all are kept under new ids; a few are told one by one, many in one warning.
@Suite("Import: duplicate ids")
struct DuplicateIDTests {
    private typealias F = ScheduleFixtures

    /// `count` VEVENTs sharing one UID, each six lines long, the first at line 5.
    private func calendar(sharing uid: String, count: Int) -> LoadResult {
        let events = (0..<count).map { F.vevent("DTSTART:20240610T\(String(format: "%02d", 8 + $0 % 12))0000Z\nSUMMARY:Talk \($0)", uid: uid) }
        return importText(F.ics(events.joined(separator: "\n")))
    }

    @Test func upToThreeDuplicatesEachGetAWarningAtTheirOwnLine() throws {
        let result = calendar(sharing: "same", count: 4)
        #expect(result.dataset?.events.first?.sessions.map(\.id).sorted() == ["same", "same-2", "same-3", "same-4"])
        let duplicates = result.warnings.filter { $0.message.hasPrefix("duplicate id") }
        #expect(duplicates.map(\.message) == [
            "duplicate id \"same\" (first at line 5); both are kept, this one as \"same-2\"",
            "duplicate id \"same\" (first at line 5); both are kept, this one as \"same-3\"",
            "duplicate id \"same\" (first at line 5); both are kept, this one as \"same-4\"",
        ])
        #expect(duplicates.map(\.line) == [11, 17, 23])
        #expect(result.warnings.count == 3, "\(result.warnings)")
    }

    @Test func fourOrMoreAreOneWarningWithTheCountAndTheFirstThree() throws {
        let result = calendar(sharing: "same", count: 5)
        #expect(result.dataset?.events.first?.sessions.count == 5)
        let warning = try #require(result.warnings.first, "no warning")
        #expect(result.warnings.count == 1, "\(result.warnings)")
        #expect(warning.message == "4 sessions reuse an id already taken; all are kept, each under a new id: "
                + "\"same\" at line 11 (first at line 5) as \"same-2\", \"same\" at line 17 (first at line 5) as \"same-3\", "
                + "\"same\" at line 23 (first at line 5) as \"same-4\" and 1 more")
        #expect(warning.line == 11, "the warning is at the first duplicate")
    }

    /// Different ids, each reused: the summary names each with its own first use.
    @Test func severalReusedIdsInXML() throws {
        let rooms = (0..<10).map { F.xmlEvent(id: "\(100 + $0 % 2)", "<date>2024-03-08T1\($0 % 10):00:00+01:00</date><title>T\($0)</title>") }
        let result = importText(F.xml(rooms: rooms.joined(separator: "\n")))
        let event = try #require(result.dataset?.events.first, "\(result.problems)")
        #expect(Set(event.sessions.map(\.id)).count == 10)
        let summary = try #require(result.warnings.first { $0.message.contains("reuse an id") })
        #expect(summary.message.hasPrefix("8 sessions reuse an id already taken"))
        #expect(summary.message.contains("\"100\" at line") && summary.message.contains("\"101\" at line"), "\(summary.message)")
        #expect(summary.message.hasSuffix(" and 5 more"))
        #expect(!result.warnings.contains { $0.message.hasPrefix("duplicate id") })
    }

    /// A hostile id is quoted and cut in the summary like everywhere else: the warning stays one short line.
    @Test func aLongHostileIdStaysShortAndOnOneLine() throws {
        let uid = String(repeating: "x", count: 5000) + "\u{1B}]0;pwned\u{07}"
        let result = calendar(sharing: uid, count: 50)
        let warning = try #require(result.warnings.first { $0.message.contains("reuse an id") })
        #expect(warning.message.hasPrefix("49 sessions reuse"))
        #expect(warning.message.count < 700, "\(warning.message.count) characters")
        #expect(!warning.message.unicodeScalars.contains { $0.value < 0x20 })
    }
}

import Foundation
import Testing
@testable import ConfDashCore

/// The iCalendar reader reads a calendar in two passes (`ICSParser.scan`, then each event on its
/// own from the bytes): what the first pass must know before any event is read, and where each
/// event's lines are found again.
@Suite("Import: iCalendar read event by event")
struct ICSStreamingTests {
    private typealias F = ScheduleFixtures

    @Test func aVTimezoneAfterTheEventsThatUseItIsStillTheirZone() throws {
        for name in ["W. Europe Standard Time", "Our Office Time"] {
            let zoneFirst = importText(F.ics(ICSImportTests.outlookZoneBody(named: name)))
            let zone = F.centralEuropeanZone(name, standardStart: "DTSTART:16010101T030000", daylightStart: "DTSTART:16010101T020000")
            let body = ICSImportTests.outlookZoneBody(named: name).replacingOccurrences(of: zone + "\n", with: "") + "\n" + zone
            let zoneLast = importText(F.ics(body))
            let first = try #require(zoneFirst.dataset?.events.first)
            let last = try #require(zoneLast.dataset?.events.first)
            #expect(last.timeZone == first.timeZone)
            #expect(last.sessions.map(\.start) == first.sessions.map(\.start))
            #expect(try last.session(titled: "Summer").start == at(name == "Our Office Time" ? "2024-04-05T09:00" : "2024-04-05T10:00"))
            #expect(zoneLast.problems.map(\.message) == zoneFirst.problems.map(\.message))
            #expect(!zoneLast.problems.contains { $0.message.contains("unknown time zone") }, "\(zoneLast.problems)")
        }
    }

    @Test func aVTimezoneAfterTheEventsConvertsTheirEnds() throws {
        let zone = F.centralEuropeanZone("Office", standardStart: "DTSTART:16010101T030000", daylightStart: "DTSTART:16010101T020000")
        let body = F.vevent("DTSTART:20240405T080000Z\nDTEND;TZID=Office:20240405T113000\nSUMMARY:Ends in the office zone") + "\n" + zone
        let event = try importedEvent(F.ics(body, header: "X-WR-TIMEZONE:Europe/Berlin"))
        let talk = try event.session(titled: "Ends in the office zone")
        #expect(talk.start == at("2024-04-05T10:00"))
        #expect(talk.durationMinutes == 90)
    }

    @Test func aCalendarCutShortInsideAnEventKeepsWhatTheEventHas() throws {
        let whole = F.ics(F.vevent("DTSTART:20240610T090000Z\nSUMMARY:Complete", uid: "a")
                          + "\n" + F.vevent("DTSTART:20240610T100000Z\nDURATION:PT30M\nSUMMARY:Cut short\nDESCRIPTION:never read", uid: "b"))
        let cut = String(whole[..<whole.range(of: "\r\nDESCRIPTION")!.lowerBound])
        let result = importText(cut)
        let event = try #require(result.dataset?.events.first, "\(result.problems)")
        #expect(event.sessions.map(\.title.en) == ["Complete", "Cut short"])
        #expect(try event.session(titled: "Cut short").durationMinutes == 30)
        // Lines 5-10 are the first event; the second begins at line 11 and the file ends at line 16.
        expectImportProblem(result, "the file ends inside VEVENT (begun at line 11)", line: 16)
    }

    @Test func aCalendarCutShortInAFoldedLineKeepsTheLineUpToTheCut() throws {
        let text = F.ics(F.vevent("DTSTART:20240610T090000Z\nSUMMARY:Folded ti\n tle"))
        let cut = String(text[..<text.range(of: "\r\nEND:VEVENT")!.lowerBound])
        let event = try importedEvent(cut)
        #expect(event.sessions.map(\.title.en) == ["Folded title"])
    }

    @Test func anEventsPropertiesAfterAnAlarmAreItsOwnAndTheAlarmsAreNot() throws {
        let body = F.vevent("""
            DTSTART:20240610T090000Z
            BEGIN:VALARM
            TRIGGER:-PT15M
            DTSTART;TZID=Nowhere/Zone:20240101T000000
            SUMMARY:The alarm's summary
            END:VALARM
            SUMMARY:After the alarm
            """)
        let result = importText(F.ics(body))
        let event = try #require(result.dataset?.events.first, "\(result.problems)")
        #expect(event.sessions.map(\.title.en) == ["After the alarm"])
        #expect(event.timeZone == "UTC")
        #expect(result.problems.isEmpty, "\(result.problems)")
    }

    @Test func warningsInsideAnEventNameTheirOwnLinesAfterFoldedOnes() throws {
        // DESCRIPTION folds over three physical lines (9-11); DTEND is on line 12.
        let body = F.vevent("DTSTART:20240610T090000Z\nDESCRIPTION:one\n two\n three\nDTEND:tomorrow\nSUMMARY:Folded")
        let result = importText(F.ics(body))
        #expect(try #require(result.dataset?.events.first).sessions.first?.abstract?.en == "onetwothree")
        expectImportProblem(result, "DTEND \"tomorrow\" is not a date or date-time", line: 12)
    }

    @Test func aFoldInsideACharacterIsReadInAStreamedEvent() throws {
        var bytes = Array(F.ics(F.vevent("DTSTART:20240610T090000Z\nSUMMARY:café")).utf8)
        // Fold between the two bytes of "é": the file is not UTF-8 as it stands, only unfolded.
        let index = try #require(bytes.firstIndex(of: 0xC3))
        bytes.insert(contentsOf: [0x0D, 0x0A, 0x20], at: index + 1)
        let result = DatasetImporter.load(data: Data(bytes), name: "fold.ics")
        #expect(try #require(result.dataset?.events.first).sessions.map(\.title.en) == ["café"])
    }

    @Test func anOverrideBeforeItsRepeatingEventAndAFoldedUIDStillReplaceTheOccurrence() throws {
        let override = F.vevent("RECURRENCE-ID:20240611T090000Z\nDTSTART:20240611T140000Z\nSUMMARY:Moved", uid: "daily-st\n andup")
        let master = F.vevent("DTSTART:20240610T090000Z\nRRULE:FREQ=DAILY;COUNT=3\nSUMMARY:Standup", uid: "daily-standup")
        let event = try importedEvent(F.ics(override + "\n" + master))
        #expect(event.sessions.filter { $0.title.en == "Standup" }.map(\.start) == [at("2024-06-10T09:00"), at("2024-06-12T09:00")])
        #expect(try event.session(titled: "Moved").start == at("2024-06-11T14:00"))
    }

    @Test func eventsOfAnOldMacFileAreReadAgainWithItsLineEnds() throws {
        let zone = F.centralEuropeanZone("Office", standardStart: "DTSTART:16010101T030000", daylightStart: "DTSTART:16010101T020000")
        let text = F.ics(F.vevent("DTSTART;TZID=Office:20240405T100000\nSUMMARY:Long\n  title\nDTEND:x") + "\n" + zone)
            .replacingOccurrences(of: "\r\n", with: "\r")
        let result = importText(text)
        let event = try #require(result.dataset?.events.first, "\(result.problems)")
        #expect(event.sessions.map(\.title.en) == ["Long title"])
        #expect(event.sessions.first?.start == at("2024-04-05T10:00"))
        expectImportProblem(result, "DTEND \"x\" is not a date or date-time", line: 11)
    }

    @Test func eachLogicalLineIsFoundAgainAtItsOffset() {
        let text = "\u{FEFF}A:1\r\nB:2\r\n  continued\r\n\tand tab\r\n\r\n more\r\nC:3\r"
        let bytes = Array(text.utf8)
        var found: [(String, String)] = []
        bytes.withUnsafeBufferPointer { buffer in
            var lines = ICSLines(buffer)
            var again = ICSLines(buffer)
            lines.forEach(from: lines.firstOffset, firstLine: 1) { line, _, offset in
                let text = String(decoding: line, as: UTF8.self)
                found.append((text, again.line(at: offset) { String(decoding: $0, as: UTF8.self) }))
                return true
            }
        }
        #expect(found.map(\.0) == ["A:1", "B:2 continuedand tab", "more", "C:3\r"])
        #expect(found.map(\.1) == found.map(\.0))
        #expect(ICSParser.unfoldedLines(bytes).map(\.line) == [1, 2, 5, 7])
    }
}

/// The second pass hands back the pages of the file behind the event it reads (`PassedPages`,
/// in steps of 4 MiB): a calendar of more than twice that must read every event whole.
@Suite("Import: iCalendar pages handed back")
struct ICSPassedPagesTests {
    @Test func aCalendarLargerThanTwoStepsReadsEveryEventWhole() throws {
        let description = String(repeating: "A long abstract, folded as calendar programs fold it. ", count: 40)
        var text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Big\r\n"
        let count = 2 * PassedPages.step / description.utf8.count + 500
        for index in 0..<count {
            text += "BEGIN:VEVENT\r\nUID:e\(index)@big\r\nDTSTART:20240610T\(String(format: "%02d", index % 24))0000Z\r\n"
                + "SUMMARY:Event \(index)\r\nDESCRIPTION:\(description)\r\nEND:VEVENT\r\n"
        }
        text += "BEGIN:VTIMEZONE\r\nTZID:Late\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n"
        #expect(text.utf8.count > 2 * PassedPages.step)
        let result = importText(text)
        let event = try #require(result.dataset?.events.first, "\(result.problems.prefix(3))")
        #expect(event.sessions.count == count)
        #expect(Set(event.sessions.map(\.title.en)) == Set((0..<count).map { "Event \($0)" }))
        #expect(event.sessions.allSatisfy { $0.abstract?.en?.hasPrefix("A long abstract") == true })
    }
}

import Foundation
import Testing
@testable import ConfDashCore

@Suite("Import: iCalendar")
struct ICSImportTests {
    private typealias F = ScheduleFixtures

    @Test func aRichCalendarMapsEveryField() throws {
        let result = importText(F.richICS, name: "testcon.ics")
        let dataset = try #require(result.dataset, "\(result.problems)")
        let event = try #require(dataset.events.first)
        #expect(event.title.en == "TestCon ICS")
        #expect(event.id == "testcon-ics")
        #expect(event.timeZone == "Europe/Berlin")
        // Folded lines are unfolded; \, \; \\ and \n are unescaped.
        let opening = try event.session(titled: "Opening, with a long title that a calendar program folds over more than one line because lines are limited to 75 octets")
        #expect(opening.abstract?.en == "First line\nSecond line; with a semicolon and a backslash \\ here")
        #expect(opening.start == at("2024-12-27T10:30"))
        #expect(opening.durationMinutes == 30)
        #expect(event.roomName(opening.room) == "Saal 1")
        #expect(opening.tracks == ["ccc", "ceremony"])
        #expect(opening.links.map(\.url) == ["https://events.example.org/opening"])
        #expect(opening.id == "opening", "UID opening@testcon: the part before @ is a valid id")
        // Written in UTC, shown in the calendar's zone; a quoted parameter value does not end the name.
        let talk = try event.session(titled: "A talk written in UTC")
        #expect(talk.start == at("2024-12-27T14:00"))
        #expect(talk.durationMinutes == 45)
        #expect(event.roomName(talk.room) == "Saal 2")
        #expect(dataset.tracks.map(\.name.en) == ["CCC", "Ceremony", "Security"])
        #expect(result.problems.isEmpty, "\(result.problems)")
    }

    @Test func escapedTextAndQuotedParameters() {
        #expect(ICSValues.text(#"a\,b\;c\\d\ne\Nf"#) == "a,b;c\\d\ne\nf")
        #expect(ICSValues.list(#"One,Two\, with comma, Three"#) == ["One", "Two, with comma", "Three"])
        let property = ICSParser.contentLine(#"ATTENDEE;CN="Doe, Jane; PhD";ROLE=CHAIR,X:mailto:j@example.org"#, line: 3)
        #expect(property?.name == "ATTENDEE")
        #expect(property?.parameters["CN"] == ["Doe, Jane; PhD"])
        #expect(property?.parameters["ROLE"] == ["CHAIR", "X"])
        #expect(property?.value == "mailto:j@example.org")
    }

    @Test func lineUnfoldingKeepsTheLineNumberOfTheFirstLine() {
        let lines = ICSParser.unfoldedLines(Array("A:1\r\nB:2\r\n  continued\r\n\tand tab\r\nC:3".utf8))
        #expect(lines.map { String(decoding: $0.bytes, as: UTF8.self) } == ["A:1", "B:2 continuedand tab", "C:3"])
        #expect(lines.map(\.line) == [1, 2, 5])
    }

    @Test func allDayEntriesHaveDaysAndNoTimes() throws {
        let body = F.vevent("DTSTART;VALUE=DATE:20240610\nDTEND;VALUE=DATE:20240611\nSUMMARY:Registration open", uid: "reg")
            + "\n" + F.vevent("DTSTART;VALUE=DATE:20240610\nDTEND;VALUE=DATE:20240613\nSUMMARY:Exhibition", uid: "expo")
        let event = try importedEvent(F.ics(body))
        let registration = try event.session(titled: "Registration open")
        #expect(registration.day == day("2024-06-10"))
        #expect(registration.start == nil && registration.durationMinutes == nil)
        // A three-day entry happens on each of its days (DTEND is exclusive).
        let exhibition = event.sessions.filter { $0.title.en == "Exhibition" }
        #expect(exhibition.map(\.day) == [day("2024-06-10"), day("2024-06-11"), day("2024-06-12")])
        #expect(exhibition.map(\.id) == ["expo-20240610", "expo-20240611", "expo-20240612"])
        #expect(event.timeZone == nil)
    }

    @Test func durationInsteadOfAnEnd() throws {
        let body = F.vevent("DTSTART:20240610T090000Z\nDURATION:PT1H30M\nSUMMARY:Keynote")
        #expect(try importedEvent(F.ics(body)).session(titled: "Keynote").durationMinutes == 90)
        #expect(ICSValues.durationSeconds("P1W") == 7 * 86_400)
        #expect(ICSValues.durationSeconds("-PT15M") == -900)
        #expect(ICSValues.durationSeconds("P1DT2H") == 26 * 3600)
        #expect(ICSValues.durationSeconds("PT") == nil)
    }

    @Test func aZoneDefinedOnlyByItsVTimezone() throws {
        // Outlook names zones its own way and defines them in a VTIMEZONE; confdash follows its rules.
        let event = try importedEvent(F.ics(Self.outlookZoneBody(named: "W. Europe Standard Time")))
        // Issue 9: one offset for the whole calendar showed the summer session an hour early. The
        // Windows name maps to the IANA zone whose offsets agree with the VTIMEZONE at every start.
        #expect(event.timeZone == "Europe/Berlin")
        #expect(try event.session(titled: "Winter one").start == at("2024-03-05T10:00"))
        #expect(try event.session(titled: "Summer").start == at("2024-04-05T10:00"))
    }

    @Test func aZoneOnlyItsVTimezoneNamesFallsBackToAnOffsetAndSaysSo() throws {
        let result = importText(F.ics(Self.outlookZoneBody(named: "Our Office Time")))
        let event = try #require(result.dataset?.events.first)
        // No IANA name to store: the offset most sessions have stands for the zone, with a warning.
        #expect(event.timeZone == "+01:00")
        #expect(try event.session(titled: "Winter one").start == at("2024-03-05T10:00"))
        #expect(try event.session(titled: "Summer").start == at("2024-04-05T09:00"))
        expectImportProblem(result, "1 event at another offset shows at another hour than the file's clock")
    }

    /// Two winter sessions and one summer one in a zone defined only by its VTIMEZONE (Outlook's rules for Berlin).
    static func outlookZoneBody(named name: String) -> String {
        let zone = F.centralEuropeanZone(name, standardStart: "DTSTART:16010101T030000", daylightStart: "DTSTART:16010101T020000")
        let tz = "TZID=\"\(name)\""
        return zone + "\n" + F.vevent("DTSTART;\(tz):20240305T100000\nSUMMARY:Winter one", uid: "w1")
            + "\n" + F.vevent("DTSTART;\(tz):20240306T100000\nSUMMARY:Winter two", uid: "w2")
            + "\n" + F.vevent("DTSTART;\(tz):20240405T100000\nSUMMARY:Summer", uid: "s1")
    }

    @Test func anIANAZoneNeedsNoVTimezone() throws {
        let body = F.vevent("DTSTART;TZID=America/New_York:20240704T090000\nDTEND;TZID=America/New_York:20240704T100000\nSUMMARY:Parade")
        let event = try importedEvent(F.ics(body))
        #expect(event.timeZone == "America/New_York")
        #expect(try event.session(titled: "Parade").start == at("2024-07-04T09:00"))
    }

    @Test func timesInOtherZonesAreConvertedToTheCalendarsZone() throws {
        let body = F.vevent("DTSTART;TZID=/mozilla.org/20050126_1/America/New_York:20240704T090000\nSUMMARY:Remote talk")
        let event = try importedEvent(F.ics(body, header: "X-WR-TIMEZONE:Europe/Berlin"))
        #expect(event.timeZone == "Europe/Berlin")
        #expect(try event.session(titled: "Remote talk").start == at("2024-07-04T15:00"))
    }

    @Test func utcTimesWithNoOtherZoneAreShownInUTC() throws {
        let event = try importedEvent(F.ics(F.vevent("DTSTART:20240610T090000Z\nSUMMARY:Zulu")))
        #expect(event.timeZone == "UTC")
        #expect(try event.session(titled: "Zulu").start == at("2024-06-10T09:00"))
    }

    @Test func floatingTimesStayAsWrittenWithNoZone() throws {
        let event = try importedEvent(F.ics(F.vevent("DTSTART:20240610T090000\nDTEND:20240610T093000\nSUMMARY:Anywhere")))
        #expect(event.timeZone == nil)
        let session = try event.session(titled: "Anywhere")
        #expect(session.start == at("2024-06-10T09:00"))
        #expect(session.durationMinutes == 30)
    }

    @Test func anUnknownZoneIsReadAsFloatingWithAWarning() throws {
        let result = importText(F.ics(F.vevent("DTSTART;TZID=Mars/Olympus:20240610T090000\nSUMMARY:Far away")))
        #expect(result.dataset?.events.first?.sessions.first?.start == at("2024-06-10T09:00"))
        expectImportProblem(result, "unknown time zone \"Mars/Olympus\"", line: 8)
    }

    @Test func dailyRepeatsWithCount() throws {
        let body = F.vevent("DTSTART;TZID=Europe/Berlin:20241227T090000\nDURATION:PT30M\nRRULE:FREQ=DAILY;COUNT=4\nSUMMARY:Morning briefing", uid: "brief")
        let sessions = try importedEvent(F.ics(body)).sessions
        #expect(sessions.map(\.start) == ["27", "28", "29", "30"].map { at("2024-12-\($0)T09:00") })
        #expect(sessions.map(\.id) == ["brief-20241227", "brief-20241228", "brief-20241229", "brief-20241230"])
        #expect(sessions.allSatisfy { $0.durationMinutes == 30 })
    }

    @Test func weeklyRepeatsOnGivenDaysUntilADate() throws {
        // Tuesdays and Thursdays, every other week, until (and including) 2024-06-20 09:00 UTC = 11:00 in Berlin.
        let body = F.vevent("DTSTART;TZID=Europe/Berlin:20240604T110000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20240620T090000Z\nSUMMARY:Study group")
        let days = try importedEvent(F.ics(body)).sessions.compactMap(\.day)
        #expect(days == ["2024-06-04", "2024-06-06", "2024-06-18", "2024-06-20"].map(day))
    }

    @Test func excludedDatesAndMovedOccurrences() throws {
        let body = F.vevent("""
            DTSTART;TZID=Europe/Berlin:20240610T100000
            RRULE:FREQ=DAILY;COUNT=4
            EXDATE;TZID=Europe/Berlin:20240611T100000
            SUMMARY:Daily demo
            """, uid: "demo")
            + "\n" + F.vevent("RECURRENCE-ID;TZID=Europe/Berlin:20240612T100000\nDTSTART;TZID=Europe/Berlin:20240612T150000\nSUMMARY:Daily demo (moved)", uid: "demo")
            + "\n" + F.vevent("RECURRENCE-ID;TZID=Europe/Berlin:20240613T100000\nDTSTART;TZID=Europe/Berlin:20240613T100000\nSTATUS:CANCELLED\nSUMMARY:Daily demo", uid: "demo")
        let result = importText(F.ics(body))
        let sessions = try #require(result.dataset?.events.first?.sessions)
        #expect(sessions.map(\.start) == [at("2024-06-10T10:00"), at("2024-06-12T15:00")])
        #expect(sessions.map(\.id) == ["demo-20240610", "demo-20240612"])
        expectImportProblem(result, "1 cancelled event (STATUS:CANCELLED) is left out")
    }

    @Test func rulesConfdashDoesNotExpandKeepTheEventOnceAndSaySo() throws {
        let monthly = F.vevent("DTSTART:20240610T090000Z\nRRULE:FREQ=MONTHLY;BYMONTHDAY=10;COUNT=3\nSUMMARY:Monthly", uid: "m")
        let endless = F.vevent("DTSTART:20240610T090000Z\nRRULE:FREQ=WEEKLY\nSUMMARY:Weekly", uid: "w")
        let result = importText(F.ics(monthly + "\n" + endless))
        let sessions = try #require(result.dataset?.events.first?.sessions)
        #expect(sessions.map(\.title.en) == ["Monthly", "Weekly"])
        expectImportProblem(result, "is not expanded (\"FREQ=MONTHLY\")", line: 9)
        expectImportProblem(result, "RRULE repeats without end", line: 16)
    }

    @Test func hugeRepeatCountsAreCappedAndTheEventKeptToAYear() throws {
        let body = F.vevent("DTSTART:20240610T090000Z\nRRULE:FREQ=DAILY;COUNT=100000\nSUMMARY:Forever-ish")
        let result = importText(F.ics(body))
        let event = try #require(result.dataset?.events.first)
        #expect(event.sessions.count == Event.maximumDayCount)
        #expect(event.dayCount == Event.maximumDayCount)
        expectImportProblem(result, "only the first 1000 are kept")
        expectImportProblem(result, "the 633 sessions outside 2024-06-10 to 2025-06-11 are left out")
    }

    @Test func duplicateUIDsAreBothKept() throws {
        let body = F.vevent("DTSTART:20240610T090000Z\nSUMMARY:One", uid: "same") + "\n" + F.vevent("DTSTART:20240610T100000Z\nSUMMARY:Two", uid: "same")
        let result = importText(F.ics(body))
        #expect(result.dataset?.events.first?.sessions.map(\.id) == ["same", "same-2"])
        expectImportProblem(result, "duplicate id \"same\"", line: 11)
    }

    @Test func anEventWithoutSummaryOrLocationIsKept() throws {
        let result = importText(F.ics(F.vevent("DTSTART:20240610T090000Z")))
        let session = try #require(result.dataset?.events.first?.sessions.first)
        #expect(session.title.en == "(untitled)")
        #expect(session.room == nil)
        expectImportProblem(result, "the session has no title", line: 5)
    }

    @Test func malformedLinesAreSkippedAndTheRestKept() throws {
        let body = F.vevent("DTSTART:20240610T090000Z\nthis line is not a property\nSUMMARY:Survivor")
        let result = importText(F.ics(body))
        #expect(result.dataset?.events.first?.sessions.first?.title.en == "Survivor")
        expectImportProblem(result, "not an iCalendar content line (NAME:value); skipped", line: 9)
    }

    @Test func aBadDateKeepsTheEventWithoutADate() throws {
        let good = F.vevent("DTSTART:20240610T090000Z\nSUMMARY:Fine", uid: "good")
        let result = importText(F.ics(F.vevent("DTSTART:2024-06-10 09:00\nSUMMARY:Sloppy") + "\n" + good))
        let session = try #require(result.dataset?.events.first).session(titled: "Sloppy")
        #expect(session.day == nil && session.start == nil)
        expectImportProblem(result, "DTSTART \"2024-06-10 09:00\" is not a date or date-time", line: 8)
    }

    @Test func aCutShortFileKeepsWhatItHas() throws {
        let text = F.ics(F.vevent("DTSTART:20240610T090000Z\nSUMMARY:Complete", uid: "a") + "\n" + F.vevent("DTSTART:20240611T090000Z\nSUMMARY:Cut", uid: "b"))
        let cut = String(text[..<text.range(of: "SUMMARY:Cut")!.upperBound])
        let result = importText(cut)
        #expect(result.dataset?.events.first?.sessions.map(\.title.en) == ["Complete", "Cut"])
        expectImportProblem(result, "the file ends inside VEVENT (begun at line 11): it looks cut short")
    }

    @Test func notACalendarIsAnError() {
        let result = importText("BEGIN:VCARD\r\nFN:Jane\r\nEND:VCARD\r\n", format: .ics)
        #expect(result.dataset == nil)
        expectImportProblem(result, "not an iCalendar file: it starts with BEGIN:VCARD", severity: .error, line: 1)
    }

    /// The event of a calendar of these VEVENTs (UID, then the other lines).
    private func calendar(_ vevents: [(uid: String, lines: String)]) throws -> Event {
        try importedEvent(F.ics(vevents.map { F.vevent($0.lines, uid: $0.uid) }.joined(separator: "\n")))
    }

    @Test("a UID keeps its part before @ when that is an id; anything else is made into one whole")
    func uidsBecomeIds() throws {
        let event = try calendar([("h23-opening@wco-tech-conf-2023.confdash", "DTSTART:20240610T090000Z\nSUMMARY:Confdash"),
                                  ("A1B2@Example.org", "DTSTART:20240610T100000Z\nSUMMARY:Upper"),
                                  ("plain-uid", "DTSTART:20240610T110000Z\nSUMMARY:No at")])
        #expect(try event.session(titled: "Confdash").id == "h23-opening")
        #expect(try event.session(titled: "Upper").id == "a1b2-example-org")
        #expect(try event.session(titled: "No at").id == "plain-uid")
    }

    @Test("X-CONFDASH-DAY:NOT-STATED: one session that may fall on any of the days, not one on each")
    func dayNotStated() throws {
        let event = try calendar([
            ("span@c.confdash", "DTSTART;VALUE=DATE:20240611\nDTEND;VALUE=DATE:20240613\nX-CONFDASH-DAY:NOT-STATED\nSUMMARY:Day 2 or 3"),
            ("any@c.confdash", "DTSTART;VALUE=DATE:20240610\nDTEND;VALUE=DATE:20240614\nX-CONFDASH-DAY:NOT-STATED\nSUMMARY:Some day"),
        ])
        let span = try event.session(titled: "Day 2 or 3")
        #expect(span.id == "span" && span.day == nil && span.possibleDays == DateRange(from: day("2024-06-11"), to: day("2024-06-12")))
        // Over the whole event it says no more than "during the event".
        let any = try event.session(titled: "Some day")
        #expect(any.id == "any" && any.day == nil && any.possibleDays == nil)
        #expect((event.startDate, event.endDate) == (day("2024-06-10"), day("2024-06-13")))
        #expect(event.sessions.count == 2)
    }

    @Test("times at a change of the clocks: lengths in real time, a skipped time as the clocks read")
    func clockChanges() throws {
        let event = try calendar([
            ("a", "DTSTART;TZID=Europe/Berlin:20250330T013000\nDTEND;TZID=Europe/Berlin:20250330T043000\nSUMMARY:Across"),
            ("b", "DTSTART;TZID=Europe/Berlin:20250330T023000\nDTEND;TZID=Europe/Berlin:20250330T040000\nSUMMARY:Skipped"),
            ("c", "DTSTART;TZID=Europe/Berlin:20251026T021500\nDTEND:20251026T011500Z\nSUMMARY:Repeated"),
        ])
        let across = try event.session(titled: "Across")
        #expect(across.start == at("2025-03-30T01:30") && across.durationMinutes == 120)
        // 02:30 does not happen: RFC 5545 reads it at the offset before the gap, 03:30 summer time.
        let skipped = try event.session(titled: "Skipped")
        #expect(skipped.start == at("2025-03-30T03:30") && skipped.durationMinutes == 30)
        // 02:15 happens twice: the first time (summer time, 00:15 UTC); the end is the second 02:15.
        let repeated = try event.session(titled: "Repeated")
        #expect(repeated.start == at("2025-10-26T02:15") && repeated.durationMinutes == 60)
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        #expect(TimeZones.instant(of: at("2025-03-30T01:30"), in: berlin) == TimeZones.naiveSeconds(at("2025-03-30T00:30")))
        #expect(TimeZones.instant(of: at("2025-10-26T02:15"), in: berlin) == TimeZones.naiveSeconds(at("2025-10-26T00:15")))
        #expect(TimeZones.instant(of: at("2025-10-26T03:15"), in: berlin) == TimeZones.naiveSeconds(at("2025-10-26T02:15")))
    }
}

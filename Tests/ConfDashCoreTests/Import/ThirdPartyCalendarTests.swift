import Foundation
import Testing
@testable import ConfDashCore

/// Calendars from another iCalendar library's test suite, each loading with the right number of
/// sessions or giving a located, specific problem.
///
/// From collective/icalendar (python icalendar), src/icalendar/tests/calendars/, copied byte for
/// byte (LF line ends as there). Licence: BSD-2-Clause, "Copyright (c) 2012, Plone Foundation.
/// All rights reserved." Redistribution with this notice; provided "as is", without warranty.
@Suite("Import: other libraries' test calendars")
struct ThirdPartyCalendarTests {
    static let multipleCalendars = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Test1//EN
        BEGIN:VEVENT
        UID:event1@example.com
        SUMMARY:Event 1
        END:VEVENT
        END:VCALENDAR
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Test2//EN
        BEGIN:VEVENT
        UID:event2@example.com
        SUMMARY:Event 2
        END:VEVENT
        END:VCALENDAR

        """

    static let tzidWithSlash = """
        BEGIN:VCALENDAR
        BEGIN:VEVENT
        UID:0cab49a0-1167-40f0-bfed-ecb4d117047d
        DTSTAMP:20221019T102950Z
        DTSTART;TZID=/Europe/Stockholm:20221021T200000
        DTEND;TZID=/Europe/Stockholm:20221021T210000
        SUMMARY:Just chatting
        DESCRIPTION:Just Chatting.
        CATEGORIES:Just Chatting
        RRULE:FREQ=WEEKLY;BYDAY=FR
        END:VEVENT
        END:VCALENDAR

        """

    static let rdatePeriodList = """
        BEGIN:VEVENT
        SUMMARY:RDATE period
        DTSTART:19961230T020000Z
        DTEND:19961230T060000Z
        UID:rdate_period
        RDATE;VALUE=PERIOD:19970101T180000Z/19970102T070000Z,199709T180000Z/PT5H30M
        END:VEVENT

        """

    static let categoriesWithCommas = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Test//Test//EN
        BEGIN:VEVENT
        UID:issue-127-test@example.com
        DTSTAMP:20140204T120000Z
        DTSTART:20140204T140000Z
        SUMMARY:Test Event with Categories Containing Commas
        CATEGORIES:Meeting\\, John,Work\\, Sarah,Project
        END:VEVENT
        END:VCALENDAR

        """

    static let vtimezoneAlone = "BEGIN:VTIMEZONE\nTZID:S\nEND:VTIMEZONE\n"

    /// issue_1050_multiple_calendars.ics: both calendars are read (the second was ignored); their
    /// events have no DTSTART, which each warning says at its line.
    @Test func multipleCalendars() {
        let result = importText(Self.multipleCalendars, format: .ics)
        let noStart = result.problems.filter { $0.message.contains("has no DTSTART") }
        #expect(noStart.compactMap(\.line) == [4, 12], "\(result.problems)")
    }

    /// issue_466_convert_tzid_with_slash.ics: `/Europe/Stockholm` is Stockholm; the endless rule says so.
    @Test func tzidWithALeadingSlash() throws {
        let result = importText(Self.tzidWithSlash)
        let event = try #require(result.dataset?.events.first, "\(result.problems)")
        #expect(event.timeZone == "Europe/Stockholm")
        #expect(event.sessions.map { $0.start?.description } == ["2022-10-21T20:00"])
        #expect(event.sessions.first?.durationMinutes == 60)
        expectImportProblem(result, "RRULE repeats without end", line: 10)
        #expect(!result.problems.contains { $0.message.contains("unknown time zone") })
    }

    /// issue_156_RDATE_with_PERIOD_list.ics: a bare VEVENT is not a calendar; inside one, each
    /// period is an occurrence and the malformed one (`199709T180000Z`) is named.
    @Test func rdatePeriods() throws {
        let bare = importText(Self.rdatePeriodList, format: .ics)
        expectImportProblem(bare, "not an iCalendar file: it starts with BEGIN:VEVENT", severity: .error, line: 1)

        let wrapped = importText("BEGIN:VCALENDAR\nVERSION:2.0\n" + Self.rdatePeriodList + "END:VCALENDAR\n")
        let event = try #require(wrapped.dataset?.events.first, "\(wrapped.problems)")
        #expect(Set(event.sessions.compactMap { $0.start?.description }) == ["1996-12-30T02:00", "1997-01-01T18:00"])
        expectImportProblem(wrapped, "RDATE value \"199709T180000Z/PT5H30M\" is not a date, date-time or period", line: 8)
    }

    /// issue_127_categories_with_commas.ics: escaped commas stay inside a category.
    @Test func categoriesWithEscapedCommas() throws {
        let dataset = try #require(importText(Self.categoriesWithCommas).dataset)
        #expect(dataset.tracks.map(\.name.en) == ["Meeting, John", "Work, Sarah", "Project"])
        #expect(dataset.events.first?.sessions.first?.tracks.count == 3)
    }

    /// fuzz_testcase_vtimezone_lone_cr.ics: a lone VTIMEZONE is not a calendar.
    @Test func aLoneTimeZone() {
        let result = importText(Self.vtimezoneAlone, format: .ics)
        expectImportProblem(result, "not an iCalendar file: it starts with BEGIN:VTIMEZONE", severity: .error, line: 1)
    }

    /// Evolution writes a VTIMEZONE's observance start as a DATE; it was treated as missing.
    @Test func anObservanceStartingOnADate() throws {
        let text = """
            BEGIN:VCALENDAR
            VERSION:2.0
            BEGIN:VTIMEZONE
            TZID:Evolution Berlin
            BEGIN:STANDARD
            DTSTART;VALUE=DATE:19701025
            TZOFFSETFROM:+0200
            TZOFFSETTO:+0100
            RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
            END:STANDARD
            BEGIN:DAYLIGHT
            DTSTART;VALUE=DATE:19700329
            TZOFFSETFROM:+0100
            TZOFFSETTO:+0200
            RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
            END:DAYLIGHT
            END:VTIMEZONE
            BEGIN:VEVENT
            UID:e1
            DTSTART;TZID=Evolution Berlin:20240610T100000
            SUMMARY:Summer
            END:VEVENT
            END:VCALENDAR

            """
        let result = importText(text)
        let event = try #require(result.dataset?.events.first, "\(result.problems)")
        #expect(event.timeZone == "+02:00", "the zone's summer offset, from its rules")
        #expect(!result.problems.contains { $0.message.contains("unknown time zone") }, "\(result.problems)")
    }
}

import Foundation
import Testing
@testable import ConfDashCore

/// Calendars from another iCalendar library's test suite, each loading with the right number of
/// sessions or giving a located, specific problem.
///
/// From collective/icalendar (python icalendar), src/icalendar/tests/, read from the fetched copy
/// beside the repository (BSD-2-Clause); they are not copied into this repository.
@Suite("Import: other libraries' test calendars")
struct ThirdPartyCalendarTests {
    /// python icalendar's test calendars, fetched beside the repository (../shared/fixtures/third-party,
    /// README there: repository, commit, licence), not copied into it; nil (the test is skipped) if absent.
    static func calendar(_ name: String, folder: String = "calendars") throws -> String? {
        guard ThirdPartyFixtures.available() else { return nil }
        let url = ThirdPartyFixtures.url("python-icalendar/src/icalendar/tests/\(folder)/" + name)
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// issue_1050_multiple_calendars.ics: both calendars are read (the second was ignored); their
    /// events have no DTSTART, which each warning says at its line.
    @Test func multipleCalendars() throws {
        guard let text = try Self.calendar("issue_1050_multiple_calendars.ics") else { return }
        let result = importText(text, format: .ics)
        let noStart = result.problems.filter { $0.message.contains("has no DTSTART") }
        #expect(noStart.compactMap(\.line) == [4, 12], "\(result.problems)")
    }

    /// issue_466_convert_tzid_with_slash.ics: `/Europe/Stockholm` is Stockholm; the endless rule says so.
    @Test func tzidWithALeadingSlash() throws {
        guard let text = try Self.calendar("issue_466_convert_tzid_with_slash.ics") else { return }
        let result = importText(text)
        let event = try #require(result.dataset?.events.first, "\(result.problems)")
        #expect(event.timeZone == "Europe/Stockholm")
        #expect(event.sessions.map { $0.start?.description } == ["2022-10-21T20:00"])
        #expect(event.sessions.first?.durationMinutes == 60)
        expectImportProblem(result, "RRULE repeats without end", line: 10)
        #expect(!result.problems.contains { $0.message.contains("unknown time zone") })
    }

    /// issue_156_RDATE_with_PERIOD_list.ics: a bare VEVENT is not a calendar; inside one, each
    /// period (one of them with a folded duration) is an occurrence.
    @Test func rdatePeriods() throws {
        guard let rdatePeriodList = try Self.calendar("issue_156_RDATE_with_PERIOD_list.ics", folder: "events") else { return }
        let bare = importText(rdatePeriodList, format: .ics)
        expectImportProblem(bare, "not an iCalendar file: it starts with BEGIN:VEVENT", severity: .error, line: 1)

        let wrapped = importText("BEGIN:VCALENDAR\nVERSION:2.0\n" + rdatePeriodList + "END:VCALENDAR\n")
        let event = try #require(wrapped.dataset?.events.first, "\(wrapped.problems)")
        #expect(Set(event.sessions.compactMap { $0.start?.description })
                == ["1996-12-30T02:00", "1997-01-01T18:00", "1997-01-09T18:00"])
        #expect(!wrapped.problems.contains { $0.message.contains("RDATE") }, "\(wrapped.problems)")
    }

    /// Our own variant of that event with a malformed period start (`199709T180000Z`): the bad
    /// period is named at its line and the good ones stay.
    @Test func aMalformedRdatePeriodIsNamed() throws {
        let text = """
            BEGIN:VCALENDAR
            VERSION:2.0
            BEGIN:VEVENT
            UID:rdate-periods@example.org
            DTSTART:19961230T020000Z
            SUMMARY:Periods
            RDATE;VALUE=PERIOD:19970101T180000Z/19970102T070000Z,199709T180000Z/PT5H30M
            END:VEVENT
            END:VCALENDAR

            """
        let result = importText(text)
        let event = try #require(result.dataset?.events.first, "\(result.problems)")
        #expect(Set(event.sessions.compactMap { $0.start?.description }) == ["1996-12-30T02:00", "1997-01-01T18:00"])
        expectImportProblem(result, "RDATE value \"199709T180000Z/PT5H30M\" is not a date, date-time or period", line: 7)
    }

    /// issue_127_categories_with_commas.ics: escaped commas stay inside a category.
    @Test func categoriesWithEscapedCommas() throws {
        guard let text = try Self.calendar("issue_127_categories_with_commas.ics") else { return }
        let dataset = try #require(importText(text).dataset)
        #expect(dataset.tracks.map(\.name.en) == ["Meeting, John", "Work, Sarah", "Project"])
        #expect(dataset.events.first?.sessions.first?.tracks.count == 3)
    }

    /// fuzz_testcase_vtimezone_lone_cr.ics: a lone VTIMEZONE is not a calendar.
    @Test func aLoneTimeZone() throws {
        guard let text = try Self.calendar("fuzz_testcase_vtimezone_lone_cr.ics") else { return }
        let result = importText(text, format: .ics)
        expectImportProblem(result, "not an iCalendar file: it starts with BEGIN:VTIMEZONE", severity: .error, line: 1)
    }

    /// Evolution writes a VTIMEZONE's observance start as a DATE; it was treated as missing.
    @Test func anObservanceStartingOnADate() throws {
        let zone = ScheduleFixtures.centralEuropeanZone("Evolution Berlin", standardStart: "DTSTART;VALUE=DATE:19701025",
                                                        daylightStart: "DTSTART;VALUE=DATE:19700329")
        let text = """
            BEGIN:VCALENDAR
            VERSION:2.0
            \(zone)
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

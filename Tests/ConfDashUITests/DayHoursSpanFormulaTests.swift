import ConfDashCore
import ConfDashTestSupport
import Foundation
import Testing
@testable import ConfDashUI

/// `DayHours.span` works from day numbers read once per event; it must place every session as
/// the formula it replaced did (`event.dayIndex`, `adding(days:)`, `days(since:)`), kept here.
@Suite struct DayHoursSpanFormulaTests {
    private static func reference(_ session: Session, of event: Event, _ times: EventClockTimes) -> DayHours.Span? {
        guard let (start, end) = times.times(of: session),
              let day = event.dayIndex(of: session.day ?? start.date) else { return nil }
        let listed = event.startDate.adding(days: day - 1)
        let from = start.date.days(since: listed) * 1440 + start.time.minutesSinceMidnight
        let to = end.map { $0.date.days(since: listed) * 1440 + $0.time.minutesSinceMidnight } ?? from + DayHours.slotMinutes
        return DayHours.Span(day: day, start: from, end: max(to, from + 1))
    }

    private func expectSame(_ events: [Event]) {
        var compared = 0
        for event in events {
            for clock in [ClockDisplay.eventZone, .zone(TimeZone(identifier: "America/Los_Angeles")!), .zone(TimeZone(identifier: "Asia/Tokyo")!)] {
                let times = EventClockTimes(clock, event: event), days = DayHours.EventDays(event)
                for session in event.sessions {
                    #expect(DayHours.span(session, in: days, times) == Self.reference(session, of: event, times), "\(event.id)/\(session.id)")
                    compared += 1
                }
            }
        }
        #expect(compared > 0)
    }

    @Test func congressAndBundledSessions() {
        expectSame(Fixture.index.dataset.events)
        if let index = CongressScreensTests.index() { expectSame(index.dataset.events) }
    }

    /// Seeded awkward sessions: listed days before, on and after the event's, starts on other
    /// dates than the listed day, no day, no time, long and negative durations, no zone.
    @Test func awkwardSessions() {
        var generator = SeededGenerator(state: 13)
        var events = Fixture.index.dataset.events.filter { !$0.sessions.isEmpty }
        for e in events.indices {
            if generator.next() % 3 == 0 { events[e].timeZone = nil }
            if generator.next() % 3 == 0 { events[e].timeZone = "Europe/Berlin" }
            let first = events[e].startDate.dayNumber
            for s in events[e].sessions.indices {
                var session = events[e].sessions[s]
                let shift = { Int(generator.next() % 9) - 3 }
                session.day = generator.next() % 4 == 0 ? nil : CalendarDate(dayNumber: first + shift())
                let time = ClockTime(hour: Int(generator.next() % 24), minute: Int(generator.next() % 60))!
                session.start = generator.next() % 5 == 0 ? nil : LocalDateTime(date: CalendarDate(dayNumber: first + shift()), time: time)
                session.durationMinutes = [nil, 0, 15, 90, 1500, -30, 4000][Int(generator.next() % 7)]
                events[e].sessions[s] = session
            }
        }
        expectSame(events)
    }
}

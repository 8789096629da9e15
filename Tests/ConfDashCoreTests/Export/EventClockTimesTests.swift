import Foundation
import Testing
@testable import ConfDashCore

/// `EventClockTimes` (a list's shared clock work) answers as `ClockDisplay` does, session by
/// session: across the clock changes of spring and autumn, on the event's and on other clocks,
/// in gaps and repeated hours, at the edge of the readable years and for floating times.
@Suite struct EventClockTimesTests {
    static func sessions() -> [Session] {
        let starts = ["2025-03-29T23:30", "2025-03-30T01:30", "2025-03-30T02:30", "2025-03-30T03:00", "2025-03-30T09:00",
                      "2025-10-25T22:00", "2025-10-26T01:59", "2025-10-26T02:00", "2025-10-26T02:30", "2025-10-26T03:00",
                      "2024-12-27T10:30", "2024-12-27T23:45", "2024-12-28T00:15"]
        let durations: [Int?] = [nil, 0, 30, 90, 150, 600, 1440, Int.max]
        var sessions: [Session] = []
        for (index, start) in starts.enumerated() {
            for duration in durations {
                sessions.append(Session(id: "s\(index)-\(duration ?? -1)", kind: .talk, title: LocalizedText(en: "S"),
                                        start: LocalDateTime(iso: start), durationMinutes: duration))
            }
        }
        // The edges of the readable years, out of reach of text.
        let edges = [LocalDateTime(date: CalendarDate(year: 9999, month: 12, day: 31)!, time: ClockTime(hour: 23, minute: 0)!),
                     LocalDateTime(date: CalendarDate(year: 1, month: 1, day: 1)!, time: ClockTime(hour: 0, minute: 30)!)]
        for (index, start) in edges.enumerated() {
            for duration in durations {
                sessions.append(Session(id: "edge\(index)-\(duration ?? -1)", kind: .talk, title: LocalizedText(en: "S"),
                                        start: start, durationMinutes: duration))
            }
        }
        sessions.append(Session(id: "untimed", kind: .talk, title: LocalizedText(en: "U")))
        return sessions
    }

    @Test(arguments: ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "+05:30", "UTC", "", "not a zone"])
    func answersAsClockDisplay(eventZone: String) {
        let sessions = Self.sessions()
        let event = Event(id: "e", kind: .conference, title: LocalizedText(en: "E"),
                          startDate: CalendarDate(year: 2024, month: 12, day: 27)!, endDate: CalendarDate(year: 2024, month: 12, day: 30)!,
                          timeZone: eventZone.isEmpty ? nil : eventZone, sessions: sessions, sources: [])
        let clocks: [ClockDisplay] = [.eventZone] + ["Europe/Berlin", "Pacific/Kiritimati", "America/St_Johns", "UTC"]
            .map { .zone(TimeZone(identifier: $0)!) }
        for clock in clocks {
            let shared = EventClockTimes(clock, event: event)
            for session in sessions {
                let expected = clock.times(of: session, in: event)
                let got = shared.times(of: session)
                #expect(got?.start == expected?.start && got?.end == expected?.end, "\(session.id) on \(clock)")
                #expect(naiveMinutesMatch(shared, session, expected), "\(session.id) on \(clock)")
                #expect(shared.dayShift(of: session, times: got) == clock.dayShift(of: session, in: event), "\(session.id) on \(clock)")
            }
        }
    }
}

/// `EventClockTimes` knows a zone's offset for the whole stretch up to its next transition
/// (`nextDaylightSavingTimeTransition`): checked against `ClockDisplay`, which asks Foundation
/// at every instant, in every zone Foundation knows, on dates from 1890 to 2060 (the changes of
/// standard offset, local mean time and double summer time included), on the event's clock and
/// converted.
@Suite struct EventClockTimesEveryZoneTests {
    @Test func everyZoneAnswersAsClockDisplay() {
        var sessions: [Session] = []
        var seed: UInt64 = 13
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        for index in 0..<48 {
            let year = 1890 + next(171), month = 1 + next(12), day = 1 + next(28)
            let start = LocalDateTime(date: CalendarDate(year: year, month: month, day: day)!,
                                      time: ClockTime(hour: next(24), minute: next(4) * 15)!)
            // A day's sessions in a row, some across midnight and into the next weeks.
            for step in 0..<6 {
                sessions.append(Session(id: "s\(index)-\(step)", kind: .talk, title: LocalizedText(en: "S"),
                                        start: start.adding(minutes: step * 150)!, durationMinutes: [30, 90, 600, 1440, 20_000, 0][step]))
            }
        }
        for name in TimeZone.knownTimeZoneIdentifiers {
            let event = Event(id: "e", kind: .conference, title: LocalizedText(en: "E"),
                              startDate: CalendarDate(year: 1890, month: 1, day: 1)!, endDate: CalendarDate(year: 2060, month: 12, day: 31)!,
                              timeZone: name, sessions: sessions, sources: [])
            for clock in [ClockDisplay.eventZone, .zone(TimeZone(identifier: "America/Sao_Paulo")!)] {
                let shared = EventClockTimes(clock, event: event)
                for session in sessions {
                    let expected = clock.times(of: session, in: event)
                    let got = shared.times(of: session)
                    #expect(got?.start == expected?.start && got?.end == expected?.end, "\(session.id) in \(name) on \(clock)")
                    #expect(naiveMinutesMatch(shared, session, expected), "\(session.id) in \(name) on \(clock)")
                }
            }
        }
    }
}

/// `EventClockTimes.naiveMinutes(of:)` (the timeline's spans, issue 13) gives `times(of:)`'s
/// answer as day number × 1440 plus minutes since midnight.
func naiveMinutesMatch(_ shared: EventClockTimes, _ session: Session,
                       _ expected: (start: LocalDateTime, end: LocalDateTime?)?) -> Bool {
    func minutes(_ local: LocalDateTime) -> Int { local.date.dayNumber * 1440 + local.time.minutesSinceMidnight }
    let got = shared.naiveMinutes(of: session)
    guard let expected else { return got == nil }
    guard let got else { return false }
    return got.start == minutes(expected.start) && got.end == expected.end.map(minutes)
}

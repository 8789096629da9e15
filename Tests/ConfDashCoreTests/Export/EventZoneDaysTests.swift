import Foundation
import Testing
@testable import ConfDashCore

/// `EventZone(_:days:)` answers the offsets of its days from a table made once, without a lock;
/// the answers must be those of the zone asked each time (`EventZone(_:)`, through `DayOffsets`),
/// on the days of a change, around them, and outside the table.
@Suite struct EventZoneDaysTests {
    @Test func tableGivesTheOffsetsOfTheZone() throws {
        let cases: [(String, CalendarDate, CalendarDate)] = [
            ("Europe/Berlin", CalendarDate(year: 2026, month: 3, day: 20)!, CalendarDate(year: 2026, month: 4, day: 2)!),
            ("Europe/Berlin", CalendarDate(year: 2025, month: 10, day: 20)!, CalendarDate(year: 2025, month: 10, day: 30)!),
            ("America/Sao_Paulo", CalendarDate(year: 2018, month: 10, day: 30)!, CalendarDate(year: 2018, month: 11, day: 8)!),
            ("Australia/Lord_Howe", CalendarDate(year: 2024, month: 3, day: 30)!, CalendarDate(year: 2024, month: 4, day: 10)!),
            ("Asia/Kolkata", CalendarDate(year: 2024, month: 12, day: 27)!, CalendarDate(year: 2024, month: 12, day: 30)!),
            ("+05:45", CalendarDate(year: 2024, month: 1, day: 1)!, CalendarDate(year: 2024, month: 1, day: 3)!),
            // Days backwards: the table is one day long.
            ("Europe/Paris", CalendarDate(year: 2024, month: 5, day: 5)!, CalendarDate(year: 2024, month: 5, day: 1)!),
        ]
        for (name, from, to) in cases {
            let plain = try #require(EventZone(name))
            let tabled = try #require(EventZone(name, days: DateRange(from: from, to: to)))
            #expect(plain == tabled)
            // Every 15 minutes from five days before to twenty after: inside and outside the table.
            let first = (from.dayNumber - 5) * 86_400
            let last = (max(from.dayNumber, to.dayNumber) + 20) * 86_400
            for seconds in stride(from: first, through: last, by: 900) {
                #expect(tabled.offsetSeconds(atUTC: seconds) == plain.offsetSeconds(atUTC: seconds), "\(name) \(seconds)")
                let local = LocalDateTime(utcSeconds: seconds)
                #expect(tabled.offsetSeconds(at: local) == plain.offsetSeconds(at: local), "\(name) \(local)")
            }
        }
    }

    @Test func noZoneNoTable() {
        #expect(EventZone(nil, days: nil) == nil)
        #expect(EventZone("Not/AZone", days: DateRange(from: CalendarDate(year: 2024, month: 1, day: 1)!,
                                                     to: CalendarDate(year: 2024, month: 1, day: 2)!)) == nil)
    }
}

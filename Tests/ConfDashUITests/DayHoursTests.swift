import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
@testable import ConfDashUI

/// The timeline of one event with clock times: days × hours on 38C3, a cursor on an hour of a
/// day, Enter to the agenda there; and the model's counts on a small schedule.
@Suite struct DayHoursTests {
    @Test func countsTheSessionsRunningInEachSlot() throws {
        let data = PersonalReducerTests.data   // a (11:00–11:40), b (11:30–12:30), d, e, c on one day
        let event = try #require(data.events.first)
        let hours = try #require(DayHours.build(event: event, sessions: event.sessions, clock: .eventZone))
        #expect(hours.firstMinute == 11 * 60 && hours.lastMinute == 15 * 60)
        #expect(hours.running(day: 1, from: 11 * 60, to: 11 * 60 + 15) == 1)
        #expect(hours.running(day: 1, from: 11 * 60 + 30, to: 11 * 60 + 45) == 2, "a and b overlap")
        #expect(hours.running(day: 1, from: 13 * 60, to: 13 * 60 + 15) == 2, "d and e")
        #expect(hours.busiest == 2)
        #expect(hours.running(day: 2, from: 11 * 60, to: 12 * 60) == 0, "no such day")
    }

    @Test func congressTimelineIsDaysByHoursAndEnterShowsTheAgendaThere() throws {
        guard let store = CongressScreensTests.store(size: Size(width: 120, height: 40)) else { return }
        CongressScreensTests.press("2", on: store)
        let hours = try #require(store.data.dayHours(store.state))
        #expect(hours.counts.count == 4)
        let screen = store.render().text
        #expect(screen.contains("Sat 28 Dec") && screen.contains("│16"), "a lane per day, the hours across")
        #expect(!screen.contains("years"), "not one bar on a years axis")
        CongressScreensTests.press("j", on: store)
        // Until an hour is chosen, the cursor is on the day's first hour with a session.
        let start = DayHoursPane.cursorMinute(store.state, hours)
        #expect(store.state.timelineMinute == nil)
        CongressScreensTests.press("l l", on: store)
        #expect(store.state.day == 2)
        #expect(store.state.timelineMinute == start + 120)
        #expect(store.render().text.contains("Day 2 · \(DayHoursPane.clock(start + 120))–"))
        CongressScreensTests.press("Enter", on: store)
        #expect(store.state.focus == .agenda && store.state.day == 2)
        let rows = store.data.agendaRows(store.state)
        let (session, _) = try #require(rows.session(at: store.state.agenda.cursor))
        let minute = session.start!.time.minutesSinceMidnight
        #expect(minute >= start + 120, "the agenda at the chosen hour")
        if store.state.agenda.cursor > 0, let previous = rows.session(at: store.state.agenda.cursor - 1)?.0.start {
            #expect(previous.time.minutesSinceMidnight < start + 120 || previous.date != session.start!.date)
        }
    }

    @Test func theHourStopsAtTheProgrammesEdgesAndSaysSo() throws {
        guard let store = CongressScreensTests.store(size: Size(width: 120, height: 40)) else { return }
        let fortyHoursBack = "2 " + Array(repeating: "h", count: 40).joined(separator: " ")
        #expect(CongressScreensTests.message(after: fortyHoursBack, on: store) == "Already at the first hour of the programme")
        let hours = try #require(store.data.dayHours(store.state))
        #expect(store.state.timelineMinute == hours.firstMinute)
        #expect(CongressScreensTests.message(after: "k", on: store) == "Already on the first day")
    }

    @Test func theCongressAxisIsOneDayAndTheNightRunsOnIntoTheNextLane() throws {
        guard let store = CongressScreensTests.store(size: Size(width: 120, height: 40)) else { return }
        CongressScreensTests.press("2", on: store)
        let hours = try #require(store.data.dayHours(store.state))
        // 38C3's days run 06:00 to 06:00; the earliest session starts at 06:00 (day 3, Chill
        // Floor) and a day-1 workshop runs 03:00–09:00: the axis is 06:00 to 06:00, not to 09:00.
        #expect(hours.firstMinute == 6 * 60 && hours.lastMinute == 30 * 60)
        #expect(hours.hours == 24)
        // That workshop (and the night's music) is drawn from 06:00 on day 2's lane.
        #expect(hours.running(day: 2, from: 8 * 60, to: 9 * 60) >= 1)
        #expect(hours.running(day: 1, from: 29 * 60, to: 30 * 60) >= 1)
        // The cursor starts at the hour the day's own first session starts (09:15 on day 2).
        CongressScreensTests.press("j", on: store)
        #expect(DayHoursPane.cursorMinute(store.state, hours) == 9 * 60)
        let axis = store.render().textLines().first { $0.contains("hours") } ?? ""
        #expect(axis.components(separatedBy: "│06").count - 1 == 1, "no clock hour twice on the axis: \(axis)")
    }

    @Test func severalEventsKeepTheirLanes() {
        // The bundled data: five events, no clock times — the years axis as before.
        let state = Fixture.press("2", size: Size(width: 120, height: 40)).state
        #expect(Fixture.data.dayHours(state) == nil)
    }
}

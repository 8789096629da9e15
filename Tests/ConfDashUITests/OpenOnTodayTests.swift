import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
@testable import ConfDashUI

/// The dashboard opens on the day it is: with the clock on day 2 of an event (`--now`,
/// `CONFDASH_NOW` or the system's), the agenda shows day 2 at the time it is, not day 1.
@Suite struct OpenOnTodayTests {
    /// A three-day congress (27–29 December 2024, Berlin) with a talk running past midnight, and
    /// a one-day meeting in March 2025, the newest (where the dashboard starts).
    static let data: DashboardData = {
        func talk(_ id: String, _ day: String, _ time: String, _ minutes: Int, start: String? = nil) -> Session {
            let listed = CalendarDate(iso: day)!
            let startDate = start.map { CalendarDate(iso: $0)! } ?? listed
            return Session(id: id, kind: .talk, title: LocalizedText(en: "Talk \(id)"), day: listed,
                           start: LocalDateTime(date: startDate, time: ClockTime(text: time)!), durationMinutes: minutes, room: "one")
        }
        let congress = Event(id: "congress", kind: .conference, title: LocalizedText(en: "Congress"),
                             startDate: CalendarDate(iso: "2024-12-27")!, endDate: CalendarDate(iso: "2024-12-29")!,
                             timeZone: "Europe/Berlin", rooms: [Room(id: "one", name: LocalizedText(en: "Hall One"))],
                             sessions: [talk("d1", "2024-12-27", "11:00", 60),
                                        talk("d2-morning", "2024-12-28", "10:00", 60), talk("d2-noon", "2024-12-28", "12:00", 60),
                                        talk("d2-evening", "2024-12-28", "18:00", 60),
                                        talk("d2-night", "2024-12-28", "01:00", 60, start: "2024-12-29"),
                                        talk("d3", "2024-12-29", "11:00", 60)])
        let meeting = Event(id: "meeting", kind: .conference, title: LocalizedText(en: "Meeting"),
                            startDate: CalendarDate(iso: "2025-03-10")!, endDate: CalendarDate(iso: "2025-03-10")!,
                            timeZone: "Europe/Paris", rooms: [Room(id: "one", name: LocalizedText(en: "Hall One"))],
                            sessions: [talk("m", "2025-03-10", "09:00", 60)])
        return DashboardData(index: DatasetIndex(Dataset(title: LocalizedText(en: "Two"), events: [congress, meeting])))
    }()
    static let reducer = Reducer(data: data)

    var initial: AppState { Self.reducer.initialState(size: Size(width: 100, height: 30), language: .en) }

    /// The state after the store's start: the clock set, then `.openOnToday`.
    func opened(at now: NowSetting, from start: AppState? = nil) -> AppState {
        var state = start ?? initial
        state.personal.nowSetting = now
        if case .instant(let seconds) = now { _ = Self.reducer.reduce(&state, .tick(seconds)) }
        _ = Self.reducer.reduce(&state, .openOnToday)
        return state
    }

    func selected(_ state: AppState) -> String? { Self.data.agendaRows(state).session(at: state.agenda.cursor)?.0.id }

    @Test func dayTwoOpensOnDayTwoAtTheTimeItIs() {
        #expect(initial.selectedEvent?.rawValue == "meeting", "starts on the newest event")
        let state = opened(at: .eventWallClock(LocalDateTime(iso: "2024-12-28T11:30")!))
        var expected = initial
        expected.personal.nowSetting = state.personal.nowSetting
        expected.selectedEvent = TypedID("congress")
        expected.day = 2
        expected.agenda.cursor = 1   // d2-noon: the first talk starting at 11:30 or after
        #expect(state == expected)
        #expect(selected(state) == "d2-noon")
    }

    @Test func theSmallHoursAreStillThePreviousDay() {
        let night = opened(at: .eventWallClock(LocalDateTime(iso: "2024-12-29T00:30")!))
        #expect(night.day == 2 && selected(night) == "d2-night", "00:30 on the 29th: the night after day 2")
        let morning = opened(at: .eventWallClock(LocalDateTime(iso: "2024-12-29T07:00")!))
        #expect(morning.day == 3 && selected(morning) == "d3")
    }

    @Test func anInstantIsReadOnTheEventsClock() {
        // 10:30 UTC is 11:30 in Berlin, on day 2.
        let seconds = TimeZones.naiveSeconds(LocalDateTime(iso: "2024-12-28T10:30")!)
        let state = opened(at: .instant(seconds: seconds))
        #expect(state.selectedEvent?.rawValue == "congress" && state.day == 2 && selected(state) == "d2-noon")
    }

    @Test func noEventOnChangesNothing() {
        for time in ["2024-12-26T12:00", "2024-12-30T12:00", "2025-01-15T09:00"] {
            var expected = initial
            expected.personal.nowSetting = .eventWallClock(LocalDateTime(iso: time)!)
            #expect(opened(at: .eventWallClock(LocalDateTime(iso: time)!)) == expected, "\(time)")
        }
    }

    @Test func theSelectedEventComesFirstAndFiltersAreKept() {
        // Already on the congress, day 1, with a room filter: the day moves, the filter stays.
        var start = initial
        start.selectedEvent = TypedID("congress")
        start.apply(.rooms([TypedID("one")]))
        let state = opened(at: .eventWallClock(LocalDateTime(iso: "2024-12-29T11:00")!), from: start)
        #expect(state.selectedEvent?.rawValue == "congress" && state.day == 3 && state.roomFilter == [TypedID("one")])
    }

    /// The whole store, as `confdash --now` and `snapshot --now` start it: the first frame is day 2.
    @Test func theFirstFrameShowsDayTwo() {
        let store = DashboardStore(index: Self.data.index, map: nil, size: Size(width: 120, height: 40), language: .en, theme: .monochrome)
        store.configureClock(now: .eventWallClock(LocalDateTime(iso: "2024-12-28T11:30")!), remindMinutes: 10)
        let screen = store.render().textLines()
        #expect(screen.contains { $0.contains("Day 2 of 3") }, "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("▸") && $0.contains("Talk d2-noon") })
    }
}

import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
@testable import ConfDashUI

/// Stars, My agenda, gaps, now and next, reminders and notes, through the reducer: each test
/// compares whole states, as a user would see them change.
@Suite struct PersonalReducerTests {
    /// A two-room congress day: a (11:00–11:40) and b (11:30–12:30) overlap; c at 14:00 leaves a
    /// gap 12:30–14:00 in which d (12:45–13:25) and e (13:00–14:00) fit.
    static let data: DashboardData = {
        let date = CalendarDate(iso: "2024-12-28")!
        func talk(_ id: String, _ time: String, _ minutes: Int, _ room: String) -> Session {
            Session(id: id, kind: .talk, title: LocalizedText(en: "Talk \(id)"), day: date,
                    start: LocalDateTime(date: date, time: ClockTime(text: time)!), durationMinutes: minutes, room: room)
        }
        let event = Event(id: "congress", kind: .conference, title: LocalizedText(en: "Congress"), startDate: date, endDate: date,
                          timeZone: "Europe/Berlin",
                          rooms: [Room(id: "one", name: LocalizedText(en: "Hall One")), Room(id: "two", name: LocalizedText(en: "Hall Two"))],
                          sessions: [talk("a", "11:00", 40, "one"), talk("b", "11:30", 60, "two"), talk("d", "12:45", 40, "one"),
                                     talk("e", "13:00", 60, "two"), talk("c", "14:00", 60, "one")])
        return DashboardData(index: DatasetIndex(Dataset(title: LocalizedText(en: "Congress"), events: [event])))
    }()
    static let reducer = Reducer(data: data)

    func address(_ id: String) -> SessionAddress { SessionAddress(event: "congress", session: id) }

    func press(_ keys: String, from start: AppState) -> (AppState, [Effect]) {
        var state = start
        var effects: [Effect] = []
        for key in Key.parseSequence(keys) {
            guard let action = Dispatcher.action(for: key, in: state) else { continue }
            effects = Self.reducer.reduce(&state, action)
        }
        return (state, effects)
    }

    var initial: AppState { Self.reducer.initialState(size: Size(width: 100, height: 30), language: .en) }

    @Test func starTogglesTheSelectedSessionAndAsksForASave() {
        let (starred, effects) = press("s", from: initial)
        var expected = initial
        expected.personal.starred = [address("a")]
        expected.message = .personal(.starred(LocalizedText(en: "Talk a"), true))
        #expect(starred == expected)
        #expect(effects == [.saveStar(address("a"), true)])
        let (again, unstar) = press("*", from: starred)
        expected.personal.starred = []
        expected.message = .personal(.starred(LocalizedText(en: "Talk a"), false))
        #expect(again == expected)
        #expect(unstar == [.saveStar(address("a"), false)])
        // From the details too.
        let (fromDetails, _) = press("j Enter s", from: initial)
        #expect(fromDetails.personal.starred == [address("b")] && fromDetails.overlay == .detail(scroll: 0))
        // Outside the agenda there is nothing selected to star: it says so and saves nothing.
        let (elsewhere, none) = press("2 s", from: initial)
        #expect(elsewhere.personal.starred.isEmpty && none.isEmpty)
        #expect(elsewhere.message?.text(in: .en) == "Select a session to star (in the agenda or My agenda)")
    }

    @Test func myAgendaShowsOverlapsAndAGapWhoseFittingSessionsCanBeStarred() {
        var state = initial
        state.personal.starred = [address("a"), address("b"), address("c")]
        let (mine, _) = press("m", from: state)
        #expect(mine.overlay == .personal(.mine(cursor: 0)))
        let rows = Self.data.mineRows(mine)
        let shown = rows.items.map { item -> String in
            switch item {
            case .heading(let text): return "# " + text
            case .session(let session, _): return session.id
            case .gap(let gap, _): return "free \(gap.from.time)–\(gap.to.time)"
            }
        }
        #expect(shown == ["# Congress · Day 1 of 1 · Saturday 28 December 2024", "a", "b", "free 12:30–14:00", "c"])
        #expect(rows.agenda.overlaps[address("a")]?.map(\.other) == [address("b")])
        // Down twice to the gap, Enter: what fits; star the second; Esc goes back to the gap row.
        let (gap, _) = press("j j Enter", from: mine)
        let expectedGap = MyAgenda.Gap(event: "congress", from: LocalDateTime(iso: "2024-12-28T12:30")!, to: LocalDateTime(iso: "2024-12-28T14:00")!)
        #expect(gap.overlay == .personal(.gap(expectedGap, cursor: 0, mineCursor: 2)))
        let (starred, effects) = press("j s", from: gap)
        #expect(effects == [.saveStar(address("e"), true)])
        #expect(starred.personal.starred.contains(address("e")))
        // Once e is starred, only d still fits, and the cursor stays on a row.
        #expect(starred.overlay == .personal(.gap(expectedGap, cursor: 0, mineCursor: 2)))
        let (back, _) = press("Escape", from: starred)
        #expect(back.overlay == .personal(.mine(cursor: 2)))
        // Enter on a session of My agenda opens its details in the agenda.
        let (details, _) = press("Escape m j Enter", from: back)
        #expect(details.overlay == .detail(scroll: 0) && details.agenda.cursor == 1)
    }

    @Test func notesAreSetAndRemovedOnTheSelectedSession() {
        let (noted, effects) = press("j : note Space bring Space earplugs Enter", from: initial)
        #expect(noted.personal.notes == [address("b"): "bring earplugs"])
        #expect(effects == [.saveNote(address("b"), "bring earplugs")])
        let (removed, cleared) = press(": note Enter", from: noted)
        #expect(removed.personal.notes.isEmpty && cleared == [.saveNote(address("b"), nil)])
    }

    @Test func remindersComeOnceWithOneBell() throws {
        var state = initial
        state.personal.starred = [address("c"), address("d")]
        state.personal.remindMinutes = 10
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        func instant(_ text: String) -> Int { TimeZones.instant(of: LocalDateTime(iso: text)!, in: berlin) }
        // 12:30: d starts in 15 minutes, nothing yet.
        var effects = Self.reducer.reduce(&state, .tick(instant("2024-12-28T12:30")))
        #expect(effects.isEmpty && state.message == nil && state.personal.reminded.isEmpty)
        effects = Self.reducer.reduce(&state, .tick(instant("2024-12-28T12:37")))
        #expect(effects == [.bell])
        #expect(state.message?.text(in: .en) == "★ in 8 min: 12:45 Talk d · Hall One")
        #expect(state.personal.reminded == [address("d")])
        effects = Self.reducer.reduce(&state, .tick(instant("2024-12-28T12:38")))
        #expect(effects.isEmpty, "once only")
        state.personal.remindMinutes = 0
        effects = Self.reducer.reduce(&state, .tick(instant("2024-12-28T13:55")))
        #expect(effects.isEmpty, "0: no reminders")
    }

    @Test func nowAndNextAndTheClockInTheStatusBar() {
        var state = initial
        state.personal.nowSetting = .eventWallClock(LocalDateTime(iso: "2024-12-28T11:35")!)
        let (now, _) = press(".", from: state)
        #expect(now.overlay == .personal(.nowNext))
        let screen = Screen.render(now, data: Self.data, theme: .monochrome, keyMap: .standard).textLines().joined(separator: "\n")
        #expect(screen.contains("Now and next · Congress"))
        #expect(screen.contains("Hall One"), "\(screen)")
        #expect(screen.contains("11:00–11:40 Talk a"))
        #expect(screen.contains("12:45 Talk d"))
        #expect(screen.contains("11:30–12:30 Talk b"))
        #expect(screen.contains("now 11:35"), "the status bar shows the event's time while it is on")
        let (closed, _) = press("Escape", from: now)
        #expect(closed.overlay == nil)
    }

    /// `.` then Enter is the one "now" key: the agenda at the event's time, on the demo clock.
    @Test func enterInNowAndNextPutsTheAgendaAtThatTime() {
        var state = initial
        state.focus = .timeline
        state.personal.nowSetting = .eventWallClock(LocalDateTime(iso: "2024-12-28T12:40")!)
        let (jumped, _) = press(". Enter", from: state)
        var expected = state
        expected.focus = .agenda
        expected.agenda.cursor = 2   // Talk d, 12:45: the first session starting at 12:40 or after
        expected.message = .places(.now("12:40", zone: "Europe/Berlin"))
        #expect(jumped == expected)
        #expect(Self.data.agendaRows(jumped).session(at: jumped.agenda.cursor)?.0.id == "d")
    }

    @Test func starsShowAsAMarkThatNeedsNoColour() {
        var state = initial
        state.personal.starred = [address("a")]
        let screen = Screen.render(state, data: Self.data, theme: .monochrome, keyMap: .standard).textLines()
        #expect(screen.contains { $0.contains("★ Talk a") })
        #expect(!screen.contains { $0.contains("★ Talk b") })
        // In the room grid too.
        let (grid, _) = press("r", from: state)
        #expect(grid.agendaView == .rooms)
        let cells = Screen.render(grid, data: Self.data, theme: .monochrome, keyMap: .standard).textLines()
        #expect(cells.contains { $0.contains("★ 11:00") }, "\(cells.joined(separator: "\n"))")
    }
}

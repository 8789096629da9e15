import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
@testable import ConfDashUI

/// `+1` marks a session that ends after midnight (issue 10), in every `--tz` mode — the event's
/// zone, the user's (`local`) and any IANA zone — in the agenda, the details and the room grid.
@Suite struct AfterMidnightTests {
    /// A Berlin night: 23:30–02:30 on 27 December 2024 (UTC+1). In UTC that is 22:30–01:30, in
    /// Atlantic/Azores (UTC−1) 21:30–00:30: past midnight on every clock. An evening talk
    /// (20:00–21:00) ends the same day on every clock.
    static let index: DatasetIndex = {
        let date = CalendarDate(iso: "2024-12-27")!
        func talk(_ id: String, _ title: String, _ time: String, _ minutes: Int) -> Session {
            Session(id: id, kind: .talk, title: LocalizedText(en: title), day: date,
                    start: LocalDateTime(date: date, time: ClockTime(text: time)!), durationMinutes: minutes, room: "hall")
        }
        let event = Event(id: "night", kind: .conference, title: LocalizedText(en: "Night Conf"), startDate: date, endDate: date,
                          timeZone: "Europe/Berlin", rooms: [Room(id: "hall", name: LocalizedText(en: "Hall"))],
                          sessions: [talk("evening", "Evening talk", "20:00", 60), talk("late", "Late talk", "23:30", 180)])
        return DatasetIndex(Dataset(title: LocalizedText(en: "Night"), events: [event]))
    }()

    /// (mode, local time on, the zone, how the late talk reads, how the evening talk reads)
    static let modes: [(String, Bool, String, String, String)] = [
        ("event", false, "UTC", "23:30–02:30+1", "20:00–21:00"),
        ("local", true, "UTC", "22:30–01:30+1", "19:00–20:00"),
        ("Atlantic/Azores", true, "Atlantic/Azores", "21:30–00:30+1", "18:00–19:00"),
    ]

    static func store(localTime: Bool, zone: String, size: Size = Size(width: 120, height: 40)) -> DashboardStore {
        DashboardStore(index: index, size: size, language: .en, theme: .dark, localTime: localTime,
                       localZone: TimeZone(identifier: zone)!)
    }

    @Test(arguments: modes.indices)
    func theAgendaMarksTheNightSession(mode: Int) {
        let (name, local, zone, late, evening) = Self.modes[mode]
        let screen = Self.store(localTime: local, zone: zone).render().text
        #expect(screen.contains(late + " "), "\(name): \(screen)")
        #expect(screen.contains(evening + " ") && !screen.contains(evening + "+"), "\(name)")
    }

    @Test(arguments: modes.indices)
    func theDetailsMarkIt(mode: Int) {
        let (name, local, zone, late, evening) = Self.modes[mode]
        let store = Self.store(localTime: local, zone: zone)
        CongressScreensTests.press("j Enter", on: store)
        #expect(store.render().text.contains("Time: " + late + " ("), "\(name)")
        let early = Self.store(localTime: local, zone: zone)
        CongressScreensTests.press("Enter", on: early)
        #expect(early.render().text.contains("Time: " + evening + " ("), "\(name)")
    }

    @Test(arguments: modes.indices)
    func theRoomGridMarksIt(mode: Int) {
        let (name, local, zone, late, evening) = Self.modes[mode]
        let store = Self.store(localTime: local, zone: zone)
        CongressScreensTests.press("r", on: store)
        #expect(store.render().text.contains(String(evening.prefix(5)) + " Evening talk"), "\(name)")
        CongressScreensTests.press("j", on: store)   // down to the night session: the grid scrolls to it
        let screen = store.render().text
        #expect(screen.contains(late + " Late talk"), "\(name): \(screen)")
    }

    /// A session the clock moves to the next day says +1 on its start in the grid (Tokyo, UTC+9:
    /// 23:30 in Berlin is 07:30 the next morning).
    @Test func aStartMovedToTheNextDayIsMarkedOnTheStart() {
        let store = Self.store(localTime: true, zone: "Asia/Tokyo")
        #expect(store.render().text.contains("07:30–10:30+1"))
        CongressScreensTests.press("r j", on: store)
        #expect(store.render().text.contains("07:30+1 Late talk"))
    }
}

import ConfDashCore
import Foundation
import Testing
@testable import ConfDashUI

/// The dashboard on data with clock times and rooms: the documented timed example, and the real
/// 38C3 schedule when ../shared is beside the package.
@Suite struct RealScheduleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let timedURL = root.appendingPathComponent("docs/examples/timed-dataset.json")
    static let congressURL = root.appendingPathComponent("../shared/fixtures/schedules/38c3-schedule.xml")

    static func dashboard(_ url: URL, size: Size = Size(width: 120, height: 40), zone: String = "UTC") throws -> DashboardStore {
        let result = try DatasetImporter.load(contentsOf: url)
        let dataset = try #require(result.dataset)
        return DashboardStore(index: DatasetIndex(dataset), map: Fixture.map, size: size, language: .en, theme: .dark,
                         localZone: TimeZone(identifier: zone)!)
    }

    static func press(_ keys: String, on dashboard: DashboardStore) {
        for key in Key.parseSequence(keys) { _ = dashboard.handle(key) }
    }

    @Test func roomGridPutsParallelSessionsSideBySideAndMovesAcrossRooms() throws {
        let dashboard = try Self.dashboard(Self.timedURL)
        Self.press("[ r", on: dashboard)   // the three-day example event, its first day
        #expect(dashboard.state.agendaView == .rooms)
        #expect(Dispatcher.context(for: dashboard.state) == .roomGrid)
        let grid = dashboard.data.roomGrid(dashboard.state, rows: dashboard.data.agendaRows(dashboard.state))
        #expect(grid.names == ["Hall A", "Lab"] || grid.rooms == ["hall-a", "lab"])
        #expect(grid.blocks.map { $0.map(\.session.id) } == [["dd25-opening"], ["dd25-awkward-title", "dd25-night-session"]])
        // The night session runs past midnight: the grid goes on after 24:00.
        #expect(grid.lastMinute >= 24 * 60 + 60)
        let screen = dashboard.render().text
        #expect(screen.contains("09:30 Opening"))
        #expect(screen.contains("11:00"))

        Self.press("l", on: dashboard)
        #expect(dashboard.data.agendaRows(dashboard.state).session(at: dashboard.state.agenda.cursor)?.0.id == "dd25-awkward-title")
        Self.press("j", on: dashboard)
        #expect(dashboard.data.agendaRows(dashboard.state).session(at: dashboard.state.agenda.cursor)?.0.id == "dd25-night-session")
        Self.press("h", on: dashboard)
        #expect(dashboard.data.agendaRows(dashboard.state).session(at: dashboard.state.agenda.cursor)?.0.id == "dd25-opening")
        Self.press(">", on: dashboard)
        #expect(dashboard.state.day == 2 && dashboard.state.agendaView == .rooms)
        Self.press("r", on: dashboard)
        #expect(dashboard.state.agendaView == .list)
    }

    @Test func untimedSessionsAreCountedNotPlacedAndTheListStillHasThem() throws {
        let dashboard = try Self.dashboard(Self.timedURL)
        Self.press("[ Right Right r", on: dashboard)   // day 3: one timed in a room, one without a room, one afternoon
        let rows = dashboard.data.agendaRows(dashboard.state)
        let grid = dashboard.data.roomGrid(dashboard.state, rows: rows)
        #expect(grid.untimed == rows.sessionCount - grid.blocks.joined().count)
        #expect(grid.untimed > 0)
        #expect(grid.names.last == "room ?")
        #expect(dashboard.render().text.contains("without a clock time: r lists them"))
    }

    @Test func timesSwitchToTheUsersZoneAndBack() throws {
        let dashboard = try Self.dashboard(Self.timedURL, zone: "Asia/Tokyo")
        Self.press("[", on: dashboard)
        let before = dashboard.data.agendaRows(dashboard.state)
        guard case .session(_, _, let eventTime) = before.items[before.selectable[0]] else { Issue.record(); return }
        #expect(eventTime == "09:30–10:00")
        Self.press("T", on: dashboard)
        #expect(dashboard.state.localTime)
        #expect(dashboard.state.message?.text(in: .en) == "Times in your time zone: Asia/Tokyo")
        let after = dashboard.data.agendaRows(dashboard.state)
        guard case .session(_, _, let localTime) = after.items[after.selectable[0]] else { Issue.record(); return }
        // 09:30 in Brussels (UTC+1 before the change to summer time) is 17:30 in Tokyo.
        #expect(localTime == "17:30–18:00")
        Self.press(": tz Space event Enter", on: dashboard)
        #expect(!dashboard.state.localTime)
    }

    @Test func openLoadsAnotherFileAndAFailureKeepsWhatWasThere() throws {
        let dashboard = DashboardStore(index: Fixture.index, map: Fixture.map, size: Size(width: 80, height: 24), language: .en, theme: .dark)
        Self.press("Right /", on: dashboard)
        Self.press("Escape", on: dashboard)
        let before = dashboard.state
        dashboard.send(.command(.open("/nonexistent/schedule.xml")))
        #expect(dashboard.state.message?.kind == .error)
        #expect(dashboard.state.message?.text(in: .en).contains("/nonexistent/schedule.xml") == true)
        var unchanged = dashboard.state
        unchanged.message = nil
        #expect(unchanged == before)
        #expect(dashboard.data.events.count == 5)

        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("confdash-broken-\(UUID()).xml")
        try "<schedule><conference><title>x</title>\n<day date=\"2024-01-01\"><room name=\"A\"><event".write(to: broken, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: broken) }
        dashboard.send(.command(.open(broken.path)))
        let message = try #require(dashboard.state.message)
        #expect(message.kind == .error && message.text(in: .en).contains(broken.lastPathComponent) && message.text(in: .en).contains(":2:"))
        #expect(dashboard.data.events.count == 5)

        Self.press(": open Space \(Self.timedURL.path) Enter", on: dashboard)
        #expect(dashboard.state.message?.kind == .info)
        #expect(dashboard.state.message?.text(in: .en).hasPrefix("Opened timed-dataset.json") == true)
        #expect(dashboard.data.events.count == 2)
        #expect(dashboard.state.size == Size(width: 80, height: 24))
    }

    @Test func congressScheduleGridAndSearch() throws {
        guard FileManager.default.fileExists(atPath: Self.congressURL.path) else {
            print("38C3 fixture not found at \(Self.congressURL.path): skipped"); return
        }
        let dashboard = try Self.dashboard(Self.congressURL)
        Self.press("Right", on: dashboard)
        let rows = dashboard.data.agendaRows(dashboard.state)
        #expect(rows.sessionCount > 250)
        // The day's list starts in the morning, not with the night after it.
        let (first, _) = try #require(rows.session(at: 0))
        #expect(first.start!.date == CalendarDate(iso: "2024-12-28")!)
        Self.press("r", on: dashboard)
        let grid = dashboard.data.roomGrid(dashboard.state, rows: dashboard.data.agendaRows(dashboard.state))
        #expect(grid.rooms.count > 30)
        // Walking right across every room keeps the cursor on screen.
        for _ in 0..<grid.rooms.count {
            Self.press("l", on: dashboard)
            let geometry = RoomGridPane.Geometry(content: Layout.compute(size: dashboard.state.size, focus: .agenda).content(of: .agenda)!,
                                                 names: grid.names)
            let (room, _) = try #require(grid.position(ofCursor: dashboard.state.agenda.cursor))
            #expect(room >= dashboard.state.roomScroll && room < dashboard.state.roomScroll + geometry.visibleRooms)
        }
        Self.press("r / rust Enter", on: dashboard)
        #expect(dashboard.data.agendaRows(dashboard.state).sessionCount > 0)
        // Panes whose data the format lacks show what it has instead: its rooms and its tracks.
        Self.press("Escape 3", on: dashboard)
        #expect(dashboard.render().text.contains("3 Rooms"))
        #expect(!dashboard.render().text.contains("This dataset has no WCO regions."))
        Self.press("4", on: dashboard)
        #expect(dashboard.render().text.contains("4 Tracks"))
        #expect(!dashboard.render().text.contains("This dataset has no technology index."))
    }
}

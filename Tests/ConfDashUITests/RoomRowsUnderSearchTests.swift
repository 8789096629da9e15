import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
@testable import ConfDashUI

/// Under a search the rooms pane counts the search's own matches on the day (found by slot in
/// the search's rows) instead of asking every session of the day again. These tests check its
/// rows against the eager way: every session of the day (and of the spans of days that may fall
/// on it) asked the whole filter, room by room — counts, and each room's timed sessions.
@Suite struct RoomRowsUnderSearchTests {
    static func agree(_ index: DatasetIndex, searches: [String], trackCount: Int = 0, sourceLocation: SourceLocation = #_sourceLocation) {
        let data = DashboardData(index: index, localZone: TimeZone(identifier: "UTC")!)
        guard let event = data.events.first(where: { !$0.rooms.isEmpty }) else { return }
        let tracks = Set(index.dataset.tracks.prefix(trackCount).map(\.typedID))
        for search in searches {
            for day in 1...max(event.dayCount, 1) {
                var state = AppState(size: Size(width: 120, height: 40), language: .en, selectedEvent: event.typedID)
                state.day = day
                state.filters = [.search(search)] + (tracks.isEmpty ? [] : [.tracks(tracks)])
                _ = data.allAgendaRows(state)   // the search scanned whole, as the idle ticks end it
                guard let date = event.date(ofDay: day) else { continue }
                let filter = data.filter(for: state)
                let slots = data.slots(of: event)
                let lists = [slots.day(date)] + slots.spans.filter { $0.range.contains(date) }.map(\.sessions)
                let kept = lists.joined().filter { $0.room != nil && data.query.session($0, of: event, matches: filter) }
                let rows = data.roomRows(state)
                #expect(rows.map(\.id) == event.rooms.map(\.typedID), sourceLocation: sourceLocation)
                for row in rows {
                    let mine = kept.filter { $0.room == row.id.rawValue }
                    #expect(row.count == mine.count, "\(search) day \(day) \(row.id.rawValue)", sourceLocation: sourceLocation)
                    let timed = mine.compactMap { session in session.start.map { (session.id, $0) } }.sorted { $0.1 < $1.1 }
                    #expect(row.starts == timed.map(\.1), "\(search) day \(day) \(row.id.rawValue)", sourceLocation: sourceLocation)
                    #expect((0..<row.timed).map { row.session($0).id } == timed.map(\.0), "\(search) day \(day) \(row.id.rawValue)",
                            sourceLocation: sourceLocation)
                }
            }
        }
    }

    @Test func congressRoomsUnderSearchEqualTheEagerOnes() {
        guard let index = CongressScreensTests.index() else { return }
        Self.agree(index, searches: ["a", "glitch", "custom", "zzzqx", "the"])
        Self.agree(index, searches: ["e", "hack"], trackCount: 2)
    }

    @Test func generatedScheduleRoomsUnderSearchEqualTheEagerOnes() {
        guard let index = DayHoursSpansTests.generated else { return }
        Self.agree(index, searches: ["a", "custom", "zzzqx", "work"])
        Self.agree(index, searches: ["e"], trackCount: 3)
    }

    /// The bundled data has no rooms pane (it lists regions): nothing to build, under a search too.
    @Test func bundledDataHasNoRoomRowsUnderSearch() {
        let data = DashboardData(index: Fixture.index, localZone: TimeZone(identifier: "UTC")!)
        var state = AppState(size: Size(width: 120, height: 40), language: .en, selectedEvent: data.events.first?.typedID)
        state.filters = [.search("e")]
        #expect(data.placesShowRooms || data.roomRows(state).isEmpty)
    }
}

import ConfDashCore
import ConfDashScreen
import ConfDashTestSupport
import Foundation
import Testing
@testable import ConfDashUI

/// The timeline's days × hours under a filter picks from each session's span, worked out once
/// per event and clock (`DashboardData.daySpans`), instead of working out the clock times of the
/// filtered sessions again. These tests check it gives the lanes the eager way gives: every
/// filtered session's clock times, on the event's clock and on a user's clock hours away.
@Suite struct DayHoursSpansTests {
    /// scripts/generate-schedule.py's schedule of 2,000 sessions (several days, many rooms,
    /// 24 tracks, Europe/Berlin), imported; nil (said) without python3.
    static let generated: DatasetIndex? = {
        switch GeneratedSchedule.xml(sessions: 2000, folderName: "confdash-dayhours") {
        case .noPython: print("⚠️  python3 not found: generated schedule not checked"); return nil
        case .failed: Issue.record("scripts/generate-schedule.py --sessions 2000 failed"); return nil
        case .file(let file):
            defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
            guard let dataset = try? DatasetImporter.load(contentsOf: file).dataset else {
                Issue.record("the generated schedule of 2,000 sessions did not load")
                return nil
            }
            return DatasetIndex(dataset)
        }
    }()

    /// For each clock and filter: the dashboard's lanes equal `DayHours.build` over the
    /// sessions the filter keeps.
    static func agree(_ index: DatasetIndex, sourceLocation: SourceLocation = #_sourceLocation) {
        // Hours behind Europe: sessions move to the previous day's lane or past midnight.
        let data = DashboardData(index: index, localZone: TimeZone(identifier: "America/Los_Angeles")!)
        guard let event = data.events.first else { Issue.record("no event", sourceLocation: sourceLocation); return }
        let tracks = index.dataset.tracks.prefix(3).map(\.typedID)
        let rooms = event.rooms.prefix(2).map(\.typedID)
        let filters: [[ActiveFilter]] = [[], [.tracks([tracks[0]])], [.tracks(Set(tracks))], [.rooms([rooms[0]])],
                                         [.rooms(Set(rooms)), .tracks([tracks[1]])], [.rooms(Set(rooms))],
                                         [.rooms([rooms[1]]), .tracks(Set(tracks))]]
        for localTime in [false, true] {
            for active in filters {
                var state = AppState(size: Size(width: 120, height: 40), language: .en, selectedEvent: event.typedID)
                state.localTime = localTime
                state.filters = active
                var filter = data.filter(for: state)
                filter.events = [event.id]
                let kept = event.sessions.filter { data.query.session($0, of: event, matches: filter) }
                let eager = DayHours.build(event: event, sessions: kept, clock: localTime ? .zone(data.localZone) : .eventZone)
                #expect(data.dayHours(state) == eager, "local \(localTime), filters \(active)", sourceLocation: sourceLocation)
                #expect(eager != nil || kept.isEmpty, sourceLocation: sourceLocation)
                // The tracks pane counts the sessions the filter keeps, tracks aside (a room
                // filter asks only its rooms' sessions).
                var untracked = filter
                untracked.tracks = []
                var counts: [String: Int] = [:]
                for session in event.sessions where !session.groupTopic && data.query.session(session, of: event, matches: untracked) {
                    for track in session.tracks { counts[track, default: 0] += 1 }
                }
                let shown = Dictionary(uniqueKeysWithValues: data.trackRows(state).filter { $0.sessions > 0 }.map { ($0.track.id, $0.sessions) })
                #expect(shown == counts, "track counts, local \(localTime), filters \(active)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func congressLanesUnderFiltersEqualTheEagerOnes() {
        guard let index = CongressScreensTests.index() else { return }
        Self.agree(index)
    }

    @Test func generatedScheduleLanesUnderFiltersEqualTheEagerOnes() {
        guard let index = Self.generated else { return }
        #expect(index.dataset.events.first?.sessions.count == 2_000)
        Self.agree(index)
    }
}

import ConfDashCore
import ConfDashScreen
import ConfDashTestSupport
import Foundation
import Testing
@testable import ConfDashUI

/// The track picker's numbers (`TrackSessionCounts`, made when the picker opens) must be the
/// `sessions` of `DatasetIndex.trackUsage()`, which the dashboard used to make for every first frame.
@Suite("Track picker: sessions per track equal the usage's")
struct TrackSessionCountsTests {
    private func expectUsage(_ dataset: Dataset) {
        let usage = DatasetIndex(dataset).trackUsage()
        let counts = TrackSessionCounts.count(dataset)
        #expect(counts == dataset.tracks.map { usage[$0.id]?.sessions ?? 0 })
    }

    @Test func bundledData() { expectUsage(Fixture.index.dataset) }

    @Test func realSchedule() throws {
        guard FileManager.default.fileExists(atPath: RealScheduleTests.congressURL.path) else { return }
        expectUsage(try #require(DatasetImporter.load(contentsOf: RealScheduleTests.congressURL).dataset))
    }

    /// Seeded awkward track lists: a track named twice in one session, ids no track has, topics
    /// grouped sessions covered (not counted), no tracks at all, one track.
    @Test func awkwardTrackLists() {
        var generator = SeededGenerator(state: 13)
        for round in 0..<100 {
            var dataset = Fixture.index.dataset
            let ids = dataset.tracks.map(\.id) + ["no-such-track", ""]
            if round % 10 == 0 { dataset.tracks = [] }
            if round % 10 == 1 { dataset.tracks = Array(dataset.tracks.prefix(1)) }
            for e in dataset.events.indices {
                for s in dataset.events[e].sessions.indices {
                    let count = Int(generator.next() % 5)
                    dataset.events[e].sessions[s].tracks = ids.isEmpty ? [] : (0..<count).map { _ in ids[Int(generator.next() % UInt64(ids.count))] }
                    if generator.next() % 7 == 0 { dataset.events[e].sessions[s].groupTopic.toggle() }
                }
            }
            expectUsage(dataset)
            // The tracks pane's counts of the first frame (no filter) handed to the picker: the
            // same numbers, or none taken when a session names a track twice.
            let data = DashboardData(index: DatasetIndex(dataset))
            dataset.technologies = []
            let paneData = DashboardData(index: DatasetIndex(dataset))
            for data in [data, paneData] {
                let state = Reducer(data: data).initialState(size: Size(width: 120, height: 40), language: .en)
                _ = data.trackRows(state)
                #expect(data.trackSessionCounts == TrackSessionCounts.count(dataset))
            }
        }
    }

    @Test func firstFrameCountsAreThePickers() throws {
        guard FileManager.default.fileExists(atPath: RealScheduleTests.congressURL.path) else { return }
        let dashboard = try RealScheduleTests.dashboard(RealScheduleTests.congressURL)
        _ = dashboard.render()
        #expect(dashboard.data.trackSessionCounts == TrackSessionCounts.count(dashboard.data.index.dataset))
    }
}

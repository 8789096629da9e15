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

    /// The seeded awkward track lists (`AwkwardTrackLists`); topics grouped sessions covered
    /// are not counted.
    @Test func awkwardTrackLists() {
        for (_, var dataset) in AwkwardTrackLists.datasets(rounds: 100) {
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

import ConfDashTestSupport
import Testing
@testable import ConfDashUI

/// The tracks pane counts sessions per track into arrays (`TrackTally`, issue 13); what it hands
/// over must be what counting straight into the two dictionaries gave, trends included only for
/// tracks that had a session in a column.
@Suite("Tracks pane: the tally equals counting into dictionaries")
struct TrackTallyTests {
    /// The counting the tally replaced, kept here as the reference.
    private func dictionaries(_ visits: [(track: String, column: Int?)], columns: Int) -> TrackCounts {
        var result = TrackCounts()
        result.columns = columns
        for (track, column) in visits {
            result.counts[track, default: 0] += 1
            if let column {
                result.trends[track, default: Array(repeating: 0, count: columns)][column] += 1
            }
        }
        return result
    }

    private func tallied(_ visits: [(track: String, column: Int?)], columns: Int) -> TrackCounts {
        var tally = TrackTally(columns: columns)
        for (track, column) in visits { tally.count(track, column: column) }
        return tally.counts
    }

    @Test func randomVisitsGiveTheSameCountsAndTrends() {
        var generator = SeededGenerator(state: 13)
        let names = ["Security", "Art & Beauty", "Ethics, Society & Politics", "Hardware", "Ünïcode", ""]
        for round in 0..<200 {
            let columns = Int(generator.next() % 6)   // 0 columns too: no trend at all
            let visits: [(track: String, column: Int?)] = (0..<Int(generator.next() % 60)).map { _ in
                let name = names[Int(generator.next() % UInt64(names.count))]
                // Runs of one track, as sessions of a track tend to come, and jumps between them.
                let column: Int? = columns > 0 && generator.next() % 3 != 0 ? Int(generator.next() % UInt64(columns)) : nil
                return (name, column)
            }
            let expected = dictionaries(visits, columns: columns)
            let got = tallied(visits, columns: columns)
            #expect(got.counts == expected.counts, "round \(round)")
            #expect(got.trends == expected.trends, "round \(round)")
            #expect(got.columns == expected.columns)
        }
    }

    @Test func nothingCountedGivesEmptyCounts() {
        let got = tallied([], columns: 4)
        #expect(got.counts.isEmpty && got.trends.isEmpty && got.columns == 4)
    }
}

import ConfDashCore
import ConfDashTestSupport

/// Seeded awkward track lists on the bundled data, for the tests of what is counted or numbered
/// per track (`TrackNumbersTests`, `TrackSessionCountsTests`): a track named twice in one
/// session, ids no track has, topics grouped sessions covered, no tracks at all, one track, a
/// session's id string in a storage of its own; and, when asked, two tracks with one id.
enum AwkwardTrackLists {
    /// `rounds` datasets, the same ones for the same `seed`. `trackTwice`: every tenth has its
    /// first track listed twice, which only a dataset made in memory can have (the dataset reader
    /// refuses a duplicate id; `DatasetIndex.trackUsage()` assumes none).
    static func datasets(rounds: Int, seed: UInt64 = 13, trackTwice: Bool = false) -> [(round: Int, dataset: Dataset)] {
        var generator = SeededGenerator(state: seed)
        return (0..<rounds).map { round in
            var dataset = Fixture.index.dataset
            let ids = dataset.tracks.map(\.id) + ["no-such-track", ""]
            if round % 10 == 0 { dataset.tracks = [] }
            if round % 10 == 1 { dataset.tracks = Array(dataset.tracks.prefix(1)) }
            if trackTwice, round % 10 == 2, let first = dataset.tracks.first { dataset.tracks.append(first) }
            for e in dataset.events.indices {
                for s in dataset.events[e].sessions.indices {
                    let count = [0, 1, 1, 1, 2, 3, 4][Int(generator.next() % 7)]
                    dataset.events[e].sessions[s].tracks = (0..<count).map { _ in
                        let id = ids[Int(generator.next() % UInt64(ids.count))]
                        // Another storage of the same id, now and then.
                        return generator.next() % 4 == 0 ? String(decoding: Array(id.utf8), as: UTF8.self) : id
                    }
                    if generator.next() % 7 == 0 { dataset.events[e].sessions[s].groupTopic.toggle() }
                }
            }
            return (round, dataset)
        }
    }
}

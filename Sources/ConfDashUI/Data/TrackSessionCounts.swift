import ConfDashCore
import Foundation

/// The track picker's numbers: for each track of the dataset (in its order), the sessions that
/// name it, a session naming a track twice counted once, a topic grouped sessions covered not at
/// all: `DatasetIndex.trackUsage()`'s `sessions`, without its events, years and topics.
///
/// The dashboard made the whole usage for the first frame, which never shows it: on the 10k
/// schedule 36.7 M instructions of what the first frame adds to loading (a Set per session, a
/// dictionary of years per track). Counted into an array by each track's place, and only when
/// the picker opens, it costs a few hundred instructions a session.
enum TrackSessionCounts {
    static func count(_ dataset: Dataset) -> [Int] {
        var place: [String: Int] = [:]
        place.reserveCapacity(dataset.tracks.count)
        for (index, track) in dataset.tracks.enumerated() where place[track.id] == nil { place[track.id] = index }
        var counts = Array(repeating: 0, count: dataset.tracks.count)
        guard !place.isEmpty else { return counts }
        for event in dataset.events {
            for session in event.sessions where !session.groupTopic {
                let tracks = session.tracks
                for (index, track) in tracks.enumerated() {
                    // Each id once per session: only an id met before in this session's list is skipped.
                    if index > 0, tracks[..<index].contains(track) { continue }
                    if let at = place[track] { counts[at] += 1 }
                }
            }
        }
        return counts
    }
}

/// The picker's numbers as the dashboard holds them: counted when the picker first needs them,
/// unless the tracks pane has already counted every session of every event with no filter, in
/// which case its counts are the same numbers and are taken as they are (at 100,000 sessions
/// counting again cost the first `t` some 40 ms). Safe to share between threads.
final class TrackPickerCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [Int]?
    private let dataset: Dataset

    init(_ dataset: Dataset) { self.dataset = dataset }

    var value: [Int] {
        lock.lock()
        defer { lock.unlock() }
        if let counts { return counts }
        let made = TrackSessionCounts.count(dataset)
        counts = made
        return made
    }

    /// The tracks pane's counts of every session of every event, no filter, and no session
    /// naming a track twice (the pane counts each naming, the picker each session): the
    /// picker's numbers, kept unless they are already there.
    func offer(_ paneCounts: [String: Int]) {
        lock.lock()
        defer { lock.unlock() }
        guard counts == nil else { return }
        counts = dataset.tracks.map { paneCounts[$0.id] ?? 0 }
    }
}

extension TrackSessionCounts {
    /// Whether a track list names one track twice (lists are a few tracks long).
    static func repeats(_ tracks: [String]) -> Bool {
        guard tracks.count > 1 else { return false }
        for index in 1..<tracks.count where tracks[..<index].contains(tracks[index]) { return true }
        return false
    }
}

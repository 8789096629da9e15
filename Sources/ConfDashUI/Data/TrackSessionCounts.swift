import ConfDashCore

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

import ConfDashCore

/// One event's sessions by track and by room, as places in `event.sessions`: built once per
/// event, so that a filter naming rooms or tracks asks only their sessions instead of every
/// session of the event (at 100,000 sessions asking each one cost tens of milliseconds).
struct SessionPlaces: Sendable {
    var byTrack: [String: [Int]] = [:]
    var byRoom: [String: [Int]] = [:]
    var count = 0

    init(_ event: Event) {
        count = event.sessions.count
        // Into lists by each track's and room's number (`StringNumbering`: a name is hashed when
        // first met, not per session), then keyed by name: at 100,000 sessions the two String
        // hashes a session were 70 M of these lists' 111 M instructions (issue 13).
        var tracks = StringNumbering(), rooms = StringNumbering()
        var trackLists: [[Int]] = [], roomLists: [[Int]] = []
        for (index, session) in event.sessions.enumerated() {
            for track in session.tracks {
                let number = tracks.number(track, adding: true)!
                if number == trackLists.count { trackLists.append([]) }
                trackLists[number].append(index)
            }
            if let room = session.room {
                let number = rooms.number(room, adding: true)!
                if number == roomLists.count { roomLists.append([]) }
                roomLists[number].append(index)
            }
        }
        byTrack = Dictionary(uniqueKeysWithValues: zip(tracks.names, trackLists))
        byRoom = Dictionary(uniqueKeysWithValues: zip(rooms.names, roomLists))
    }

    /// Places (ascending) of the sessions that can pass `filter` as far as its rooms and
    /// tracks go: those of the chosen rooms, or of the chosen tracks, whichever are fewer;
    /// every place when it names neither. The caller still asks each one the whole filter.
    func candidates(for filter: AgendaFilter) -> [Int] {
        var best: [Int]?
        if !filter.rooms.isEmpty { best = Self.union(filter.rooms.map { byRoom[$0] ?? [] }, count) }
        if !filter.tracks.isEmpty, best == nil || best!.count > filter.tracks.reduce(0, { $0 + (byTrack[$1]?.count ?? 0) }) {
            best = Self.union(filter.tracks.map { byTrack[$0] ?? [] }, count)
        }
        return best ?? Array(0..<count)
    }

    /// The sorted union of lists of places below `count`.
    private static func union(_ lists: [[Int]], _ count: Int) -> [Int] {
        if lists.count == 1 { return lists[0] }
        var taken = Array(repeating: false, count: count)
        for list in lists { for index in list { taken[index] = true } }
        return taken.indices.filter { taken[$0] }
    }
}

extension DashboardData {
    /// `event`'s sessions by room and by track: once per event. A key that asks while the second
    /// core makes them (`prepareDaySpansInBackground`) waits for that instead of starting over
    /// (the first filter pressed right after the first frame).
    func sessionPlaces(of event: Event) -> SessionPlaces {
        sessionPlacesCache.shared(for: event.id) { LazyValue { SessionPlaces(event) } }.value
    }
}

import ConfDashCore

/// The tracks pane's numbers: sessions per track in the events in scope, with every filter but
/// the track filter, and per day (one event in scope) or per event. Kept apart from the rows so
/// that what does not change them costs nothing at 100,000 sessions: the language (`L`), and
/// applying or removing a track filter when the scope stays the same (the rows are then only
/// re-sorted). Under a search they are counted from the search's matches (`SearchList`) rather
/// than by searching every session a second time; while the search is still being scanned in
/// parts they count the matches found so far, and are counted again once it is complete.
struct TrackCounts: Sendable {
    struct Key: Equatable, Sendable {
        /// The filters without the track filter.
        var filter: AgendaFilter
        var scope: [String]
        /// A search's scan: complete or not (nil: no search list is read).
        var searchComplete: Bool?
    }

    var counts: [String: Int] = [:]
    var trends: [String: [Int]] = [:]
    var columns = 0

    /// Counts `sessions(eventIndex, event)`, the sessions each scope event contributes.
    init(scope: [Event], sessions: (Int, Event) -> [Session]) {
        let single = scope.count == 1 ? scope.first : nil
        columns = single.map { $0.dayCount } ?? scope.count
        for (eventIndex, event) in scope.enumerated() {
            // An entry that stands for a topic grouped sessions covered is not a session (issue 14).
            for session in sessions(eventIndex, event) where !session.groupTopic {
                let column = single != nil ? (session.day.flatMap(event.dayIndex(of:)).map { $0 - 1 }) : eventIndex
                for track in session.tracks {
                    counts[track, default: 0] += 1
                    if let column, column < columns {
                        trends[track, default: Array(repeating: 0, count: columns)][column] += 1
                    }
                }
            }
        }
    }
}

extension DashboardData {
    func trackCounts(_ state: AppState) -> TrackCounts {
        let scope = eventsInScope(state)
        var filter = self.filter(for: state)
        filter.tracks = []
        // The search list holds the matches of the filters in force; without a track filter
        // those are the sessions counted here.
        let list = (filter.search ?? "").isEmpty || !state.trackFilter.isEmpty ? nil : searchList(state)
        let key = TrackCounts.Key(filter: filter, scope: scope.map(\.id), searchComplete: list?.isComplete)
        return trackCountsCache.value(for: key) {
            if let list {
                let found = list.matchesFound()
                let position = Dictionary(events.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
                return TrackCounts(scope: scope) { _, event in position[event.id].flatMap { found[$0] } ?? [] }
            }
            return TrackCounts(scope: scope) { _, event in
                event.sessions.filter { query.session($0, of: event, matches: filter) }
            }
        }
    }
}

import ConfDashCore

/// One room of the selected event on the selected day, as the rooms pane lists it.
struct RoomRow: Equatable, Sendable {
    var id: TypedID<Room>
    var name: String
    /// Sessions in the room that day, with the other filters (not the room filter) applied.
    var count: Int
    /// Of those, sessions with a clock time (only they can be now or next).
    var timed: Int = 0
    /// What runs there at the reference time, and what starts next after it.
    var current: Session?
    var next: Session?
}

/// One track as the tracks pane lists it.
struct TrackRow: Equatable, Sendable {
    var track: Track
    /// Sessions of the events in scope carrying the track.
    var sessions: Int
    /// Sessions per day of the selected event, for the trend (one event) — or per event.
    var trend: [Int]
}

/// What the rooms and tracks rows depend on.
struct PlacesKey: Equatable, Sendable {
    var event: EventID?
    var day: Int
    var filter: AgendaFilter
    var reference: LocalDateTime?
    var language: Language
}

extension DashboardData {
    private func placesKey(_ state: AppState, reference: LocalDateTime?) -> PlacesKey {
        PlacesKey(event: state.selectedEvent, day: state.day, filter: filter(for: state), reference: reference, language: state.language)
    }

    /// The Places pane lists rooms when the data has no WCO regions (imported schedules).
    var placesShowRooms: Bool { regions.isEmpty }
    /// The Topics pane lists tracks when the data has no technology index but has tracks.
    var topicsShowTracks: Bool { technologies.isEmpty && !index.dataset.tracks.isEmpty }

    /// Rows of the Places pane (regions or rooms), for the cursor.
    func placeCount(_ state: AppState) -> Int { placesShowRooms ? roomRows(state).count : regions.count }
    /// Rows of the Topics pane (technologies or tracks).
    func topicCount(_ state: AppState) -> Int { topicsShowTracks ? trackRows(state).count : technologies.count }

    /// The reference time for "now / next": the start of the agenda cursor's session when it has
    /// a clock time (`:time`, the now key and the arrows move it), else the day's start.
    func referenceTime(_ state: AppState) -> LocalDateTime? {
        guard let (session, _) = agendaRows(state).session(at: state.agenda.cursor), let start = session.start else { return nil }
        return start
    }

    /// Rooms of the selected event in its own order, with that day's sessions (filters applied,
    /// the room filter aside so other rooms keep their counts).
    func roomRows(_ state: AppState) -> [RoomRow] {
        guard placesShowRooms else { return [] }
        let reference = referenceTime(state)
        return roomRowsCache.value(for: placesKey(state, reference: reference)) { computeRoomRows(state, reference: reference) }
    }

    private func computeRoomRows(_ state: AppState, reference: LocalDateTime?) -> [RoomRow] {
        guard let event = event(state.selectedEvent), !event.rooms.isEmpty, let date = event.date(ofDay: state.day) else { return [] }
        var filter = self.filter(for: state)
        filter.rooms = []
        filter.events = [event.id]
        filter.day = .date(date)
        var byRoom: [String: [Session]] = [:]
        for session in slots(of: event).sessions(on: date, of: event) where session.room != nil && query.session(session, of: event, matches: filter) {
            byRoom[session.room!, default: []].append(session)
        }
        return event.rooms.map { room in
            // Every session of the day counts; only those with a clock time can be now or next.
            let all = byRoom[room.id] ?? []
            let sessions = all.filter { $0.start != nil }.sorted { $0.start! < $1.start! }
            var current: Session?
            var next: Session?
            if let reference {
                for session in sessions {
                    guard let start = session.start else { continue }
                    let end = session.end(inTimeZone: nil) ?? start
                    if start <= reference && reference < end { current = session }
                    if start > reference { next = session; break }
                }
            } else {
                next = sessions.first
            }
            return RoomRow(id: room.typedID, name: room.name.text(in: state.language), count: all.count, timed: sessions.count, current: current, next: next)
        }
    }

    /// Tracks with their sessions in the events in scope, most used first, and a trend: per day
    /// of the selected event when one event is in scope, else per event.
    func trackRows(_ state: AppState) -> [TrackRow] {
        guard topicsShowTracks else { return [] }
        // The counts are kept (TrackCounts); ordering a few dozen tracks by them is cheap.
        let tally = trackCounts(state)
        let counts = tally.counts, trends = tally.trends, columns = tally.columns
        return index.dataset.tracks.enumerated()
            .filter { counts[$0.element.id] != nil || state.trackFilter.contains($0.element.typedID) }
            .sorted { a, b in
                let ca = counts[a.element.id] ?? 0, cb = counts[b.element.id] ?? 0
                return ca != cb ? ca > cb : a.offset < b.offset
            }
            .map { TrackRow(track: $0.element, sessions: counts[$0.element.id] ?? 0,
                            trend: trends[$0.element.id] ?? Array(repeating: 0, count: columns)) }
    }
}

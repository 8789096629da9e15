/// Where a session sits in the agenda, as precisely as the source allows.
public enum AgendaSlot: Hashable, Sendable, Comparable {
    /// The source says which day.
    case day(CalendarDate)
    /// The source gives only a span of days ("on day two or three").
    case possibleDays(DateRange)
    /// The source says nothing about the day: "during the event".
    case unplaced

    public init(_ session: Session) {
        if let day = session.day { self = .day(day) }
        else if let range = session.possibleDays { self = .possibleDays(range) }
        else { self = .unplaced }
    }

    /// Exact days first, then spans by their first day, then unplaced.
    private var sortKey: (Int, Int, Int) {
        switch self {
        case .day(let date): return (date.dayNumber, 0, 0)
        case .possibleDays(let range): return (range.from.dayNumber, 1, range.to.dayNumber)
        case .unplaced: return (Int.max, 2, 0)
        }
    }

    public static func < (a: AgendaSlot, b: AgendaSlot) -> Bool { a.sortKey < b.sortKey }
}

/// One event's part of an agenda: its matching sessions grouped by slot, in programme order within each.
public struct EventAgenda: Sendable {
    public var event: Event
    public var groups: [(slot: AgendaSlot, sessions: [Session])]

    public var sessionCount: Int { groups.reduce(0) { $0 + $1.sessions.count } }
    public var allSessions: [Session] { groups.flatMap(\.sessions) }
}

public struct AgendaQuery: Sendable {
    public let index: DatasetIndex

    public init(index: DatasetIndex) { self.index = index }

    /// Whether `session` of `event` passes every session-level criterion (day, tracks, technologies, search).
    public func session(_ session: Session, of event: Event, matches filter: AgendaFilter) -> Bool {
        self.session(session, of: event, matches: filter, search: filter.search.map(SearchQuery.init))
    }

    /// `search` is `filter.search` folded once by the caller, so a whole agenda folds the query once.
    public func session(_ session: Session, of event: Event, matches filter: AgendaFilter, search: SearchQuery?) -> Bool {
        if let only = filter.onlySessions, !only.contains(SessionAddress(event: event.id, session: session.id)) { return false }
        if filter.day != nil {
            guard let date = filter.selectedDate(in: event) else { return false }
            switch AgendaSlot(session) {
            case .day(let day): if day != date { return false }
            case .possibleDays(let range): if !range.contains(date) { return false }
            case .unplaced: return false
            }
        }
        if !filter.tracks.isEmpty && filter.tracks.isDisjoint(with: session.tracks) { return false }
        if !filter.technologies.isEmpty && filter.technologies.isDisjoint(with: session.technologies) { return false }
        if !filter.rooms.isEmpty && !(session.room.map(filter.rooms.contains) ?? false) { return false }
        if let search, !index.session(session, of: event, matches: search) { return false }
        return true
    }

    /// The agenda for `filter`: events oldest first, each with its matching sessions; events with no match are left out.
    public func agenda(_ filter: AgendaFilter) -> [EventAgenda] {
        let search = filter.search.map(SearchQuery.init)
        return index.eventsByDate.compactMap { event in
            guard filter.admits(event) else { return nil }
            var bySlot: [AgendaSlot: [Session]] = [:]
            // Sessions come day by day: a run of sessions in one slot is gathered, then handed to
            // its group in one go (a hash per run, not one per session; the run's array itself
            // when the group is new).
            var slot: AgendaSlot?
            var run: [Session] = []
            func close() {
                guard let slot, !run.isEmpty else { return }
                if bySlot[slot] == nil { bySlot[slot] = run } else { bySlot[slot]!.append(contentsOf: run) }
                run = []
            }
            for session in event.sessions where self.session(session, of: event, matches: filter, search: search) {
                let sessionSlot = AgendaSlot(session)
                if sessionSlot != slot {
                    close()
                    slot = sessionSlot
                }
                run.append(session)
            }
            close()
            guard !bySlot.isEmpty else { return nil }
            let groups = bySlot.keys.sorted().map { (slot: $0, sessions: bySlot[$0]!) }
            return EventAgenda(event: event, groups: groups)
        }
    }

    /// With a day filter: how many sessions would match but for the day, because their source
    /// gives them no day at all. Lets a view say why a day looks empty instead of just "nothing".
    public func undatedLeftOut(by filter: AgendaFilter) -> Int {
        guard filter.day != nil else { return 0 }
        var dayless = filter
        dayless.day = nil
        let search = filter.search.map(SearchQuery.init)
        // Only events that have the chosen day: an undated session of another event was never a candidate.
        return index.eventsByDate.filter { filter.admits($0) && filter.selectedDate(in: $0) != nil }.reduce(0) { total, event in
            total + event.sessions.filter {
                AgendaSlot($0) == .unplaced && session($0, of: event, matches: dayless, search: search)
            }.count
        }
    }

    /// Events that pass the event-level criteria and have at least one matching session
    /// (or, with no session-level criteria, every admitted event). A search also finds an event
    /// by its own text (theme, description, organisations…), as `eventMatches` lists.
    public func events(_ filter: AgendaFilter) -> [Event] {
        let sessionLevel = filter.day != nil || !filter.tracks.isEmpty || !filter.technologies.isEmpty || !filter.rooms.isEmpty
            || !(filter.search ?? "").isEmpty
        guard sessionLevel else { return index.eventsByDate.filter(filter.admits) }
        // An event's first matching session settles it: no need to group every match by slot
        // (`agenda`), which at 100,000 sessions made a first track filter cost a tenth of a second.
        let search = filter.search.map(SearchQuery.init)
        let withSessions = Set(index.eventsByDate.filter { event in
            filter.admits(event) && event.sessions.contains { session($0, of: event, matches: filter, search: search) }
        }.map(\.id))
        let byOwnText = Set(eventMatches(filter).map(\.event.id))
        return index.eventsByDate.filter { withSessions.contains($0.id) || byOwnText.contains($0.id) }
    }

    /// Events whose own text (not a session's) matches the search, with the fields that matched,
    /// oldest first. Only for a search on its own: with a day, track or technology filter the
    /// question is about sessions, and an event's theme cannot answer it.
    public func eventMatches(_ filter: AgendaFilter) -> [EventMatch] {
        guard let text = filter.search, !text.isEmpty, filter.day == nil, filter.tracks.isEmpty,
              filter.technologies.isEmpty else { return [] }
        let query = SearchQuery(text)
        // Sessions carry their event's title and city, so that `hanoi` lists Hanoi's sessions: a
        // match on those alone is already shown by the sessions, and saying it again is noise.
        let namesOnly: Set<EventSearchField> = [.title, .place]
        return index.eventsByDate.compactMap { event in
            guard filter.admits(event), let fields = index.eventMatch(event, query) else { return nil }
            if namesOnly.isSuperset(of: fields), event.sessions.contains(where: { index.session($0, of: event, matches: query) }) { return nil }
            return EventMatch(event: event, fields: fields)
        }
    }
}

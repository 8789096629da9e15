import Foundation

/// The starred sessions of a dataset laid out to plan a day: by event and day as the agenda
/// groups them, with every overlap between two starred sessions and the free time between
/// consecutive timed ones. Pure: the same stars and data always give the same value.
public struct MyAgenda: Sendable {
    public struct Overlap: Hashable, Sendable {
        public var other: SessionAddress
        /// False when either session's time is vague (a part of day, a day, a span of days):
        /// then they *may* overlap.
        public var certain: Bool
    }

    /// Free time between two consecutive starred sessions of a day, on the event's wall clock.
    public struct Gap: Hashable, Sendable {
        public var event: String
        public var from: LocalDateTime
        public var to: LocalDateTime
        public var minutes: Int { (TimeZones.naiveSeconds(to) - TimeZones.naiveSeconds(from)) / 60 }

        public init(event: String, from: LocalDateTime, to: LocalDateTime) { self.event = event; self.from = from; self.to = to }
    }

    public enum Row: Sendable {
        case session(Session)
        case gap(Gap)
    }

    public struct Group: Sendable {
        public var event: Event
        public var slot: AgendaSlot
        public var rows: [Row]
    }

    /// Gaps shorter than this are not shown: the walk between rooms.
    public static let defaultMinimumGapMinutes = 10

    public var groups: [Group]
    public var sessionCount: Int
    /// The starred sessions' spans in start order: each row's overlaps are found there when it
    /// is drawn, not all of them at once (a congress day has thousands of overlapping pairs).
    let sweep: OverlapSweep

    /// Every starred session's overlaps, by address (a session with none is left out).
    public var overlaps: [SessionAddress: [Overlap]] { sweep.all() }

    /// What the starred session at `address` overlaps, in start order (as `overlaps[address]`).
    public func overlaps(of address: SessionAddress) -> [Overlap] { sweep.overlaps(of: address) }

    /// `positions`, when given, must be of `index.dataset`: with no filter, the starred sessions
    /// are then looked up by position instead of going through every session of the dataset.
    public init(index: DatasetIndex, starred: Set<SessionAddress>, filter: AgendaFilter = AgendaFilter(),
                minimumGapMinutes: Int = MyAgenda.defaultMinimumGapMinutes, positions: SessionPositions? = nil) {
        let agenda: [EventAgenda]
        if let positions, filter == AgendaFilter(), let direct = Self.starredAgenda(index: index, starred: starred, positions: positions) {
            agenda = direct
        } else {
            var only = filter
            only.onlySessions = starred.intersection(filter.onlySessions ?? starred)
            agenda = AgendaQuery(index: index).agenda(only)
        }
        var groups: [Group] = []
        var spans: [(SessionAddress, SessionSpan)] = []
        var count = 0
        for eventAgenda in agenda {
            let event = eventAgenda.event
            // One per event: each zone offset is asked of Foundation once per distinct time.
            let times = EventClockTimes(.eventZone, event: event)
            for (slot, sessions) in eventAgenda.groups {
                count += sessions.count
                for session in sessions {
                    if let span = SessionSpan(session, in: event, seconds: { times.instant(of: $0) ?? TimeZones.naiveSeconds($0) }) {
                        spans.append((SessionAddress(event: event.id, session: session.id), span))
                    }
                }
                groups.append(Group(event: event, slot: slot, rows: Self.rows(sessions, event: event, times: times, minimumGap: minimumGapMinutes)))
            }
        }
        self.groups = groups
        self.sweep = OverlapSweep(spans)
        self.sessionCount = count
    }

    /// What `AgendaQuery.agenda` gives for the starred sessions alone and no other filter (events
    /// oldest first, slots in order, sessions in programme order), from their positions. Nil when
    /// an address cannot name exactly one session (an event listing an id twice): the caller
    /// then goes through the events.
    static func starredAgenda(index: DatasetIndex, starred: Set<SessionAddress>, positions: SessionPositions) -> [EventAgenda]? {
        var byEvent: [String: [Int]] = [:]
        // Stars come mostly from one event: its table is looked up once, not per star.
        var last: (id: String, table: SessionPositions.Event?)?
        for address in starred {
            if last?.id != address.event { last = (address.event, positions.event(address.event)) }
            guard let table = last?.table else { continue }
            guard table.listsOnce else { return nil }
            if let position = table.position(of: address.session) { byEvent[address.event, default: []].append(position) }
        }
        guard !byEvent.isEmpty else { return [] }
        return index.eventsByDate.compactMap { event in
            guard var list = byEvent[event.id] else { return nil }
            list.sort()
            // A handful of slots (the event's days): found by comparing, not hashing.
            var groups: [(slot: AgendaSlot, sessions: [Session])] = []
            for position in list where position < event.sessions.count {
                let session = event.sessions[position]
                let slot = AgendaSlot(session)
                if let at = groups.lastIndex(where: { $0.slot == slot }) {
                    groups[at].sessions.append(session)
                } else {
                    groups.append((slot, [session]))
                }
            }
            guard !groups.isEmpty else { return nil }
            groups.sort { $0.slot < $1.slot }
            return EventAgenda(event: event, groups: groups)
        }
    }

    /// Sessions in start order (untimed first, as the agenda lists them), with a gap row before
    /// each timed session that starts at least `minimumGap` minutes after every earlier one ended.
    static func rows(_ sessions: [Session], event: Event, times: EventClockTimes, minimumGap: Int) -> [Row] {
        // Positions are sorted, not sessions: moving whole sessions around was most of the sort.
        let starts = sessions.map(\.start)
        let ordered = sessions.indices.sorted { a, b in
            switch (starts[a], starts[b]) {
            case let (x?, y?): return x == y ? a < b : x < y
            case (nil, _?): return true
            case (_?, nil): return false
            case (nil, nil): return a < b
            }
        }
        var rows: [Row] = []
        rows.reserveCapacity(sessions.count + sessions.count / 2)
        var busyUntil: LocalDateTime?
        for position in ordered {
            let session = sessions[position]
            if let start = session.start {
                if let until = busyUntil, TimeZones.naiveSeconds(start) - TimeZones.naiveSeconds(until) >= minimumGap * 60 {
                    rows.append(.gap(Gap(event: event.id, from: until, to: start)))
                }
                // As `session.end(inTimeZone:)` in the event's zone, with the offsets remembered.
                let end = times.times(of: session)?.end ?? start
                busyUntil = max(busyUntil ?? end, end)
            }
            rows.append(.session(session))
        }
        return rows
    }

    /// `MyAgenda(index:starred:).overlaps[address]` without laying out the whole agenda: the
    /// details of one starred session need only its own overlaps, and building My agenda for
    /// them was most of what a state file added to the first frame. Same spans, same order (the
    /// sweep lists a session's overlaps in start order, whichever side of it they are on).
    public static func overlaps(of address: SessionAddress, index: DatasetIndex, starred: Set<SessionAddress>) -> [Overlap] {
        guard starred.contains(address) else { return [] }
        var byEvent: [String: Set<String>] = [:]
        for star in starred { byEvent[star.event, default: []].insert(star.session) }
        var spans: [(SessionAddress, SessionSpan)] = []
        for event in index.eventsByDate {
            guard let ids = byEvent[event.id] else { continue }
            let zone = event.timeZone.flatMap(TimeZones.zone(named:))
            for position in event.sessions.indices where ids.contains(event.sessions[position].id) {
                if let span = SessionSpan(event.sessions[position], in: event, zone: zone) {
                    spans.append((SessionAddress(event: event.id, session: event.sessions[position].id), span))
                }
            }
        }
        // The sweep My agenda uses, so the details and My agenda list the same overlaps in the
        // same order (it only looks at the spans around this one, not at every pair).
        return OverlapSweep(spans).overlaps(of: address)
    }

    public var gaps: [Gap] {
        groups.flatMap { $0.rows.compactMap { if case .gap(let gap) = $0 { return gap } else { return nil } } }
    }

    /// Sessions of `event` that fit inside `gap` (start at or after its start, end at or before
    /// its end), leaving out `starred` ones, in start order: what could fill the hole.
    public static func sessions(fitting gap: Gap, in event: Event, excluding starred: Set<SessionAddress> = []) -> [Session] {
        let zone = event.timeZone.flatMap(TimeZones.zone(named:))
        return event.sessions.filter { session in
            guard let start = session.start, let end = session.end(inTimeZone: zone), start >= gap.from, end <= gap.to else { return false }
            return !starred.contains(SessionAddress(event: event.id, session: session.id))
        }.sorted { ($0.start!, $0.id) < ($1.start!, $1.id) }
    }
}

/// Which sessions to show. Every criterion narrows; an empty set or nil means "no restriction".
public struct AgendaFilter: Equatable, Sendable {
    public enum DaySelector: Equatable, Hashable, Sendable {
        /// Day N of each selected event (1-based).
        case index(Int)
        case date(CalendarDate)
    }

    public var events: Set<String> = []
    public var day: DaySelector?
    /// A session matches when it carries any of these tracks.
    public var tracks: Set<String> = []
    /// A session matches when it mentions any of these technologies.
    public var technologies: Set<String> = []
    public var regions: Set<String> = []
    public var kinds: Set<Event.Kind> = []
    /// A session matches when it takes place in any of these rooms (room ids; see `roomResolver`).
    public var rooms: Set<String> = []
    public var search: String?
    /// Only these sessions (the starred ones, for `--starred` and My agenda); nil: any.
    public var onlySessions: Set<SessionAddress>?

    public init(events: Set<String> = [], day: DaySelector? = nil, tracks: Set<String> = [], technologies: Set<String> = [],
                regions: Set<String> = [], kinds: Set<Event.Kind> = [], search: String? = nil) {
        self.events = events; self.day = day; self.tracks = tracks; self.technologies = technologies
        self.regions = regions; self.kinds = kinds; self.search = search
    }

    public var isEmpty: Bool { self == AgendaFilter() || self == AgendaFilter(search: "") }

    /// Whether the event itself passes the event-level criteria (event, region, kind).
    public func admits(_ event: Event) -> Bool {
        (events.isEmpty || events.contains(event.id))
            && (regions.isEmpty || event.region.map(regions.contains) == true)
            && (kinds.isEmpty || kinds.contains(event.kind))
    }

    /// The calendar day the day selector means for `event`, or nil when it falls outside the event.
    public func selectedDate(in event: Event) -> CalendarDate? {
        switch day {
        case .none: return nil
        case .index(let index): return event.date(ofDay: index)
        case .date(let date): return event.dayIndex(of: date) == nil ? nil : date
        }
    }
}

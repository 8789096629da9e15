import ConfDashCore

/// One event's sessions placed once: by day, by span of days, and with no day, each list in
/// the agenda's order (clock time, then part of day, then programme order). Built the first
/// time a frame shows the event and kept while it stays selected, so that changing day, or
/// applying a filter, reads the day's list instead of scanning and sorting every session of
/// the event: at 100,000 sessions that scan was most of a key's time.
struct EventSlots: Sendable {
    var byDay: [CalendarDate: [Session]] = [:]
    /// Spans of days ("day 2 or 3") in order of their first then last day.
    var spans: [(range: DateRange, sessions: [Session])] = []
    var unplaced: [Session] = []
    /// Every list above in the order search results give them: days and spans of days by their
    /// first day (a day before a span that starts on it), then no day (`AgendaSlot`'s order).
    var searchOrder: [[Session]] = []
    /// `searchOrder` as places in `event.sessions` (a search reads each session's folded text by place).
    var searchPositions: [[Int]] = []

    init(_ event: Event) {
        let sessions = event.sessions
        var byDay: [CalendarDate: [Int]] = [:]
        var spans: [DateRange: [Int]] = [:]
        var unplaced: [Int] = []
        for (place, session) in sessions.enumerated() {
            switch AgendaSlot(session) {
            case .day(let day): byDay[day, default: []].append(place)
            case .possibleDays(let range): spans[range, default: []].append(place)
            case .unplaced: unplaced.append(place)
            }
        }
        // Sorting before filtering gives the order that filtering then sorting gave: the sort is
        // stable (programme order breaks ties), so a filter only removes rows from it.
        func placed(_ places: [Int]) -> [Session] { places.map { sessions[$0] } }
        for (day, places) in byDay {
            let sorted = Self.sorted(places, sessions)
            byDay[day] = sorted
            self.byDay[day] = placed(sorted)
        }
        let spanRanges = spans.keys.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        for range in spanRanges { spans[range] = Self.sorted(spans[range]!, sessions) }
        self.spans = spanRanges.map { ($0, placed(spans[$0]!)) }
        unplaced = Self.sorted(unplaced, sessions)
        self.unplaced = placed(unplaced)
        let slotted = byDay.map { (slot: AgendaSlot.day($0.key), places: $0.value) }
            + spanRanges.map { (slot: AgendaSlot.possibleDays($0), places: spans[$0]!) }
        searchPositions = slotted.sorted { $0.slot < $1.slot }.map(\.places) + [unplaced]
        searchOrder = searchPositions.map(placed)
    }

    /// Clock time first where known, then part of day, keeping programme order otherwise.
    static func sorted(_ sessions: [Session]) -> [Session] {
        sorted(Array(sessions.indices), sessions).map { sessions[$0] }
    }

    /// `places` (ascending places in `sessions`) in the order `sorted(_:)` gives their sessions.
    static func sorted(_ places: [Int], _ sessions: [Session]) -> [Int] {
        guard places.contains(where: { sessions[$0].start != nil || sessions[$0].partOfDay != nil }) else { return places }
        let keys = places.map { sortKey(sessions[$0]) }
        return places.indices.sorted { a, b in keys[a] != keys[b] ? keys[a] < keys[b] : a < b }.map { places[$0] }
    }

    private static func sortKey(_ session: Session) -> Int {
        // Whole minutes since an epoch, so a talk at 00:30 in the night after the day sorts last.
        if let start = session.start { return start.date.dayNumber * 1440 + start.time.minutesSinceMidnight }
        let base = (session.day?.dayNumber ?? 0) * 1440
        switch session.partOfDay {
        case .morning: return base + 6 * 60
        case .afternoon: return base + 13 * 60
        case .evening: return base + 18 * 60
        case nil: return base + 24 * 60
        }
    }
}

extension DashboardData {
    /// An event's sessions by slot; computed once per event shown or searched.
    func slots(of event: Event) -> EventSlots {
        slotsCache.value(for: event.id) { EventSlots(event) }
    }

    /// The event's sessions in the order search results list them, without copying them.
    func searchOrder(of event: Event) -> [[Session]] { slots(of: event).searchOrder }
}

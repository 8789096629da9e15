import ConfDashCore
import Foundation

/// One event's sessions placed once: by day, by span of days, and with no day, each list in
/// the agenda's order (clock time, then part of day, then programme order). Made the first
/// time a frame shows the event and kept while it stays selected, so that changing day, or
/// applying a filter, reads the day's list instead of scanning and sorting every session of
/// the event: at 100,000 sessions that scan was most of a key's time.
///
/// Only the placing is done at once (one pass, each day's places in programme order); a day's
/// sorted list is made when first asked (`day(_:)`), and the order search results give every
/// slot (`searchPositions`) when a search first needs it, or on the second core ahead of it
/// (`prepareSearchPositions`). The first frame shows one day: sorting all twenty days of
/// 100,000 sessions, and copying every session into them, was a third of that frame's work
/// after loading (issue 13, round 12).
final class EventSlots: @unchecked Sendable {
    private let sessions: [Session]
    /// Each day's places in `sessions`, in programme order (unsorted).
    private let dayPlaces: [CalendarDate: [Int]]
    /// Spans of days ("day 2 or 3") in order of their first then last day, sorted.
    let spans: [(range: DateRange, sessions: [Session])]
    private let spanPlaces: [(range: DateRange, places: [Int])]
    let unplaced: [Session]
    private let unplacedPlaces: [Int]

    private let lock = NSLock()
    /// Days sorted so far: places and sessions in the agenda's order.
    private var sortedDays: [CalendarDate: (places: [Int], sessions: [Session])] = [:]
    /// Days sorted as places only, for a search (`sortedDayPlaces`).
    private var sortedPlacesOnly: [CalendarDate: [Int]] = [:]

    init(_ event: Event) {
        let sessions = event.sessions
        self.sessions = sessions
        var byDay: [CalendarDate: [Int]] = [:]
        var spans: [DateRange: [Int]] = [:]
        var unplaced: [Int] = []
        // Sessions come mostly grouped by day: the last day's list is filled until the day
        // changes, instead of hashing a date per session (300 instructions each at 100,000).
        var current: (day: CalendarDate, places: [Int])?
        for (place, session) in sessions.enumerated() {
            switch AgendaSlot(session) {
            case .day(let day):
                if current?.day != day {
                    if let done = current { byDay[done.day] = done.places }
                    current = (day, byDay.removeValue(forKey: day) ?? [])
                }
                current!.places.append(place)
            case .possibleDays(let range): spans[range, default: []].append(place)
            case .unplaced: unplaced.append(place)
            }
        }
        if let done = current { byDay[done.day] = done.places }
        dayPlaces = byDay
        func placed(_ places: [Int]) -> [Session] { places.map { sessions[$0] } }
        let spanRanges = spans.keys.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        spanPlaces = spanRanges.map { ($0, Self.sorted(spans[$0]!, sessions)) }
        self.spans = spanPlaces.map { ($0.range, placed($0.places)) }
        unplacedPlaces = Self.sorted(unplaced, sessions)
        self.unplaced = placed(unplacedPlaces)
        let slotted = byDay.keys.map { (slot: AgendaSlot.day($0), list: SearchSlot.day($0)) }
            + spanRanges.indices.map { (slot: AgendaSlot.possibleDays(spanRanges[$0]), list: SearchSlot.span($0)) }
        searchSlots = slotted.sorted { $0.slot < $1.slot }.map(\.list) + [.unplaced]
    }

    /// The day's sessions in the agenda's order (empty for a day without any).
    func day(_ date: CalendarDate) -> [Session] { sortedDay(date).sessions }

    private func sortedDay(_ date: CalendarDate) -> (places: [Int], sessions: [Session]) {
        lock.lock()
        if let done = sortedDays[date] { lock.unlock(); return done }
        let sortedBefore = sortedPlacesOnly[date]
        lock.unlock()
        // Made outside the lock: another thread asking the same day makes the same list.
        let places = sortedBefore ?? Self.sorted(dayPlaces[date] ?? [], sessions)
        let made = (places, places.map { sessions[$0] })
        lock.lock()
        sortedDays[date] = made
        lock.unlock()
        return made
    }

    /// The lists in the order search results give them, as places in `event.sessions`: days
    /// and spans of days by their first day (a day before a span that starts on it), then no
    /// day (`AgendaSlot`'s order). A search reads each session's folded text by place, one list
    /// after the other (`searchPlaces(_:)`): a day's places are sorted when a search first
    /// reaches it, so the first screen of a search needs only its first days sorted (sorting
    /// all twenty days of 100,000 sessions at once was up to 20 ms of the first letter typed
    /// right after opening them, issue 13, round 14).
    var searchSlotCount: Int { searchSlots.count }

    /// The places of list `slot` (below `searchSlotCount`) in the agenda's order.
    func searchPlaces(_ slot: Int) -> [Int] {
        switch searchSlots[slot] {
        case .day(let date): return sortedDayPlaces(date)
        case .span(let index): return spanPlaces[index].places
        case .unplaced: return unplacedPlaces
        }
    }

    /// Every list's places (`searchPlaces` of each slot), sorted now: what the second core does
    /// ahead of the first search.
    var searchPositions: [[Int]] { (0..<searchSlotCount).map(searchPlaces) }

    private enum SearchSlot { case day(CalendarDate), span(Int), unplaced }
    /// The lists in search order (a few tens: the days and spans of days).
    private let searchSlots: [SearchSlot]

    /// A day's places sorted: those of a day shown (`sortedDays`), else sorted as places only,
    /// the sessions not copied.
    private func sortedDayPlaces(_ date: CalendarDate) -> [Int] {
        lock.lock()
        if let done = sortedDays[date] { lock.unlock(); return done.places }
        if let done = sortedPlacesOnly[date] { lock.unlock(); return done }
        lock.unlock()
        let places = Self.sorted(dayPlaces[date] ?? [], sessions)
        lock.lock()
        sortedPlacesOnly[date] = places
        lock.unlock()
        return places
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
    /// An event's sessions by slot; placed once per event shown or searched.
    func slots(of event: Event) -> EventSlots {
        slotsCache.value(for: event.id) { EventSlots(event) }
    }
}

import Foundation
import ConfDashCore

/// The timeline of one event: its days as lanes and the hours of the day across, with how many
/// of the sessions the filters leave run in each 15 minutes. Shown instead of a single bar when
/// the timeline has one event with clock times (a congress such as 38C3).
public struct DayHours: Equatable, Sendable {
    public static let slotMinutes = 15
    /// First and last minute covered, on whole hours, from the listed day's midnight (past
    /// 24:00 for the night after); at most 24 hours apart.
    public var firstMinute: Int
    public var lastMinute: Int
    /// For each day of the event (index 0 is day 1), the sessions running in each slot.
    public var counts: [[Int]]
    public var busiest: Int
    /// For each day, the minute its first listed session starts (nil when none): where the
    /// cursor starts, rather than at the night before's sessions drawn at the lane's start.
    public var firstStarts: [Int?] = []

    public var hours: Int { (lastMinute - firstMinute) / 60 }
    public var slotCount: Int { (lastMinute - firstMinute) / Self.slotMinutes }

    /// Sessions running at some time within [from, to) on `day` (1-based).
    public func running(day: Int, from: Int, to: Int) -> Int {
        guard day >= 1, day <= counts.count else { return 0 }
        let first = max((from - firstMinute) / Self.slotMinutes, 0)
        let last = min((to - firstMinute + Self.slotMinutes - 1) / Self.slotMinutes, slotCount)
        guard first < last else { return 0 }
        return counts[day - 1][first..<last].max() ?? 0
    }

    /// Where one session sits on the axis: its listed day (1-based) and the minutes it starts
    /// and ends from that day's midnight on the clock shown.
    struct Span: Equatable, Sendable {
        var day: Int
        var start: Int
        var end: Int
    }

    /// `sessions` of `event`, each at the minute it starts on `clock`, on its listed day.
    static func build(event: Event, sessions: [Session], clock: ClockDisplay) -> DayHours? {
        let times = EventClockTimes(clock, event: event)
        return build(event: event, spans: sessions.compactMap { span($0, of: event, times) })
    }

    /// `session`'s span, nil when it has no clock time or its day is not one of the event's.
    static func span(_ session: Session, of event: Event, _ times: EventClockTimes) -> Span? {
        span(session, in: EventDays(event), times)
    }

    /// An event's first day and length as day numbers, read once for all its sessions.
    struct EventDays {
        let first: Int
        let count: Int
        init(_ event: Event) {
            first = event.startDate.dayNumber
            count = event.endDate.dayNumber - first + 1
        }
    }

    /// The same, from day numbers: the listed day is `event.dayIndex(of: session.day ?? start.date)`
    /// and the minutes count from its midnight, as before, without a date made and taken apart
    /// again per session (`dayIndex`, `adding(days:)`, two `days(since:)`: eight day-number
    /// conversions a session, 6.5 M of the first frame on 10,000 sessions), and the times as
    /// minutes on the clock (`EventClockTimes.naiveMinutes`), not as dates.
    static func span(_ session: Session, in days: EventDays, _ times: EventClockTimes) -> Span? {
        var memo = DayNumbers()
        return span(session, in: days, times, &memo)
    }

    /// The last listed day's number, kept: sessions come mostly grouped by day, and a day number
    /// is some seventy instructions.
    struct DayNumbers {
        private var day: CalendarDate?
        private var number = 0
        mutating func of(_ date: CalendarDate) -> Int {
            if date != day {
                day = date
                number = date.dayNumber
            }
            return number
        }
    }

    static func span(_ session: Session, in days: EventDays, _ times: EventClockTimes, _ dayNumbers: inout DayNumbers) -> Span? {
        guard let (start, end) = times.naiveMinutes(of: session) else { return nil }
        let startDay = start >= 0 ? start / 1440 : -((-start + 1439) / 1440)
        let listed = session.day.map { dayNumbers.of($0) } ?? startDay
        let offset = listed - days.first
        guard offset >= 0, offset < days.count else { return nil }
        let from = start - listed * 1440
        let to = end.map { $0 - listed * 1440 } ?? from + slotMinutes
        return Span(day: offset + 1, start: from, end: max(to, from + 1))
    }

    /// The lanes of `event` for sessions already placed on the axis (`span`).
    static func build(event: Event, spans: [Span]) -> DayHours? {
        build(event: event) { body in for span in spans { body(span) } }
    }

    /// The same for every session's span, nil for those off the axis (`DaySpans.spans` as it is):
    /// the first frame's lanes, read in place rather than copied into a list first.
    static func build(event: Event, placed spans: [Span?]) -> DayHours? {
        build(event: event) { body in for case let span? in spans { body(span) } }
    }

    /// `forEach` hands over each span once per call (it is called three times). The counts are
    /// made in one array of `days × (slots + 1)` and cut into lanes at the end: counting into an
    /// array per day, and first gathering the starts and the ends into arrays of their own, was
    /// most of the 26 M instructions the lanes of 100,000 sessions cost the first frame (issue 13).
    private static func build(event: Event, _ forEach: ((Span) -> Void) -> Void) -> DayHours? {
        var earliest = Int.max, latest = Int.min
        forEach { span in
            earliest = min(earliest, span.start)
            latest = max(latest, span.end)
        }
        guard earliest != Int.max else { return nil }
        // The axis starts at the hour of the earliest session and covers at most one day: a
        // congress day (38C3 lists 06:00 to 06:00) with a workshop from 03:00 to 09:00 would
        // otherwise show 06, 07, 08 twice. Lanes are then consecutive 24-hour slices, so what
        // runs past the end of a lane is drawn at the start of the next day's lane, at the same
        // clock time (the last day's is cut at the axis end).
        let first = (earliest / 60) * 60
        let last = min((latest + 59) / 60 * 60, first + 24 * 60)
        let slots = (last - first) / slotMinutes
        let days = max(event.dayCount, 1), width = slots + 1
        var flat = [Int](repeating: 0, count: days * width)
        var firstStarts: [Int?] = Array(repeating: nil, count: days)
        flat.withUnsafeMutableBufferPointer { counts in
            // A difference array per day: +1 where a session starts, -1 where it ends.
            func add(day: Int, from start: Int, to end: Int) {
                guard day >= 1, day <= days, end > start else { return }
                let from = min(max((start - first) / slotMinutes, 0), slots)
                let to = min(max((end - first + slotMinutes - 1) / slotMinutes, from + 1), slots)
                guard from < slots else { return }
                counts[(day - 1) * width + from] += 1
                counts[(day - 1) * width + to] -= 1
            }
            forEach { span in
                add(day: span.day, from: span.start, to: min(span.end, last))
                if span.end > last { add(day: span.day + 1, from: first, to: min(span.end - 24 * 60, last)) }
            }
        }
        forEach { span in
            if span.day <= days { firstStarts[span.day - 1] = min(firstStarts[span.day - 1] ?? span.start, span.start) }
        }
        var busiest = 0
        var counts: [[Int]] = []
        counts.reserveCapacity(days)
        for day in 0..<days {
            var running = 0
            var lane = [Int](repeating: 0, count: slots)
            for slot in 0..<slots {
                running += flat[day * width + slot]
                lane[slot] = running
                busiest = max(busiest, running)
            }
            counts.append(lane)
        }
        return DayHours(firstMinute: first, lastMinute: last, counts: counts, busiest: busiest, firstStarts: firstStarts)
    }
}

extension DashboardData {
    /// The timeline's days × hours, when the events in scope are exactly one with clock times.
    func dayHours(_ state: AppState) -> DayHours? {
        let scope = eventsInScope(state)
        guard scope.count == 1, let event = scope.first, event.typedID == state.selectedEvent,
              timedEvents.contains(event.id) else { return nil }
        var filter = filter(for: state)
        filter.events = [event.id]
        // Under a search, the search's own matches: searching every session a second time for
        // the timeline was most of a search key at 100,000 sessions. While the search is
        // scanned in parts the lanes show the matches found so far, and are drawn again once
        // it is complete.
        let list = (filter.search ?? "").isEmpty ? nil : searchList(state)
        let key = DayHoursKey(rows: RowsKey(event: event.typedID, day: 0, filters: filter, language: .en, localTime: state.localTime),
                              searchComplete: list?.isComplete)
        return dayHoursCache.value(for: key) {
            if let list {
                let position = events.firstIndex { $0.id == event.id }
                let sessions = position.flatMap { list.matchesFound()[$0] } ?? []
                return DayHours.build(event: event, sessions: sessions, clock: clock(state.localTime))
            }
            // Each session's place on the axis is worked out once per event and clock; a filter
            // then only picks spans (it was every session's clock times again, on the first
            // track filter at 100,000 sessions most of a tenth of a second).
            let placed = daySpans(of: event, localTime: state.localTime)
            let spans = placed.spans
            guard filter != AgendaFilter(events: [event.id]) else { return DayHours.build(event: event, placed: spans) }
            // Otherwise only the sessions in the chosen rooms or tracks (when a filter names
            // some) can pass: those are asked, not every session of the event (a room filter at
            // 100,000 sessions asked all of them, ~1,000 instructions each). A filter of rooms
            // alone or of tracks alone keeps exactly those sessions: nothing to ask.
            var rest = filter
            rest.rooms = []
            rest.tracks = []
            let exact = rest == AgendaFilter(events: [event.id]) && (filter.rooms.isEmpty || filter.tracks.isEmpty)
            let search = filter.search.map(SearchQuery.init)
            var kept: [DayHours.Span] = []
            for index in sessionPlaces(of: event).candidates(for: filter) {
                guard let span = spans[index] else { continue }
                if exact || query.session(event.sessions[index], of: event, matches: filter, search: search) { kept.append(span) }
            }
            return DayHours.build(event: event, spans: kept)
        }
    }

    /// `DayHours.span` of each session of `event` (in `event.sessions`' order; nil for those
    /// off the axis), on the event's clock or the user's: once per event and clock. (Each
    /// room's and track's sessions, which a filter reads, are `sessionPlaces`, apart: the first
    /// frame has no filter and need not wait for them.)
    func daySpans(of event: Event, localTime: Bool) -> DaySpans {
        let key = event.id + (localTime ? "\u{0}local" : "")
        return daySpansCache.value(for: key) {
            // Worked out on another core since the store was made (or being): wait for it.
            if let early = earlyDaySpans.take(key) { return early.value }
            return computeDaySpans(of: event, localTime: localTime)
        }
    }

    private func computeDaySpans(of event: Event, localTime: Bool) -> DaySpans {
        let times = EventClockTimes(clock(localTime), event: event)
        let days = DayHours.EventDays(event)
        var dayNumbers = DayHours.DayNumbers()
        return DaySpans(spans: event.sessions.map { DayHours.span($0, in: days, times, &dayNumbers) })
    }

    /// Starts working out, on another core, the spans the first frame's timeline draws, when it
    /// draws days × hours: the data holds one event, with clock times (a congress). They are a
    /// clock conversion per session of the event, the largest part of that frame after the
    /// agenda; meanwhile this thread builds the agenda's and the rooms' rows (issue 13: work the
    /// first frame must do, off its critical path, on the core loading has just freed). `daySpans`
    /// then takes them, waiting if they are not ready; the answer is the same either way.
    /// First the rooms' shared-name widths (`roomSharedPrefixWidths`, which the rooms pane's rows
    /// need soon after), then the spans; then, once the frame can take those, what later keys
    /// need and the first frame does not: each room's and track's sessions (`sessionPlaces`,
    /// the first filter, which needs them for the whole event), then every day's order of a
    /// search's results (`searchPositions`; a search sorts the days it reaches itself, so its
    /// first letter needs only the days its first screen shows). Made here, off the keys' path;
    /// a key that comes first makes what it needs itself.
    func prepareDaySpansInBackground(localTime: Bool, language: Language) {
        guard events.count == 1, let event = events.first, timedEvents.contains(event.id) else { return }
        // The closure lets go of `self` once run (`LazyValue`), which it is at once.
        let early = LazyValue { [self] in computeDaySpans(of: event, localTime: localTime) }
        earlyDaySpans.put(event.id + (localTime ? "\u{0}local" : ""), early)
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            if placesShowRooms { _ = roomSharedPrefixWidths(event, language) }
            _ = early.value
            _ = sessionPlaces(of: event)
            _ = slots(of: event).searchPositions
        }
    }
}

/// The spans `prepareDaySpansInBackground` started, until `daySpans` takes them.
final class EarlyDaySpans: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: (key: String, value: LazyValue<DaySpans>)?

    func put(_ key: String, _ value: LazyValue<DaySpans>) {
        lock.lock()
        pending = (key, value)
        lock.unlock()
    }

    func take(_ key: String) -> LazyValue<DaySpans>? {
        lock.lock()
        defer { lock.unlock() }
        guard let pending, pending.key == key else { return nil }
        self.pending = nil
        return pending.value
    }
}

/// One event's sessions on the days × hours axis (`DashboardData.daySpans`).
struct DaySpans: Sendable {
    var spans: [DayHours.Span?]
}

/// What the timeline's lanes depend on: the rows' key, and under a search whether its scan is complete.
struct DayHoursKey: Equatable, Sendable {
    var rows: DashboardData.RowsKey
    var searchComplete: Bool?
}

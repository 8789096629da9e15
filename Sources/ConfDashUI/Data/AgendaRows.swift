import Foundation
import ConfDashScreen
import ConfDashCore

/// One line-group of the agenda list: a heading (not selectable) or a session.
public enum AgendaItem: Equatable, Sendable {
    case heading(String)
    /// `when` is what the time column says: a clock time, a part of day, or that it is unknown.
    case session(Session, event: Event, when: String)

    public var session: Session? {
        if case .session(let session, _, _) = self { return session }
        return nil
    }
    /// Headings take one line; sessions two (title, then tracks and people). Checked without
    /// binding the payload, which would copy the session and its event for every item.
    public var height: Int {
        if case .heading = self { return 1 }
        return 2
    }
    var isSession: Bool {
        if case .heading = self { return false }
        return true
    }
}

/// What the agenda pane lists for a state: the selected event's day, or every search match.
public struct AgendaRows: Equatable, Sendable {
    public var items: [AgendaItem]
    /// Indices in `items` of the sessions, in order: the cursor moves over these.
    public var selectable: [Int]
    /// Why the list is empty, when it is.
    public var emptyReason: String?
    /// Widest time-column text, measured once rather than on every frame.
    public var whenWidth: Int
    /// Whether any listed session has a time or a part of day.
    public var anyTime: Bool

    /// False while a search's rows are still being scanned (`SearchList`): then `sessionCount`
    /// counts the matches found so far, and more rows may follow.
    public var isComplete = true

    /// The sessions listed; while `isComplete` is false, those found so far.
    public var sessionCount: Int { selectable.count }

    public func session(at cursor: Int) -> (Session, Event)? {
        guard cursor >= 0, cursor < selectable.count,
              case .session(let session, let event, _) = items[selectable[cursor]] else { return nil }
        return (session, event)
    }

    /// The width of a time label made of ASCII and the dashes of "10:00–11:00" and "−1" (one
    /// column each) without measuring it; nil for anything else (a translated "heure ?").
    static func narrowWidth(_ text: String) -> Int? {
        var count = 0
        for scalar in text.unicodeScalars {
            guard scalar.value < 0x80 || scalar == "\u{2013}" || scalar == "\u{2212}" else { return nil }
            count += 1
        }
        return count
    }

    /// The first item to show so that the cursor's session is visible in `height` lines,
    /// moving `scroll` as little as possible.
    public func scroll(toShow cursor: Int, from scroll: Int, height: Int) -> Int {
        guard cursor >= 0, cursor < selectable.count, height > 0 else { return max(0, min(scroll, items.count - 1)) }
        let target = selectable[cursor]
        var first = min(max(scroll, 0), target)
        // Show the heading just above the first session when it fits.
        if first == target, target > 0, !items[target - 1].isSession, cursor == 0 { first = target - 1 }
        guard first < target else { return first }
        // Walk back from the target while the lines fit: work bounded by the visible rows.
        var lowest = target
        var used = items[target].height
        while lowest > first, used + items[lowest - 1].height <= height {
            lowest -= 1
            used += items[lowest].height
        }
        return max(first, lowest)
    }
}

// Outside the struct's body, so that Swift still writes the memberwise initialiser: the one
// a search uses for rows it has already measured, a few at a time (SearchList).
extension AgendaRows {
    /// Rows for `items`, measured here: which are sessions, the widest time label, whether any has a time.
    init(items: [AgendaItem], emptyReason: String?) {
        self.items = items
        selectable = items.indices.filter { items[$0].isSession }
        self.emptyReason = items.isEmpty ? emptyReason : nil
        anyTime = items.contains { item in
            if case .session(let session, _, _) = item { return session.start != nil || session.partOfDay != nil }
            return false
        }
        whenWidth = items.reduce(0) { width, item in
            // Times are ASCII; only a translated label ("heure ?") needs measuring.
            if case .session(_, _, let when) = item {
                return max(width, Self.narrowWidth(when) ?? when.terminalWidth)
            }
            return width
        }
    }
}

extension DashboardData {
    /// The rows the state shows. A search's are scanned as far as the cursor and the scroll
    /// need, with two screens to spare (`SearchList`); `allAgendaRows` scans them whole.
    public func agendaRows(_ state: AppState) -> AgendaRows {
        if let search = state.searchText, !search.isEmpty {
            let spare = max(state.size.height, 1) * 2
            return searchList(state).rows(self, sessions: Self.adding(state.agenda.cursor, spare),
                                          items: Self.adding(state.agenda.scroll, spare), deadline: searchLists.keyDeadline)
        }
        return rowsCache.value(for: rowsKey(state)) { computeAgendaRows(state) }
    }

    /// Every row, a search's included: for what must see the whole list (wrapping round the
    /// matches, finding a given session in it).
    public func allAgendaRows(_ state: AppState) -> AgendaRows {
        guard let search = state.searchText, !search.isEmpty else { return agendaRows(state) }
        return searchList(state).rows(self, sessions: .max, items: .max)
    }

    private static func adding(_ a: Int, _ b: Int) -> Int { a > Int.max - b ? Int.max : max(a, 0) + b }

    func rowsKey(_ state: AppState) -> RowsKey {
        RowsKey(event: state.selectedEvent, day: state.day, filters: filter(for: state), language: state.language,
                localTime: state.localTime)
    }

    private func computeAgendaRows(_ state: AppState) -> AgendaRows {
        let labels = Labels(state.language)
        guard let event = event(state.selectedEvent) else {
            return AgendaRows(items: [], emptyReason: UIText(state.language).noEventInScope)
        }
        guard let date = event.date(ofDay: state.day) else { return AgendaRows(items: [], emptyReason: nil) }
        let filter = filter(for: state)
        // The day's sessions come sorted from the event's slots: only they are read and filtered.
        let slots = slots(of: event)
        let when = WhenLabels(self, clock: EventClockTimes(clock(state.localTime), event: event), labels: labels,
                              rows: slots.day(date).count)
        let search = filter.search.map(SearchQuery.init)   // folded once, not per session
        func kept(_ sessions: [Session]) -> [Session] {
            filter.isEmpty ? sessions : sessions.filter { query.session($0, of: event, matches: filter, search: search) }
        }
        // Built in one pass: which items are sessions, the widest time label, whether any has
        // a time (`AgendaRows(items:emptyReason:)` would read every item again for each).
        var items: [AgendaItem] = [], selectable: [Int] = [], whenWidth = 0, anyTime = false
        func add(_ sessions: [Session]) {
            items.reserveCapacity(items.count + sessions.count)
            selectable.reserveCapacity(selectable.count + sessions.count)
            for session in sessions {
                let label = when.label(session)
                selectable.append(items.count)
                items.append(.session(session, event: event, when: label.text))
                whenWidth = max(whenWidth, label.width)
                if !anyTime, session.start != nil || session.partOfDay != nil { anyTime = true }
            }
        }
        add(kept(slots.day(date)))
        for (range, sessions) in slots.spans where range.contains(date) {
            let shown = kept(sessions)
            guard !shown.isEmpty else { continue }
            let first = event.dayIndex(of: range.from) ?? 0, last = event.dayIndex(of: range.to) ?? 0
            items.append(.heading(labels.possibleDays(first, last)))
            add(shown)
        }
        let unplaced = kept(slots.unplaced)
        if !unplaced.isEmpty {
            items.append(.heading(labels.duringTheEvent))
            add(unplaced)
        }
        let text = UIText(state.language)
        return AgendaRows(items: items, selectable: selectable,
                          emptyReason: items.isEmpty ? (filter.isEmpty ? text.noSessionThisDay : text.noSessionMatches) : nil,
                          whenWidth: whenWidth, anyTime: anyTime)
    }

    func clock(_ local: Bool) -> ClockDisplay { local ? .zone(localZone) : .eventZone }

    /// The time column: never a made-up time.
    /// The event's clock work (its zone, the offsets) is shared by the rows of one list.
    func when(_ session: Session, _ clock: EventClockTimes, _ labels: Labels) -> String {
        let times = clock.times(of: session)
        if let (start, end) = times {
            // On another clock a session can move to the next or previous calendar day, and one
            // can end after midnight: say so.
            return "\(start.time)" + (end.map { "–\($0.time)" } ?? "") + ClockDisplay.shiftMark(clock.dayShift(of: session, times: times))
        }
        if let part = session.partOfDay { return labels.partOfDay(part) }
        return UIText(labels.language).unknownTime
    }
}

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

    public var sessionCount: Int { selectable.count }

    public func session(at cursor: Int) -> (Session, Event)? {
        guard cursor >= 0, cursor < selectable.count,
              case .session(let session, let event, _) = items[selectable[cursor]] else { return nil }
        return (session, event)
    }

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
                return max(width, when.utf8.allSatisfy { $0 < 0x80 } ? when.utf8.count : when.terminalWidth)
            }
            return width
        }
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

extension DashboardData {
    public func agendaRows(_ state: AppState) -> AgendaRows {
        rowsCache.value(for: rowsKey(state)) { computeAgendaRows(state) }
    }

    func rowsKey(_ state: AppState) -> RowsKey {
        RowsKey(event: state.selectedEvent, day: state.day, filters: filter(for: state), language: state.language,
                localTime: state.localTime)
    }

    private func computeAgendaRows(_ state: AppState) -> AgendaRows {
        let labels = Labels(state.language)
        if let search = state.searchText, !search.isEmpty { return searchRows(state, labels: labels) }
        guard let event = event(state.selectedEvent) else {
            return AgendaRows(items: [], emptyReason: UIText(state.language).noEventInScope)
        }
        guard let date = event.date(ofDay: state.day) else { return AgendaRows(items: [], emptyReason: nil) }
        let filter = filter(for: state)
        let matching = event.sessions.filter { query.session($0, of: event, matches: filter) }
        var onDay: [Session] = [], spans: [DateRange: [Session]] = [:], unplaced: [Session] = []
        for session in matching {
            switch AgendaSlot(session) {
            case .day(let day): if day == date { onDay.append(session) }
            case .possibleDays(let range): if range.contains(date) { spans[range, default: []].append(session) }
            case .unplaced: unplaced.append(session)
            }
        }
        var items: [AgendaItem] = sorted(onDay).map { .session($0, event: event, when: when($0, event, labels, local: state.localTime)) }
        for range in spans.keys.sorted(by: { ($0.from, $0.to) < ($1.from, $1.to) }) {
            let first = event.dayIndex(of: range.from) ?? 0, last = event.dayIndex(of: range.to) ?? 0
            items.append(.heading(labels.possibleDays(first, last)))
            items += sorted(spans[range]!).map { .session($0, event: event, when: when($0, event, labels, local: state.localTime)) }
        }
        if !unplaced.isEmpty {
            items.append(.heading(labels.duringTheEvent))
            items += sorted(unplaced).map { .session($0, event: event, when: when($0, event, labels, local: state.localTime)) }
        }
        let text = UIText(state.language)
        return AgendaRows(items: items, emptyReason: filter.isEmpty ? text.noSessionThisDay : text.noSessionMatches)
    }

    /// Every match over the events in scope, grouped under each event's name.
    private func searchRows(_ state: AppState, labels: Labels) -> AgendaRows {
        var items: [AgendaItem] = []
        let filter = filter(for: state)
        let agendas = Dictionary(searchAgenda(filter).map { ($0.event.id, $0) }, uniquingKeysWith: { first, _ in first })
        let eventMatches = Dictionary(query.eventMatches(filter).map { ($0.event.id, $0) }, uniquingKeysWith: { first, _ in first })
        for event in searchScope(filter) {
            items.append(.heading(UIText.eventName(event, state.language)))
            // A match on the event's own text (its theme, its sponsor…) is said, not hidden.
            if let match = eventMatches[event.id] {
                items.append(.heading(UIText(state.language).eventItselfMatches(match.fields.map { $0.label(labels) })))
            }
            guard let agenda = agendas[event.id] else { continue }
            for (slot, sessions) in agenda.groups {
                let day: String
                switch slot {
                case .day(let date): day = UIText(labels.language).day + " \(event.dayIndex(of: date) ?? 0)"
                case .possibleDays(let range):
                    day = UIText(labels.language).day + " \(event.dayIndex(of: range.from) ?? 0)–\(event.dayIndex(of: range.to) ?? 0)?"
                case .unplaced: day = UIText(labels.language).unknownDay
                }
                // Day and clock time (the room is on the row's second line): where and when at a glance.
                items += sorted(sessions).map { session in
                    let start = clock(state.localTime).times(of: session, in: event)?.start.time
                    let time = start.map { " \($0)" } ?? ""
                    return .session(session, event: event, when: day + time)
                }
            }
        }
        return AgendaRows(items: items, emptyReason: UIText(state.language).noSearchMatch(state.searchText ?? ""))
    }

    /// Clock time first where known, then part of day, keeping programme order otherwise.
    private func sorted(_ sessions: [Session]) -> [Session] {
        guard sessions.contains(where: { $0.start != nil || $0.partOfDay != nil }) else { return sessions }
        return sessions.enumerated().sorted { a, b in
            let ka = Self.sortKey(a.element), kb = Self.sortKey(b.element)
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
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

    func clock(_ local: Bool) -> ClockDisplay { local ? .zone(localZone) : .eventZone }

    /// The time column: never a made-up time.
    func when(_ session: Session, _ event: Event, _ labels: Labels, local: Bool) -> String {
        if let (start, end) = clock(local).times(of: session, in: event) {
            // On another clock a session can move to the next or previous calendar day, and one
            // can end after midnight: say so.
            return "\(start.time)" + (end.map { "–\($0.time)" } ?? "") + ClockDisplay.shiftMark(clock(local).dayShift(of: session, in: event))
        }
        if let part = session.partOfDay { return labels.partOfDay(part) }
        return UIText(labels.language).unknownTime
    }
}

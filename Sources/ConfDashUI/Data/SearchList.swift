import ConfDashCore
import Foundation

/// The rows of a search, built as far as they are looked at. A keystroke in `/` scans the
/// sessions only until the rows a frame shows are found (and the event scope, which stops at
/// each event's first match); the rest, and with it the exact count, is scanned in slices
/// between keys (`DashboardData.continueSearch`). At 100,000 sessions the first letter of a
/// search matches most of them: building every row before the first frame cost most of a
/// second, and a screen's worth costs a few hundred sessions.
///
/// The rows are the ones a whole scan gives, in the same order: events oldest first, each
/// under its name (and a line saying when the event's own text matches), its matches by slot
/// (days, spans of days, then no day) and by time within a slot (`EventSlots`).
///
/// Typing one more letter can only narrow a search (every word must still occur, and each word
/// only grew): a wider list gives its matches as the candidates of the longer search, instead of
/// every session — over the part it has scanned when its scan is not complete (the rest is its
/// own candidates), so a word typed faster than the idle ticks scan still narrows letter by letter.
///
/// Sessions are read by place in `event.sessions` (`EventSlots.searchPositions`), and their
/// folded text from the index's array for the event, with no look-up per session; while that
/// table is being built on its own thread, the sessions read are folded here.
final class SearchList: @unchecked Sendable {
    let key: DashboardData.RowsKey
    private let filter: AgendaFilter
    private let search: SearchQuery
    private let lock = NSLock()

    private var items: [AgendaItem] = []
    private var selectable: [Int] = []
    private var whenWidth = 0
    private var anyTime = false
    private(set) var isComplete = false

    /// Each scanned event's matches (by index in `DashboardData.events`), as sessions and as
    /// places in `event.sessions` (for narrowing).
    private var matched: [Int: [Session]] = [:]
    private var matchedPlaces: [Int: [Int]] = [:]
    /// Where a narrower search's candidates come from: a wider search, as far as it had scanned.
    private let narrowing: Narrowing?
    /// The next event to scan, and how far into the event being scanned.
    private var nextEvent = 0
    private var current: Cursor?
    /// The session-level part of the filter (day, tracks, rooms…), nil when there is none: most
    /// searches are a search alone, and then only the text is read.
    private let sessionFilter: AgendaFilter?

    /// Where a scan is in one event: its candidates (places in `event.sessions`, in the rows'
    /// order, as segments) and the next one to check.
    struct Cursor {
        var index: Int
        var candidates: Candidates
        var segment = 0
        var offset = 0
        var headed: Bool

        /// The segment being checked, its list taken from the event's slots when reached; nil
        /// after the last.
        mutating func currentSegment() -> ArraySlice<Int>? {
            candidates.segment(segment)
        }

        var hasMore: Bool { segment < candidates.segments.count || candidates.hasPending }
    }

    /// An event's candidates: segments known now, then (for every session of the event, or what
    /// a wider search had still to check) the event's search lists from `nextSlot` on, each
    /// taken (and its day sorted) only when the scan reaches it (`EventSlots.searchPlaces`):
    /// the first screen of a search sorts only the days it shows.
    struct Candidates {
        var segments: [ArraySlice<Int>]
        var slots: EventSlots?
        var nextSlot = 0

        var hasPending: Bool { slots.map { nextSlot < $0.searchSlotCount } ?? false }

        /// Segment `at`, taking lists from the slots until it is known; nil past the last.
        mutating func segment(_ at: Int) -> ArraySlice<Int>? {
            while at >= segments.count {
                guard let slots, nextSlot < slots.searchSlotCount else { return nil }
                segments.append(slots.searchPlaces(nextSlot)[...])
                nextSlot += 1
            }
            return segments[at]
        }

        /// Every session of the event, list after list.
        static func every(_ slots: EventSlots) -> Candidates { Candidates(segments: [], slots: slots) }
    }

    /// A wider search as it stood when this one began: its matches in the events it had
    /// finished and so far in the one it was scanning, where it was there, and the list itself
    /// for the events it had not reached (its own candidates there).
    struct Narrowing {
        /// Nil once the wider scan is complete (nothing is read from it then: no chain kept alive).
        var wider: SearchList?
        var matched: [Int: [Int]]
        var finishedBefore: Int
        var current: Cursor?
    }
    /// Per event: the fields of its own text that match (nil: none), and whether any session matches.
    private var ownMatches: [Int: [EventSearchField]?] = [:]
    private var anyMatch: [Int: Bool] = [:]
    private var scope: [Event]?

    init(key: DashboardData.RowsKey, narrowing wider: SearchList?) {
        self.key = key
        filter = key.filters
        search = SearchQuery(key.filters.search ?? "")
        narrowing = wider?.progress()
        var sessionLevel = key.filters
        sessionLevel.search = nil
        let plain = sessionLevel.day == nil && sessionLevel.tracks.isEmpty && sessionLevel.technologies.isEmpty
            && sessionLevel.rooms.isEmpty && sessionLevel.onlySessions == nil
        sessionFilter = plain ? nil : sessionLevel
    }

    /// This list's scan as it stands, for a narrower search to start from.
    private func progress() -> Narrowing {
        lock.lock()
        defer { lock.unlock() }
        return Narrowing(wider: isComplete ? nil : self, matched: matchedPlaces, finishedBefore: isComplete ? .max : current?.index ?? nextEvent, current: current)
    }

    // MARK: What the frame reads

    /// The rows scanned so far, extended until they hold `sessions` sessions and `items` items,
    /// or every match; or, with a `deadline` (`KeyScanDeadline`), until it passes (one slice at
    /// least), the idle ticks scanning on from there.
    func rows(_ data: DashboardData, sessions: Int, items: Int, deadline: UInt64? = nil) -> AgendaRows {
        lock.lock()
        defer { lock.unlock() }
        var first = true
        scan(data) {
            defer { first = false }
            return self.selectable.count >= sessions && self.items.count >= items || !first && KeyScanDeadline.passed(deadline)
        }
        return snapshot(data)
    }

    /// Events in scope for the search: those with a match, or whose own text matches. Exact
    /// before the scan is done: each event is looked at until its first match. With a
    /// `deadline` that passes before an event's first match is found, the event counts as in
    /// scope for now (as the matches found so far are counted with a "+"), and the scope is
    /// asked again on the next frame.
    func scope(_ data: DashboardData, deadline: UInt64? = nil) -> [Event] {
        lock.lock()
        defer { lock.unlock() }
        if let scope { return scope }
        var decided = true
        let result = data.events.indices.filter { index in
            guard filter.admits(data.events[index]) else { return false }
            if ownMatch(index, data) != nil { return true }
            guard let found = hasMatch(index, data, deadline: deadline) else {
                decided = false
                return true
            }
            return found
        }.map { data.events[$0] }
        if decided { scope = result }
        return result
    }

    /// Scans on for about `seconds` of this thread's time. True when rows were added or the
    /// scan finished (the screen changes).
    func continueScan(_ data: DashboardData, seconds: Double) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !isComplete else { return false }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        let before = items.count
        var first = true
        scan(data) {
            // At least one slice, however short the time given.
            defer { first = false }
            return !first && DispatchTime.now().uptimeNanoseconds >= deadline
        }
        return isComplete || items.count != before
    }

    /// Whether this list's matches (as far as it has scanned) are candidates for `key`'s
    /// search: `key` differs only by a search that extends this one.
    func narrows(to key: DashboardData.RowsKey) -> Bool {
        guard let oldText = filter.search, let newText = key.filters.search, newText.hasPrefix(oldText) else { return false }
        var same = filter
        same.search = newText
        return same == key.filters
    }

    /// Each scanned event's matches so far, by index in `DashboardData.events` (every match
    /// once `isComplete`), in the order of the rows.
    func matchesFound() -> [Int: [Session]] {
        lock.lock()
        defer { lock.unlock() }
        return matched
    }

    var searchLength: Int { filter.search?.count ?? 0 }

    /// Every match's count once the scan is complete; nil before.
    var completeMatchCount: Int? {
        lock.lock()
        defer { lock.unlock() }
        return isComplete ? selectable.count : nil
    }

    /// Matches found so far (all of them once `isComplete`).
    var matchCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return selectable.count
    }

    private func snapshot(_ data: DashboardData) -> AgendaRows {
        AgendaRows(items: items, selectable: selectable,
                   emptyReason: isComplete && items.isEmpty ? UIText(key.language).noSearchMatch(key.filters.search ?? "") : nil,
                   whenWidth: whenWidth, anyTime: anyTime, isComplete: isComplete)
    }

    // MARK: Scanning

    /// Candidates are checked 64 at a time between two asks of `enough`.
    private static let slice = 64

    private func scan(_ data: DashboardData, until enough: () -> Bool) {
        while !isComplete, !enough() {
            guard var event = current ?? startNextEvent(data) else { continue }
            let theEvent = data.events[event.index]
            let sessions = theEvent.sessions
            // The event's folded texts, asked once a slice: the table may be finished meanwhile.
            let texts = data.index.foldedTexts(of: theEvent)
            let fold = texts == nil ? data.index.folder(for: theEvent) : nil
            var checked = 0
            while checked < Self.slice, let segment = event.currentSegment() {
                guard event.offset < segment.count else {
                    event.segment += 1
                    event.offset = 0
                    continue
                }
                let place = segment[segment.startIndex + event.offset]
                event.offset += 1
                checked += 1
                let session = sessions[place]
                guard matches(session, of: theEvent, text: texts?[place] ?? fold!(session), data) else { continue }
                if !event.headed {
                    items.append(.heading(UIText.eventName(theEvent, key.language)))
                    event.headed = true
                }
                matched[event.index, default: []].append(session)
                matchedPlaces[event.index, default: []].append(place)
                append(session, of: theEvent, data)
            }
            if event.hasMore {
                current = event
            } else {
                anyMatch[event.index] = matched[event.index] != nil
                current = nil
            }
        }
    }

    /// Whether `session` passes the filter, `text` being its folded search text.
    private func matches(_ session: Session, of event: Event, text: String, _ data: DashboardData) -> Bool {
        if let sessionFilter, !data.query.session(session, of: event, matches: sessionFilter, search: nil) { return false }
        return search.matches(folded: text)
    }

    /// Begins the next event the filter admits (its headings when its own text matches); nil
    /// when it was skipped or there is none (then the scan is complete).
    private func startNextEvent(_ data: DashboardData) -> Cursor? {
        guard nextEvent < data.events.count else {
            isComplete = true
            return nil
        }
        let index = nextEvent
        nextEvent += 1
        let event = data.events[index]
        guard filter.admits(event) else { return nil }
        var headed = false
        if let fields = ownMatch(index, data) {
            // A match on the event's own text (its theme, its sponsor…) is said, not hidden.
            items.append(.heading(UIText.eventName(event, key.language)))
            items.append(.heading(UIText(key.language).eventItselfMatches(fields.map { $0.label(Labels(key.language)) })))
            headed = true
        }
        return Cursor(index: index, candidates: candidates(index, data), headed: headed)
    }

    /// The event's candidates (places in `event.sessions`) in the order the rows list them, as
    /// segments (no copying): every session, or what the wider search left of them.
    private func candidates(_ index: Int, _ data: DashboardData) -> Candidates {
        guard let narrowing else { return .every(data.slots(of: data.events[index])) }
        if index < narrowing.finishedBefore { return Candidates(segments: narrowing.matched[index].map { [$0[...]] } ?? []) }
        guard let at = narrowing.current, at.index == index else {
            return narrowing.wider?.candidates(index, data) ?? .every(data.slots(of: data.events[index]))
        }
        // The wider search's matches so far in this event, then what it had still to check
        // (the rest of its segment, its other segments, the lists it had not taken yet).
        var rest = Candidates(segments: [(narrowing.matched[index] ?? [])[...]], slots: at.candidates.slots,
                              nextSlot: at.candidates.nextSlot)
        let known = at.candidates.segments
        if at.segment < known.count {
            rest.segments.append(known[at.segment].dropFirst(at.offset))
            rest.segments += known[(at.segment + 1)...]
        }
        return rest
    }

    private func append(_ session: Session, of event: Event, _ data: DashboardData) {
        let text = UIText(key.language)
        let day: String
        switch AgendaSlot(session) {
        case .day(let date): day = text.day + " \(event.dayIndex(of: date) ?? 0)"
        case .possibleDays(let range): day = text.day + " \(event.dayIndex(of: range.from) ?? 0)–\(event.dayIndex(of: range.to) ?? 0)?"
        case .unplaced: day = text.unknownDay
        }
        // Day and clock time (the room is on the row's second line): where and when at a glance.
        let start = data.clock(key.localTime).times(of: session, in: event)?.start.time
        let when = day + (start.map { " \($0)" } ?? "")
        selectable.append(items.count)
        items.append(.session(session, event: event, when: when))
        whenWidth = max(whenWidth, AgendaRows.narrowWidth(when) ?? when.terminalWidth)
        if session.start != nil || session.partOfDay != nil { anyTime = true }
    }

    /// Whether any session of event `index` passes the filter: known once the event is scanned,
    /// else looked for up to the first match; nil when `deadline` passed first.
    private func hasMatch(_ index: Int, _ data: DashboardData, deadline: UInt64?) -> Bool? {
        if matched[index] != nil { return true }
        if let known = anyMatch[index] { return known }
        let event = data.events[index]
        let texts = data.index.foldedTexts(of: event)
        let fold = texts == nil ? data.index.folder(for: event) : nil
        var checked = 0
        var candidates = candidates(index, data)
        var at = 0
        while let segment = candidates.segment(at) {
            at += 1
            for place in segment {
                let session = event.sessions[place]
                if matches(session, of: event, text: texts?[place] ?? fold!(session), data) {
                    anyMatch[index] = true
                    return true
                }
                checked += 1
                if checked % Self.slice == 0, KeyScanDeadline.passed(deadline) { return nil }
            }
        }
        anyMatch[index] = false
        return false
    }

    /// The fields of event `index`'s own text that the search matches, as `AgendaQuery.eventMatches`
    /// says: only for a search on its own, and not when only the event's name or city match and
    /// its sessions (which carry both) already show it.
    private func ownMatch(_ index: Int, _ data: DashboardData) -> [EventSearchField]? {
        if let known = ownMatches[index] { return known }
        let event = data.events[index]
        var result: [EventSearchField]?
        if filter.day == nil, filter.tracks.isEmpty, filter.technologies.isEmpty, filter.admits(event),
           let fields = data.index.eventMatch(event, search) {
            let namesOnly: Set<EventSearchField> = [.title, .place]
            let shown = namesOnly.isSuperset(of: fields) && event.sessions.contains { data.index.session($0, of: event, matches: search) }
            result = shown ? nil : fields
        }
        ownMatches[index] = .some(result)
        return result
    }
}

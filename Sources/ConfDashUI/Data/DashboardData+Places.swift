import ConfDashCore

/// One room of the selected event on the selected day, as the rooms pane lists it. Built once
/// per day and filter; what runs there at a given time is looked up for the visible rows only
/// (`nowNext(at:)`), so moving the agenda's cursor costs the rows on screen, not the day.
struct RoomRow: Sendable {
    var id: TypedID<Room>
    var name: String
    /// Sessions in the room that day, with the other filters (not the room filter) applied.
    var count: Int
    /// The day's session lists (the event's slots, shared by every row, not copied) and where
    /// this room's sessions with a clock time are in them (only they can be now or next), by
    /// start, with their starts, ends and the latest end so far (`latestEnd[i]` = max of
    /// `ends[0...i]`): a session running at a time is found by walking back from the first
    /// later start only while some earlier session still runs. Sessions are copied only when
    /// drawn (a `Session` copy retains some twenty fields: copying a day's was most of the cost).
    var lists: [[Session]] = []
    var places: [(list: Int, item: Int)] = []
    var starts: [LocalDateTime] = []
    var ends: [LocalDateTime] = []
    var latestEnd: [LocalDateTime] = []
    /// The name's width in columns, measured once (the pane sizes its name column from the widest).
    var nameWidth: Int
    /// How many leading columns the name shares with another room's name: a cut that keeps no
    /// more than these would make the two look the same (the pane then cuts in the middle).
    var sharedPrefixWidth = 0

    var timed: Int { places.count }

    /// `timed`: this room's timed sessions as (list, item, start, end), in any order.
    init(id: TypedID<Room>, name: String, count: Int, lists: [[Session]] = [],
         timed: [(list: Int, item: Int, start: LocalDateTime, end: LocalDateTime)] = []) {
        self.id = id
        self.name = name
        nameWidth = name.terminalWidth
        self.count = count
        self.lists = lists
        let sorted = timed.sorted { $0.start < $1.start }
        places = sorted.map { ($0.list, $0.item) }
        starts = sorted.map(\.start)
        ends = sorted.map(\.end)
        var latest: LocalDateTime?
        latestEnd = ends.map { end in
            latest = latest.map { max($0, end) } ?? end
            return latest!
        }
    }

    func session(_ index: Int) -> Session { lists[places[index].list][places[index].item] }

    /// What runs in the room at `reference` (the latest start among those running) and what
    /// starts next after it; with no reference, the day's first session is next. O(log n) plus
    /// the sessions still running at `reference`.
    func nowNext(at reference: LocalDateTime?) -> (current: Session?, next: Session?) {
        guard let reference else { return (nil, places.isEmpty ? nil : session(0)) }
        // The first session starting after the reference.
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= reference { low = middle + 1 } else { high = middle }
        }
        let next = low < starts.count ? session(low) : nil
        var index = low - 1
        while index >= 0, reference < latestEnd[index] {
            if reference < ends[index] { return (session(index), next) }
            index -= 1
        }
        return (nil, next)
    }
}

/// One track as the tracks pane lists it.
struct TrackRow: Equatable, Sendable {
    var track: Track
    /// Sessions of the events in scope carrying the track.
    var sessions: Int
    /// Sessions per day of the selected event, for the trend (one event) — or per event.
    var trend: [Int]
}

/// What the rooms and tracks rows depend on: a few ids and the filter, compared in O(1) for a
/// keystroke that changes none of them (not the rows themselves).
struct PlacesKey: Equatable, Sendable {
    var event: EventID?
    var day: Int
    var filter: AgendaFilter
    var language: Language
    /// The tracks pane's events in scope (their ids), which its counts are taken over.
    var scope: [String] = []
    /// Under a search whose matches the tracks pane counts: whether its scan is complete.
    var searchComplete: Bool?
}

/// The tracks pane's counts: one pass over the sessions in scope, kept while the filters other
/// than the track filter stay (choosing a track only marks and re-sorts the rows).
struct TrackCounts: Sendable {
    var counts: [String: Int] = [:]
    var trends: [String: [Int]] = [:]
    var columns = 0
}

/// Sessions per track, and per column of the trend (a day, or an event), counted into arrays by
/// the place of each track, then handed over as `TrackCounts`: the same counts, with a trend only
/// for a track that had a session in a column, as counting straight into the dictionaries gave.
/// The places of the dataset's tracks are their numbers (`SessionTrackNumbers`), counted without
/// a look-up; a track counted by name takes its number, or the next place when it has none.
struct TrackTally {
    private let columns: Int
    /// The numbered tracks' ids, whose places are given before any is met.
    private let known: [String]
    /// By name, made when a track is first counted by name.
    private var place: [String: Int]?
    private var names: [String]
    private var sessions: [Int]
    /// Each track's trend, `columns` numbers from `row[place] * columns`: a row is given to a
    /// track when it is first met (-1 until then), so unmet tracks take no room.
    private var trend: [Int] = []
    private var row: [Int]
    private var hasTrend: [Bool]

    init(columns: Int, known: [String] = []) {
        self.columns = columns
        self.known = known
        names = known
        sessions = Array(repeating: 0, count: known.count)
        hasTrend = Array(repeating: false, count: known.count)
        row = Array(repeating: -1, count: known.count)
    }

    /// Counts the numbered track `number` (a place below `known.count`). Inlined: called once a
    /// session (100,000 times for the first frame's counts), where the call alone was most of it.
    @inline(__always)
    mutating func count(number at: Int, column: Int?) {
        if row[at] < 0 {
            row[at] = trend.count / max(columns, 1)
            trend.append(contentsOf: repeatElement(0, count: columns))
        }
        sessions[at] += 1
        if let column {
            trend[row[at] * columns + column] += 1
            hasTrend[at] = true
        }
    }

    mutating func count(_ track: String, column: Int?) {
        if place == nil {
            var byName: [String: Int] = [:]
            byName.reserveCapacity(known.count)
            for (at, id) in known.enumerated() where byName[id] == nil { byName[id] = at }
            place = byName
        }
        let at: Int
        if let found = place![track] {
            at = found
        } else {
            at = names.count
            place![track] = at
            names.append(track)
            sessions.append(0)
            hasTrend.append(false)
            row.append(-1)
        }
        count(number: at, column: column)
    }

    /// Only the tracks met: a numbered track with no session is left out, as one never counted.
    var counts: TrackCounts {
        var result = TrackCounts()
        result.columns = columns
        result.counts.reserveCapacity(names.count)
        for (at, name) in names.enumerated() where sessions[at] > 0 {
            result.counts[name] = sessions[at]
            if hasTrend[at] { result.trends[name] = Array(trend[(row[at] * columns)..<((row[at] + 1) * columns)]) }
        }
        return result
    }
}

extension DashboardData {
    private func placesKey(_ state: AppState) -> PlacesKey {
        PlacesKey(event: state.selectedEvent, day: state.day, filter: filter(for: state), language: state.language)
    }

    /// The Places pane lists rooms when the data has no WCO regions (imported schedules).
    var placesShowRooms: Bool { regions.isEmpty }
    /// The Topics pane lists tracks when the data has no technology index but has tracks.
    var topicsShowTracks: Bool { index.dataset.technologies.isEmpty && !index.dataset.tracks.isEmpty }

    /// Rows of the Places pane (regions or rooms), for the cursor.
    func placeCount(_ state: AppState) -> Int { placesShowRooms ? roomRows(state).count : regions.count }
    /// Rows of the Topics pane (technologies or tracks).
    func topicCount(_ state: AppState) -> Int { topicsShowTracks ? trackRows(state).count : index.dataset.technologies.count }

    /// The reference time for "now / next": the start of the agenda cursor's session when it has
    /// a clock time (`:time`, the now key and the arrows move it), else the day's start.
    func referenceTime(_ state: AppState) -> LocalDateTime? {
        guard let (session, _) = agendaRows(state).session(at: state.agenda.cursor), let start = session.start else { return nil }
        return start
    }

    /// Rooms of the selected event in its own order, with that day's sessions (filters applied,
    /// the room filter aside so other rooms keep their counts). Built from the day's sessions
    /// (the event's slots), once per event, day, filter and language: the agenda's cursor, which
    /// moves the rooms pane's "now", is not part of it.
    func roomRows(_ state: AppState) -> [RoomRow] {
        guard placesShowRooms else { return [] }
        // The room filter does not change the rows (other rooms keep their counts): choosing a
        // room only moves the mark, so it is not part of the key.
        var key = placesKey(state)
        key.filter.rooms = []
        // Under a search (and no room filter, so that its matches are the sessions counted), the
        // rows come from the search's own matches on the day rather than a second search of
        // the day's sessions: while the folded text of every session is still being built that
        // second search folded each one (75 ms for the first letter at 100,000 sessions). While
        // the search is scanned in parts they count the matches found so far, and again once
        // it is complete.
        let list = (key.filter.search ?? "").isEmpty || !state.roomFilter.isEmpty ? nil : searchList(state)
        key.searchComplete = list?.isComplete
        return roomRowsCache.value(for: key) { computeRoomRows(state, search: list) }
    }

    private func computeRoomRows(_ state: AppState, search list: SearchList?) -> [RoomRow] {
        guard let event = event(state.selectedEvent), !event.rooms.isEmpty, let date = event.date(ofDay: state.day) else { return [] }
        var filter = self.filter(for: state)
        filter.rooms = []
        let slots = slots(of: event)
        // The day's sessions and those that may fall on it ("day 2 or 3"), as the agenda lists
        // them; read in place (fields through the arrays), each session copied only when drawn.
        // Under a search, the same lists made of its matches (`dayMatches`).
        let lists = list.map { dayMatches($0, event: event, date: date, slots: slots) }
            ?? [slots.day(date)] + slots.spans.filter { $0.range.contains(date) }.map(\.sessions)
        let everything = list != nil || filter.isEmpty   // asked once, not per session
        // The search folded once, not once per session (under a search that folding was most
        // of a key's time at 100,000 sessions).
        let search = filter.search.map(SearchQuery.init)
        var counts: [String: Int] = [:]
        var timed: [String: [(list: Int, item: Int, start: LocalDateTime, end: LocalDateTime)]] = [:]
        // At their size: grown step by step they were rehashed 14 times on 38C3's first frame.
        counts.reserveCapacity(event.rooms.count)
        timed.reserveCapacity(event.rooms.count)
        for (listIndex, list) in lists.enumerated() {
            for item in list.indices where list[item].room != nil && (everything || query.session(list[item], of: event, matches: filter, search: search)) {
                let room = list[item].room!
                counts[room, default: 0] += 1
                // Every session of the day counts; only those with a clock time can be now or next.
                if let start = list[item].start {
                    timed[room, default: []].append((listIndex, item, start, list[item].end(inTimeZone: nil) ?? start))
                }
            }
        }
        var rows = event.rooms.map { room in
            RoomRow(id: room.typedID, name: room.name.text(in: state.language), count: counts[room.id] ?? 0,
                    lists: lists, timed: timed[room.id] ?? [])
        }
        let shared = roomSharedPrefixWidths(event, state.language)
        for index in rows.indices { rows[index].sharedPrefixWidth = shared[index] }
        return rows
    }

    /// The search's matches in `event` on `date` and in each span of days that may fall on it,
    /// as the lists the rooms pane reads without a search, filtered: the matches are in the
    /// order of the slots (`EventSlots.searchOrder`), so each slot's are found by bisection,
    /// in time proportional to the day's matches, not the event's.
    private func dayMatches(_ list: SearchList, event: Event, date: CalendarDate, slots: EventSlots) -> [[Session]] {
        let found = events.firstIndex { $0.id == event.id }.flatMap { list.matchesFound()[$0] } ?? []
        func matches(in slot: AgendaSlot) -> [Session] {
            func firstIndex(after: Bool) -> Int {
                var low = 0, high = found.count
                while low < high {
                    let middle = (low + high) / 2
                    let other = AgendaSlot(found[middle])
                    if other < slot || after && other == slot { low = middle + 1 } else { high = middle }
                }
                return low
            }
            return Array(found[firstIndex(after: false)..<firstIndex(after: true)])
        }
        return [matches(in: AgendaSlot.day(date))]
            + slots.spans.filter { $0.range.contains(date) }.map { matches(in: AgendaSlot.possibleDays($0.range)) }
    }

    /// Per room of `event` (in `event.rooms`' order), the widest start its name in `language`
    /// shares with another room's name: what `RoomName.shown` needs to cut it where it can still
    /// be told apart. Measured once per event and language.
    func roomSharedPrefixWidths(_ event: Event, _ language: Language) -> [Int] {
        roomSharedWidthsCache.value(for: event.id + "\u{0}" + language.rawValue) {
            Self.sharedPrefixWidths(event.rooms.map { $0.name.text(in: language) })
        }
    }

    /// For each name, the widest start it shares with another name (0 for none): neighbours
    /// once sorted. It depends on the event's rooms and the language only, so it is measured
    /// once per event and language rather than on every change of day.
    static func sharedPrefixWidths(_ names: [String]) -> [Int] {
        var widths = Array(repeating: 0, count: names.count)
        let byName = names.indices.sorted { names[$0] < names[$1] }
        // Two names of printable ASCII (nearly every pair) are compared by bytes: each byte is a
        // Character and a column. By Characters, made into a String and measured, the 72 rooms of
        // 38C3 cost 0.6 M instructions of the first frame.
        let ascii = names.map(isPrintableASCII)
        for (a, b) in zip(byName, byName.dropFirst()) {
            let shared = ascii[a] && ascii[b] ? sharedBytes(names[a], names[b])
                : String(zip(names[a], names[b]).prefix { $0 == $1 }.map(\.0)).terminalWidth
            widths[a] = max(widths[a], shared)
            widths[b] = max(widths[b], shared)
        }
        return widths
    }

    private static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    private static func sharedBytes(_ a: String, _ b: String) -> Int {
        var shared = 0
        for (x, y) in zip(a.utf8, b.utf8) {
            guard x == y else { break }
            shared += 1
        }
        return shared
    }

    /// Tracks with their sessions in the events in scope, most used first, and a trend: per day
    /// of the selected event when one event is in scope, else per event.
    func trackRows(_ state: AppState) -> [TrackRow] {
        guard topicsShowTracks else { return [] }
        var key = placesKey(state)
        key.day = 0
        // Under a search (and no track filter, so that its matches are the sessions counted), the
        // counts come from the search's own matches rather than a second search of every
        // session: at 100,000 sessions that was most of a search key (issue 13). While the search
        // is scanned in parts they count the matches found so far, and again once it is complete.
        let list = (key.filter.search ?? "").isEmpty || !state.trackFilter.isEmpty ? nil : searchList(state)
        key.searchComplete = list?.isComplete
        return trackRowsCache.value(for: key) {
            let scope = eventsInScope(state)
            var countsKey = key
            countsKey.filter.tracks = []
            countsKey.language = .en   // counts do not depend on the language (L keeps them)
            countsKey.scope = scope.map(\.id)
            let counts = trackCountsCache.value(for: countsKey) { computeTrackCounts(state, scope: scope, search: list) }
            return index.dataset.tracks.enumerated()
                .filter { counts.counts[$0.element.id] != nil || state.trackFilter.contains($0.element.typedID) }
                .sorted { a, b in
                    let ca = counts.counts[a.element.id] ?? 0, cb = counts.counts[b.element.id] ?? 0
                    return ca != cb ? ca > cb : a.offset < b.offset
                }
                .map { TrackRow(track: $0.element, sessions: counts.counts[$0.element.id] ?? 0,
                                trend: counts.trends[$0.element.id] ?? Array(repeating: 0, count: counts.columns)) }
        }
    }

    func computeTrackCounts(_ state: AppState, scope: [Event], search list: SearchList?) -> TrackCounts {
        let single = scope.count == 1 ? scope.first : nil
        var wanted = self.filter(for: state)
        wanted.tracks = []
        // A constant, not a captured variable: asking every session with a boxed variable copied
        // the whole filter per session.
        let filter = wanted
        let found = list?.matchesFound()
        let search = filter.search.map(SearchQuery.init)   // folded once, not per session
        let position = found == nil ? [:] : Dictionary(events.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let columns = single.map { $0.dayCount } ?? scope.count
        // Counted into arrays by each track's place (`TrackTally`), and each session counted where
        // it is found instead of first gathered into an array per event: the two String-keyed
        // dictionary updates per track and the copies were a quarter of what the first frame adds
        // to loading (issue 13: 42 M instructions of 162 M on 10,000 sessions).
        // Each session's track as a number (`SessionTrackNumbers`, made once): a session with one
        // of the dataset's tracks is counted without hashing the track's name (issue 13: the
        // hash was 39 M instructions of the 81 M these counts took at 100,000 sessions).
        // Not under a search: its matches are counted by name (they come without their places).
        let numbered = found == nil ? trackNumbers.value : nil
        var tally = TrackTally(columns: columns, known: numbered?.ids ?? [])
        let byDay = single != nil
        // Every session of every event, no filter: the picker's numbers too, unless a session
        // names a track twice (`TrackPickerCounts.offer`).
        let everySession = filter == AgendaFilter() && found == nil && scope.count == events.count
        var repeats = false
        // What `query.session` answers yes to for every session: nothing on sessions but, maybe,
        // events (which the scope has applied).
        let admitsEverySession = filter.onlySessions == nil && filter.day == nil && filter.tracks.isEmpty
            && filter.technologies.isEmpty && filter.rooms.isEmpty && filter.search == nil
        for (eventIndex, event) in scope.enumerated() {
            // The column as `event.dayIndex(of: day) - 1` gives it, from two numbers read once per
            // event: asked per session, `event.dayIndex(of:)` as a closure copied the whole Event
            // (some thirty references retained and released) for every session (11 M on 10k).
            let firstDay = event.startDate.dayNumber, dayCount = event.dayCount
            func column(_ session: Session) -> Int? {
                let column: Int?
                if byDay {
                    column = session.day.flatMap { day in
                        let offset = day.dayNumber - firstDay
                        return offset >= 0 && offset < dayCount ? offset : nil
                    }
                } else {
                    column = eventIndex
                }
                return column.flatMap { $0 >= 0 && $0 < columns ? $0 : nil }
            }
            func count(_ session: Session) {
                // An entry that stands for a topic grouped sessions covered is not a session (issue 14).
                guard !session.groupTopic else { return }
                let inTrend = column(session)
                let tracks = session.tracks
                if everySession, !repeats, TrackSessionCounts.repeats(tracks) { repeats = true }
                for track in tracks { tally.count(track, column: inTrend) }
            }
            // By number where the session has one (`SessionTrackNumbers`), its column from its
            // day as kept there; by name otherwise.
            let eventTracks = numbered?.tracks(of: event)
            func count(at place: Int) {
                guard let eventTracks else { return count(event.sessions[place]) }
                let number = eventTracks.numbers[place]
                if number == SessionTrackNumbers.none { return }
                if number == SessionTrackNumbers.other { return count(event.sessions[place]) }
                let column = byDay ? Int(eventTracks.days[place]) : eventIndex
                tally.count(number: Int(number), column: column >= 0 && column < columns ? column : nil)
            }
            if let found {
                for session in position[event.id].flatMap({ found[$0] }) ?? [] { count(session) }
            } else if admitsEverySession {
                // No filter on sessions: each is counted without being asked (or read, when it
                // has a number).
                for place in event.sessions.indices { count(at: place) }
            } else if filter.rooms.isEmpty {
                for place in event.sessions.indices where query.session(event.sessions[place], of: event, matches: filter, search: search) {
                    count(at: place)
                }
            } else {
                // A room filter: only the chosen rooms' sessions are asked (not every session).
                for place in sessionPlaces(of: event).candidates(for: filter)
                where query.session(event.sessions[place], of: event, matches: filter, search: search) {
                    count(at: place)
                }
            }
        }
        let counts = tally.counts
        if everySession, !repeats { trackPickerCounts.offer(counts.counts) }
        return counts
    }
}

import ConfDashScreen
import ConfDashCore

/// The selected day as rooms side by side and time running down, for schedules with clock
/// times (issue 4's 38C3 has 72 rooms). Built from the same agenda rows as the list, so filters
/// and search apply to both, and the agenda cursor stays the one selection.
public struct RoomGrid: Equatable, Sendable {
    public static let slotMinutes = 15

    public struct Block: Equatable, Sendable {
        public var session: Session
        /// Index of the session in the agenda rows (the cursor's unit).
        public var cursor: Int
        /// Minutes from the day's midnight on the clock shown; past 24:00 for the night after.
        public var start: Int
        public var end: Int
        public var when: String
    }

    /// Room ids in the event's order (sessions without a room last, under "room ?").
    public var rooms: [String?]
    public var names: [String]
    /// Each room's sessions, earliest first.
    public var blocks: [[Block]]
    /// First and last minute the grid covers, on whole hours.
    public var firstMinute: Int
    public var lastMinute: Int
    /// Sessions of the day the grid cannot place: no clock time.
    public var untimed: Int

    public var slotCount: Int { max((lastMinute - firstMinute) / Self.slotMinutes, 0) }
    public var isEmpty: Bool { blocks.isEmpty }

    public func slot(of minute: Int) -> Int { (minute - firstMinute) / Self.slotMinutes }

    /// Where the session at `cursor` sits: room column and position in that room.
    public func position(ofCursor cursor: Int) -> (room: Int, index: Int)? {
        for (room, column) in blocks.enumerated() {
            if let index = column.firstIndex(where: { $0.cursor == cursor }) { return (room, index) }
        }
        return nil
    }
}

extension DashboardData {
    /// The grid for the state's rows; the reducer and the pane ask several times a keystroke.
    public func roomGrid(_ state: AppState, rows: AgendaRows) -> RoomGrid {
        // Search rows still being scanned would leave a stale grid in the cache.
        guard rows.isComplete else { return computeRoomGrid(state, rows: rows) }
        return gridCache.value(for: rowsKey(state)) { computeRoomGrid(state, rows: rows) }
    }

    private func computeRoomGrid(_ state: AppState, rows: AgendaRows) -> RoomGrid {
        let labels = Labels(state.language)
        guard let event = event(state.selectedEvent), let date = event.date(ofDay: state.day) else {
            return RoomGrid(rooms: [], names: [], blocks: [], firstMinute: 0, lastMinute: 0, untimed: 0)
        }
        // The event's clock work once per list (EventClockTimes, the same answers as
        // ClockDisplay), and each block's place and label once per distinct start, duration and
        // listed day: a day of a large congress has thousands of sessions in a few dozen slots
        // (the first `r` of a day at 100,000 sessions asked ICU for every session's offsets).
        let clock = EventClockTimes(clock(state.localTime), event: event)
        struct Slot: Hashable { var start: LocalDateTime, duration: Int?, day: CalendarDate? }
        var placed: [Slot: (start: Int, end: Int, when: String)?] = [:]
        func place(_ session: Session) -> (start: Int, end: Int, when: String)? {
            guard let sessionStart = session.start else { return nil }
            let slot = Slot(start: sessionStart, duration: session.checkedDurationMinutes, day: session.day)
            if let known = placed[slot] { return known }
            var result: (start: Int, end: Int, when: String)?
            let times = clock.times(of: session)
            if let (start, end) = times {
                let startMinute = start.date.days(since: date) * 1440 + start.time.minutesSinceMidnight
                let endMinute = end.map { $0.date.days(since: date) * 1440 + $0.time.minutesSinceMidnight } ?? startMinute + RoomGrid.slotMinutes
                // "+1" as in the agenda: on the start when the clock moved it to the next day, else
                // with the end when it runs past midnight (the hour labels down the side repeat from 00:00).
                let shift = clock.dayShift(of: session, times: times)
                let startMoved = start.date != (session.day ?? session.start?.date ?? start.date)
                let when: String
                if shift != 0, !startMoved, let end {
                    when = "\(start.time)–\(end.time)" + ClockDisplay.shiftMark(shift)
                } else {
                    when = "\(start.time)" + ClockDisplay.shiftMark(shift)
                }
                result = (startMinute, max(endMinute, startMinute + 1), when)
            }
            placed[slot] = .some(result)
            return result
        }
        var byRoom: [String?: [RoomGrid.Block]] = [:]
        var untimed = 0
        for cursor in 0..<rows.sessionCount {
            guard let (session, sessionEvent) = rows.session(at: cursor), sessionEvent.id == event.id,
                  let (start, end, when) = place(session) else { untimed += 1; continue }
            byRoom[session.room, default: []].append(RoomGrid.Block(session: session, cursor: cursor, start: start, end: end, when: when))
        }
        let order = Dictionary(event.rooms.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let roomsByID = Dictionary(event.rooms.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rooms = byRoom.keys.sorted { a, b in
            switch (a, b) {
            case (nil, _): return false
            case (_, nil): return true
            case (let a?, let b?): return (order[a] ?? Int.max, a) < (order[b] ?? Int.max, b)
            }
        }
        let names = rooms.map { id in
            id.map { id in roomsByID[id]?.name.text(in: state.language) ?? id } ?? UIText(labels.language).unknownRoom
        }
        let blocks = rooms.map { byRoom[$0]!.sorted { ($0.start, $0.cursor) < ($1.start, $1.cursor) } }
        let all = blocks.flatMap { $0 }
        let first = (all.map(\.start).min() ?? 0) / 60 * 60
        let last = ((all.map(\.end).max() ?? 0) + 59) / 60 * 60
        return RoomGrid(rooms: rooms, names: names, blocks: blocks, firstMinute: first, lastMinute: last, untimed: untimed)
    }
}

import Foundation

/// `ClockDisplay.times(of:in:)` and `dayShift(of:in:)` for many sessions of one event, with the
/// same answers: the event's zone is resolved once, and each zone offset is asked of Foundation
/// once per instant (an ICU call of some thousands of instructions) rather than three times per
/// session and twice per row. A list of a day's sessions has few distinct start and end times
/// (rooms share slots), so a day's ~250 rows on 38C3 ask for a few hundred offsets, not 1,500.
/// Make one per list (a day's rows); it is not shared between threads.
public final class EventClockTimes {
    private let sourceOffsets: Offsets?
    private let targetOffsets: Offsets?

    public init(_ clock: ClockDisplay, event: Event) {
        sourceOffsets = event.timeZone.flatMap(TimeZones.zone(named:)).map(Offsets.init)
        if case .zone(let target) = clock { targetOffsets = Offsets(target) } else { targetOffsets = nil }
    }

    /// One zone's offsets, asked of Foundation once per stretch of time between two of the
    /// zone's transitions rather than once per instant: a miss at `t` also asks for the zone's
    /// next transition after `t`, and the offset is then known for every instant from `t` up to
    /// it. On 38C3 (Europe/Berlin, in December) a few asks serve the thousands of instants a
    /// first frame reads, where asking per exact instant (an ICU call of some thousands of
    /// instructions each) was most of the timeline's cost (issue 13). Exact: nothing is rounded
    /// or assumed, the stretch ends where Foundation says the offset may next change. (`ZoneClock`,
    /// which the readers use, keys by quarter hour; here the answers must equal `ClockDisplay`'s
    /// at every instant.) A zone with no next transition known (a fixed offset, or past the
    /// calendar's range) is asked per instant, as before.
    private final class Offsets {
        private let zone: TimeZone
        /// Stretches `[from, to)` of one offset: `to` is the zone's first transition after `from`.
        /// Unchecked: an `EventClockTimes` is one thread's (its type's comment); the dynamic
        /// exclusivity checks were 0.22 M instructions of the 38C3 first frame (issue 13).
        @exclusivity(unchecked) private var stretches: [(from: Int, to: Int, offset: Int)] = []
        @exclusivity(unchecked) private var known: [Int: Int] = [:]
        /// The stretch the last answer came from (empty until one did): asked first, since the
        /// instants come in runs (a day's sessions, each asked three times). The walk of the
        /// stretches was 30 M instructions of the 100k timeline's 64 M (issue 13, round 14).
        @exclusivity(unchecked) private var lastFrom = 0, lastTo = 0, lastOffset = 0
        init(_ zone: TimeZone) { self.zone = zone }

        func at(_ instant: Int) -> Int {
            if lastFrom <= instant && instant < lastTo { return lastOffset }
            for stretch in stretches where stretch.from <= instant && instant < stretch.to {
                (lastFrom, lastTo, lastOffset) = stretch
                return stretch.offset
            }
            if let offset = known[instant] { return offset }
            let date = Date(timeIntervalSince1970: TimeInterval(instant))
            let offset = zone.secondsFromGMT(for: date)
            // The stretch from here to the next transition, whole seconds (transitions fall on them).
            if stretches.count < 64, let next = zone.nextDaylightSavingTimeTransition(after: date),
               next.timeIntervalSince1970 > TimeInterval(instant), next.timeIntervalSince1970 < 1e15 {
                let to = Int(next.timeIntervalSince1970.rounded(.down))
                if let same = stretches.firstIndex(where: { $0.to == to && $0.offset == offset }) {
                    stretches[same].from = min(stretches[same].from, instant)
                } else {
                    stretches.append((instant, to, offset))
                }
            } else {
                known[instant] = offset
            }
            return offset
        }
    }

    /// As `ClockDisplay.times(of: session, in: event)`.
    public func times(of session: Session) -> (start: LocalDateTime, end: LocalDateTime?)? {
        guard let start = session.start else { return nil }
        guard let sourceOffsets, let targetOffsets else {
            // As `Session.end(inTimeZone:)` in the event's zone.
            guard let minutes = session.checkedDurationMinutes else { return (start, nil) }
            guard let sourceOffsets else { return (start, start.adding(minutes: minutes)) }
            let instant = TimeZones.instant(of: start, offset: sourceOffsets.at)
            return (start, TimeZones.checkedLocal(at: instant + minutes * 60, offset: sourceOffsets.at))
        }
        let instant = TimeZones.instant(of: start, offset: sourceOffsets.at)
        let offset = targetOffsets.at
        guard let shownStart = TimeZones.checkedLocal(at: instant, offset: offset) else { return nil }
        let end = session.checkedDurationMinutes.flatMap { TimeZones.checkedLocal(at: instant + $0 * 60, offset: offset) }
        return (shownStart, end)
    }

    /// `times(of: session)` as "naive" minutes on the clock shown (a date's day number × 1440 plus
    /// the minutes since its midnight), the same answers with no date made and taken apart again:
    /// on the event's own clock the start is the session's, and the end its instant plus the
    /// duration, read back with the offset then in force. The timeline's spans of 100,000
    /// sessions were 111 M instructions through `times(of:)` (issue 13).
    public func naiveMinutes(of session: Session) -> (start: Int, end: Int?)? {
        guard targetOffsets == nil, let start = session.start else {
            guard let (start, end) = times(of: session) else { return nil }
            return (Self.naiveMinutes(start), end.map(Self.naiveMinutes))
        }
        let startMinutes = Self.naiveMinutes(start)
        guard let minutes = session.checkedDurationMinutes else { return (startMinutes, nil) }
        let endSeconds: Int
        if let sourceOffsets {
            // As `TimeZones.instant(of:offset:)` and `checkedLocal(at:offset:)`.
            let naive = startMinutes * 60
            let before = sourceOffsets.at(naive - 86_400)
            let after = sourceOffsets.at(naive + 86_400)
            let instant: Int
            if before == after {
                instant = naive - before
            } else {
                let valid = [before, after].filter { sourceOffsets.at(naive - $0) == $0 }
                instant = naive - (valid.max() ?? before)
            }
            let end = instant + minutes * 60
            endSeconds = end + sourceOffsets.at(end)
        } else {
            // As `LocalDateTime.adding(minutes:)`.
            endSeconds = (startMinutes + minutes) * 60
        }
        // Floor division: a zone's offset may have seconds (local mean time).
        let endMinutes = endSeconds >= 0 ? endSeconds / 60 : -((-endSeconds + 59) / 60)
        let endDay = endMinutes >= 0 ? endMinutes / 1440 : -((-endMinutes + 1439) / 1440)
        // Outside years 1 to 9999 there is no end, as there `checkedLocal` and `adding` give none.
        guard endDay >= CalendarDate.firstDayNumber, endDay <= CalendarDate.lastDayNumber else { return (startMinutes, nil) }
        return (startMinutes, endMinutes)
    }

    private static func naiveMinutes(_ local: LocalDateTime) -> Int {
        local.date.dayNumber * 1440 + local.time.minutesSinceMidnight
    }

    /// `local` on the event's clock, in seconds since 1970 UTC, as `TimeZones.instant(of:in:)`
    /// gives it in the event's zone; nil when the event has no zone.
    public func instant(of local: LocalDateTime) -> Int? {
        sourceOffsets.map { TimeZones.instant(of: local, offset: $0.at) }
    }

    /// As `ClockDisplay.dayShift(of: session, in: event)`, from `times(of: session)` when known.
    public func dayShift(of session: Session, times: (start: LocalDateTime, end: LocalDateTime?)?) -> Int {
        guard let (start, end) = times else { return 0 }
        return ClockDisplay.dayShift(of: session, start: start, end: end)
    }
}

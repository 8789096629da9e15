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

    /// One zone's offsets, each asked of Foundation once per exact instant. (`ZoneClock`, which
    /// the readers use, keys by quarter hour; here the answers must equal `ClockDisplay`'s at
    /// every instant, so nothing is rounded.)
    private final class Offsets {
        private let offset: (Int) -> Int
        private var known: [Int: Int] = [:]
        init(_ zone: TimeZone) { offset = TimeZones.offsetFunction(zone) }

        func at(_ instant: Int) -> Int {
            if let offset = known[instant] { return offset }
            let offset = offset(instant)
            known[instant] = offset
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

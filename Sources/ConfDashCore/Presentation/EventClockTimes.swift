import Foundation

/// `ClockDisplay.times(of:in:)` and `dayShift(of:in:)` for many sessions of one event, with the
/// same answers: the event's zone is resolved once, and each zone offset is asked of Foundation
/// once per instant (an ICU call of some thousands of instructions) rather than three times per
/// session and twice per row. A list of a day's sessions has few distinct start and end times
/// (rooms share slots), so a day's ~250 rows on 38C3 ask for a few hundred offsets, not 1,500.
/// Make one per list (a day's rows); it is not shared between threads.
public final class EventClockTimes {
    private let clock: ClockDisplay
    private let source: TimeZone?
    private var sourceOffsets: [Int: Int] = [:]
    private var targetOffsets: [Int: Int] = [:]

    public init(_ clock: ClockDisplay, event: Event) {
        self.clock = clock
        source = event.timeZone.flatMap(TimeZones.zone(named:))
    }

    private func sourceOffset(_ instant: Int) -> Int {
        if let known = sourceOffsets[instant] { return known }
        let offset = TimeZones.offsetFunction(source!)(instant)
        sourceOffsets[instant] = offset
        return offset
    }

    private func targetOffset(_ instant: Int, _ target: TimeZone) -> Int {
        if let known = targetOffsets[instant] { return known }
        let offset = TimeZones.offsetFunction(target)(instant)
        targetOffsets[instant] = offset
        return offset
    }

    /// As `ClockDisplay.times(of: session, in: event)`.
    public func times(of session: Session) -> (start: LocalDateTime, end: LocalDateTime?)? {
        guard let start = session.start else { return nil }
        guard case .zone(let target) = clock, source != nil else {
            // As `Session.end(inTimeZone: source)`.
            guard let minutes = session.checkedDurationMinutes else { return (start, nil) }
            guard source != nil else { return (start, start.adding(minutes: minutes)) }
            let instant = TimeZones.instant(of: start, offset: sourceOffset)
            return (start, TimeZones.checkedLocal(at: instant + minutes * 60, offset: sourceOffset))
        }
        let instant = TimeZones.instant(of: start, offset: sourceOffset)
        let offset = { self.targetOffset($0, target) }
        guard let shownStart = TimeZones.checkedLocal(at: instant, offset: offset) else { return nil }
        let end = session.checkedDurationMinutes.flatMap { TimeZones.checkedLocal(at: instant + $0 * 60, offset: offset) }
        return (shownStart, end)
    }

    /// As `ClockDisplay.dayShift(of: session, in: event)`, from `times(of: session)` when known.
    public func dayShift(of session: Session, times: (start: LocalDateTime, end: LocalDateTime?)?) -> Int {
        guard let (start, end) = times else { return 0 }
        return ClockDisplay.dayShift(of: session, start: start, end: end)
    }
}

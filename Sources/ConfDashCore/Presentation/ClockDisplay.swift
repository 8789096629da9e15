import Foundation

/// Which clock session times are shown on: each event's own zone (what the programme says), or
/// one zone for everything, such as the user's own (`--tz local`).
public enum ClockDisplay: Sendable, Equatable {
    case eventZone
    case zone(TimeZone)

    /// The user's zone: the `TZ` variable when it names a zone (`Europe/Paris`, `:Europe/Paris`,
    /// `UTC`), else the system's.
    public static func localZone(environment: [String: String]) -> TimeZone {
        if var name = environment["TZ"], !name.isEmpty {
            if name.hasPrefix(":") { name.removeFirst() }
            if let zone = TimeZones.zone(named: name) { return zone }
        }
        return TimeZone.current
    }

    /// Start and end of `session` on this clock; nil when the source gives no clock time. The end
    /// is counted in real time, so it is right across a change of the clocks (`Session.end(inTimeZone:)`).
    /// Times of an event with no zone (floating times) cannot be converted and are shown as written.
    public func times(of session: Session, in event: Event) -> (start: LocalDateTime, end: LocalDateTime?)? {
        guard let start = session.start else { return nil }
        let source = event.timeZone.flatMap(TimeZones.zone(named:))
        guard case .zone(let target) = self, let source else {
            return (start, session.end(inTimeZone: source))
        }
        // Checked: a start at the edge of years 1-9999 (which readers do not accept from files)
        // could fall outside them on the target's clock; it is then shown as unknown, never wrong.
        let instant = TimeZones.instant(of: start, in: source)
        guard let shownStart = TimeZones.checkedLocal(at: instant, in: target) else { return nil }
        let end = session.checkedDurationMinutes.flatMap { TimeZones.checkedLocal(at: instant + $0 * 60, in: target) }
        return (shownStart, end)
    }

    /// The zone the times of `event` are shown in: an IANA name or offset, nil for floating times.
    public func zoneName(for event: Event) -> String? {
        switch self {
        case .eventZone: return event.timeZone
        case .zone(let zone): return event.timeZone == nil ? nil : zone.identifier
        }
    }
}

extension ClockDisplay {
    /// How many calendar days the session's times sit away from the day it is listed on: the
    /// start's shift when the clock moved it to another day, else the end's (a session from 23:00
    /// to 00:30 ends on the next day: +1). 0 when everything is on the listed day.
    public func dayShift(of session: Session, in event: Event) -> Int {
        guard let (start, end) = times(of: session, in: event) else { return 0 }
        return Self.dayShift(of: session, start: start, end: end)
    }

    /// `dayShift(of:in:)` for the times `session` is shown at.
    static func dayShift(of session: Session, start: LocalDateTime, end: LocalDateTime?) -> Int {
        let listed = session.day ?? session.start?.date ?? start.date
        let startShift = start.date.days(since: listed)
        if startShift != 0 { return startShift }
        return end.map { $0.date.days(since: listed) } ?? 0
    }

    /// "+1", "−1", or "" for no shift.
    public static func shiftMark(_ shift: Int) -> String {
        shift == 0 ? "" : shift > 0 ? "+\(shift)" : "−\(-shift)"
    }
}

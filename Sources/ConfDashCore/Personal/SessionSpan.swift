import Foundation

/// When a session takes place, as an interval, with how sure that is.
///
/// Times are counted in seconds: since 1970 UTC when the event has a time zone (so sessions of
/// events in different zones compare right), else on the wall clock read as UTC.
public struct SessionSpan: Equatable, Sendable {
    public enum Precision: Int, Sendable, Comparable {
        /// Start and end are stated.
        case exact
        /// Only the start is stated: the span is that instant.
        case startOnly
        /// Only a part of the day (morning 06–12, afternoon 12–18, evening 18–24), a day, or a span of days.
        case vague

        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    public var start: Int
    public var end: Int
    public var precision: Precision

    public init(start: Int, end: Int, precision: Precision) { self.start = start; self.end = end; self.precision = precision }

    /// Nil for a session with no day at all ("during the event"): nothing can be said.
    public init?(_ session: Session, in event: Event) {
        self.init(session, in: event, zone: event.timeZone.flatMap(TimeZones.zone(named:)))
    }

    /// As `init(_:in:)`, with the event's zone already looked up (once for all its sessions).
    public init?(_ session: Session, in event: Event, zone: TimeZone?) {
        self.init(session, in: event, seconds: { local in zone.map { TimeZones.instant(of: local, in: $0) } ?? TimeZones.naiveSeconds(local) })
    }

    /// As `init(_:in:zone:)`, with `seconds` reading a wall-clock time of the event as seconds
    /// (`EventClockTimes.instant(of:)` remembers the zone's offsets across sessions).
    public init?(_ session: Session, in event: Event, seconds: (LocalDateTime) -> Int) {
        func midnight(_ date: CalendarDate) -> Int { seconds(LocalDateTime(date: date, time: ClockTime(hour: 0, minute: 0)!)) }
        if let start = session.start {
            let from = seconds(start)
            if let minutes = session.durationMinutes, minutes > 0 {
                self.init(start: from, end: from + minutes * 60, precision: .exact)
            } else {
                self.init(start: from, end: from, precision: .startOnly)
            }
        } else if let day = session.day {
            let base = midnight(day)
            switch session.partOfDay {
            case .morning: self.init(start: base + 6 * 3600, end: base + 12 * 3600, precision: .vague)
            case .afternoon: self.init(start: base + 12 * 3600, end: base + 18 * 3600, precision: .vague)
            case .evening: self.init(start: base + 18 * 3600, end: midnight(day.adding(days: 1)), precision: .vague)
            case nil: self.init(start: base, end: midnight(day.adding(days: 1)), precision: .vague)
            }
        } else if let range = session.possibleDays {
            self.init(start: midnight(range.from), end: midnight(range.to.adding(days: 1)), precision: .vague)
        } else {
            return nil
        }
    }

    /// Whether the two share any moment. A start-only span is an instant: it overlaps a span that
    /// contains it (or the same instant).
    public func overlaps(_ other: SessionSpan) -> Bool {
        if start == end || other.start == other.end {
            if start == end && other.start == other.end { return start == other.start }
            let (point, span) = start == end ? (start, other) : (other.start, self)
            return span.start <= point && point < span.end
        }
        return start < other.end && other.start < end
    }
}

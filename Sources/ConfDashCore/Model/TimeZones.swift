import Foundation

/// Converting the model's wall-clock times between zones. The model stores each session's start
/// as a local date-time in its event's zone (`Event.timeZone`); instants appear only here, as
/// seconds since 1970 UTC, while converting.
public enum TimeZones {
    /// The zone an `Event.timeZone` value names: an IANA name this system knows (`Europe/Berlin`)
    /// or a fixed offset (`+01:00`, at most 14 hours). Nil for anything else.
    public static func zone(named text: String) -> TimeZone? {
        if let seconds = offsetSeconds(text) { return TimeZone(secondsFromGMT: seconds) }
        let bytes = Array(text.utf8)
        // Only plausible names are looked up: on some systems the lookup reads files named after it.
        // No "." is allowed, so no ".." can climb out of the zone folder. (A `contains("..")` here
        // went through Foundation's string search on every session's times: a third of a day change's work.)
        let plausible = (1...64).contains(bytes.count) && bytes.first?.isASCIILetterOrDigit == true
            && bytes.allSatisfy { $0.isASCIILetterOrDigit || "/_-+".utf8.contains($0) }
        guard plausible else { return nil }
        return ZoneNameCache.shared.zone(named: text)
    }

    /// Seconds east of UTC for `±HH:MM` (hours at most 14), else nil.
    public static func offsetSeconds(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 6, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"), bytes[3] == UInt8(ascii: ":"),
              bytes[1...2].allSatisfy(\.isASCIIDigit), bytes[4...5].allSatisfy(\.isASCIIDigit) else { return nil }
        let hours = Int(bytes[1] - 48) * 10 + Int(bytes[2] - 48)
        let minutes = Int(bytes[4] - 48) * 10 + Int(bytes[5] - 48)
        guard hours <= 14, minutes <= 59 else { return nil }
        return (bytes[0] == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    /// `+01:00`, `-03:30`, `+00:00`.
    public static func offsetText(seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    /// The wall clock as if it were UTC, in seconds since 1970.
    public static func naiveSeconds(_ local: LocalDateTime) -> Int {
        local.date.dayNumber * 86_400 + local.time.minutesSinceMidnight * 60
    }

    /// The inverse of `naiveSeconds`.
    public static func localDateTime(naiveSeconds seconds: Int) -> LocalDateTime {
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let minutes = (seconds - days * 86_400) / 60
        return LocalDateTime(date: CalendarDate(dayNumber: days), time: ClockTime(hour: minutes / 60, minute: minutes % 60)!)
    }

    /// As `localDateTime(naiveSeconds:)`, nil outside years 1 to 9999.
    public static func checkedLocalDateTime(naiveSeconds seconds: Int) -> LocalDateTime? {
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        guard let date = CalendarDate(checkedDayNumber: days) else { return nil }
        let minutes = (seconds - days * 86_400) / 60
        return LocalDateTime(date: date, time: ClockTime(hour: minutes / 60, minute: minutes % 60)!)
    }

    /// As `local(at:in:)`, nil when the clock would show a date outside years 1 to 9999.
    public static func checkedLocal(at seconds: Int, in zone: TimeZone) -> LocalDateTime? {
        checkedLocal(at: seconds, offset: offsetFunction(zone))
    }

    /// As `checkedLocal(at:in:)`, with the zone's offset at an instant given by `offset`.
    static func checkedLocal(at seconds: Int, offset: (Int) -> Int) -> LocalDateTime? {
        checkedLocalDateTime(naiveSeconds: seconds + offset(seconds))
    }

    /// The zone's offset east of UTC, in seconds, at an instant (seconds since 1970 UTC).
    static func offsetFunction(_ zone: TimeZone) -> (Int) -> Int {
        { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval($0))) }
    }

    /// What a clock in `zone` shows at the instant `seconds` (since 1970 UTC).
    public static func local(at seconds: Int, in zone: TimeZone) -> LocalDateTime {
        localDateTime(naiveSeconds: seconds + zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }

    /// The instant a clock in `zone` shows `local`, read as RFC 5545 reads local times (and as
    /// the exporters write them, `EventZone.offsetSeconds(at:)`): a time that occurs twice (autumn)
    /// is the first occurrence; a time that does not exist (spring gap) takes the offset in force
    /// before the gap. (The offset at `local` read as UTC is not enough: on 30 March 2025 in Europe,
    /// 01:30 local is still winter time although 01:30 UTC is already summer time.)
    public static func instant(of local: LocalDateTime, in zone: TimeZone) -> Int {
        instant(of: local, offset: offsetFunction(zone))
    }

    /// As `instant(of:in:)`, with the zone's offset at an instant given by `offset`.
    static func instant(of local: LocalDateTime, offset: (Int) -> Int) -> Int {
        let naive = naiveSeconds(local)
        // Offsets a day either side: real zones never change twice within two days.
        let before = offset(naive - 86_400)
        let after = offset(naive + 86_400)
        // The same offset both sides (no change that day, nearly always): the answer is that
        // offset whichever way the check below goes, so it is not made.
        if before == after { return naive - before }
        let valid = [before, after].filter { offset(naive - $0) == $0 }
        return naive - (valid.max() ?? before)
    }

    /// `local`, read in `source`, as a clock in `target` shows it.
    public static func convert(_ local: LocalDateTime, from source: TimeZone, to target: TimeZone) -> LocalDateTime {
        self.local(at: instant(of: local, in: source), in: target)
    }
}

/// A zone's offsets, remembered per quarter of an hour: asking Foundation for each of a thousand
/// sessions is a noticeable part of opening a large schedule, and offsets change only at
/// transitions, which fall on quarter hours of UTC.
final class ZoneClock {
    let zone: TimeZone
    private var offsets: [Int: Int] = [:]

    init(_ zone: TimeZone) { self.zone = zone }

    func offset(at instant: Int) -> Int {
        let quarter = Int((Double(instant) / 900).rounded(.down))
        if let offset = offsets[quarter] { return offset }
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(quarter * 900)))
        offsets[quarter] = offset
        return offset
    }

    func local(at instant: Int) -> LocalDateTime {
        TimeZones.localDateTime(naiveSeconds: instant + offset(at: instant))
    }
}

/// `TimeZone(identifier:)` answers, kept: the lookup reads the zone's rules each time, and lists
/// and frames ask for their events' zones per session. Bounded, as the names come from data.
final class ZoneNameCache: @unchecked Sendable {
    static let shared = ZoneNameCache()
    private let lock = NSLock()
    private var zones: [String: TimeZone?] = [:]
    private let capacity = 256

    func zone(named name: String) -> TimeZone? {
        lock.lock()
        if let known = zones[name] { lock.unlock(); return known }
        lock.unlock()
        let zone = TimeZone(identifier: name)
        lock.lock()
        if zones.count < capacity { zones[name] = zone }
        lock.unlock()
        return zone
    }
}

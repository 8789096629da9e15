import Foundation

/// An event's time zone as the dataset states it: an IANA name (`Europe/Berlin`) or a fixed
/// offset (`+01:00`). Turns the event's local wall-clock times into UTC offsets. An event with no
/// `timeZone` has no EventZone: its clock times, if any, stay floating and are never given an offset.
struct EventZone: Hashable, Sendable {
    /// Everything in one object: every export session holds its event's zone (twice, in `timing`
    /// and `zone`), and a copy of a struct of a String, a TimeZone and a cache retained three
    /// objects where this retains one.
    private let storage: Storage

    /// As the dataset writes it.
    var name: String { storage.name }
    /// Set for a fixed offset; nil for an IANA zone.
    var fixedOffsetSeconds: Int? { storage.fixedOffsetSeconds }

    private final class Storage: Sendable {
        let name: String
        let fixedOffsetSeconds: Int?
        let zone: TimeZone
        /// The offsets already asked of `zone`, per UTC day: an export asks for several per session.
        let offsets = DayOffsets()
        /// The offset of each UTC day from `firstDay` on, for the days of the event it was made
        /// for (`init(_:days:)`), worked out once before any session is written: read without a
        /// lock by every thread. `Int.min` for a day on which the offset changes.
        let firstDay: Int
        let dayOffsets: [Int]

        init(name: String, fixedOffsetSeconds: Int?, zone: TimeZone, days: ClosedRange<Int>?) {
            self.name = name; self.fixedOffsetSeconds = fixedOffsetSeconds; self.zone = zone
            guard fixedOffsetSeconds == nil, let days else { firstDay = 0; dayOffsets = []; return }
            firstDay = days.lowerBound
            dayOffsets = days.map { day in
                let start = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(day * 86_400)))
                let end = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(day * 86_400 + 86_399)))
                return start == end ? start : Int.min
            }
        }
    }

    init?(_ name: String?) { self.init(name, days: nil) }

    /// The zone of an event on `days`: the offsets of those days (and of a few around them, for
    /// sessions that end days later) are worked out at once, so that the look-ups of an export
    /// take no lock (`DayOffsets`, which the days outside still go through).
    init?(_ name: String?, days: DateRange?) {
        guard let name else { return nil }
        // Two days before (a look-up a day either side of a start), sixteen after (a session may
        // last fourteen days); at most a year and a half, whatever the dates say.
        let covered = days.map { range -> ClosedRange<Int> in
            let first = range.from.dayNumber - 2
            return first...max(first, min(range.to.dayNumber + 16, first + 550))
        }
        if let offset = Self.parseOffset(name) {
            guard let zone = TimeZone(secondsFromGMT: offset) else { return nil }
            storage = Storage(name: name, fixedOffsetSeconds: offset, zone: zone, days: nil)
        } else {
            guard let zone = TimeZone(identifier: name) else { return nil }
            storage = Storage(name: name, fixedOffsetSeconds: nil, zone: zone, days: covered)
        }
    }

    var isFixedOffset: Bool { fixedOffsetSeconds != nil }

    /// `±HH:MM` as the loader accepts it.
    private static func parseOffset(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 6, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"), bytes[3] == UInt8(ascii: ":"),
              let hours = Int(String(decoding: bytes[1..<3], as: UTF8.self)),
              let minutes = Int(String(decoding: bytes[4..<6], as: UTF8.self)) else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return bytes[0] == UInt8(ascii: "-") ? -seconds : seconds
    }

    /// Seconds since 1970 of `local` read as UTC: the starting point for finding its real instant.
    static func naiveSeconds(_ local: LocalDateTime) -> Int {
        local.date.dayNumber * 86_400 + local.time.minutesSinceMidnight * 60
    }

    /// The UTC offset in force at the local wall-clock time `local`, read as RFC 5545 reads
    /// local times: a time that occurs twice (autumn) is the first occurrence; a time that does
    /// not exist (spring gap) takes the offset in force before the gap.
    func offsetSeconds(at local: LocalDateTime) -> Int {
        if let fixedOffsetSeconds { return fixedOffsetSeconds }
        let naive = Self.naiveSeconds(local)
        // Offsets a day either side: real zones never change twice within two days.
        let before = offsetSeconds(atUTC: naive - 86_400)
        let after = offsetSeconds(atUTC: naive + 86_400)
        // The same offset either side (nearly always): whichever of the two reads back, the
        // answer is that offset, so the two read-back look-ups below are not needed.
        if before == after { return before }
        // The larger of the two that reads back, else the one before (no array per call).
        switch (offsetSeconds(atUTC: naive - before) == before, offsetSeconds(atUTC: naive - after) == after) {
        case (true, true): return max(before, after)
        case (false, true): return after
        default: return before
        }
    }

    /// Seconds since 1970 UTC of the local wall-clock time, read as `offsetSeconds(at:)` reads it.
    func utcSeconds(of local: LocalDateTime) -> Int { Self.naiveSeconds(local) - offsetSeconds(at: local) }

    /// What the event's clocks show at `seconds` since 1970 UTC.
    func local(atUTC seconds: Int) -> LocalDateTime { LocalDateTime(utcSeconds: seconds + offsetSeconds(atUTC: seconds)) }

    /// Whether the wall clock at `seconds` reads back as that instant. Not so in the hour the
    /// clocks repeat in autumn, the second time round: a local time there is read as its first occurrence.
    func localReadsBack(atUTC seconds: Int) -> Bool { offsetSeconds(at: local(atUTC: seconds)) == offsetSeconds(atUTC: seconds) }

    func offsetSeconds(atUTC seconds: Int) -> Int {
        let storage = storage
        if let fixedOffsetSeconds = storage.fixedOffsetSeconds { return fixedOffsetSeconds }
        // The same answer as `DayOffsets` gives for such a day (its one offset), without a lock.
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let place = day &- storage.firstDay
        if place >= 0 && place < storage.dayOffsets.count {
            let offset = storage.dayOffsets[place]
            if offset != Int.min { return offset }
        }
        let zone = storage.zone
        return storage.offsets.offset(atUTC: seconds) { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval($0))) }
    }

    // The zone is a function of the name (and the offset parsed from it): equal names, equal zones.
    static func == (a: EventZone, b: EventZone) -> Bool { a.name == b.name && a.fixedOffsetSeconds == b.fixedOffsetSeconds }
    func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(fixedOffsetSeconds)
    }

    func isDaylightSaving(atUTC seconds: Int) -> Bool {
        fixedOffsetSeconds == nil && storage.zone.isDaylightSavingTime(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// UTC instants (seconds since 1970) where the offset changes, after `from` and before `to`.
    func transitions(from: Int, to: Int) -> [Int] {
        guard fixedOffsetSeconds == nil else { return [] }
        var result: [Int] = []
        var cursor = Date(timeIntervalSince1970: TimeInterval(from))
        // Bounded: no real zone changes offset more than a few times a year.
        while result.count < 1000, let next = storage.zone.nextDaylightSavingTimeTransition(after: cursor),
              next.timeIntervalSince1970 < TimeInterval(to) {
            result.append(Int(next.timeIntervalSince1970))
            cursor = next
        }
        return result
    }

    /// `2024-12-27T10:30:00+01:00`: the local time with its offset, as schedule.xml/json write dates.
    func isoWithOffset(_ local: LocalDateTime) -> String {
        DateText.local(local) + ":00" + Self.offsetText(offsetSeconds(at: local))
    }

    /// The same for an instant: the wall clock then, with the offset then in force (which the
    /// local time alone does not give in the repeated hour of autumn).
    func isoWithOffset(utc seconds: Int) -> String {
        let offset = offsetSeconds(atUTC: seconds)
        return DateText.local(LocalDateTime(utcSeconds: seconds + offset)) + ":00" + Self.offsetText(offset)
    }

    /// `+01:00`, `-03:00`, `+05:45`.
    static func offsetText(_ seconds: Int, separator: String = ":") -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + twoDigits(minutes / 60) + separator + twoDigits(minutes % 60)
    }
}

/// A zone's UTC offset per UTC day, for the days where it is the same at both ends of the day.
/// As `EventZone.offsetSeconds(at:)` already assumes, real zones never change twice within two
/// days, so such a day has one offset throughout; a day with a change is asked of the zone each
/// time. Exports then ask Foundation's time zone a few times per day of the schedule instead of
/// several times per session.
final class DayOffsets: @unchecked Sendable {
    private var days: [Int: Int] = [:]
    /// The two days asked last and their offsets: a session's look-ups fall on a day and the days
    /// either side of it (`EventZone.offsetSeconds(at:)` asks a day before and a day after), and
    /// consecutive sessions nearly always on the same days, so most calls take the lock and
    /// compare one or two numbers, without hashing.
    private var lastDay = Int.min
    private var lastOffset = 0
    private var previousDay = Int.min
    private var previousOffset = 0
    private let lock = NSLock()

    func offset(atUTC seconds: Int, _ zoneOffset: (Int) -> Int) -> Int {
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        lock.lock()
        if day == lastDay {
            defer { lock.unlock() }
            return lastOffset
        }
        if day == previousDay {
            defer { lock.unlock() }
            let offset = previousOffset
            remember(day, offset)
            return offset
        }
        let known = days[day]
        if let known { remember(day, known) }
        lock.unlock()
        if let known { return known }
        let start = zoneOffset(day * 86_400)
        let end = zoneOffset(day * 86_400 + 86_399)
        guard start == end else { return zoneOffset(seconds) }
        lock.lock()
        days[day] = start
        remember(day, start)
        lock.unlock()
        return start
    }

    /// `day` becomes the last day asked; the last one before it, the previous. Called with the lock held.
    private func remember(_ day: Int, _ offset: Int) {
        (previousDay, previousOffset) = (lastDay, lastOffset)
        (lastDay, lastOffset) = (day, offset)
    }
}

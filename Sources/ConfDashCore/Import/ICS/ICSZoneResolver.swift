import Foundation

/// Knows what each TZID of a calendar means, and converts between the frames times are written in.
///
/// A TZID is looked up as an IANA name first (`Europe/Berlin`, also Mozilla's
/// `/mozilla.org/20050126_1/Europe/Berlin`), then through its VTIMEZONE: the IANA name in
/// X-LIC-LOCATION, else the VTIMEZONE's own STANDARD/DAYLIGHT rules (Outlook's
/// "W. Europe Standard Time" is only defined that way).
struct ICSZoneResolver {
    enum Clock {
        case system(TimeZone)
        case rules(VTimeZoneRules)
    }

    private var clocks: [String: Clock] = [:]
    /// The offsets of each IANA zone asked so far, by instant.
    private var systemOffsets: [String: RememberedOffsets] = [:]
    private(set) var unknown: Set<String> = []

    init(calendar: ICSComponent, tzids: Set<String>) {
        var definitions: [String: ICSComponent] = [:]
        for zone in calendar.children("VTIMEZONE") {
            if let id = zone.property("TZID")?.value.trimmingWhitespace { definitions[id] = zone }
        }
        for tzid in tzids {
            if let clock = Self.clock(tzid, definition: definitions[tzid]) { clocks[tzid] = clock } else { unknown.insert(tzid) }
            if case .system(let zone)? = clocks[tzid] { systemOffsets[tzid] = RememberedOffsets(zone) }
        }
    }

    private static func clock(_ tzid: String, definition: ICSComponent?) -> Clock? {
        if let zone = systemZone(tzid) { return .system(zone) }
        if let location = definition?.property("X-LIC-LOCATION")?.value, let zone = systemZone(location) { return .system(zone) }
        return definition.flatMap(VTimeZoneRules.init).map(Clock.rules)
    }

    /// An IANA zone named by `text`, also inside a path such as `/mozilla.org/20050126_1/America/New_York`.
    static func systemZone(_ text: String) -> TimeZone? {
        let name = text.trimmingWhitespace
        if let zone = TimeZones.zone(named: name) { return zone }
        let parts = name.split(separator: "/")
        // `>=`: `/Europe/Stockholm` (a bare path with a leading slash) is two parts, all of them the name.
        for count in [3, 2] where parts.count >= count {
            if let zone = TimeZones.zone(named: parts.suffix(count).joined(separator: "/")) { return zone }
        }
        return nil
    }

    func clock(_ tzid: String) -> Clock? { clocks[tzid] }

    /// The instant (seconds since 1970 UTC) of a wall-clock time in `frame`; nil for floating
    /// times and unknown zones, which have no instant.
    func instant(of local: LocalDateTime, in frame: ICSFrame) -> Int? {
        switch frame {
        case .utc: return TimeZones.naiveSeconds(local)
        case .floating: return nil
        case .zone(let tzid):
            if let offsets = systemOffsets[tzid] { return TimeZones.instant(of: local, offset: offsets.offset) }
            switch clocks[tzid] {
            case .system(let zone)?: return TimeZones.instant(of: local, in: zone)
            case .rules(let rules)?: return TimeZones.naiveSeconds(local) - rules.offset(atLocal: local)
            case nil: return nil
            }
        }
    }

    /// The wall clock in `frame` at `instant`; nil for floating and unknown zones.
    func local(at instant: Int, in frame: ICSFrame) -> LocalDateTime? {
        switch frame {
        case .utc: return TimeZones.localDateTime(naiveSeconds: instant)
        case .floating: return nil
        case .zone(let tzid):
            if let offsets = systemOffsets[tzid] { return TimeZones.localDateTime(naiveSeconds: instant + offsets.offset(instant)) }
            switch clocks[tzid] {
            case .system(let zone)?: return TimeZones.local(at: instant, in: zone)
            case .rules(let rules)?: return TimeZones.localDateTime(naiveSeconds: instant + rules.offset(atInstant: instant))
            case nil: return nil
            }
        }
    }

    /// `time` as a wall clock in `frame`: converted through its instant when both have one, else
    /// as written (a floating time is the same wall clock in every frame).
    func local(_ time: LocalDateTime, from source: ICSFrame, to target: ICSFrame) -> LocalDateTime {
        guard source != target, let instant = instant(of: time, in: source), let converted = local(at: instant, in: target) else { return time }
        return converted
    }

    /// A start as sessions show it: like `local(_:from:to:)`, and also within one zone a time in
    /// the hour the clocks skip (02:30 on the night summer time starts) is the instant RFC 5545
    /// says it is, shown as the clock shows it then (03:30), as schedule.xml dates are.
    func shown(_ time: LocalDateTime, from source: ICSFrame, in target: ICSFrame) -> LocalDateTime {
        guard let instant = instant(of: time, in: source), let converted = local(at: instant, in: target) else { return time }
        return converted
    }
}

/// A zone's offset at each instant asked, remembered: a calendar's sessions start at a few
/// hundred distinct times, and each is converted several times (start, end, shown), where asking
/// Foundation each time was a third of reading an event. Exact (no rounding of the instant), and
/// bounded: the memory is emptied when it fills.
final class RememberedOffsets {
    private let zone: TimeZone
    private var offsets: [Int: Int] = [:]
    static let capacity = 8192

    init(_ zone: TimeZone) { self.zone = zone }

    func offset(_ instant: Int) -> Int {
        if let offset = offsets[instant] { return offset }
        if offsets.count >= Self.capacity { offsets.removeAll(keepingCapacity: true) }
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
        offsets[instant] = offset
        return offset
    }
}

/// A VTIMEZONE's own rules: its STANDARD and DAYLIGHT observances, each starting at DTSTART and
/// repeating yearly on an RRULE such as `FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU`, or on RDATEs.
struct VTimeZoneRules {
    struct Observance {
        var start: LocalDateTime
        var offsetFrom: Int
        var offsetTo: Int
        /// Month and nth weekday (`-1SU` = last Sunday) or day of month, each year from `start`.
        var month: Int?
        var weekday: (ordinal: Int, weekday: Int)?
        var monthDay: Int?
        var until: CalendarDate?
        var dates: [LocalDateTime]
    }

    let observances: [Observance]

    init?(_ zone: ICSComponent) {
        observances = zone.children.compactMap(Self.observance)
        if observances.isEmpty { return nil }
    }

    private static func observance(_ component: ICSComponent) -> Observance? {
        guard component.name == "STANDARD" || component.name == "DAYLIGHT",
              let startValue = component.property("DTSTART"), let startTime = ICSValues.time(startValue.value, parameters: startValue.parameters),
              let to = component.property("TZOFFSETTO").flatMap({ offset($0.value) }) else { return nil }
        // Evolution writes `DTSTART;VALUE=DATE:19700101`: the observance starts at that midnight.
        let start: LocalDateTime
        switch startTime {
        case .dateTime(let local, _): start = local
        case .date(let date): start = LocalDateTime(date: date, time: ClockTime(hour: 0, minute: 0)!)
        }
        let from = component.property("TZOFFSETFROM").flatMap { offset($0.value) } ?? to
        var observance = Observance(start: start, offsetFrom: from, offsetTo: to, dates: [])
        for rdate in component.properties("RDATE") {
            for value in rdate.value.split(separator: ",") {
                if case let .dateTime(local, _)? = ICSValues.time(String(value), parameters: [:]) { observance.dates.append(local) }
            }
        }
        if let rule = component.property("RRULE")?.value {
            let parts = RecurrenceRule.parts(rule)
            guard parts["FREQ"] == "YEARLY" else { return observance }
            observance.month = parts["BYMONTH"].flatMap { Int($0) }
            observance.monthDay = parts["BYMONTHDAY"].flatMap { Int($0) }
            observance.weekday = parts["BYDAY"].flatMap(RecurrenceRule.weekday)
            observance.until = parts["UNTIL"].flatMap { ICSValues.time($0, parameters: [:])?.date }
        }
        return observance
    }

    /// `+0100`, `-0500`, `+053000` in seconds.
    static func offset(_ text: String) -> Int? {
        let bytes = Array(text.trimmingWhitespace.utf8)
        guard bytes.count == 5 || bytes.count == 7, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"),
              bytes.dropFirst().allSatisfy(\.isASCIIDigit) else { return nil }
        let digits = bytes.dropFirst().map { Int($0 - 48) }
        let seconds = (digits[0] * 10 + digits[1]) * 3600 + (digits[2] * 10 + digits[3]) * 60 + (digits.count == 6 ? digits[4] * 10 + digits[5] : 0)
        guard seconds <= 18 * 3600 else { return nil }
        return bytes[0] == UInt8(ascii: "-") ? -seconds : seconds
    }

    /// The offset in force at a wall-clock time: that of the latest observance onset not after it.
    func offset(atLocal local: LocalDateTime) -> Int {
        var latest: (onset: LocalDateTime, offset: Int)?
        for observance in observances {
            for onset in onsets(observance, near: local.date.year) where onset <= local {
                if latest == nil || onset > latest!.onset { latest = (onset, observance.offsetTo) }
            }
        }
        return latest?.offset ?? observances.min { $0.start < $1.start }!.offsetFrom
    }

    func offset(atInstant instant: Int) -> Int {
        let guess = offset(atLocal: TimeZones.localDateTime(naiveSeconds: instant + observances[0].offsetTo))
        return offset(atLocal: TimeZones.localDateTime(naiveSeconds: instant + guess))
    }

    private func onsets(_ observance: Observance, near year: Int) -> [LocalDateTime] {
        var result = [observance.start] + observance.dates
        guard let month = observance.month else { return result }
        for candidateYear in [year - 1, year] where candidateYear >= observance.start.date.year {
            guard let date = Self.date(year: candidateYear, month: month, weekday: observance.weekday, monthDay: observance.monthDay),
                  observance.until.map({ date <= $0 }) ?? true else { continue }
            result.append(LocalDateTime(date: date, time: observance.start.time))
        }
        return result
    }

    /// The nth weekday of a month (negative n counts from the end), or a fixed day of the month.
    static func date(year: Int, month: Int, weekday: (ordinal: Int, weekday: Int)?, monthDay: Int?) -> CalendarDate? {
        guard (1...12).contains(month), (1...9999).contains(year) else { return nil }
        if let monthDay { return CalendarDate(year: year, month: month, day: monthDay) }
        guard let (ordinal, day) = weekday, ordinal != 0, abs(ordinal) <= 5 else { return nil }
        if ordinal > 0 {
            let first = CalendarDate(year: year, month: month, day: 1)!
            let date = first.adding(days: (day - first.isoWeekday + 7) % 7 + 7 * (ordinal - 1))
            return date.month == month ? date : nil
        }
        let last = CalendarDate(year: year, month: month, day: CalendarDate.daysInMonth(year: year, month: month))!
        let date = last.adding(days: -((last.isoWeekday - day + 7) % 7) - 7 * (-ordinal - 1))
        return date.month == month ? date : nil
    }
}

import Foundation

/// A day in the proleptic Gregorian calendar, with no time and no zone: what the seeds give
/// ("du 18 au 22 mars 2024"). Written as `YYYY-MM-DD` in JSON.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// `year << 9 | month << 5 | day` in one `Int` rather than three (issue 13: every session holds
    /// a day and a start, 100,000 of them at once). Every date is a real one (month 1–12, day
    /// 1–31), so comparing the packed values orders dates as their day numbers do, and two dates
    /// are equal when their packed values are. The year keeps its sign and 54 bits: the dates
    /// anything computes stay within a few million years of 1 to 9999.
    fileprivate let packed: Int

    public var year: Int { packed >> 9 }
    public var month: Int { (packed >> 5) & 0xF }
    public var day: Int { packed & 0x1F }

    /// A date already known to exist.
    private init(unchecked year: Int, month: Int, day: Int) { packed = year << 9 | month << 5 | day }

    /// The packed value, for `StoredDate`.
    fileprivate init(packed: Int) { self.packed = packed }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        self.init(unchecked: year, month: month, day: day)
    }

    /// Hashed as the three numbers it was stored as before it was packed: the same hash values.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(year)
        hasher.combine(month)
        hasher.combine(day)
    }

    /// The years a date read from a file may have. One year short of the model's range at each
    /// end, so that nothing computed from such a date (a conversion to another zone, an end after
    /// a 14-day session, the year after it on the timeline) can leave years 1 to 9999.
    public static let readableYears = 2...9998

    /// A date read from a file: nil when it does not exist or its year is outside `readableYears`.
    public init?(readingYear year: Int, month: Int, day: Int) {
        guard Self.readableYears.contains(year) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date `dayNumber` days after 1970-01-01, or nil when it is outside years 1 to 9999.
    public init?(checkedDayNumber dayNumber: Int) {
        guard (Self.firstDayNumber...Self.lastDayNumber).contains(dayNumber) else { return nil }
        self.init(dayNumber: dayNumber)
    }

    static let firstDayNumber = CalendarDate(year: 1, month: 1, day: 1)!.dayNumber
    static let lastDayNumber = CalendarDate(year: 9999, month: 12, day: 31)!.dayNumber

    /// Parses exactly `YYYY-MM-DD`, a year within `readableYears`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(readingYear: y, month: m, day: d)
    }

    /// Written digit by digit by `DateText` (String(format:) went through Foundation and was most
    /// of writing a state file's change times and building session keys).
    public var iso: String {
        guard (0...9999).contains(year) else { return String(format: "%04d-%02d-%02d", year, month, day) }
        return DateText.iso(self)
    }
    public var description: String { iso }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil), for differences and weekdays.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }
    public func days(since other: CalendarDate) -> Int { dayNumber - other.dayNumber }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int { ((dayNumber % 7) + 7 + 3) % 7 + 1 }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.packed < b.packed }
}

/// A `CalendarDate?` in 8 bytes: `Optional` adds a byte to the `Int`, which the alignment of
/// what follows makes 8 (`Session.Fields` holds two). No date packs to `Int.min`, whose low
/// bits are all zero: a date's month is at least 1.
struct StoredDate: Equatable, Sendable {
    private let raw: Int

    init(_ date: CalendarDate?) { raw = date?.packed ?? .min }

    var date: CalendarDate? { raw == .min ? nil : CalendarDate(packed: raw) }
}

extension CalendarDate: Codable {
    public init(from decoder: Decoder) throws {
        self = try TextCoding.decode(decoder, expecting: "a date as YYYY-MM-DD", CalendarDate.init(iso:))
    }

    public func encode(to encoder: Encoder) throws { try TextCoding.encode(iso, to: encoder) }
}

/// Values JSON holds as one string (a date, a clock time): read back with a message that says
/// which form was expected, written as that string.
enum TextCoding {
    static func decode<Value>(_ decoder: Decoder, expecting form: String, _ parse: (String) -> Value?) throws -> Value {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected \(form), found \"\(text)\"")
        }
        return value
    }

    static func encode(_ text: String, to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// A local wall-clock time on a day, `HH:MM` (seconds dropped), in the event's time zone.
public struct ClockTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    // Two bytes rather than two `Int`s: every timed session holds one (issue 13).
    private let storedHour: UInt8
    private let storedMinute: UInt8

    public var hour: Int { Int(storedHour) }
    public var minute: Int { Int(storedMinute) }

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        storedHour = UInt8(hour)
        storedMinute = UInt8(minute)
    }

    /// Hashed as the two `Int`s it was stored as before: the same hash values.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(hour)
        hasher.combine(minute)
    }

    /// Accepts `HH:MM` and `HH:MM:SS` (ASCII digits, two each).
    public init?(text: String) {
        // Read from the bytes: every session of a schedule has one, and splitting it into
        // Substrings of Characters cost ten thousand instructions a time.
        var text = text
        let parsed: (hour: Int, minute: Int)? = text.withUTF8 { bytes in
            guard bytes.count == 5 || bytes.count == 8 else { return nil }
            func number(_ at: Int) -> Int? {
                let tens = bytes[at], units = bytes[at + 1]
                guard tens.isASCIIDigit, units.isASCIIDigit else { return nil }
                return Int(tens - 48) * 10 + Int(units - 48)
            }
            guard bytes[2] == UInt8(ascii: ":"), let hour = number(0), let minute = number(3) else { return nil }
            if bytes.count == 8 {
                guard bytes[5] == UInt8(ascii: ":"), let second = number(6), second <= 59 else { return nil }
            }
            return (hour, minute)
        }
        guard let parsed else { return nil }
        self.init(hour: parsed.hour, minute: parsed.minute)
    }

    static let midnight = ClockTime(hour: 0, minute: 0)!

    public var minutesSinceMidnight: Int { hour * 60 + minute }
    /// Written digit by digit: String(format:) went through Foundation and showed in profiles.
    public var description: String {
        let digits: [UInt8] = [UInt8(48 + hour / 10), UInt8(48 + hour % 10), 58, UInt8(48 + minute / 10), UInt8(48 + minute % 10)]
        return String(decoding: digits, as: UTF8.self)
    }
    public static func < (a: ClockTime, b: ClockTime) -> Bool { a.minutesSinceMidnight < b.minutesSinceMidnight }

    public init(from decoder: Decoder) throws {
        self = try TextCoding.decode(decoder, expecting: "a time as HH:MM", ClockTime.init(text:))
    }

    public func encode(to encoder: Encoder) throws { try TextCoding.encode(description, to: encoder) }
}

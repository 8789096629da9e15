/// Dates and times written digit by digit. Exports write several per session, and
/// `String(format:)` was the largest single cost of exporting a 1000-session schedule; these give
/// the same text without it. `CalendarDate.iso` and the state file's change times use them too.
enum DateText {
    /// `2024-12-27`.
    static func iso(_ date: CalendarDate) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        append(date, separator: UInt8(ascii: "-"), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `20241227`, iCalendar's DATE.
    static func compact(_ date: CalendarDate) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8)
        append(date, separator: nil, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `10:30`.
    static func time(_ time: ClockTime) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(5)
        digits(time.hour, 2, &bytes)
        bytes.append(UInt8(ascii: ":"))
        digits(time.minute, 2, &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `2024-12-27T10:30`, as `LocalDateTime.description` writes it.
    static func local(_ local: LocalDateTime) -> String { iso(local.date) + "T" + time(local.time) }

    private static func append(_ date: CalendarDate, separator: UInt8?, to bytes: inout [UInt8]) {
        digits(date.year, 4, &bytes)
        if let separator { bytes.append(separator) }
        digits(date.month, 2, &bytes)
        if let separator { bytes.append(separator) }
        digits(date.day, 2, &bytes)
    }

    /// `value` in at least `width` decimal digits, zero-padded.
    static func digits(_ value: Int, _ width: Int, _ bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while value / divisor >= 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}

/// `7` → `"07"`, `42` → `"42"`: hours, minutes, seconds and offsets in exports and the state file.
func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

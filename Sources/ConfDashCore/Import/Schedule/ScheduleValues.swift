/// A date-time as a schedule file writes it: the wall clock as written, and the UTC offset when
/// one is given (`+01:00`, `Z`). Without an offset the time is "floating": it is read in the
/// event's zone as it stands.
struct WrittenDateTime: Equatable {
    var local: LocalDateTime
    var offsetSeconds: Int?

    /// Seconds since 1970 UTC, when the offset makes the instant known.
    var instant: Int? { offsetSeconds.map { TimeZones.naiveSeconds(local) - $0 } }
}

/// Parsers for the small values of frab/pretalx schedules. Each returns nil for text it cannot
/// read; the caller reports it with the place it came from.
enum ScheduleValues {
    /// `2024-12-27T10:30:00+01:00`, `2024-12-27T10:30`, `2024-12-27 10:30:00.000Z`, `…+0100`, `…+01`.
    static func dateTime(_ text: String) -> WrittenDateTime? {
        // Read from the string's own bytes: an array of them, and another of the offset's, were
        // two allocations per session date (1,660 instructions a date; issue 13).
        var text = text
        return text.withUTF8 { dateTime($0) }
    }

    /// `dateTime(_:)` of UTF-8 bytes.
    static func dateTime(_ bytes: UnsafeBufferPointer<UInt8>) -> WrittenDateTime? {
        guard bytes.count >= 16, let century = twoDigits(bytes, 0), let year = twoDigits(bytes, 2), bytes[4] == UInt8(ascii: "-"),
              let month = twoDigits(bytes, 5), bytes[7] == UInt8(ascii: "-"), let dayOfMonth = twoDigits(bytes, 8),
              let date = CalendarDate(readingYear: century * 100 + year, month: month, day: dayOfMonth),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              let hour = twoDigits(bytes, 11), bytes[13] == UInt8(ascii: ":"), let minute = twoDigits(bytes, 14),
              let time = ClockTime(hour: hour, minute: minute) else { return nil }
        var index = 16
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard let second = twoDigits(bytes, index + 1), second <= 60 else { return nil }
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
                index += 1
                while index < bytes.count, bytes[index].isASCIIDigit { index += 1 }
            }
        }
        let local = LocalDateTime(date: date, time: time)
        guard index < bytes.count else { return WrittenDateTime(local: local, offsetSeconds: nil) }
        guard let offset = offset(UnsafeBufferPointer(rebasing: bytes[index...])) else { return nil }
        return WrittenDateTime(local: local, offsetSeconds: offset)
    }

    /// `Z`, `+01:00`, `+0100`, `+01`, `-03:30`.
    private static func offset(_ rest: UnsafeBufferPointer<UInt8>) -> Int? {
        if rest.count == 1 && (rest[0] == UInt8(ascii: "Z") || rest[0] == UInt8(ascii: "z")) { return 0 }
        guard let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
              let hours = twoDigits(rest, 1), hours <= 14 else { return nil }
        var minutes = 0
        switch rest.count {
        case 3: break
        case 5: guard let value = twoDigits(rest, 3) else { return nil }; minutes = value
        case 6: guard rest[3] == UInt8(ascii: ":"), let value = twoDigits(rest, 4) else { return nil }; minutes = value
        default: return nil
        }
        guard minutes < 60 else { return nil }
        return (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    @inline(__always)
    private static func twoDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int? {
        guard index + 1 < bytes.count, bytes[index].isASCIIDigit, bytes[index + 1].isASCIIDigit else { return nil }
        return Int(bytes[index] - 48) * 10 + Int(bytes[index + 1] - 48)
    }

    /// A plain date, or the date of a date-time written with one.
    static func date(_ text: String) -> CalendarDate? {
        CalendarDate(iso: String(text.prefix(10)))
    }

    /// `10:30` or `10:30:00`; frab writes hours with two digits, some tools with one.
    static func clock(_ text: String) -> ClockTime? {
        // Counted in bytes: only ASCII digits and colons can make a time, and there the two agree.
        ClockTime(text: text.utf8.count == 4 || text.utf8.count == 7 ? "0" + text : text)
    }

    /// Longest duration believed: anything longer is surely a mistyped value.
    static let maximumDurationMinutes = Session.maximumDurationMinutes

    /// Durations as real schedules write them:
    /// - `HH:MM` (frab, the schema): `00:45`, `01:30`, also `105:00`;
    /// - `HH:MM:SS` (older frab, Pentabarf): `01:30:00`;
    /// - `D:HH:MM` (pretalx, for a day or more): `1:02:00` is 26 hours. pretalx writes the days
    ///   unpadded and pads the hours, so a one-digit first part followed by an hour (00–23) reads as
    ///   days; `0:45:00` and `01:30:00` read as hours.
    static func durationMinutes(_ text: String) -> Int? {
        // Parts of one to three ASCII digits, read from the bytes (no Substrings of Characters,
        // no array of parts: an allocation per session).
        var trimmed = text.trimmingWhitespace
        return trimmed.withUTF8 { durationMinutes($0) }
    }

    /// `durationMinutes(_:)` of UTF-8 bytes already trimmed.
    static func durationMinutes(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // At most four parts are read (three colons); four are refused below.
        var values = (0, 0, 0, 0), counts = (0, 0, 0, 0)
        var count = 0
        var value = 0, digits = 0
        func store() {
            switch count {
            case 0: values.0 = value; counts.0 = digits
            case 1: values.1 = value; counts.1 = digits
            case 2: values.2 = value; counts.2 = digits
            default: values.3 = value; counts.3 = digits
            }
            count += 1
        }
        for byte in bytes {
            if byte == UInt8(ascii: ":") {
                guard digits > 0, count < 3 else { return nil }
                store()
                value = 0
                digits = 0
            } else {
                guard byte.isASCIIDigit, digits < 3 else { return nil }
                value = value * 10 + Int(byte - 48)
                digits += 1
            }
        }
        guard digits > 0 else { return nil }
        store()
        let minutes: Int
        switch count {
        case 2:
            guard counts.1 == 2, values.1 < 60 else { return nil }
            minutes = values.0 * 60 + values.1
        case 3:
            guard counts.1 == 2, counts.2 <= 2, values.1 < 60, values.2 < 60 else { return nil }
            if counts.0 == 1, values.0 > 0, values.1 < 24, counts.2 == 2 {
                minutes = values.0 * 1440 + values.1 * 60 + values.2
            } else {
                minutes = values.0 * 60 + values.1  // seconds dropped: the model counts minutes
            }
        default:
            return nil
        }
        return minutes <= maximumDurationMinutes ? minutes : nil
    }
}

extension String {
    var trimmingWhitespace: String {
        // Most values have nothing to trim: plain ASCII at both ends answers without Unicode tables.
        // Both ends read from the bytes in place (`utf8.last` went through the view's generic
        // index arithmetic: ~80 instructions, several times per session field; issue 13).
        let ends = utf8.withContiguousStorageIfAvailable { bytes -> (UInt8, UInt8)? in
            bytes.isEmpty ? nil : (bytes[0], bytes[bytes.count - 1])
        } ?? utf8.first.map { ($0, utf8.last!) }
        if let (first, last) = ends, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}

import Foundation

/// A DATE or DATE-TIME value of iCalendar, in the frame it was written in.
enum ICSTime: Equatable {
    /// `VALUE=DATE`: a whole day, no clock time.
    case date(CalendarDate)
    /// A wall-clock time: UTC (`…Z`), in the zone named by TZID, or floating (neither).
    case dateTime(LocalDateTime, ICSFrame)

    var date: CalendarDate {
        switch self {
        case .date(let date): return date
        case .dateTime(let local, _): return local.date
        }
    }
}

/// Which clock an iCalendar time is read on.
enum ICSFrame: Hashable {
    case utc
    /// TZID as written (resolved by `ICSZoneResolver`).
    case zone(String)
    /// No zone at all: "10:00 wherever you are" (RFC 5545 §3.3.5, form #1).
    case floating
}

/// Readers for iCalendar property values. Each returns nil for a value it cannot read.
enum ICSValues {
    /// DTSTART/DTEND/RECURRENCE-ID/EXDATE…: `20241227`, `20241227T103000`, `20241227T103000Z`, with
    /// TZID and VALUE=DATE taken from the property's parameters.
    static func time(_ text: String, parameters: ICSParameters) -> ICSTime? {
        let bytes = Array(text.trimmingWhitespace.utf8)
        guard bytes.count >= 8, let date = date(bytes) else { return nil }
        if bytes.count == 8 { return .date(date) }
        guard parameters["VALUE"]?.first?.uppercased() != "DATE",
              bytes.count == 15 || (bytes.count == 16 && (bytes[15] == UInt8(ascii: "Z") || bytes[15] == UInt8(ascii: "z"))),
              bytes[8] == UInt8(ascii: "T") || bytes[8] == UInt8(ascii: "t"),
              let hour = number(bytes[9..<11]), let minute = number(bytes[11..<13]), let second = number(bytes[13..<15]), second <= 60,
              let time = ClockTime(hour: hour, minute: minute) else { return nil }
        let frame: ICSFrame
        if bytes.count == 16 { frame = .utc }
        else if let tzid = parameters["TZID"]?.first, !tzid.isEmpty { frame = .zone(tzid) }
        else { frame = .floating }
        return .dateTime(LocalDateTime(date: date, time: time), frame)
    }

    private static func date(_ bytes: [UInt8]) -> CalendarDate? {
        guard let year = number(bytes[0..<4]), let month = number(bytes[4..<6]), let day = number(bytes[6..<8]) else { return nil }
        return CalendarDate(readingYear: year, month: month, day: day)
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard bytes.allSatisfy(\.isASCIIDigit) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    /// DURATION (RFC 5545 §3.3.6): `PT45M`, `PT1H30M`, `P1D`, `P2W`, `-PT15M`; in seconds.
    /// Values beyond a year are refused, so arithmetic on them cannot overflow.
    static func durationSeconds(_ text: String) -> Int? {
        var bytes = Array(text.trimmingWhitespace.uppercased().utf8)[...]
        var sign = 1
        if bytes.first == UInt8(ascii: "-") { sign = -1; bytes = bytes.dropFirst() }
        else if bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        guard bytes.first == UInt8(ascii: "P"), bytes.count > 1 else { return nil }
        bytes = bytes.dropFirst()
        var total = 0
        var number: Int?
        var inTime = false
        var parts = 0
        for byte in bytes {
            if byte.isASCIIDigit {
                number = (number ?? 0) * 10 + Int(byte - 48)
                guard number! <= 1_000_000 else { return nil }
                continue
            }
            if byte == UInt8(ascii: "T") && number == nil && !inTime { inTime = true; continue }
            guard let value = number else { return nil }
            switch (byte, inTime) {
            case (UInt8(ascii: "W"), false): total += value * 7 * 86_400
            case (UInt8(ascii: "D"), false): total += value * 86_400
            case (UInt8(ascii: "H"), true): total += value * 3600
            case (UInt8(ascii: "M"), true): total += value * 60
            case (UInt8(ascii: "S"), true): total += value
            default: return nil
            }
            number = nil
            parts += 1
        }
        guard number == nil, parts > 0, total <= 366 * 86_400 else { return nil }
        return sign * total
    }

    /// TEXT values: `\n` and `\N` are line breaks, `\,` `\;` `\\` the characters themselves.
    static func text(_ raw: String) -> String {
        guard contains(UInt8(ascii: "\\"), in: raw) else { return raw }
        return bytewiseText(raw) ?? characterwiseText(raw)
    }

    /// Whether `text` holds `byte`, found with `memchr` rather than one byte at a time.
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        } ?? text.utf8.contains(byte)
    }

    /// `text` read character by character: the definition, and the way for what `bytewiseText` declines.
    static func characterwiseText(_ raw: String) -> String {
        var result = ""
        var escaped = false
        for character in raw {
            if escaped {
                switch character {
                case "n", "N": result.append("\n")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        if escaped { result.append("\\") }
        return result
    }

    /// `text(raw)` worked out on bytes, or nil when a byte loop could read it otherwise.
    ///
    /// `text` walks characters (grapheme clusters), so a backslash that a non-ASCII scalar joins
    /// (a Prepend before it, a combining mark after it) is no escape, and `\n` with a mark on the
    /// `n` is not a line break. Where every backslash that starts an escape has an ASCII byte
    /// before it (or none) and after it, and a line-break escape has no non-ASCII byte right after
    /// it, characters and bytes agree; anything else gets nil and the character loop. Character
    /// by character, a calendar's descriptions were a third of reading it.
    static func bytewiseText(_ raw: String) -> String? {
        var raw = raw
        return raw.withUTF8 { bytes -> String? in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == UInt8(ascii: "\\") else {
                    result.append(byte)
                    index += 1
                    continue
                }
                if index > 0 && bytes[index - 1] >= 0x80 { return nil }
                guard index + 1 < bytes.count else {
                    result.append(byte)  // a backslash at the end stays
                    break
                }
                let escaped = bytes[index + 1]
                guard escaped < 0x80 else { return nil }
                let isBreak = escaped == UInt8(ascii: "n") || escaped == UInt8(ascii: "N")
                if isBreak && index + 2 < bytes.count && bytes[index + 2] >= 0x80 { return nil }
                result.append(isBreak ? 0x0A : escaped)
                index += 2
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// A list value such as CATEGORIES: split at commas that are not escaped, each part unescaped.
    static func list(_ raw: String) -> [String] {
        (bytewiseParts(raw) ?? characterwiseParts(raw)).map { text($0).trimmingWhitespace }.filter { !$0.isEmpty }
    }

    /// The parts of a list value, split character by character: the definition.
    static func characterwiseParts(_ raw: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaped = false
        for character in raw {
            if escaped {
                current.append("\\")
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "," {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }

    /// `characterwiseParts(raw)` worked out on bytes, or nil when a byte loop could split otherwise:
    /// a comma or backslash is a character of its own when the bytes around it are ASCII (a
    /// non-ASCII scalar before or after may join it into one grapheme cluster); where they all
    /// are, bytes and characters split alike.
    static func bytewiseParts(_ raw: String) -> [String]? {
        var raw = raw
        return raw.withUTF8 { bytes -> [String]? in
            var parts: [String] = []
            var current: [UInt8] = []
            var escaped = false
            for index in bytes.indices {
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\\") {
                    if index > 0 && bytes[index - 1] >= 0x80 { return nil }
                    if index + 1 < bytes.count && bytes[index + 1] >= 0x80 { return nil }
                }
                if escaped {
                    current.append(UInt8(ascii: "\\"))
                    current.append(byte)
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: ",") {
                    parts.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                } else {
                    current.append(byte)
                }
            }
            parts.append(String(decoding: current, as: UTF8.self))
            return parts
        }
    }
}

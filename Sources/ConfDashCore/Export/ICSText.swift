/// iCalendar content lines (RFC 5545 §3.1): CRLF line ends, lines folded at 75 octets without
/// splitting a UTF-8 sequence, and TEXT values escaped.
struct ICSText {
    /// Built as UTF-8 bytes: folding counts octets, and appending bytes is cheap.
    private var bytes: [UInt8] = []

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Adds `NAME[;PARAMS]:value` with `value` written as it is (dates, URIs, already escaped text).
    mutating func raw(_ name: String, _ value: String) {
        Self.appendFolded(name + ":" + value, to: &bytes)
    }

    /// Adds a TEXT property, escaped.
    mutating func text(_ name: String, _ value: String) { raw(name, Self.escape(value)) }

    /// A list of TEXT values (CATEGORIES): each escaped, separated by unescaped commas.
    mutating func list(_ name: String, _ values: [String]) { raw(name, values.map(Self.escape).joined(separator: ",")) }

    /// TEXT escaping (§3.3.11): backslash, semicolon and comma are escaped; every line break
    /// (CRLF, LF or CR) becomes `\n`. Other control characters are not allowed in TEXT and are dropped.
    static func escape(_ value: String) -> String {
        // Everything to change is ASCII, so bytes will do, and most values need nothing.
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") })
        else { return value }
        var result: [UInt8] = []
        result.reserveCapacity(value.utf8.count + 16)
        var afterCR = false
        for byte in value.utf8 {
            defer { afterCR = byte == 0x0D }
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","): result += [UInt8(ascii: "\\"), byte]
            case 0x0D: result += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0A: if !afterCR { result += [UInt8(ascii: "\\"), UInt8(ascii: "n")] }
            case 0x09: result.append(byte)
            case 0..<0x20, 0x7F: continue
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Folds a content line: no physical line longer than 75 octets (the leading space of a
    /// continuation counts), and never a break inside a UTF-8 sequence, so a character stays whole.
    static func appendFolded(_ line: String, to bytes: inout [UInt8]) {
        let line = Array(line.utf8)
        var start = 0
        var limit = 75
        while start < line.count {
            var end = min(start + limit, line.count)
            // Back up over continuation bytes (10xxxxxx) to the start of the character.
            while end < line.count && end > start && line[end] & 0xC0 == 0x80 { end -= 1 }
            if start > 0 { bytes += [0x0D, 0x0A, 0x20] }
            bytes += line[start..<end]
            start = end
            limit = 74
        }
        bytes += [0x0D, 0x0A]
    }

    static func appendFolded(_ line: String, to text: inout String) {
        var bytes: [UInt8] = []
        appendFolded(line, to: &bytes)
        text += String(decoding: bytes, as: UTF8.self)
    }

    /// `20241227T103000`: a local date-time value.
    static func dateTime(_ local: LocalDateTime) -> String {
        DateText.compact(local.date) + "T" + twoDigits(local.time.hour) + twoDigits(local.time.minute) + "00"
    }

    /// `20241227`: a DATE value.
    static func date(_ date: CalendarDate) -> String { DateText.compact(date) }

    /// `+0100`, `-0330`: an UTC-OFFSET value.
    static func offset(_ seconds: Int) -> String {
        var text = EventZone.offsetText(seconds, separator: "")
        if abs(seconds) % 60 != 0 { text += twoDigits(abs(seconds) % 60) }
        return text
    }
}

extension LocalDateTime {
    /// The local date-time `seconds` since 1970 shows on a clock at UTC offset 0.
    init(utcSeconds seconds: Int) {
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let minutes = (seconds - days * 86_400) / 60
        self.init(date: CalendarDate(dayNumber: days), time: ClockTime(hour: minutes / 60, minute: minutes % 60)!)
    }
}

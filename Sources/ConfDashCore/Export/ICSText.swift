/// iCalendar content lines (RFC 5545 §3.1): CRLF line ends, lines folded at 75 octets without
/// splitting a UTF-8 sequence, and TEXT values escaped.
struct ICSText {
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
        var line = line
        line.withUTF8 { fold($0, into: &bytes) }
        bytes += [0x0D, 0x0A]
    }

    /// The line's bytes with a CRLF and a space wherever it is folded; no line end after the last part.
    static func fold<Sink: JSONByteSink>(_ line: UnsafeBufferPointer<UInt8>, into bytes: inout Sink) {
        var start = 0
        var limit = 75
        while start < line.count {
            var end = min(start + limit, line.count)
            // Back up over continuation bytes (10xxxxxx) to the start of the character.
            while end < line.count && end > start && line[end] & 0xC0 == 0x80 { end -= 1 }
            if start > 0 { bytes.append(0x0D); bytes.append(0x0A); bytes.append(0x20) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[start..<end]))
            start = end
            limit = 74
        }
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

/// iCalendar content lines written straight into an export's output.
extension ExportOutput {
    /// One content line: `write` appends `NAME[;PARAMS]:value`, which is then folded in place
    /// (only lines over 75 octets are touched) and ended with CRLF.
    mutating func icsLine(_ write: (inout ExportOutput) -> Void) {
        let start = bytes.count
        write(&self)
        if bytes.count - start > 75 {
            // Moved aside into a buffer kept from line to line (no array per long line), then folded back.
            scratch.removeAll(keepingCapacity: true)
            bytes.withUnsafeBufferPointer { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start...])) }
            bytes.removeSubrange(start...)
            scratch.withUnsafeBufferPointer { ICSText.fold($0, into: &bytes) }
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// `NAME:value` with the value as it is (dates, URIs, already escaped text).
    mutating func icsRaw(_ name: StaticString, _ value: String) {
        icsLine { $0.append(name); $0.byte(UInt8(ascii: ":")); $0.append(value) }
    }

    /// A TEXT property, escaped.
    mutating func icsText(_ name: StaticString, _ value: String) {
        icsLine { out in
            out.append(name)
            out.byte(UInt8(ascii: ":"))
            var afterCR = false
            out.icsEscaped(value, afterCR: &afterCR)
        }
    }

    /// A list of TEXT values (CATEGORIES): each escaped, separated by unescaped commas.
    mutating func icsList(_ name: StaticString, _ values: [String]) {
        icsLine { out in
            out.append(name)
            out.byte(UInt8(ascii: ":"))
            for (index, value) in values.enumerated() {
                if index > 0 { out.byte(UInt8(ascii: ",")) }
                var afterCR = false
                out.icsEscaped(value, afterCR: &afterCR)
            }
        }
    }

    /// `ICSText.escape(value)`, appended. `afterCR` carries a carriage return at the end of one
    /// piece over to the next, so that a value written in pieces is escaped as the joined text is.
    mutating func icsEscaped(_ value: String, afterCR: inout Bool) {
        var value = value
        value.withUTF8 { utf8 in
            guard let last = utf8.last else { return }
            let marks = ByteMarks.ics
            var index = 0
            var run = 0  // the start of the bytes still to copy as they are
            while index < utf8.count {
                // Sixteen bytes at a time past those with nothing to change (`ByteMarks`): a
                // description with a comma in its first line was otherwise copied byte by byte
                // from there on.
                index = marks.first(in: utf8, from: index)
                guard index < utf8.count else { break }
                let byte = utf8[index]
                guard byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ","),
                      byte != 0x09 else {
                    index += 1
                    continue
                }
                // Whether a carriage return comes just before: in this piece, or at the end of the last one.
                let follows = index > 0 ? utf8[index - 1] == 0x0D : afterCR
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
                switch byte {
                case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
                case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
                case 0x0A: if !follows { bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n")) }
                default: break  // other control characters are not allowed in TEXT: dropped
                }
                index += 1
                run = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<utf8.count]))
            afterCR = last == 0x0D
        }
    }

    /// A separator in its escaped form (`ICSText.escape` of ", " is `\, `), appended as it is:
    /// the description's separators, which `icsEscaped` scanned once per use. None ends with a
    /// carriage return.
    mutating func icsEscapedLiteral(_ escaped: StaticString, afterCR: inout Bool) {
        append(escaped)
        afterCR = false
    }

    /// `count` line feeds as `icsEscaped` writes them: `\n` each, except a first one right after
    /// a carriage return, which belongs to that line break.
    mutating func icsLineFeeds(_ count: Int, afterCR: inout Bool) {
        for index in 0..<count where index > 0 || !afterCR { append("\\n") }
        afterCR = false
    }

    /// `20241227T103000` (`ICSText.dateTime`).
    mutating func icsDateTime(_ local: LocalDateTime) {
        icsDate(local.date)
        byte(UInt8(ascii: "T"))
        digits(local.time.hour, 2)
        digits(local.time.minute, 2)
        append("00")
    }

    /// `20241227` (`ICSText.date`).
    mutating func icsDate(_ date: CalendarDate) {
        digits(date.year, 4); digits(date.month, 2); digits(date.day, 2)
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

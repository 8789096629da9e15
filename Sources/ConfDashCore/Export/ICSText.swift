/// iCalendar content lines (RFC 5545 §3.1): CRLF line ends, lines folded at 75 octets without
/// splitting a UTF-8 sequence, and TEXT values escaped.
struct ICSText {
    private(set) var text = ""

    /// Adds `NAME[;PARAMS]:value` with `value` written as it is (dates, URIs, already escaped text).
    mutating func raw(_ name: String, _ value: String) {
        Self.appendFolded(name + ":" + value, to: &text)
    }

    /// Adds a TEXT property, escaped.
    mutating func text(_ name: String, _ value: String) { raw(name, Self.escape(value)) }

    /// A list of TEXT values (CATEGORIES): each escaped, separated by unescaped commas.
    mutating func list(_ name: String, _ values: [String]) { raw(name, values.map(Self.escape).joined(separator: ",")) }

    /// TEXT escaping (§3.3.11): backslash, semicolon and comma are escaped; every line break
    /// (CRLF, LF or CR) becomes `\n`. Other control characters are not allowed in TEXT and are dropped.
    static func escape(_ value: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = value.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\\": result.append(contentsOf: "\\\\".unicodeScalars)
            case ";": result.append(contentsOf: "\\;".unicodeScalars)
            case ",": result.append(contentsOf: "\\,".unicodeScalars)
            case "\r":
                if scalars.first == "\n" { scalars.removeFirst() }
                result.append(contentsOf: "\\n".unicodeScalars)
            case "\n": result.append(contentsOf: "\\n".unicodeScalars)
            case "\t": result.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Folds a content line: no physical line longer than 75 octets (the leading space of a
    /// continuation counts), breaks only between Unicode scalars, so a multi-byte character stays whole.
    static func appendFolded(_ line: String, to text: inout String) {
        if line.utf8.count <= 75 {
            text += line
            text += "\r\n"
            return
        }
        var octets = 0
        var limit = 75
        var piece = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if octets + size > limit {
                text += String(piece)
                text += "\r\n "
                piece = .init()
                octets = 0
                limit = 74
            }
            piece.append(scalar)
            octets += size
        }
        text += String(piece)
        text += "\r\n"
    }

    /// `20241227T103000`: a local date-time value.
    static func dateTime(_ local: LocalDateTime) -> String {
        date(local.date) + "T" + twoDigits(local.time.hour) + twoDigits(local.time.minute) + "00"
    }

    /// `20241227`: a DATE value.
    static func date(_ date: CalendarDate) -> String { date.iso.replacingOccurrences(of: "-", with: "") }

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

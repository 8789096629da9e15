/// Just enough of an iCalendar reader to check our own output in-process: unfolds lines,
/// splits `NAME;PARAMS:value`, collects each VEVENT's properties. Python's `icalendar` is the
/// real consumer (see ExternalConsumerTests); this one lets tests run everywhere.
struct ICSReader {
    struct Property { var name: String; var parameters: String; var value: String }

    let lines: [Property]

    init(_ text: String) {
        // Unfold: CRLF followed by a space continues the previous line (RFC 5545 §3.1).
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        lines = unfolded.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { line in
            let colon = line.firstIndex(of: ":") ?? line.endIndex
            let head = line[..<colon]
            let value = colon == line.endIndex ? "" : String(line[line.index(after: colon)...])
            let semicolon = head.firstIndex(of: ";") ?? head.endIndex
            return Property(name: String(head[..<semicolon]),
                            parameters: semicolon == head.endIndex ? "" : String(head[head.index(after: semicolon)...]), value: value)
        }
    }

    /// The properties of each VEVENT, in order.
    var events: [[Property]] {
        var result: [[Property]] = []
        var current: [Property]?
        for line in lines {
            if line.name == "BEGIN" && line.value == "VEVENT" { current = [] }
            else if line.name == "END" && line.value == "VEVENT" { if let done = current { result.append(done) }; current = nil }
            else { current?.append(line) }
        }
        return result
    }

    /// The event whose UID starts with `session@`.
    func event(_ session: String) -> [Property]? {
        events.first { $0.first { $0.name == "UID" }?.value.hasPrefix(session + "@") == true }
    }

    static func value(_ name: String, in event: [Property]) -> String? { event.first { $0.name == name }?.value }
    static func property(_ name: String, in event: [Property]) -> Property? { event.first { $0.name == name } }

    /// TEXT unescaping, the inverse of ICSText.escape.
    static func unescape(_ value: String) -> String {
        var result = ""
        var escaping = false
        for character in value {
            if escaping {
                result.append(character == "n" || character == "N" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

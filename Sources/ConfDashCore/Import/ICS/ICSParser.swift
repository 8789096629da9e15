import Foundation

/// One content line of an iCalendar file, unfolded: `DTSTART;TZID=Europe/Berlin:20241227T103000`.
struct ICSProperty {
    /// Upper-cased, as names are case-insensitive.
    var name: String
    /// Parameter names upper-cased; each value unquoted; a parameter may have several values.
    var parameters: [String: [String]]
    /// The raw value, escapes still in (`\,`, `\n`): see `ICSValues.text`.
    var value: String
    /// Where the (first physical line of the) content line is.
    var line: Int

    func parameter(_ name: String) -> String? { parameters[name]?.first }
    var position: JSONPosition { JSONPosition(line: line, column: 1) }
}

/// A `BEGIN:…`/`END:…` block: VCALENDAR, VEVENT, VTIMEZONE, STANDARD…
final class ICSComponent {
    let name: String
    let line: Int
    fileprivate(set) var properties: [ICSProperty] = []
    fileprivate(set) var children: [ICSComponent] = []

    init(name: String, line: Int) {
        self.name = name
        self.line = line
    }

    func property(_ name: String) -> ICSProperty? { properties.first { $0.name == name } }
    func properties(_ name: String) -> [ICSProperty] { properties.filter { $0.name == name } }
    func children(_ name: String) -> [ICSComponent] { children.filter { $0.name == name } }

    /// Lets the properties and sub-components go, once what they say has been read.
    func dropContents() {
        properties = []
        children = []
    }
}

/// Splits an iCalendar text into components and properties (RFC 5545 §3.1): lines unfolded,
/// parameters parsed (quoted values too), components nested by BEGIN/END.
///
/// Forgiving in what real files get wrong, and saying so: bare LF line ends are fine; a line
/// that is not `NAME:value` is skipped with a warning; an END that does not match closes what
/// it can; a file cut short keeps what it has. Only a file that is not iCalendar at all, or not
/// UTF-8, is an error.
enum ICSParser {
    static let maximumDepth = 16
    /// Longest content line, unfolded: a long description is a few kilobytes.
    static let maximumLineBytes = 1 << 20
    /// Most values in one property (CATEGORIES, RDATE, EXDATE lists): real files have a handful.
    static let maximumValues = 10_000
    static let listProperties: Set<String> = ["CATEGORIES", "RDATE", "EXDATE", "RESOURCES"]

    static func parse(_ bytes: [UInt8], log: ProblemLog) -> ICSComponent? {
        if let encoding = UTF8Check.byteOrderMarkEncoding(bytes) {
            log.error("the file is \(encoding); confdash reads UTF-8 iCalendar files (save it as UTF-8)", at: "", JSONPosition(line: 1, column: 1))
            return nil
        }
        var stack: [ICSComponent] = []
        var calendar: ICSComponent?
        var warnedOutside = false
        for (lineBytes, line) in unfoldedLines(bytes) where !lineBytes.isEmpty {
            // RFC 5545 §3.1: unfold first, then decode, so a fold inside a character is fine.
            guard lineBytes.count <= maximumLineBytes else {
                log.error("a content line of \(lineBytes.count) bytes, unfolded: longer than confdash reads "
                          + "(the limit is \(maximumLineBytes) bytes)", at: "", JSONPosition(line: line, column: 1))
                return nil
            }
            if let offset = UTF8Check.firstInvalidOffset(in: lineBytes) {
                log.error("invalid UTF-8 (byte 0x\(String(lineBytes[offset], radix: 16, uppercase: true)) at byte \(offset + 1) of the "
                          + "unfolded line); save the file as UTF-8", at: "", JSONPosition(line: line, column: 1))
                return nil
            }
            let text = String(decoding: lineBytes, as: UTF8.self)
            // Before the calendar begins, anything else means this is not iCalendar at all.
            if calendar == nil, !text.uppercased().hasPrefix("BEGIN:") {
                log.error("not an iCalendar file: it starts with \(quoted(text, limit: 30)), not BEGIN:VCALENDAR", at: "",
                          JSONPosition(line: line, column: 1))
                return nil
            }
            guard let property = contentLine(text, line: line) else {
                log.warning("not an iCalendar content line (NAME:value); skipped: \(quoted(text))", at: "", JSONPosition(line: line, column: 1))
                continue
            }
            if listProperties.contains(property.name), property.value.utf8.count > maximumValues,
               property.value.utf8.reduce(0, { $0 + ($1 == UInt8(ascii: ",") ? 1 : 0) }) >= maximumValues {
                log.error("\(property.name) has more than \(maximumValues) values: not a calendar confdash reads (the limit is "
                          + "\(maximumValues) values per property)", at: "", property.position)
                return nil
            }
            switch property.name {
            case "BEGIN":
                let name = property.value.uppercased().trimmingWhitespace
                if stack.isEmpty {
                    if let first = calendar {
                        // Several calendars in one file (a concatenation, as some sites publish):
                        // their components are read as one calendar's.
                        guard name == "VCALENDAR" else {
                            log.warning("BEGIN:\(shortened(name)) outside any calendar; ignored up to its END", at: "", property.position)
                            let ignored = ICSComponent(name: name, line: line)
                            stack.append(ignored)
                            continue
                        }
                        stack.append(first)
                        continue
                    }
                    guard name == "VCALENDAR" else {
                        log.error("not an iCalendar file: it starts with BEGIN:\(shortened(name)), not BEGIN:VCALENDAR", at: "", property.position)
                        return nil
                    }
                }
                guard stack.count < maximumDepth else {
                    log.error("components nested more than \(maximumDepth) deep", at: "", property.position)
                    return nil
                }
                let component = ICSComponent(name: name, line: line)
                if let parent = stack.last { parent.children.append(component) } else { calendar = component }
                stack.append(component)
            case "END":
                close(property, &stack, log: log)
            default:
                if let open = stack.last {
                    open.properties.append(property)
                } else if !warnedOutside {
                    warnedOutside = true
                    log.warning("\(shortened(property.name)) outside any BEGIN/END block; ignored", at: "", property.position)
                }
            }
        }
        guard let calendar else {
            log.error("not an iCalendar file: no BEGIN:VCALENDAR", at: "", JSONPosition(line: 1, column: 1))
            return nil
        }
        if let open = stack.last {
            log.warning("the file ends inside \(shortened(open.name)) (begun at line \(open.line)): it looks cut short; what it has is kept",
                        at: "", JSONPosition(line: max(1, lineCount(bytes)), column: 1))
        }
        return calendar
    }

    private static func close(_ property: ICSProperty, _ stack: inout [ICSComponent], log: ProblemLog) {
        let name = property.value.uppercased().trimmingWhitespace
        guard let index = stack.lastIndex(where: { $0.name == name }) else {
            log.warning("END:\(shortened(name)) without a matching BEGIN; ignored", at: "", property.position)
            return
        }
        for unclosed in stack[(index + 1)...].reversed() {
            log.warning("\(shortened(unclosed.name)) begun at line \(unclosed.line) is not ended before END:\(shortened(name))", at: "", property.position)
        }
        stack.removeSubrange(index...)
    }

    private static func lineCount(_ bytes: [UInt8]) -> Int {
        let lineEnd: UInt8 = isCROnly(bytes) ? 0x0D : 0x0A
        return bytes.reduce(1) { $0 + ($1 == lineEnd ? 1 : 0) } - (bytes.last == lineEnd ? 1 : 0)
    }

    /// A component name as a message shows it: a file that is not iCalendar may have its whole
    /// content after `BEGIN:` on one line.
    static func shortened(_ name: String) -> String { name.count > 30 ? String(name.prefix(30)) + "…" : name }

    private static func isCROnly(_ bytes: [UInt8]) -> Bool { !bytes.contains(0x0A) && bytes.contains(0x0D) }

    /// Logical lines, as bytes (not yet decoded), with the number of their first physical line.
    /// A physical line starting with a space or tab continues the previous one, minus that one
    /// character (RFC 5545 §3.1). Lines end in CRLF or LF; in a file with no LF at all (old Mac
    /// files), in CR.
    static func unfoldedLines(_ bytes: [UInt8]) -> [(bytes: [UInt8], line: Int)] {
        let lineEnd: UInt8 = isCROnly(bytes) ? 0x0D : 0x0A
        var result: [(bytes: [UInt8], line: Int)] = []
        var current: [UInt8] = []
        var currentLine = 1
        var lineNumber = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lineStart = index
        func endPhysicalLine(_ end: Int) {
            let content = bytes[lineStart..<end]
            if lineNumber > 1, let first = content.first, first == 0x20 || first == 0x09 {
                current.append(contentsOf: content.dropFirst())
            } else {
                if lineNumber > 1 { result.append((current, currentLine)) }
                current = Array(content)
                currentLine = lineNumber
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == lineEnd else { index += 1; continue }
            endPhysicalLine(lineEnd == 0x0A && index > lineStart && bytes[index - 1] == 0x0D ? index - 1 : index)
            index += 1
            lineStart = index
            lineNumber += 1
        }
        endPhysicalLine(bytes.count)
        result.append((current, currentLine))
        return result
    }

    /// `NAME *(;PARAM=value[,value]) : value`, or nil when the line is not shaped like that.
    static func contentLine(_ text: String, line: Int) -> ICSProperty? {
        let bytes = Array(text.utf8)
        var index = 0
        func isNameByte(_ byte: UInt8) -> Bool { byte.isASCIILetterOrDigit || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") }
        func name() -> String? {
            let first = index
            while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
            return index > first ? String(decoding: bytes[first..<index], as: UTF8.self).uppercased() : nil
        }
        guard let propertyName = name() else { return nil }
        var parameters: [String: [String]] = [:]
        while index < bytes.count, bytes[index] == UInt8(ascii: ";") {
            index += 1
            guard let parameterName = name(), index < bytes.count, bytes[index] == UInt8(ascii: "=") else { return nil }
            var values: [String] = []
            repeat {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                    guard let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
                    values.append(caretDecoded(String(decoding: bytes[(index + 1)..<close], as: UTF8.self)))
                    index = close + 1
                } else {
                    let first = index
                    while index < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":")].contains(bytes[index]) { index += 1 }
                    values.append(caretDecoded(String(decoding: bytes[first..<index], as: UTF8.self)))
                }
            } while index < bytes.count && bytes[index] == UInt8(ascii: ",")
            parameters[parameterName, default: []] += values
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        return ICSProperty(name: propertyName, parameters: parameters,
                           value: String(decoding: bytes[(index + 1)...], as: UTF8.self), line: line)
    }

    /// RFC 6868: `^n` newline, `^'` double quote, `^^` caret, in parameter values.
    private static func caretDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "^")) else { return text }
        return text.replacingOccurrences(of: "^^", with: "\u{0}").replacingOccurrences(of: "^n", with: "\n")
            .replacingOccurrences(of: "^'", with: "\"").replacingOccurrences(of: "\u{0}", with: "^")
    }
}

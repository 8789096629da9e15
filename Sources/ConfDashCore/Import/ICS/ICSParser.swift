import Foundation

/// One content line of an iCalendar file, unfolded: `DTSTART;TZID=Europe/Berlin:20241227T103000`.
struct ICSProperty {
    /// Upper-cased, as names are case-insensitive.
    var name: String
    /// Parameter names upper-cased; each value unquoted; a parameter may have several values.
    var parameters: ICSParameters
    /// The raw value, escapes still in (`\,`, `\n`): see `ICSValues.text`.
    var value: String
    /// Where the (first physical line of the) content line is.
    var line: Int

    func parameter(_ name: String) -> String? { parameters[name]?.first }
    var position: JSONPosition { JSONPosition(line: line, column: 1) }
}

/// A content line's parameters, names upper-cased, in the order written. Most lines have none,
/// DTSTART and DTEND one (TZID): a short list, with no hashing, is all they need.
struct ICSParameters: ExpressibleByDictionaryLiteral {
    private var entries: [(name: String, values: [String])] = []

    init() {}

    init(dictionaryLiteral elements: (String, [String])...) {
        for (name, values) in elements { append(name, values) }
    }

    var isEmpty: Bool { entries.isEmpty }

    /// Values of a parameter given twice are joined, in order.
    mutating func append(_ name: String, _ values: [String]) {
        if let index = entries.firstIndex(where: { $0.name == name }) { entries[index].values += values } else { entries.append((name, values)) }
    }

    subscript(name: String) -> [String]? {
        get { entries.first { $0.name == name }?.values }
        set {
            entries.removeAll { $0.name == name }
            if let newValue { entries.append((name, newValue)) }
        }
    }
}

/// A `BEGIN:…`/`END:…` block: VCALENDAR, VEVENT, VTIMEZONE, STANDARD…
final class ICSComponent {
    let name: String
    let line: Int
    var properties: [ICSProperty] = []
    var children: [ICSComponent] = []

    init(name: String, line: Int) {
        self.name = name
        self.line = line
    }

    // Lengths first: names are short strings, and comparing two that differ is the slow path of `==`.
    func property(_ name: String) -> ICSProperty? {
        let count = name.utf8.count
        return properties.first { $0.name.utf8.count == count && $0.name == name }
    }

    func properties(_ name: String) -> [ICSProperty] {
        let count = name.utf8.count
        return properties.filter { $0.name.utf8.count == count && $0.name == name }
    }
    func children(_ name: String) -> [ICSComponent] { children.filter { $0.name == name } }
}

/// Reads an iCalendar text in one pass over its bytes (RFC 5545 §3.1): lines unfolded, parameters
/// parsed (quoted values too), components nested by BEGIN/END. What it keeps is an `ICSScan`: the
/// calendar with its own properties and components (time zones above all), and for each event
/// only where its properties are, with the little the calendar as a whole needs from them (the
/// TZIDs they name, their starts, the occurrences they replace). The events themselves are read
/// one at a time afterwards (`ICSScan.forEachEvent`), so a large calendar is never a tree.
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

    static func scan(_ bytes: [UInt8], log: ProblemLog) -> ICSScan? {
        if let encoding = UTF8Check.byteOrderMarkEncoding(bytes) {
            log.error("the file is \(encoding); confdash reads UTF-8 iCalendar files (save it as UTF-8)", at: "", JSONPosition(line: 1, column: 1))
            return nil
        }
        // UTF-8 is checked once for the whole file. Unfolding only takes out ASCII bytes, so a valid
        // file gives valid lines; a file that is not valid as it stands (a fold may split a
        // character, RFC 5545 §3.1) is checked line by line, unfolded, as before.
        let checkLines = UTF8Check.firstInvalidOffset(in: bytes) != nil
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = ICSScanner(buffer, checkLines: checkLines, log: log)
            return scanner.run()
        }
    }

    /// A component name as a message shows it: a file that is not iCalendar may have its whole
    /// content after `BEGIN:` on one line.
    static func shortened(_ name: String) -> String { name.count > 30 ? String(name.prefix(30)) + "…" : name }

    /// Logical lines, as bytes (not yet decoded), with the number of their first physical line.
    static func unfoldedLines(_ bytes: [UInt8]) -> [(bytes: [UInt8], line: Int)] {
        bytes.withUnsafeBufferPointer { buffer in
            var lines = ICSLines(buffer)
            var result: [(bytes: [UInt8], line: Int)] = []
            lines.forEach(from: lines.firstOffset, firstLine: 1) { line, number, _ in
                result.append((Array(line), number))
                return true
            }
            return result
        }
    }

    /// `NAME *(;PARAM=value[,value]) : value`, or nil when the line is not shaped like that.
    static func contentLine(_ text: String, line: Int) -> ICSProperty? {
        Array(text.utf8).withUnsafeBufferPointer { bytes in ICSRawLine(bytes)?.property(bytes, line: line) }
    }
}

/// The first pass of `ICSParser.scan`: BEGIN/END on a stack, warnings as the lines come.
private struct ICSScanner {
    /// What becomes of a component's lines: kept in a tree (the calendar, its time zones, anything
    /// but an event), read later from the bytes (a VEVENT of the calendar), or not read at all
    /// (what nests in such an event: alarms).
    private enum Kind {
        case kept(ICSComponent)
        case event
        case insideEvent
    }

    private struct Open {
        let name: String
        let line: Int
        let kind: Kind
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let checkLines: Bool
    private let log: ProblemLog
    /// Reads a line again (an event's UID) while the scan is elsewhere.
    private var lookup: ICSLines
    private var stack: [Open] = []
    private var calendar: ICSComponent?
    private var warnedOutside = false
    private var failed = false
    private var result: ICSScan

    // The event being read: the first of its UID, DTSTART and RECURRENCE-ID is the one that counts.
    private var uidOffset: Int?
    private var seenStart = false
    private var seenRecurrence = false
    private var recurrence: ICSTime?

    init(_ bytes: UnsafeBufferPointer<UInt8>, checkLines: Bool, log: ProblemLog) {
        self.bytes = bytes
        self.checkLines = checkLines
        self.log = log
        lookup = ICSLines(bytes)
        result = ICSScan(lineEnd: lookup.lineEnd)
    }

    mutating func run() -> ICSScan? {
        var lines = lookup
        lines.forEach(from: lines.firstOffset, firstLine: 1) { line, number, offset in
            read(line, number: number, offset: offset)
            return !failed
        }
        if failed { return nil }
        finishEvent()
        guard let calendar else {
            log.error("not an iCalendar file: no BEGIN:VCALENDAR", at: "", JSONPosition(line: 1, column: 1))
            return nil
        }
        if let open = stack.last {
            let count = 1 + lookup.lineEnds(in: 0..<bytes.count) - (bytes.last == lookup.lineEnd ? 1 : 0)
            log.warning("the file ends inside \(ICSParser.shortened(open.name)) (begun at line \(open.line)): it looks cut short; what it has is kept",
                        at: "", JSONPosition(line: max(1, count), column: 1))
        }
        result.calendar = calendar
        return result
    }

    private mutating func fail(_ message: String, line: Int) {
        log.error(message, at: "", JSONPosition(line: line, column: 1))
        failed = true
    }

    private mutating func read(_ line: UnsafeBufferPointer<UInt8>, number: Int, offset: Int) {
        guard !line.isEmpty else { return }
        // RFC 5545 §3.1: unfold first, then decode, so a fold inside a character is fine.
        guard line.count <= ICSParser.maximumLineBytes else {
            return fail("a content line of \(line.count) bytes, unfolded: longer than confdash reads "
                        + "(the limit is \(ICSParser.maximumLineBytes) bytes)", line: number)
        }
        if checkLines, let invalid = UTF8Check.firstInvalidOffset(in: Array(line)) {
            return fail("invalid UTF-8 (byte 0x\(String(line[invalid], radix: 16, uppercase: true)) at byte \(invalid + 1) of the "
                        + "unfolded line); save the file as UTF-8", line: number)
        }
        func text() -> String { String(decoding: line, as: UTF8.self) }
        // Before the calendar begins, anything else means this is not iCalendar at all.
        if calendar == nil, !text().uppercased().hasPrefix("BEGIN:") {
            return fail("not an iCalendar file: it starts with \(quoted(text(), limit: 30)), not BEGIN:VCALENDAR", line: number)
        }
        let position = JSONPosition(line: number, column: 1)
        guard let raw = ICSRawLine(line) else {
            log.warning("not an iCalendar content line (NAME:value); skipped: \(quoted(text()))", at: "", position)
            return
        }
        if raw.isList(line), line.count - raw.valueStart > ICSParser.maximumValues {
            let value = raw.valueBytes(line)
            if value.reduce(0, { $0 + ($1 == UInt8(ascii: ",") ? 1 : 0) }) >= ICSParser.maximumValues {
                let name = ICSRawLine.upperCased(line, raw.name)
                return fail("\(name) has more than \(ICSParser.maximumValues) values: not a calendar confdash reads (the limit is "
                            + "\(ICSParser.maximumValues) values per property)", line: number)
            }
        }
        if raw.nameIs("BEGIN", in: line) {
            begin(Self.componentName(raw.valueBytes(line)), line: number, offset: offset)
        } else if raw.nameIs("END", in: line) {
            end(Self.componentName(raw.valueBytes(line)), position: position)
        } else if let open = stack.last {
            switch open.kind {
            case .kept(let component): component.properties.append(raw.property(line, line: number))
            case .event: eventProperty(raw, line, number: number, offset: offset)
            case .insideEvent: break
            }
        } else if !warnedOutside {
            warnedOutside = true
            log.warning("\(ICSParser.shortened(ICSRawLine.upperCased(line, raw.name))) outside any BEGIN/END block; ignored", at: "", position)
        }
    }

    /// BEGIN and END values compare in capitals, without surrounding spaces.
    private static func componentName(_ value: UnsafeBufferPointer<UInt8>) -> String {
        guard value.allSatisfy({ $0 < 0x80 }) else { return String(decoding: value, as: UTF8.self).uppercased().trimmingWhitespace }
        return ICSRawLine.upperCased(value, 0..<value.count).trimmingWhitespace
    }

    private mutating func begin(_ name: String, line: Int, offset: Int) {
        let position = JSONPosition(line: line, column: 1)
        if stack.isEmpty {
            if let first = calendar {
                // Several calendars in one file (a concatenation, as some sites publish): their
                // components are read as one calendar's.
                guard name == "VCALENDAR" else {
                    log.warning("BEGIN:\(ICSParser.shortened(name)) outside any calendar; ignored up to its END", at: "", position)
                    stack.append(Open(name: name, line: line, kind: .kept(ICSComponent(name: name, line: line))))
                    return
                }
                stack.append(Open(name: first.name, line: first.line, kind: .kept(first)))
                return
            }
            guard name == "VCALENDAR" else {
                return fail("not an iCalendar file: it starts with BEGIN:\(ICSParser.shortened(name)), not BEGIN:VCALENDAR", line: line)
            }
        }
        guard stack.count < ICSParser.maximumDepth else {
            return fail("components nested more than \(ICSParser.maximumDepth) deep", line: line)
        }
        let kind: Kind
        switch stack.last?.kind {
        case .kept(let parent)? where parent === calendar && name == "VEVENT":
            finishEvent()
            result.events.append(ICSScan.Event(line: line, offset: offset, properties: result.propertyOffsets.count..<result.propertyOffsets.count))
            kind = .event
        case .kept(let parent)?:
            let component = ICSComponent(name: name, line: line)
            parent.children.append(component)
            kind = .kept(component)
        case .event?, .insideEvent?:
            kind = .insideEvent
        case nil:
            let component = ICSComponent(name: name, line: line)
            calendar = component
            kind = .kept(component)
        }
        stack.append(Open(name: name, line: line, kind: kind))
    }

    private mutating func end(_ name: String, position: JSONPosition) {
        guard let index = stack.lastIndex(where: { $0.name == name }) else {
            log.warning("END:\(ICSParser.shortened(name)) without a matching BEGIN; ignored", at: "", position)
            return
        }
        for unclosed in stack[(index + 1)...].reversed() {
            log.warning("\(ICSParser.shortened(unclosed.name)) begun at line \(unclosed.line) is not ended before END:\(ICSParser.shortened(name))",
                        at: "", position)
        }
        stack.removeSubrange(index...)
    }

    /// A property of an event: where it is, and what the calendar as a whole needs of it.
    private mutating func eventProperty(_ raw: ICSRawLine, _ line: UnsafeBufferPointer<UInt8>, number: Int, offset: Int) {
        result.propertyOffsets.append(offset)
        result.events[result.events.count - 1].properties = result.events[result.events.count - 1].properties.lowerBound..<result.propertyOffsets.count
        if let tzid = raw.parameters["TZID"]?.first, result.tzidLines[tzid] == nil { result.tzidLines[tzid] = number }
        if !seenStart, raw.nameIs("DTSTART", in: line) {
            seenStart = true
            let property = raw.property(line, line: number)
            if case let .dateTime(local, frame)? = ICSValues.time(property.value, parameters: property.parameters) {
                switch frame {
                case .zone(let tzid): result.zonedStarts[tzid, default: []].append(local)
                case .utc: result.anyUTCStart = true
                case .floating: break
                }
            }
        } else if uidOffset == nil, raw.nameIs("UID", in: line) {
            uidOffset = offset
        } else if !seenRecurrence, raw.nameIs("RECURRENCE-ID", in: line) {
            seenRecurrence = true
            let property = raw.property(line, line: number)
            recurrence = ICSValues.time(property.value, parameters: property.parameters)
        }
    }

    /// The event read last is over: the occurrence it replaces, if any, is noted.
    private mutating func finishEvent() {
        if let recurrence, let uidOffset {
            let uid = lookup.line(at: uidOffset) { line in ICSRawLine(line)!.value(line) }
            result.overrides.append((uid, recurrence))
        }
        uidOffset = nil
        seenStart = false
        seenRecurrence = false
        recurrence = nil
    }
}

import Foundation

/// The logical lines of an iCalendar text, unfolded (RFC 5545 §3.1) without a copy where none
/// is needed: a line that is not folded is handed over as a slice of the file's own bytes, and
/// only a folded one is put together, in a scratch buffer reused from line to line.
///
/// A physical line starting with a space or tab continues the previous one, minus that one
/// character. Lines end in CRLF or LF; in a file with no LF at all (old Mac files), in CR. A
/// CR is taken off only before an LF, so a last line without an end keeps its CR.
struct ICSLines {
    let bytes: UnsafeBufferPointer<UInt8>
    let lineEnd: UInt8
    private var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.init(bytes, lineEnd: Self.find(0x0A, in: bytes, from: 0) == nil && Self.find(0x0D, in: bytes, from: 0) != nil ? 0x0D : 0x0A)
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>, lineEnd: UInt8) {
        self.bytes = bytes
        self.lineEnd = lineEnd
    }

    /// Where the first line starts: after a UTF-8 byte order mark.
    var firstOffset: Int { bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0 }

    /// Calls `body` with every logical line from `start` (the start of a physical line numbered
    /// `firstLine`) on, with the number of its first physical line and the offset where it starts,
    /// until `body` says to stop. The bytes handed over are valid only during the call.
    mutating func forEach(from start: Int, firstLine: Int,
                          _ body: (_ line: UnsafeBufferPointer<UInt8>, _ number: Int, _ offset: Int) -> Bool) {
        var lineStart = start
        var lineNumber = firstLine
        var pending = (start: start, end: start, number: firstLine)
        var folded = false
        while true {
            let found = Self.find(lineEnd, in: bytes, from: lineStart)
            var end = found ?? bytes.count
            if found != nil, lineEnd == 0x0A, end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
            if lineNumber > firstLine, end > lineStart, bytes[lineStart] == 0x20 || bytes[lineStart] == 0x09 {
                if !folded {
                    scratch.removeAll(keepingCapacity: true)
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pending.start..<pending.end]))
                    folded = true
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(lineStart + 1)..<end]))
            } else {
                if lineNumber > firstLine, !emit(pending, folded: folded, body) { return }
                pending = (lineStart, end, lineNumber)
                folded = false
            }
            guard let found else { break }
            lineStart = found + 1
            lineNumber += 1
        }
        _ = emit(pending, folded: folded, body)
    }

    private func emit(_ pending: (start: Int, end: Int, number: Int), folded: Bool,
                      _ body: (UnsafeBufferPointer<UInt8>, Int, Int) -> Bool) -> Bool {
        if folded { return scratch.withUnsafeBufferPointer { body($0, pending.number, pending.start) } }
        return body(UnsafeBufferPointer(rebasing: bytes[pending.start..<pending.end]), pending.number, pending.start)
    }

    /// The one logical line starting at `offset`, unfolded.
    mutating func line<Result>(at offset: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var result: Result?
        // The line number only decides whether a line can continue another: any number does.
        forEach(from: offset, firstLine: 1) { line, _, _ in
            result = body(line)
            return false
        }
        return result!
    }

    /// How many line ends lie in `range`: the number of lines from one offset to another.
    func lineEnds(in range: Range<Int>) -> Int {
        var count = 0
        var index = range.lowerBound
        while index < range.upperBound, let found = Self.find(lineEnd, in: bytes, from: index), found < range.upperBound {
            count += 1
            index = found + 1
        }
        return count
    }

    static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

/// A content line split on its bytes, `NAME *(;PARAM=value[,value]) : value` (RFC 5545 §3.1):
/// the name and the value are ranges of the line, the parameters already read (they are few,
/// and rare outside DTSTART and DTEND).
struct ICSRawLine {
    var name: Range<Int>
    var parameters: ICSParameters
    var valueStart: Int

    /// The line's shape, or nil when it is not `NAME[;PARAM=…]:value`.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        func isNameByte(_ byte: UInt8) -> Bool { byte.isASCIILetterOrDigit || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") }
        func name() -> Range<Int>? {
            let first = index
            while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
            return index > first ? first..<index : nil
        }
        guard let propertyName = name() else { return nil }
        var parameters = ICSParameters()
        while index < bytes.count, bytes[index] == UInt8(ascii: ";") {
            index += 1
            guard let parameterName = name(), index < bytes.count, bytes[index] == UInt8(ascii: "=") else { return nil }
            var values: [String] = []
            repeat {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                    var close = index + 1
                    while close < bytes.count, bytes[close] != UInt8(ascii: "\"") { close += 1 }
                    guard close < bytes.count else { return nil }
                    values.append(Self.parameterValue(UnsafeBufferPointer(rebasing: bytes[(index + 1)..<close])))
                    index = close + 1
                } else {
                    let first = index
                    while index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != UInt8(ascii: ";"),
                          bytes[index] != UInt8(ascii: ":") { index += 1 }
                    values.append(Self.parameterValue(UnsafeBufferPointer(rebasing: bytes[first..<index])))
                }
            } while index < bytes.count && bytes[index] == UInt8(ascii: ",")
            parameters.append(Self.upperCased(bytes, parameterName), values)
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        self.name = propertyName
        self.parameters = parameters
        valueStart = index + 1
    }

    /// Whether the name is `upper` (given in capitals), in any case.
    func nameIs(_ upper: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard name.count == upper.utf8CodeUnitCount else { return false }
        let expected = upper.utf8Start
        for offset in 0..<name.count {
            let byte = bytes[name.lowerBound + offset]
            if (byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte) != expected[offset] { return false }
        }
        return true
    }

    /// CATEGORIES, RDATE, EXDATE, RESOURCES: lists, whose number of values is bounded.
    func isList(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        nameIs("CATEGORIES", in: bytes) || nameIs("RDATE", in: bytes) || nameIs("EXDATE", in: bytes) || nameIs("RESOURCES", in: bytes)
    }

    func property(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> ICSProperty {
        ICSProperty(name: Self.upperCased(bytes, name), parameters: parameters, value: value(bytes), line: line)
    }

    func value(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart...]), as: UTF8.self)
    }

    func valueBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[valueStart...])
    }

    /// A name in capitals: names are ASCII, where `uppercased()` is the ASCII mapping.
    static func upperCased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { out in
            for offset in 0..<range.count {
                let byte = bytes[range.lowerBound + offset]
                out[offset] = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
            }
            return range.count
        }
    }

    private static func parameterValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return bytes.contains(UInt8(ascii: "^")) ? caretDecoded(text) : text
    }

    /// RFC 6868: `^n` newline, `^'` double quote, `^^` caret, in parameter values.
    static func caretDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "^")) else { return text }
        return text.replacingOccurrences(of: "^^", with: "\u{0}").replacingOccurrences(of: "^n", with: "\n")
            .replacingOccurrences(of: "^'", with: "\"").replacingOccurrences(of: "\u{0}", with: "^")
    }
}

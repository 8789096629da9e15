import Foundation

/// The scanner's lexical half: strings, escapes, numbers, and moving the cursor.
extension JSONScanner {
    mutating func parseString() throws(JSONSyntaxError) -> String {
        var buffer: [UInt8] = []
        let string = try scanString(decodingEscapesInto: &buffer)
        if string.escaped { return String(decoding: buffer, as: UTF8.self) }
        // From the buffer rather than an ArraySlice of the array, which retains and releases it.
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[string.start..<string.end]), as: UTF8.self) }
    }

    /// Moves past a string (the cursor at its opening quote), checking it as `parseString` does,
    /// without making a String of it: `start..<end` are the bytes between the quotes. A string
    /// with an escape is decoded into `buffer` (`escaped`), the only form in which it means its text.
    mutating func scanString(decodingEscapesInto buffer: inout [UInt8]) throws(JSONSyntaxError) -> (start: Int, end: Int, escaped: Bool) {
        let start = position
        advance() // the opening quote
        // Most strings have no escapes: their bytes are their value. Once one is met, the string
        // is built in `buffer`, appended to in place (copying it per escape was quadratic:
        // 160,000 escapes took 8 s).
        let first = offset
        var escaped = false
        var runStart = offset
        while true {
            skipPlainStringBytes()
            guard let byte = peek else { throw failure("unterminated string", at: start) }
            switch byte {
            case UInt8(ascii: "\""):
                if escaped { buffer.append(contentsOf: bytes[runStart..<offset]) }
                let end = offset
                advance()
                return (first, end, escaped)
            case UInt8(ascii: "\\"):
                escaped = true
                buffer.append(contentsOf: bytes[runStart..<offset])
                try parseEscape(into: &buffer, stringStart: start)
                runStart = offset
            case 0x0A, 0x0D:
                // Almost always a missing closing quote rather than an intended line break.
                throw failure("unterminated string (a line break inside a string must be written \\n)", at: start)
            default:
                // What `skipPlainStringBytes` stops at and is not handled above: a control character.
                throw failure("control character \(found) must be escaped in a string")
            }
        }
    }

    /// Moves past the bytes a string holds as they are (not `"`, `\` or a control character),
    /// counting one column per character: the bulk of every string, in one tight loop.
    mutating func skipPlainStringBytes() {
        let (end, characters) = bytes.withUnsafeBufferPointer { buffer -> (Int, Int) in
            var index = offset
            var characters = 0
            // Eight bytes at a time (the classic "has a byte less than n" tests, exact for n ≤ 128).
            // Their marks can be wrong only above a byte that truly ends the run (a borrow moves
            // up), so the lowest mark is the first byte that ends it.
            if let base = buffer.baseAddress {
                let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                while index + 8 <= buffer.count {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                    let control = (word &- 0x20 &* ones) & ~word & highs
                    let quote = word ^ (0x22 &* ones), backslash = word ^ (0x5C &* ones)
                    let stop = control | ((quote &- ones) & ~quote & highs) | ((backslash &- ones) & ~backslash & highs)
                    // Continuation bytes are 10xxxxxx: bit 7 set, bit 6 (moved to 7 by the shift) clear.
                    let continuations = word & ~(word << 1) & highs
                    if stop != 0 {
                        let before = stop.trailingZeroBitCount / 8
                        let kept: UInt64 = before == 0 ? 0 : ~0 >> (64 - 8 * before)
                        return (index + before, characters + before - (continuations & kept).nonzeroBitCount)
                    }
                    characters += 8 - continuations.nonzeroBitCount
                    index += 8
                }
            }
            while index < buffer.count {
                let byte = buffer[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                // UTF-8 continuation bytes do not start a character.
                if byte & 0xC0 != 0x80 { characters += 1 }
                index += 1
            }
            return (index, characters)
        }
        offset = end
        column += characters
    }

    mutating func parseEscape(into buffer: inout [UInt8], stringStart: JSONPosition) throws(JSONSyntaxError) {
        let escapeStart = position
        advance() // the backslash
        guard let byte = peek else {
            throw failure("unterminated string", at: stringStart)
        }
        let replacement: UInt8? = switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): byte
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let replacement {
            advance()
            buffer.append(replacement)
            return
        }
        guard byte == UInt8(ascii: "u") else {
            throw failure("invalid escape '\\\(scalarText)' in string", at: escapeStart)
        }
        advance()
        var code = try parseHex4(escapeStart: escapeStart)
        if (0xD800...0xDBFF).contains(code) {
            // A high surrogate is only half a character: the low half must follow as another \u escape.
            guard peek == UInt8(ascii: "\\"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u") else {
                throw unpairedSurrogate(code, at: escapeStart)
            }
            let lowStart = position
            advance(); advance()
            let low = try parseHex4(escapeStart: lowStart)
            guard (0xDC00...0xDFFF).contains(low) else { throw unpairedSurrogate(code, at: escapeStart) }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(code) {
            throw unpairedSurrogate(code, at: escapeStart)
        }
        buffer.append(contentsOf: String(Unicode.Scalar(code)!).utf8)
    }

    mutating func parseHex4(escapeStart: JSONPosition) throws(JSONSyntaxError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek, let digit = byte.hexDigitValue else {
                throw failure("invalid \\u escape: expected 4 hex digits", at: escapeStart)
            }
            code = code << 4 | UInt32(digit)
            advance()
        }
        return code
    }

    func unpairedSurrogate(_ code: UInt32, at position: JSONPosition) -> JSONSyntaxError {
        let hex = String(code, radix: 16, uppercase: true)
        return failure("invalid \\u escape: unpaired UTF-16 surrogate \\u\(hex)", at: position)
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = offset
        if peek == UInt8(ascii: "-") { advance() }
        guard let first = peek, first.isASCIIDigit else { throw failure("invalid number: expected a digit after '-'") }
        advance()
        if first == UInt8(ascii: "0"), let next = peek, next.isASCIIDigit {
            throw failure("invalid number: leading zeros are not allowed")
        }
        skipDigits()
        if peek == UInt8(ascii: ".") {
            advance()
            guard let next = peek, next.isASCIIDigit else { throw failure("invalid number: expected a digit after '.'") }
            skipDigits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            advance()
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { advance() }
            guard let next = peek, next.isASCIIDigit else { throw failure("invalid number: expected a digit in the exponent") }
            skipDigits()
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    // MARK: Cursor

    var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }
    var position: JSONPosition { JSONPosition(line: line, column: column) }

    /// Moves past one ASCII byte (everything the grammar itself uses is ASCII).
    mutating func advance() {
        offset += 1
        column += 1
    }

    mutating func skipDigits() {
        while let byte = peek, byte.isASCIIDigit { advance() }
    }

    mutating func skipWhitespace() {
        // One tight loop over the buffer: indentation is a large part of a pretty-printed file.
        let (end, newLines, column) = bytes.withUnsafeBufferPointer { buffer -> (Int, Int, Int) in
            var index = offset
            var newLines = 0
            var column = self.column
            while index < buffer.count {
                switch buffer[index] {
                case 0x20, 0x09, 0x0D: column += 1
                case 0x0A:
                    newLines += 1
                    column = 1
                    // The next line's indentation, eight spaces at a time.
                    while index + 9 <= buffer.count,
                          UnsafeRawPointer(buffer.baseAddress! + index + 1).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 {
                        index += 8
                        column += 8
                    }
                default: return (index, newLines, column)
                }
                index += 1
            }
            return (index, newLines, column)
        }
        offset = end
        line += newLines
        self.column = column
    }

    func failure(_ message: String, at position: JSONPosition? = nil) -> JSONSyntaxError {
        let position = position ?? self.position
        let path = stack.reduce("") { path, frame in
            switch frame.component {
            case .none: return path
            case let .key(key)?: return ProblemPath.member(path, key)
            case let .index(index)?: return ProblemPath.element(path, index)
            }
        }
        return JSONSyntaxError(message: message, line: position.line, column: position.column, path: path)
    }

    /// The character at the cursor as a message shows it: 'x', U+0007, or "end of file".
    var found: String {
        guard peek != nil else { return "end of file" }
        let text = scalarText
        if text == "'" { return "\"'\" (JSON strings use double quotes)" }
        return text.hasPrefix("U+") ? text : "'\(text)'"
    }

    var scalarText: String {
        var iterator = bytes[offset...].makeIterator()
        var decoder = UTF8()
        guard case let .scalarValue(scalar) = decoder.decode(&iterator) else { return "U+FFFD" }
        // Invisible characters (often pasted in: no-break spaces, zero-width spaces) are shown by code.
        let invisible = scalar.properties.generalCategory == .format || (scalar.properties.isWhitespace && scalar != " ")
        if scalar.value < 0x20 || scalar.value == 0x7F || invisible {
            return String(format: "U+%04X", scalar.value)
        }
        return String(scalar)
    }
}

extension UInt8 {
    var isASCIIDigit: Bool { (0x30...0x39).contains(self) }
    var isASCIILetterOrDigit: Bool { isASCIIDigit || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
    var hexDigitValue: UInt8? {
        switch self {
        case 0x30...0x39: return self - 0x30
        case 0x41...0x46: return self - 0x41 + 10
        case 0x61...0x66: return self - 0x61 + 10
        default: return nil
        }
    }
}

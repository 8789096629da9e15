/// Finds the first byte that is not well-formed UTF-8 (Unicode §3.9, table 3-7: no overlong forms,
/// no surrogates, nothing above U+10FFFF). Done once before parsing so the parser can count
/// columns by scalars and decode strings without re-checking.
enum UTF8Check {
    static func firstError(in bytes: [UInt8]) -> JSONSyntaxError? {
        guard let offset = firstInvalidOffset(in: bytes) else { return nil }
        var line = 1
        var column = 1
        // The parser skips a byte order mark without counting it, so do the same here.
        let begin = bytes.starts(with: [0xEF, 0xBB, 0xBF]) && offset >= 3 ? 3 : 0
        for byte in bytes[begin..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        var message = "invalid UTF-8 at byte offset \(offset) (byte 0x\(hex(bytes[offset])))"
        if let encoding = byteOrderMarkEncoding(bytes) {
            message += ": the file looks like \(encoding); save it as UTF-8"
        } else {
            message += "; save the file as UTF-8"
        }
        return JSONSyntaxError(message: message, line: line, column: column)
    }

    /// The encoding a byte order mark other than UTF-8's names: "UTF-32" (checked first: its
    /// little-endian mark begins with UTF-16's), "UTF-16", or nil.
    static func byteOrderMarkEncoding(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32" }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16" }
        return nil
    }

    /// 0-based offset of the first byte of the first ill-formed sequence.
    static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { raw in
            var index = 0
            while index < raw.count {
                // Runs of ASCII (most of any file) are skipped eight bytes at a time.
                if index + 8 <= raw.count,
                   raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
                if raw[index] < 0x80 {
                    index += 1
                    continue
                }
                guard let next = endOfCharacter(raw, at: index) else { return index }
                index = next
            }
            return nil
        }
    }

    /// Where the well-formed UTF-8 sequence starting with the byte at `index` (0x80 or above)
    /// ends, or nil when it is not one (table 3-7). The JSON check above and the XML scanner's
    /// one-pass encoding check (`XMLReader`) both read characters through it.
    @inline(__always)
    static func endOfCharacter(_ raw: UnsafeRawBufferPointer, at index: Int) -> Int? {
        let lead = raw[index]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard index + length <= raw.count, raw[index + 1] >= low, raw[index + 1] <= high else { return nil }
        for continuation in (index + 2)..<(index + length) where raw[continuation] & 0xC0 != 0x80 { return nil }
        return index + length
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}

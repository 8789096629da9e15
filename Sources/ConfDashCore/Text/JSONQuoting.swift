/// A JSON string literal written as UTF-8 bytes, for every JSON confdash writes (the CLI's
/// records and the schedule.json export).
///
/// Escapes what RFC 8259 requires (`"`, `\`, U+0000–U+001F, with `\b \f \n \r \t` for those that
/// have a short form) and, as `\uxxxx`, what must not act on a terminal showing the JSON: DEL,
/// the C1 controls, the bidirectional controls (U+202A–U+202E, U+2066–U+2069), and the line and
/// paragraph separators U+2028/U+2029 (valid in JSON, not in JavaScript source). The data
/// stays exact: a JSON reader gets back the same text. Swift strings hold only Unicode scalars,
/// so no lone surrogate can reach the output.
public enum JSONQuoting {
    private static let hex = Array("0123456789abcdef".utf8)

    public static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        appendQuoted(text, into: &bytes)
    }

    /// For each byte value, whether an escape can start there: below 0x20, `"`, `\`, 0x7F, 0xC2
    /// (C1) and 0xE2 (U+20xx). One look-up a byte instead of six comparisons. Written once, when
    /// first read, and only read after: safe to share between threads.
    nonisolated(unsafe) private static let mayStartEscape: UnsafePointer<Bool> = {
        let table = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
        for byte in 0..<256 {
            table[byte] = byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || byte == 0xE2
        }
        return UnsafePointer(table)
    }()

    /// The same, into any byte sink (the state file writes into a pointer buffer).
    static func appendQuoted<Sink: JSONByteSink>(_ text: String, into bytes: inout Sink) {
        bytes.append(UInt8(ascii: "\""))
        // The string's own bytes when it has them in one piece (native strings do), else a copy.
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, into: &bytes) }) == nil {
            var text = text
            text.withUTF8 { appendEscaped($0, into: &bytes) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    static func appendEscaped<Sink: JSONByteSink>(_ utf8: UnsafeBufferPointer<UInt8>, into bytes: inout Sink) {
        let mayStartEscape = Self.mayStartEscape
        var index = 0
        var run = 0  // the start of the bytes still to copy as they are
        let raw = UnsafeRawBufferPointer(utf8)
        while index < utf8.count {
            // Eight bytes at a time past those that cannot start anything escaped: most of a
            // record's text (the abstracts) is copied through this loop.
            index = ByteWords.firstMarked(raw, from: index) { word in
                ByteWords.below0x20(word) | ByteWords.equal(word, UInt8(ascii: "\"")) | ByteWords.equal(word, UInt8(ascii: "\\"))
                    | ByteWords.equal(word, 0x7F) | ByteWords.equal(word, 0xC2) | ByteWords.equal(word, 0xE2)
            }
            guard index < utf8.count else { break }
            let byte = utf8[index]
            guard mayStartEscape[Int(byte)] else {
                index += 1
                continue
            }
            var width = 1
            let scalar: UInt32
            switch byte {
            case 0xC2 where index + 1 < utf8.count && (0x80...0x9F).contains(utf8[index + 1]):
                scalar = UInt32(utf8[index + 1]); width = 2
            case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (0xA8...0xAE).contains(utf8[index + 2]):
                scalar = 0x2000 + UInt32(utf8[index + 2] - 0x80); width = 3
            case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x81 && (0xA6...0xA9).contains(utf8[index + 2]):
                scalar = 0x2040 + UInt32(utf8[index + 2] - 0x80); width = 3
            case 0xC2, 0xE2:
                index += 1
                continue
            default:
                scalar = UInt32(byte)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
            bytes.append(UInt8(ascii: "\\"))
            switch scalar {
            case 0x22: bytes.append(UInt8(ascii: "\""))
            case 0x5C: bytes.append(UInt8(ascii: "\\"))
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                bytes.append(UInt8(ascii: "u"))
                for shift: UInt32 in [12, 8, 4, 0] { bytes.append(hex[Int((scalar >> shift) & 0xF)]) }
            }
            index += width
            run = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<utf8.count]))
    }
}

/// Where `JSONQuoting` writes bytes: an array, or a writer's own buffer.
protocol JSONByteSink {
    mutating func append(_ byte: UInt8)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: JSONByteSink where Element == UInt8 {}

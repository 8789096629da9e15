/// Eight bytes of a text looked at in one go, for the loops that see every byte of a file (the XML
/// reader's character data, its control-character check). Each answer is a mask with the top bit
/// of a byte set exactly where that byte qualifies: no carry crosses from one byte to the next,
/// so the first such byte is `trailingZeroBitCount / 8` (little-endian loads) and the count is
/// `nonzeroBitCount`.
@usableFromInline
enum ByteWords {
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The bytes of `word` equal to `byte`.
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        // A byte's top bit ends up set only when all eight of its bits were clear.
        return ~(((difference & lowBits) &+ lowBits) | difference | lowBits)
    }

    /// The bytes of `word` below 0x20 (the C0 control characters).
    @inline(__always)
    static func below0x20(_ word: UInt64) -> UInt64 {
        // 0x60 added to a byte's low seven bits reaches 0x80 exactly when they are 0x20 or more.
        ~(((word & lowBits) &+ 0x6060_6060_6060_6060) | word) & highBits
    }

    /// The bytes of `word` that `JSONQuoting` must look at: below 0x20, `"`, `\`, 0x7F, and every
    /// byte of 0x80 and above. Thirteen operations for eight bytes; testing the six bytes that
    /// can start an escape one by one took three times as many.
    /// (Inlinable, with its constants written out: `JSONQuoting.needsNoEscape` is inlined into
    /// the CLI's JSON writer.)
    @inlinable @inline(__always)
    static func mayNeedJSONEscape(_ word: UInt64) -> UInt64 {
        let low = word & 0x7F7F_7F7F_7F7F_7F7F
        // Each sum below stays within its byte (seven bits plus at most 0x7F): its top bit is set
        // when the byte's low seven bits are 0x20 or more, are not '"', are not '\', are 0x7F.
        let atLeastSpace = low &+ 0x6060_6060_6060_6060
        let notQuote = (low ^ 0x2222_2222_2222_2222) &+ 0x7F7F_7F7F_7F7F_7F7F
        let notBackslash = (low ^ 0x5C5C_5C5C_5C5C_5C5C) &+ 0x7F7F_7F7F_7F7F_7F7F
        let delete = low &+ 0x0101_0101_0101_0101
        return (word | delete | ~(atLeastSpace & notQuote & notBackslash)) & 0x8080_8080_8080_8080
    }

    /// The top bits of the first `count` bytes (0...8).
    @inline(__always)
    static func firstBytes(_ count: Int) -> UInt64 {
        count >= 8 ? highBits : highBits & ((UInt64(1) << UInt64(count * 8)) &- 1)
    }

    /// From `index`, eight bytes at a time, the first byte of `raw` that `marked` flags (a mask
    /// as the functions above give), or where fewer than eight bytes are left: the caller looks at
    /// the bytes from there one by one. For the output scans (`JSONQuoting`, `TerminalText.safe`)
    /// that pass over nearly every byte without stopping.
    @inline(__always)
    static func firstMarked(_ raw: UnsafeRawBufferPointer, from index: Int, _ marked: (UInt64) -> UInt64) -> Int {
        var index = index
        while index + 8 <= raw.count {
            let mask = marked(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            if mask != 0 { return index + mask.trailingZeroBitCount / 8 }
            index += 8
        }
        return index
    }

    /// The bytes of `word` that are XML/markup whitespace: space, tab, line feed, carriage return.
    @inline(__always)
    static func spaces(_ word: UInt64) -> UInt64 {
        equal(word, 0x20) | equal(word, 0x0A) | equal(word, 0x09) | equal(word, 0x0D)
    }
}

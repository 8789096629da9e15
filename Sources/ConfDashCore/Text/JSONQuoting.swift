#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

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
    public static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        appendQuoted(text, into: &bytes)
    }

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
        guard let base = utf8.baseAddress else { return }
        forEachPiece(base, count: utf8.count, clean: { start, length in
            bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: length))
        }, escaped: { scalar in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 6) { out in
                let written = writeEscape(of: scalar, to: out.baseAddress!)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: out[0..<written]))
            }
        })
    }

    /// The one walk over a text's bytes that both writers share: `clean` gets each run that is
    /// copied as it is (possibly empty), `escaped` each scalar between two runs that needs an
    /// escape, in order. Inlined into each writer, so the closures cost no call.
    @inline(__always)
    private static func forEachPiece(_ base: UnsafePointer<UInt8>, count: Int,
                                     clean: (UnsafePointer<UInt8>, Int) -> Void, escaped: (UInt32) -> Void) {
        var index = 0
        var run = 0  // the start of the bytes still to copy as they are
        while true {
            index = nextCandidate(base, from: index, count: count)
            guard index < count else { break }
            let (scalar, width) = escape(base, at: index, count: count)
            guard scalar != notEscaped else {
                index += width
                continue
            }
            clean(base + run, index - run)
            escaped(scalar)
            index += width
            run = index
        }
        clean(base + run, count - run)
    }

    /// The most bytes `writeEscaped` writes for `count` bytes of text: a control byte becomes six
    /// (`\u001f`), a three-byte U+2028 six.
    @inline(__always)
    public static func escapedCapacity(_ count: Int) -> Int { 6 * count }

    /// `utf8` escaped as `appendQuoted` escapes it (without the quotes), written at `out`, which
    /// has room for `escapedCapacity(utf8.count)` bytes; returns how many it wrote. For writers
    /// with a pointer buffer of their own (`agenda --format json`): the clean runs between escapes
    /// are copied whole, with no capacity check per piece.
    public static func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>) -> Int {
        guard let base = utf8.baseAddress else { return 0 }
        var written = 0
        forEachPiece(base, count: utf8.count, clean: { start, length in
            ByteCopy.copy(start, to: out + written, count: length)
            written += length
        }, escaped: { scalar in
            written += writeEscape(of: scalar, to: out + written)
        })
        return written
    }

    /// Whether the `count` bytes at `base` (at most 16) need no escape at all: no byte below
    /// 0x20, no `"`, `\`, DEL, nothing from 0x80 (which may start one). For the short strings a
    /// writer copies as they are without calling `writeEscaped` (ids, names, roles: most of the
    /// CLI's JSON strings); false sends them there.
    @inlinable @inline(__always)
    public static func needsNoEscape(_ base: UnsafePointer<UInt8>, count: Int) -> Bool {
        let raw = UnsafeRawPointer(base)
        switch count {
        case 8...16:
            // Two overlapping words: every byte is the text's.
            let first = raw.loadUnaligned(as: UInt64.self)
            let last = raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
            return ByteWords.mayNeedJSONEscape(first) | ByteWords.mayNeedJSONEscape(last) == 0
        case 4..<8:
            let word = UInt64(raw.loadUnaligned(as: UInt32.self))
                | UInt64(raw.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)) << 32
            return ByteWords.mayNeedJSONEscape(word) == 0
        case 1..<4:
            // The other five bytes are "A", which needs nothing.
            let word = UInt64(base[0]) | UInt64(base[count >> 1]) << 8 | UInt64(base[count &- 1]) << 16 | 0x4141_4141_4100_0000
            return ByteWords.mayNeedJSONEscape(word) == 0
        case 0:
            return true
        default:
            return false
        }
    }

    /// What `escape` answers for bytes that stay as they are.
    private static let notEscaped = UInt32.max

    /// From `index`, the first byte that may need a look: below 0x20, `"`, `\`, DEL, or any byte
    /// of 0x80 and above (the C1 controls and U+20xx start with one; so does every other
    /// non-ASCII character, which `escape` then steps over whole). Sixteen bytes at a time with
    /// SSE2 on x86-64 (~1.2 instructions a byte), eight at a time elsewhere: most of a record's
    /// text (the abstracts) is ASCII and passes through this loop only.
    @inline(__always)
    private static func nextCandidate(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        var index = start
        #if arch(x86_64)
        if count >= 16 {
            while index &+ 16 <= count {
                let bits = sixteenBytesMayNeedEscape(base + index)
                if bits != 0 { return index &+ bits.trailingZeroBitCount }
                index &+= 16
            }
            guard index < count else { return count }
            // The last few: the sixteen bytes that end the text, less those already looked at.
            let bits = sixteenBytesMayNeedEscape(base + (count &- 16)) >> UInt32(16 &- (count &- index))
            return bits != 0 ? index &+ bits.trailingZeroBitCount : count
        }
        #endif
        let raw = UnsafeRawPointer(base)
        while index &+ 8 <= count {
            let mask = ByteWords.mayNeedJSONEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            if mask != 0 { return index &+ mask.trailingZeroBitCount / 8 }
            index &+= 8
        }
        guard index < count else { return count }
        if count >= 8 {
            // The word that ends the text, without the bytes already looked at.
            let shift = UInt64(8 &- (count &- index)) &* 8
            let word = raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self) >> shift
            let mask = ByteWords.mayNeedJSONEscape(word) & ByteWords.firstBytes(count &- index)
            return mask != 0 ? index &+ mask.trailingZeroBitCount / 8 : count
        }
        // Fewer than eight bytes in all: gathered into one word by two overlapping loads (the
        // bytes both hold are the same, so or-ing them is exact).
        let word: UInt64
        if count >= 4 {
            let first = UInt64(raw.loadUnaligned(as: UInt32.self))
            let last = UInt64(raw.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self))
            word = first | last << (UInt64(count &- 4) &* 8)
        } else {
            word = UInt64(base[0]) | UInt64(base[count >> 1]) << (UInt64(count >> 1) &* 8)
                | UInt64(base[count &- 1]) << (UInt64(count &- 1) &* 8)
        }
        let mask = ByteWords.mayNeedJSONEscape(word >> (UInt64(index) &* 8)) & ByteWords.firstBytes(count &- index)
        return mask != 0 ? index &+ mask.trailingZeroBitCount / 8 : count
    }

    #if arch(x86_64)
    /// A bit for each of the sixteen bytes at `bytes` that `nextCandidate` stops at. A signed
    /// comparison with 0x20 takes the bytes of 0x80 and above (negative) with the controls.
    @inline(__always)
    private static func sixteenBytesMayNeedEscape(_ bytes: UnsafePointer<UInt8>) -> UInt32 {
        let word = _mm_loadu_si128(UnsafeRawPointer(bytes).assumingMemoryBound(to: __m128i.self))
        let marked = _mm_or_si128(
            _mm_or_si128(_mm_cmplt_epi8(word, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(word, _mm_set1_epi8(0x22))),
            _mm_or_si128(_mm_cmpeq_epi8(word, _mm_set1_epi8(0x5C)), _mm_cmpeq_epi8(word, _mm_set1_epi8(0x7F))))
        return UInt32(truncatingIfNeeded: _mm_movemask_epi8(marked))
    }
    #endif

    /// At a byte `nextCandidate` stopped at: the scalar to escape and its width in bytes, or
    /// `notEscaped` and the width of the character to step over (a non-ASCII character that is
    /// none of the escaped ones; the text is valid UTF-8, as every Swift string).
    @inline(__always)
    private static func escape(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> (scalar: UInt32, width: Int) {
        let byte = base[index]
        if byte < 0x80 { return (UInt32(byte), 1) }
        switch byte {
        case 0xC2 where index + 1 < count && (0x80...0x9F).contains(base[index + 1]):
            return (UInt32(base[index + 1]), 2)
        case 0xE2 where index + 2 < count && base[index + 1] == 0x80 && (0xA8...0xAE).contains(base[index + 2]):
            return (0x2000 + UInt32(base[index + 2] - 0x80), 3)
        case 0xE2 where index + 2 < count && base[index + 1] == 0x81 && (0xA6...0xA9).contains(base[index + 2]):
            return (0x2040 + UInt32(base[index + 2] - 0x80), 3)
        case 0xF0...:
            return (notEscaped, min(4, count - index))
        case 0xE0...:
            return (notEscaped, min(3, count - index))
        case 0xC0...:
            return (notEscaped, min(2, count - index))
        default:
            return (notEscaped, 1)
        }
    }

    /// The escape of `scalar` (a backslash and a letter, or `\uxxxx`) at `out`; how many bytes.
    @inline(__always)
    private static func writeEscape(of scalar: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
        out[0] = UInt8(ascii: "\\")
        let short: UInt8
        switch scalar {
        case 0x22: short = UInt8(ascii: "\"")
        case 0x5C: short = UInt8(ascii: "\\")
        case 0x08: short = UInt8(ascii: "b")
        case 0x0C: short = UInt8(ascii: "f")
        case 0x0A: short = UInt8(ascii: "n")
        case 0x0D: short = UInt8(ascii: "r")
        case 0x09: short = UInt8(ascii: "t")
        default:
            out[1] = UInt8(ascii: "u")
            out[2] = hex(scalar >> 12)
            out[3] = hex(scalar >> 8)
            out[4] = hex(scalar >> 4)
            out[5] = hex(scalar)
            return 6
        }
        out[1] = short
        return 2
    }

    @inline(__always)
    private static func hex(_ value: UInt32) -> UInt8 {
        let digit = UInt8(truncatingIfNeeded: value & 0xF)
        return digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
    }
}

/// Where `JSONQuoting` writes bytes: an array, or a writer's own buffer.
protocol JSONByteSink {
    mutating func append(_ byte: UInt8)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: JSONByteSink where Element == UInt8 {}

/// Widths of text measured straight from its UTF-8 bytes when every scalar in it is one whose
/// grapheme cluster is itself: printable ASCII and controls, U+00A0–U+02FF (Latin letters and
/// symbols), U+2010–U+2027 (dashes, quotes, bullet, ellipsis) and U+2100–U+27BF (letterlike
/// symbols, arrows, mathematical operators, box drawing, blocks, shapes, symbols, dingbats).
/// None of them is an extender, joiner, spacing mark, prepend, regional indicator or Hangul
/// jamo, so between two of them Unicode breaks clusters every time except CR × LF (both zero
/// wide): the width of the text is the sum of the scalars' widths, exactly what adding up
/// `Character`s gives. Any other scalar (a combining mark, a joiner, a selector, CJK, an emoji
/// outside those blocks) answers nil and the caller takes the cluster path.
///
/// This is most of a frame: titles and names on 38C3 are German and English with dashes and
/// quotes, the panes draw box and block characters, and the generic `reduce` over `Character`s
/// was called unspecialized from the grid.
extension TerminalWidth {
    /// The width of `utf8` (valid UTF-8, as a String's), or nil when it holds a scalar outside
    /// the ranges above.
    public static func simpleWidth(ofUTF8 utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        var width = 0
        var index = 0
        let count = utf8.count
        while index < count {
            let byte = utf8[index]
            if byte < 0x80 {
                width += (byte >= 0x20 && byte != 0x7F) ? 1 : 0
                index += 1
                continue
            }
            guard let (scalarWidth, length) = simpleScalar(utf8, at: index) else { return nil }
            width += scalarWidth
            index += length
        }
        return width
    }

    /// How many bytes of `utf8` hold the longest start of it at most `limit` columns wide (cut
    /// between scalars, which there are clusters), or nil when a scalar met on the way is not
    /// one of the simple ones (then the caller measures by clusters).
    ///
    /// (Its loop repeats `simpleWidth`'s on purpose: one step function shared by both, returning
    /// an optional (width, length) for ASCII too, cost 11–12 % more instructions in this file's
    /// code on 38C3 keys — callgrind, release profiler, `j` and `PageDown` at 120x40.)
    public static func simplePrefixLength(ofUTF8 utf8: UnsafeBufferPointer<UInt8>, fitting limit: Int) -> Int? {
        var width = 0
        var index = 0
        let count = utf8.count
        while index < count {
            let byte = utf8[index]
            let scalarWidth: Int, length: Int
            if byte < 0x80 {
                scalarWidth = (byte >= 0x20 && byte != 0x7F) ? 1 : 0
                length = 1
            } else {
                guard let simple = simpleScalar(utf8, at: index) else { return nil }
                (scalarWidth, length) = simple
            }
            if width + scalarWidth > limit { return index }
            width += scalarWidth
            index += length
        }
        return count
    }

    /// The width and byte length of the non-ASCII scalar starting at `index`, if it is a simple
    /// one. The grid draws these one to a cell without the cluster rules.
    @inline(__always)
    public static func simpleScalar(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (width: Int, length: Int)? {
        let byte = utf8[index]
        if byte < 0xE0 {
            guard index + 1 < utf8.count else { return nil }
            return simpleScalar(lead: byte, utf8[index + 1], 0)
        }
        guard index + 2 < utf8.count else { return nil }
        return simpleScalar(lead: byte, utf8[index + 1], utf8[index + 2])
    }

    /// The width and byte length of the non-ASCII scalar whose UTF-8 is `lead`, `second` and (for
    /// three bytes) `third`, if it is a simple one; nil for any other.
    @inline(__always)
    private static func simpleScalar(lead byte: UInt8, _ second: UInt8, _ third: UInt8) -> (width: Int, length: Int)? {
        if byte < 0xE0 {
            // Two bytes: U+0080–U+07FF; simple up to U+02FF (lead bytes C2–CB).
            guard byte >= 0xC2, byte <= 0xCB else { return nil }
            // U+0080–U+009F are C1 controls (zero wide); the rest of U+00A0–U+02FF is one column.
            let value = (UInt32(byte & 0x1F) << 6) | UInt32(second & 0x3F)
            return (value < 0xA0 ? 0 : 1, 2)
        }
        // Three bytes, E2 xx xx: U+2000–U+2FFF.
        guard byte == 0xE2 else { return nil }
        let value = 0x2000 | (UInt32(second & 0x3F) << 6) | UInt32(third & 0x3F)
        if (0x2010...0x2027).contains(value) || (0x2500...0x259F).contains(value) { return (1, 3) }
        // Symbols, arrows, box drawing, dingbats: no mark, joiner or format character among
        // them, some wide (⌚ ⚡ ✅), so the scalar rule decides.
        if (0x2100...0x27BF).contains(value) { return (width(of: Unicode.Scalar(value)!), 3) }
        return nil
    }
}

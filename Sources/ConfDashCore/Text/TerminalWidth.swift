/// How many terminal columns text takes, computed here rather than with `wcwidth` so that the
/// CLI tables and the curses grid agree on every platform and in every locale (`wcwidth` answers -1
/// for everything but ASCII under the C locale).
///
/// The per-scalar rules follow glibc's generated UTF-8 width table, because ncurses places cells
/// with the C library's `wcwidth` and the dashboard must agree with it:
/// - 0: controls, nonspacing and enclosing marks (Mn, Me), format characters (Cf), and the
///   conjoining Hangul medial vowels and final consonants (they draw inside the initial's cells);
/// - 1: the soft hyphen and the prepended concatenation marks (Cf, but drawn, as glibc does);
/// - 2: East Asian Wide and Fullwidth;
/// - 1: everything else, including unassigned code points outside the wide blocks.
public enum TerminalWidth {
    /// Unicode 15.1 East Asian Width W and F ranges (from Python 3.13's `unicodedata`, which is
    /// built from EastAsianWidth.txt). To keep it short, neighbouring ranges are merged when every
    /// code point between them is unassigned, so later additions to those blocks (new emoji, new
    /// ideographs) are already wide. Planes 2 and 3 are wide as a whole (EastAsianWidth's default
    /// for them). Two glibc additions: U+3248–324F and U+4DC0–4DFF, which it draws wide.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
        0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
        0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
        0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
        0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0xA4C6, 0xA960...0xA97C, 0xAC00...0xD7A3, 0xF900...0xFAD9,
        0xFE10...0xFE19, 0xFE30...0xFE6B, 0xFF01...0xFF60, 0xFFE0...0xFFE6,
        0x16FE0...0x1B2FB, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E,
        0x1F191...0x1F19A, 0x1F200...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C,
        0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0,
        0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440, 0x1F442...0x1F4FC,
        0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A,
        0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5,
        0x1F6CC...0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6DF, 0x1F6EB...0x1F6EC,
        0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945,
        0x1F947...0x1F9FF, 0x1FA70...0x1FAF8, 0x20000...0x3FFFD,
    ]

    /// Prepended_Concatenation_Mark: format characters that are nevertheless drawn (Arabic number
    /// signs and the like). The standard library has no property for them.
    static let drawnFormatCharacters: Set<UInt32> = [
        0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2,
        0x110BD, 0x110CD,
    ]

    static func isWide(_ value: UInt32) -> Bool {
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        if value < 0xA0 { return 0 }
        if value == 0xAD || drawnFormatCharacters.contains(value) { return 1 }
        // Latin letters, symbols and the common punctuation (– — ‘ ’ “ ” • …): no marks, format
        // characters or wide ones among them, so no need to look their category up.
        if value < 0x300 || (0x2010...0x2027).contains(value) { return 1 }
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: return isWide(value) ? 2 : 1
        }
    }

    /// A grapheme cluster is the sum of its scalars, which for ordinary text is the width of its
    /// base (marks are 0), and also what a `wcwidth`-based terminal or ncurses advances for
    /// clusters with spacing marks (Devanagari, Thai). Emoji sequences are the exception: one
    /// wide glyph, whatever they are made of.
    public static func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        guard let second = iterator.next() else { return width(of: first) }
        if isEmojiSequence(first: first, second: second, scalars: scalars) { return 2 }
        return scalars.reduce(0) { $0 + width(of: $1) }
    }

    private static func isEmojiSequence(first: Unicode.Scalar, second: Unicode.Scalar,
                                        scalars: Character.UnicodeScalarView) -> Bool {
        let regionalIndicators: ClosedRange<UInt32> = 0x1F1E6...0x1F1FF
        if regionalIndicators.contains(first.value) { return regionalIndicators.contains(second.value) }
        guard first.properties.isEmoji else { return false }
        // VS16 asks for the emoji glyph even after `1`, `#` or `©` (keycaps, text-default symbols).
        if scalars.contains("\u{FE0F}") { return true }
        // A ZWJ after an ASCII digit is not an emoji sequence; after a pictograph it is.
        guard !first.isASCII else { return false }
        return scalars.contains { $0 == "\u{200D}" || $0.properties.isEmojiModifier }
    }
}

extension Unicode.Scalar {
    public var terminalWidth: Int { TerminalWidth.width(of: self) }
}

extension Character {
    public var terminalWidth: Int { TerminalWidth.width(of: self) }
}

extension StringProtocol {
    public var terminalWidth: Int {
        // Straight from the bytes when every scalar is its own cluster (TerminalWidthFastPath).
        if let simple = utf8.withContiguousStorageIfAvailable(TerminalWidth.simpleWidth(ofUTF8:)), let width = simple { return width }
        return reduce(0) { $0 + $1.terminalWidth }
    }
}

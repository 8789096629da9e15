/// What one pass over a text says about the work `MarkupCleaner.clean` has to do on it. Most
/// abstracts of a large schedule are plain, already tidy text: those are handed back as they are,
/// without copying them through the HTML and Markdown strippers, the entity decoder and the
/// whitespace tidier (which together were a fifth of opening a schedule).
struct TextShape {
    /// No `<` or `&`, no inline Markdown marker (`[ * _ ` \`) and no line that starts with a block
    /// marker (`# > - * + _ ` ~`): neither stripper nor the entity decoder would change it.
    private(set) var isPlain = true
    /// Exactly what tidying gives back: no tab or carriage return, no space next to a space or a
    /// line break, no more than one blank line, no whitespace at either end.
    private(set) var isTidy = true
    /// Whether the text holds a `<` (the HTML stripper has work) or a `&` (the entity decoder has):
    /// known from this pass, so the cleaner does not look for them again.
    private(set) var hasAngle = false
    private(set) var hasAmpersand = false

    /// What a byte is to this pass; 0 for the bytes (letters, digits, most punctuation, every byte
    /// of a multi-byte character) that change nothing, so the loop looks at each byte once and
    /// branches only on the few that matter.
    private enum Kind {
        static let ordinary: UInt8 = 0, inline: UInt8 = 1, block: UInt8 = 2, tabOrReturn: UInt8 = 3, space: UInt8 = 4,
                   lineFeed: UInt8 = 5, angle: UInt8 = 6, ampersand: UInt8 = 7
    }

    private static let kinds: [UInt8] = {
        var table = [UInt8](repeating: Kind.ordinary, count: 256)
        for byte in "[*_`\\".utf8 { table[Int(byte)] = Kind.inline }
        for byte in "#>-+~".utf8 { table[Int(byte)] = Kind.block }
        table[0x09] = Kind.tabOrReturn
        table[0x0D] = Kind.tabOrReturn
        table[0x20] = Kind.space
        table[0x0A] = Kind.lineFeed
        table[Int(UInt8(ascii: "<"))] = Kind.angle
        table[Int(UInt8(ascii: "&"))] = Kind.ampersand
        return table
    }()

    init(_ text: String) {
        var text = text
        var plain = true, tidy = true, angle = false, ampersand = false
        defer { isPlain = plain; isTidy = tidy; hasAngle = angle; hasAmpersand = ampersand }
        text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return }
            if first == 0x20 || first == 0x0A || last == 0x20 || last == 0x0A { tidy = false }
            Self.kinds.withUnsafeBufferPointer { kinds in
                // The byte before a space or a line feed is read back from the text when one comes;
                // the text starts as a line does (two line feeds before it).
                var lineHasText = false
                var index = 0
                let count = bytes.count
                while index < count {
                    // A run of ordinary bytes (most of a text) in a loop of its own: two loads and
                    // a test a byte, where the switch below costs a jump through its table.
                    var kind = kinds[Int(bytes[index])]
                    if kind == Kind.ordinary {
                        lineHasText = true
                        repeat {
                            index += 1
                            if index == count { return }
                            kind = kinds[Int(bytes[index])]
                        } while kind == Kind.ordinary
                    }
                    index += 1
                    switch kind {
                    case Kind.inline:
                        plain = false
                        lineHasText = true
                    case Kind.block:
                        // Block markers count only first on a line (after its indentation).
                        if !lineHasText { plain = false }
                        lineHasText = true
                    case Kind.tabOrReturn:
                        tidy = false
                    case Kind.space:
                        let previous = index >= 2 ? bytes[index - 2] : 0x0A
                        if previous == 0x20 || previous == 0x0A { tidy = false }
                    case Kind.lineFeed:
                        let previous = index >= 2 ? bytes[index - 2] : 0x0A
                        let beforePrevious = index >= 3 ? bytes[index - 3] : 0x0A
                        if previous == 0x20 || (previous == 0x0A && beforePrevious == 0x0A) { tidy = false }
                        lineHasText = false
                    case Kind.angle:
                        plain = false
                        angle = true
                        lineHasText = true
                    default:
                        plain = false
                        ampersand = true
                        lineHasText = true
                    }
                }
            }
        }
    }
}

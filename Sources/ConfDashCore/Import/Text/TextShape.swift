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

    init(_ text: String) {
        var text = text
        var plain = true, tidy = true
        defer { isPlain = plain; isTidy = tidy }
        text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return }
            if first == 0x20 || first == 0x0A || last == 0x20 || last == 0x0A { tidy = false }
            var previous: UInt8 = 0x0A       // the text starts as a line does
            var beforePrevious: UInt8 = 0x0A
            var lineHasText = false
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "["), UInt8(ascii: "*"), UInt8(ascii: "_"),
                     UInt8(ascii: "`"), UInt8(ascii: "\\"):
                    plain = false
                case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "~"):
                    // Block markers count only first on a line (after its indentation).
                    if !lineHasText { plain = false }
                case 0x09, 0x0D:
                    tidy = false
                case 0x20:
                    if previous == 0x20 || previous == 0x0A { tidy = false }
                case 0x0A:
                    if previous == 0x20 || (previous == 0x0A && beforePrevious == 0x0A) { tidy = false }
                    lineHasText = false
                default:
                    break
                }
                if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { lineHasText = true }
                beforePrevious = previous
                previous = byte
            }
        }
    }
}

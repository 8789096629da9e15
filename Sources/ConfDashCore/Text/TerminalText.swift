/// The one place where text from a file is made safe to show on a terminal.
///
/// A title, room or name from a stranger's schedule may hold escape sequences (ESC, CSI `U+009B`,
/// OSC `ESC ] 0;… BEL`), backspaces or bidirectional overrides that would retitle the user's
/// terminal, clear it, or make text read other than it is. Every output that a terminal may show
/// (the text output of every command, the Markdown export, problem lines, the dashboard's cells)
/// goes through `safe`, which replaces each such character by a visible placeholder:
///
/// - C0 controls except tab and line feed: the matching Control Pictures symbol (`ESC` → `␛`,
///   `BEL` → `␇`, `CR` → `␍`), so the reader sees what was there;
/// - DEL: `␡`;
/// - C1 controls (U+0080–U+009F) and the bidirectional embeddings, overrides and isolates
///   (U+202A–U+202E, U+2066–U+2069): `�`.
///
/// Machine formats keep their own rules: JSON escapes control characters, CSV quotes them
/// (`CSVWriter`), iCalendar and XML exports escape or drop them.
public enum TerminalText {
    /// Whether `scalar` must not reach a terminal as it is.
    @inline(__always)
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return false
        case 0x00..<0x20, 0x7F, 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// What is shown instead of an unsafe scalar.
    public static func placeholder(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x00..<0x20: return Unicode.Scalar(0x2400 + scalar.value)!
        case 0x7F: return "\u{2421}"
        default: return "\u{FFFD}"
        }
    }

    /// `text` with every unsafe character replaced by its placeholder; the same string (no copy)
    /// when there is none, which is nearly always. A carriage return just before a line feed is
    /// a line end (CSV and iCalendar on standard output), not a way to overwrite a line, and stays.
    public static func safe(_ text: String) -> String {
        var text = text
        // Most texts are safe and come back without a copy.
        guard let safe = text.withUTF8({ safeBytes($0) }) else { return text }
        return String(decoding: safe, as: UTF8.self)
    }

    /// `safe` on UTF-8 bytes: nil when there is nothing to replace (nearly always), else the bytes
    /// with every unsafe character replaced. The exports' standard output goes through here
    /// without becoming a String.
    public static func safeBytes(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        // Every unsafe scalar has a lead byte below 0x20, 0x7F, 0xC2 (C1) or 0xE2 (U+202x/U+206x),
        // and a CR before an LF is allowed: most texts, CSV and iCalendar with their CRLF line ends
        // included, are decided by one pass over their bytes.
        guard let firstUnsafe = firstUnsafe(utf8) else { return nil }
        // Rebuilt as bytes from the first unsafe character on: appending scalar by scalar to a
        // String was a third of writing a large CSV export to standard output.
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count + 64)
        result.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[0..<firstUnsafe]))
        var index = firstUnsafe
        var run = index
        while index < utf8.count {
            let byte = utf8[index]
            let width = byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 ? unsafeWidth(utf8, at: index) : 0
            guard width > 0 else { index += 1; continue }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
            let value: UInt32 = width == 1 ? UInt32(byte) : width == 2 ? UInt32(utf8[index + 1])
                : UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F) | 0x2000
            result.append(contentsOf: String(placeholder(for: Unicode.Scalar(value)!)).utf8)
            index += width
            run = index
        }
        result.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<utf8.count]))
        return result
    }

    private static func firstUnsafe(_ utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let raw = UnsafeRawBufferPointer(utf8)
        while index < utf8.count {
            // Eight bytes at a time past words with no candidate (tab and line feed are safe):
            // every byte a command prints goes through here.
            index = ByteWords.firstMarked(raw, from: index) { word in
                ByteWords.below0x20(word) & ~(ByteWords.equal(word, 0x09) | ByteWords.equal(word, 0x0A))
                    | ByteWords.equal(word, 0x7F) | ByteWords.equal(word, 0xC2) | ByteWords.equal(word, 0xE2)
            }
            guard index < utf8.count else { break }
            let byte = utf8[index]
            if byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2, unsafeWidth(utf8, at: index) > 0 { return index }
            index += 1
        }
        return nil
    }

    /// The length in bytes of the unsafe character starting at `index`, or 0 when it is safe.
    /// A CR just before an LF is a line end, not a way to overwrite a line: safe.
    @inline(__always)
    private static func unsafeWidth(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = utf8[index]
        switch byte {
        case 0x09, 0x0A: return 0
        case 0x0D: return index + 1 < utf8.count && utf8[index + 1] == 0x0A ? 0 : 1
        case 0..<0x20, 0x7F: return 1
        case 0xC2: return index + 1 < utf8.count && (0x80...0x9F).contains(utf8[index + 1]) ? 2 : 0
        case 0xE2:
            guard index + 2 < utf8.count else { return 0 }
            let second = utf8[index + 1], third = utf8[index + 2]
            return (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third)) ? 3 : 0
        default: return 0
        }
    }

    /// JSON text with DEL, C1 controls and bidirectional controls written as `\uXXXX` escapes
    /// (JSON encoders escape only U+0000–U+001F): the data stays exact, and nothing in it acts
    /// on a terminal showing the JSON. Valid because these characters can only be inside strings.
    public static func escapedJSON(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: isUnsafe) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if isUnsafe(scalar) && scalar.value >= 0x20 {
                let hex = String(scalar.value, radix: 16)
                result.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// As `safe`, and a line break shown as `␊` too: for what must stay on one line (a problem
    /// message quoting the file, a cell of the dashboard).
    public static func safeLine(_ text: String) -> String {
        let safe = safe(text)
        guard safe.utf8.contains(0x0A) else { return safe }
        return String(String.UnicodeScalarView(safe.unicodeScalars.map { $0 == "\n" ? "\u{240A}" : $0 }))
    }
}

/// Turns the HTML and Markdown that schedules put in abstracts into plain text for a terminal:
/// tags and markers go, their meaning stays (paragraphs, list bullets, link targets).
///
/// Deliberately conservative: only known HTML tag names are removed, so "I <3 hardware" and
/// "a < b" survive; emphasis markers go only when they clearly pair up, so `snake_case` and
/// `2*3*4` survive. Works on UTF-8 bytes: all markup is ASCII, and no byte of a multi-byte
/// character is ASCII, so this is safe and several times faster than walking Characters.
enum MarkupCleaner {
    /// An abstract or description: paragraphs kept, at most one blank line between them.
    static func clean(_ text: String) -> String {
        let shape = TextShape(text)
        if shape.isPlain && shape.isTidy { return text }
        return cleanFully(text, shape: shape)
    }

    /// `clean` without the shortcuts `TextShape` allows (the tests check both give the same).
    static func cleanFully(_ text: String, plain: Bool = false) -> String {
        var bytes = Array(text.utf8)
        if bytes.contains(UInt8(ascii: "<")) { bytes = HTMLStripper.strip(bytes) }
        // Without a Markdown marker the stripper would only trim each line, which the tidying
        // below does as well.
        if !plain { bytes = MarkdownStripper.strip(bytes) }
        if bytes.contains(UInt8(ascii: "&")) { bytes = HTMLEntities.decode(bytes) }
        return String(decoding: tidyWhitespace(bytes), as: UTF8.self)
    }

    /// `cleanFully`, skipping the passes `shape` (of the same text) says have nothing to do: no
    /// `<`, no HTML to strip; no `&` before stripping, none after (the strippers only move and
    /// remove bytes, or add their own bullets and brackets).
    private static func cleanFully(_ text: String, shape: TextShape) -> String {
        var bytes = Array(text.utf8)
        if shape.hasAngle { bytes = HTMLStripper.strip(bytes) }
        if !shape.isPlain { bytes = MarkdownStripper.strip(bytes) }
        if shape.hasAmpersand, bytes.contains(UInt8(ascii: "&")) { bytes = HTMLEntities.decode(bytes) }
        return String(decoding: tidyWhitespace(bytes), as: UTF8.self)
    }

    /// A title or a name: entities decoded, all whitespace (line breaks too) made single spaces.
    static func cleanLine(_ text: String) -> String {
        // Already clean (the usual case): no entity, no whitespace but single inner spaces.
        // Through a buffer: a title, a name and a room per session come this way.
        var text = text
        let clean = text.withUTF8 { utf8 in
            var previous: UInt8 = 0x20
            for byte in utf8 {
                if byte == UInt8(ascii: "&") || byte == 0x0A || byte == 0x09 || byte == 0x0D || (byte == 0x20 && previous == 0x20) { return false }
                previous = byte
            }
            return utf8.last != 0x20
        }
        if clean { return text }
        var bytes = Array(text.utf8)
        if bytes.contains(UInt8(ascii: "&")) { bytes = HTMLEntities.decode(bytes) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for byte in bytes {
            if isSpace(byte) {
                if let last = result.last, last != 0x20 { result.append(0x20) }
            } else {
                result.append(byte)
            }
        }
        if result.last == 0x20 { result.removeLast() }
        return String(decoding: result, as: UTF8.self)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// Each line trimmed and its inner runs of spaces made one; runs of blank lines made one; no
    /// blank lines at either end. One pass: whitespace is only written out when text follows it.
    static func tidyWhitespace(_ bytes: [UInt8]) -> [UInt8] {
        // Written through buffers: this loop sees every byte of every abstract. The result is
        // never longer than the input, as whitespace only ever shrinks. Runs of bytes above
        // 0x20 (words) are copied eight at a time: a whole word is stored and the count moves on
        // by the run's length, which stays inside the buffer since the output never passes the input.
        [UInt8](unsafeUninitializedCapacity: bytes.count) { output, written in
            var count = 0
            /// What whitespace waits to be written before the next text: none, a space, one line
            /// break, two or more (written as one blank line).
            var pending = Pending.none
            let out = UnsafeMutableRawBufferPointer(output)
            bytes.withUnsafeBytes { input in
                var index = 0
                while index < input.count {
                    if index + 8 <= input.count {
                        let word = input.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                        let stops = atMost0x20(word)
                        let length = stops == 0 ? 8 : stops.trailingZeroBitCount / 8
                        if length > 0 {
                            if pending != .none {
                                if count > 0 { count = write(pending, into: out, at: count) }
                                pending = .none
                            }
                            out.storeBytes(of: word, toByteOffset: count, as: UInt64.self)
                            count += length
                            index += length
                            continue
                        }
                    }
                    let byte = input[index]
                    index += 1
                    switch byte {
                    case 0x0A:
                        pending = pending == .none || pending == .space ? .oneBreak : .blankLine
                    case 0x20, 0x09, 0x0D:
                        if pending == .none { pending = .space }
                    default:
                        if pending != .none {
                            if count > 0 { count = write(pending, into: out, at: count) }
                            pending = .none
                        }
                        out[count] = byte
                        count += 1
                    }
                }
            }
            written = count
        }
    }

    private enum Pending { case none, space, oneBreak, blankLine }

    @inline(__always)
    private static func write(_ pending: Pending, into out: UnsafeMutableRawBufferPointer, at count: Int) -> Int {
        switch pending {
        case .none: return count
        case .space: out[count] = 0x20; return count + 1
        case .oneBreak: out[count] = 0x0A; return count + 1
        case .blankLine: out[count] = 0x0A; out[count + 1] = 0x0A; return count + 2
        }
    }

    /// The bytes of `word` at or below 0x20: whitespace and the C0 controls (top bit of each).
    @inline(__always)
    private static func atMost0x20(_ word: UInt64) -> UInt64 {
        // 0x5F added to a byte's low seven bits reaches 0x80 exactly when they are 0x21 or more.
        ~(((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x5F5F_5F5F_5F5F_5F5F) | word) & ByteWords.highBits
    }
}

/// `&amp;`, `&hellip;`, `&#8211;`, `&#x2013;`. Names not in the table are left as written.
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "hellip": "…", "mdash": "—",
        "ndash": "–", "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„", "laquo": "«",
        "raquo": "»", "bull": "•", "middot": "·", "copy": "©", "reg": "®", "trade": "™", "euro": "€", "deg": "°",
        "times": "×", "shy": "", "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü",
        "szlig": "ß", "eacute": "é", "egrave": "è", "ecirc": "ê", "agrave": "à", "aacute": "á", "ccedil": "ç",
        "oacute": "ó", "iacute": "í", "uacute": "ú", "ntilde": "ñ", "Eacute": "É", "larr": "←", "rarr": "→", "hearts": "♥",
    ]

    static func decode(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&") else {
                result.append(byte)
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count, end - index <= 10, bytes[end].isASCIILetterOrDigit || bytes[end] == UInt8(ascii: "#") { end += 1 }
            if end < bytes.count, bytes[end] == UInt8(ascii: ";"), let decoded = value(String(decoding: bytes[(index + 1)..<end], as: UTF8.self)) {
                result.append(contentsOf: decoded.utf8)
                index = end + 1
            } else {
                result.append(byte)
                index += 1
            }
        }
        return result
    }

    private static func value(_ name: String) -> String? {
        guard name.hasPrefix("#") else { return named[name] }
        let digits = name.dropFirst()
        let number = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        guard let number, number != 0, let scalar = UnicodeScalar(number) else { return nil }
        return String(Character(scalar))
    }
}

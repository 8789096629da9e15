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
        return cleanFully(text, plain: shape.isPlain)
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
    private static func tidyWhitespace(_ bytes: [UInt8]) -> [UInt8] {
        // Written through buffers: this loop sees every byte of every abstract. The result is
        // never longer than the input, as whitespace only ever shrinks.
        [UInt8](unsafeUninitializedCapacity: bytes.count) { output, written in
            var count = 0
            var pendingSpace = false
            var pendingBreaks = 0
            bytes.withUnsafeBufferPointer { input in
                for byte in input {
                    switch byte {
                    case 0x0A:
                        pendingBreaks += 1
                        pendingSpace = false
                    case 0x20, 0x09, 0x0D:
                        pendingSpace = true
                    default:
                        if count > 0 {
                            if pendingBreaks > 0 {
                                output[count] = 0x0A
                                count += 1
                                if pendingBreaks > 1 {
                                    output[count] = 0x0A
                                    count += 1
                                }
                            } else if pendingSpace {
                                output[count] = 0x20
                                count += 1
                            }
                        }
                        pendingBreaks = 0
                        pendingSpace = false
                        output[count] = byte
                        count += 1
                    }
                }
            }
            written = count
        }
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

/// Where text sits in a field wider than itself.
public enum TextAlignment: String, Sendable, CaseIterable {
    case left, right, center
}

extension String {
    /// The longest prefix of whole grapheme clusters that fits in `width` columns with `ellipsis`
    /// after it, or the string itself when it fits. Spaces before the ellipsis are dropped, so the
    /// result can be narrower than `width` (also when a wide character does not fit); when even the
    /// ellipsis does not fit, the prefix is returned without it.
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        guard terminalWidth > width else { return self }
        guard width > 0 else { return "" }
        let ellipsisWidth = ellipsis.terminalWidth
        guard ellipsisWidth <= width else { return prefix(fittingWidth: width) }
        var kept = Substring(prefix(fittingWidth: width - ellipsisWidth))
        if !ellipsis.isEmpty {
            while let last = kept.last, last.isWhitespace { kept = kept.dropLast() }
        }
        return String(kept) + ellipsis
    }

    /// `String(repeating: piece, count: count)` (no text for a count below 1), written into the
    /// new string's storage at once: the standard library's appends the piece `count` times,
    /// ~3,000 instructions for a row's padding, 0.23 M of the 38C3 first frame (issue 13).
    public static func repeating(_ piece: String, count: Int) -> String {
        guard count > 0 else { return "" }
        var piece = piece
        return piece.withUTF8 { bytes in
            guard !bytes.isEmpty else { return "" }
            return String(unsafeUninitializedCapacity: bytes.count * count) { buffer in
                var offset = 0
                for _ in 0..<count {
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[offset..<offset + bytes.count]).initialize(from: bytes)
                    offset += bytes.count
                }
                return offset
            }
        }
    }

    /// Spaces added to reach `width` columns; a string already as wide or wider is returned as is.
    public func padded(toWidth width: Int, alignment: TextAlignment = .left) -> String {
        let missing = width - terminalWidth
        guard missing > 0 else { return self }
        switch alignment {
        case .left: return self + String.repeating(" ", count: missing)
        case .right: return String.repeating(" ", count: missing) + self
        case .center:
            let before = missing / 2
            return String.repeating(" ", count: before) + self + String.repeating(" ", count: missing - before)
        }
    }

    /// Exactly `width` columns: truncated, then padded. This is what a grid cell needs; a wide
    /// character cut at the edge becomes padding.
    public func fitted(toWidth width: Int, alignment: TextAlignment = .left, ellipsis: String = "…") -> String {
        truncated(toWidth: width, ellipsis: ellipsis).padded(toWidth: width, alignment: alignment)
    }

    /// Lines of at most `width` columns, broken between words. Line breaks in the text are kept;
    /// runs of spaces collapse to one; a word wider than `width` is cut between grapheme clusters.
    /// A line is wider than `width` only when a single cluster is (a wide character at width 1).
    /// No-break spaces (U+00A0, U+2007, U+202F) hold their neighbours together, as French
    /// typography needs before `:` or inside « ».
    public func wrapped(toWidth width: Int) -> [String] {
        let width = Swift.max(width, 1)
        // Text of simple scalars only (most abstracts and fields): words and widths straight
        // from the bytes. The same lines as the Character path below, which took 0.85 M
        // instructions for the detail view of the 38C3 first frame (issue 13).
        if let lines = utf8.withContiguousStorageIfAvailable({ wrapSimple($0, width: width) }), let lines { return lines }
        return split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .flatMap { wrapParagraph($0, width: width) }
    }

    private func prefix(fittingWidth width: Int) -> String {
        if let simple = utf8.withContiguousStorageIfAvailable({ TerminalWidth.simplePrefixLength(ofUTF8: $0, fitting: width) }),
           let length = simple {
            return String(self[..<utf8.index(startIndex, offsetBy: length)])
        }
        var used = 0
        var end = startIndex
        for character in self {
            let characterWidth = character.terminalWidth
            if used + characterWidth > width { break }
            used += characterWidth
            end = index(after: end)
        }
        return String(self[..<end])
    }
}

extension Array where Element == String {
    /// `joined(separator:)`, specialised: the standard library's is called unspecialised from
    /// the views, and its first call in a process looks up its generic requirements at run time,
    /// 0.27 M instructions of the 38C3 first frame (issue 13). Same text.
    public func joinedText(separator: String) -> String {
        var text = ""
        for (position, element) in enumerated() {
            if position > 0 { text += separator }
            text += element
        }
        return text
    }
}

private let noBreakSpaces: Set<Character> = ["\u{00A0}", "\u{2007}", "\u{202F}"]

private func isBreakingSpace(_ character: Character) -> Bool {
    character.isWhitespace && !noBreakSpaces.contains(character)
}

/// `wrapped(toWidth:)` for text made only of printable ASCII, spaces, tabs, line feeds and the
/// simple scalars of `TerminalWidth.simpleScalar` that are at least one column wide (nil for
/// any other): each scalar is then a Character of its own (TerminalWidthFastPath), none of them
/// a space but the space and the tab, none a line break but the line feed (U+0085 is a zero-wide
/// C1 control, so left out), and a no-break space (U+00A0) holds its word together as in
/// `isBreakingSpace`. Words, widths and cuts are then the bytes', with the lines `wrapParagraph`
/// gives on each paragraph.
private func wrapSimple(_ bytes: UnsafeBufferPointer<UInt8>, width: Int) -> [String]? {
    let count = bytes.count
    var check = 0
    while check < count {
        let byte = bytes[check]
        if byte < 0x80 {
            guard (byte >= 0x20 && byte < 0x7F) || byte == 0x09 || byte == 0x0A else { return nil }
            check += 1
        } else {
            guard let (scalarWidth, length) = TerminalWidth.simpleScalar(bytes, at: check), scalarWidth > 0 else { return nil }
            check += length
        }
    }
    /// The width and byte length of the scalar at `index` (checked above).
    func scalar(at index: Int) -> (width: Int, length: Int) {
        bytes[index] < 0x80 ? (1, 1) : TerminalWidth.simpleScalar(bytes, at: index)!
    }
    var lines: [String] = []
    var line: [UInt8] = []
    line.reserveCapacity(width)
    var lineWidth = 0
    var index = 0
    while true {
        // One paragraph: up to the next line feed.
        var end = index
        while end < count, bytes[end] != 0x0A { end += 1 }
        line.removeAll(keepingCapacity: true)
        lineWidth = 0
        var start = index
        while start < end {
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            guard start < end else { break }
            var wordEnd = start
            var wordWidth = 0
            while wordEnd < end, bytes[wordEnd] != 0x20, bytes[wordEnd] != 0x09 {
                let (scalarWidth, length) = scalar(at: wordEnd)
                wordWidth += scalarWidth
                wordEnd += length
            }
            if !line.isEmpty && lineWidth + 1 + wordWidth <= width {
                line.append(0x20)
                line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<wordEnd]))
                lineWidth += 1 + wordWidth
            } else {
                if !line.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) }
                line.removeAll(keepingCapacity: true)
                lineWidth = 0
                var at = start
                while at < wordEnd {
                    let (scalarWidth, length) = scalar(at: at)
                    if !line.isEmpty && lineWidth + scalarWidth > width {
                        lines.append(String(decoding: line, as: UTF8.self))
                        line.removeAll(keepingCapacity: true)
                        lineWidth = 0
                    }
                    line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[at..<at + length]))
                    lineWidth += scalarWidth
                    at += length
                }
            }
            start = wordEnd
        }
        lines.append(String(decoding: line, as: UTF8.self))
        guard end < count else { return lines }
        index = end + 1
    }
}

private func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    for word in paragraph.split(whereSeparator: isBreakingSpace) {
        let wordWidth = word.terminalWidth
        if !line.isEmpty && lineWidth + 1 + wordWidth <= width {
            line += " "
            line.append(contentsOf: word)   // String's own overload: `+ word` was the generic one
            lineWidth += 1 + wordWidth
            continue
        }
        if !line.isEmpty { lines.append(line) }
        line = ""
        lineWidth = 0
        for character in word {
            let characterWidth = character.terminalWidth
            if !line.isEmpty && lineWidth + characterWidth > width {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            line.append(character)
            lineWidth += characterWidth
        }
    }
    lines.append(line)
    return lines
}

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

    /// Spaces added to reach `width` columns; a string already as wide or wider is returned as is.
    public func padded(toWidth width: Int, alignment: TextAlignment = .left) -> String {
        let missing = width - terminalWidth
        guard missing > 0 else { return self }
        switch alignment {
        case .left: return self + String(repeating: " ", count: missing)
        case .right: return String(repeating: " ", count: missing) + self
        case .center:
            let before = missing / 2
            return String(repeating: " ", count: before) + self + String(repeating: " ", count: missing - before)
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

private let noBreakSpaces: Set<Character> = ["\u{00A0}", "\u{2007}", "\u{202F}"]

private func isBreakingSpace(_ character: Character) -> Bool {
    character.isWhitespace && !noBreakSpaces.contains(character)
}

private func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    for word in paragraph.split(whereSeparator: isBreakingSpace) {
        let wordWidth = word.terminalWidth
        if !line.isEmpty && lineWidth + 1 + wordWidth <= width {
            line += " " + word
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

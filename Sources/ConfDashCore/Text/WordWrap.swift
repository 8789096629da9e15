extension String {
    /// Lines of at most `width` columns that break only between words: a word wider than a
    /// whole line is cut with "…" rather than broken in two ("Neurobiologisc / he" reads as two
    /// words). For narrow columns such as the room grid's, where the full text is one key away.
    public func wrappedAtWords(toWidth width: Int) -> [String] {
        let width = Swift.max(width, 1)
        var lines: [String] = []
        for paragraph in split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                let piece = String(word).truncated(toWidth: width)
                let pieceWidth = piece.terminalWidth
                if !line.isEmpty && lineWidth + 1 + pieceWidth <= width {
                    line += " " + piece
                    lineWidth += 1 + pieceWidth
                } else {
                    if !line.isEmpty { lines.append(line) }
                    line = piece
                    lineWidth = pieceWidth
                }
            }
            lines.append(line)
        }
        return lines
    }
}

import ConfDashCore

/// One terminal cell: a grapheme and its style. A double-width grapheme occupies its cell and
/// the next; that next cell holds an empty `grapheme` and is never drawn on its own.
public struct Cell: Equatable, Hashable, Sendable {
    public var grapheme: String
    public var style: Style

    public init(_ grapheme: String = " ", style: Style = .plain) { self.grapheme = grapheme; self.style = style }
    public static let blank = Cell()
    /// The right half of a double-width grapheme.
    public var isContinuation: Bool { grapheme.isEmpty }
}

/// The whole screen in memory. Views draw here, never into the terminal; the backend diffs two
/// grids and sends only what changed, and `snapshot` prints one as text.
public struct CellGrid: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Web addresses drawn over some cells (Hyperlink.swift): the terminal makes them clickable.
    public internal(set) var links: [Hyperlink] = []

    public init(size: Size) {
        self.size = Size(width: max(size.width, 0), height: max(size.height, 0))
        cells = Array(repeating: .blank, count: self.size.width * self.size.height)
    }

    public var bounds: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
        return cells[y * size.width + x]
    }

    /// One-character strings for the ASCII bytes, made once rather than for every cell drawn.
    private static let asciiGraphemes: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// Sets one cell, keeping double-width pairs whole: overwriting either half of a wide
    /// grapheme blanks the other half, so no half-character is ever left on screen.
    mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        let index = y * size.width + x
        let width = size.width
        // Through one buffer: each subscript of the array checked its uniqueness and bounds again
        // (up to five a cell; 0.42 M instructions for the 38C3 first frame's 3,095 cells, issue 13).
        cells.withUnsafeMutableBufferPointer { cells in
            if cells[index].isContinuation, x > 0 {
                cells[index - 1] = Cell(" ", style: cells[index - 1].style)
            }
            if x + 1 < width, cells[index + 1].isContinuation {
                cells[index + 1] = Cell(" ", style: cells[index + 1].style)
            }
            cells[index] = cell
        }
    }

    /// Fills `rect` (clipped to the grid) with `character` in `style`.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        let clipped = clip(rect)
        guard !clipped.isEmpty else { return }
        let cell = Cell(String(character), style: style)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { set(x, y, cell) }
        }
    }

    /// Writes `text` from (x, y) on one row, clipped to `limit` columns and to the grid.
    /// Text that does not fit ends in "…" (trailing spaces are simply dropped): nothing is ever cut
    /// silently. Control characters from data show as placeholders (`TerminalText`: `␛`, `�`), tabs
    /// and line breaks as spaces; a wide grapheme that would straddle the limit becomes a space
    /// instead. Returns the number of columns written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, limit: Int? = nil, style: Style = .plain) -> Int {
        guard y >= 0, y < size.height else { return 0 }
        let end = limit.map { min(size.width, x + $0) } ?? size.width
        let text = Self.cutToFit(text, x: x, end: end)
        var column = x
        let utf8 = text.utf8
        var offset = 0
        while offset < utf8.count, column < end {
            // The simple graphemes straight from the string's bytes (native strings hold them in
            // one piece), up to the first that needs the cluster rules.
            if let stopped = utf8.withContiguousStorageIfAvailable({ bytes in
                drawSimpleRun(bytes, from: offset, column: &column, end: end, y: y, style: style)
            }) {
                offset = stopped
                guard offset < utf8.count, column < end else { break }
            }
            let index = utf8.index(utf8.startIndex, offsetBy: offset)
            let character = text[index]
            offset = utf8.distance(from: utf8.startIndex, to: text.index(after: index))
            guard drawCluster(character, column: &column, end: end, y: y, style: style) else { break }
        }
        return max(0, column - x)
    }

    /// Draws from byte `start` of `bytes` while the graphemes are simple, and returns where it
    /// stopped: at the end, at `end`, or at a grapheme the cluster rules must draw.
    @inline(__always)
    private mutating func drawSimpleRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, column: inout Int, end: Int, y: Int,
                                        style: Style) -> Int {
        let ascii = Self.asciiGraphemes  // read once: a global's first-use check per cell otherwise
        let count = bytes.count
        var offset = start
        // The last non-ASCII scalar's bytes (up to three, packed) and its String: a run of one
        // block or box character (the timeline's lanes, rules) makes its String once, not per
        // cell (34 lanes and labels were 0.32 M instructions of the 38C3 first frame, issue 13).
        var lastScalar: UInt32 = 0
        var lastGrapheme = ""
        while offset < count, column < end {
            // Most text is printable ASCII: a byte that no mark or joiner follows is a grapheme of
            // its own, one column wide, drawn as it is.
            let byte = bytes[offset]
            let next = offset + 1
            if byte >= 0x20, byte < 0x7F, next == count || bytes[next] < 0x80 {
                if column >= 0 { set(column, y, Cell(ascii[Int(byte)], style: style)) }
                column += 1
                offset = next
                continue
            }
            // So are Latin letters, dashes, quotes, arrows, box drawing and blocks (the simple
            // scalars of TerminalWidthFastPath) when the next scalar is one too, or ASCII: no
            // cluster rule joins two of them. One column each; none is a control.
            guard byte >= 0xC2, let after = Self.simpleScalarEnd(bytes, at: offset),
                  after == count || bytes[after] < 0x80 || Self.simpleScalarEnd(bytes, at: after, anyWidth: true) != nil else { return offset }
            if column >= 0 {
                // Simple scalars are two or three bytes long (TerminalWidth.simpleScalar).
                var packed = UInt32(bytes[offset]) << 16 | UInt32(bytes[offset + 1]) << 8
                if after - offset == 3 { packed |= UInt32(bytes[offset + 2]) }
                if packed != lastScalar {
                    lastScalar = packed
                    lastGrapheme = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<after]), as: UTF8.self)
                }
                set(column, y, Cell(lastGrapheme, style: style))
            }
            column += 1
            offset = after
        }
        return offset
    }

    /// Where the simple non-ASCII scalar at `offset` ends (`TerminalWidth.simpleScalar`), if it
    /// is one and one column wide (any width, even zero, with `anyWidth`); nil otherwise.
    @inline(__always)
    private static func simpleScalarEnd(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, anyWidth: Bool = false) -> Int? {
        guard bytes[offset] >= 0xC2, let (width, length) = TerminalWidth.simpleScalar(bytes, at: offset), anyWidth || width == 1 else { return nil }
        return offset + length
    }

    /// `text` as `write` draws it from `x` to `end`: when it is wider, trailing spaces go first,
    /// then it is cut with "…". (A single grapheme that does not fit, as when a frame is copied
    /// cell by cell onto a smaller terminal, is simply left out by the writer.)
    @inline(__always)
    static func cutToFit(_ text: String, x: Int, end: Int) -> String {
        guard x >= 0, end > x, text.utf8.count > end - x, text.dropFirst().contains(where: { !$0.isWhitespace }),
              text.terminalWidth > end - x else { return text }
        let trimmed = text.trimmingTrailingSpaces
        return trimmed.terminalWidth > end - x ? trimmed.truncated(toWidth: end - x) : trimmed
    }

    /// Draws one grapheme cluster at `column` by the cluster rules (emoji sequences as parts,
    /// placeholders for controls, wide characters) and moves `column` past it. Returns false when
    /// the text stops there: the cluster did not fit before `end`, and a space took its place.
    @inline(__always)
    mutating func drawCluster(_ character: Character, column: inout Int, end: Int, y: Int, style: Style) -> Bool {
        if let parts = ClusterDrawing.parts(of: character) {
            // An emoji sequence terminals disagree on: drawn as parts they all measure alike.
            if column + 2 > end {
                set(column, y, Cell(" ", style: style)); column += 1; return false
            }
            for part in parts {
                for offset in 0..<part.width where column + offset >= 0 {
                    let grapheme = part.text == " " || part.text.allSatisfy({ $0 == " " }) ? " " : (offset == 0 ? part.text : "")
                    set(column + offset, y, Cell(grapheme, style: style))
                }
                column += part.width
            }
            return true
        }
        var width = TerminalWidth.width(of: character)
        var grapheme = String(character)
        if let unsafe = character.unicodeScalars.first(where: TerminalText.isUnsafe) {
            // Shown, not obeyed: `␛` for ESC, `�` for C1 controls and bidirectional overrides.
            grapheme = String(TerminalText.placeholder(for: unsafe)); width = 1
        } else if character.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            // (General category Cc, which Unicode's stability policy fixes at these code points.)
            grapheme = " "; width = 1
        }
        if width == 0 { return true }
        if column + width > end {
            set(column, y, Cell(" ", style: style)); column += 1; return false
        }
        if column >= 0 { set(column, y, Cell(grapheme, style: style)) }
        if width == 2, column + 1 >= 0 { set(column + 1, y, Cell("", style: style)) }
        column += width
        return true
    }

    /// Writes `text` into a row of `rect`, padded or cut with "…" to exactly the rect's width.
    public mutating func write(_ text: String, in rect: Rect, row: Int = 0, alignment: TextAlignment = .left, style: Style = .plain) {
        guard row >= 0, row < rect.height, rect.width > 0 else { return }
        write(text.fitted(toWidth: rect.width, alignment: alignment), x: rect.x, y: rect.y + row, limit: rect.width, style: style)
    }

    /// Applies `style` to cells already drawn (used to highlight a selected row).
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let clipped = clip(rect)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX {
                cells[y * size.width + x].style = transform(cells[y * size.width + x].style)
            }
        }
    }

    public func clip(_ rect: Rect) -> Rect {
        let x0 = max(rect.x, 0), y0 = max(rect.y, 0)
        let x1 = min(rect.maxX, size.width), y1 = min(rect.maxY, size.height)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// The grid as plain text lines, trailing spaces removed: what `snapshot` prints.
    public func textLines() -> [String] {
        (0..<size.height).map { y in
            var bytes: [UInt8] = []
            appendTextLine(y, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    public var text: String { textLines().joined(separator: "\n") }

    /// Every line of `textLines()` followed by a line feed, made in one buffer: what `snapshot`
    /// prints (a String per line, grown by `+=` per cell, cost 2 M instructions at 120x40).
    public var textWithLineFeeds: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size.height * (size.width + 1))
        for y in 0..<size.height {
            appendTextLine(y, to: &bytes)
            bytes.append(0x0A)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Row `y`'s graphemes without its trailing spaces, as the row's text with trailing `" "`
    /// Characters removed. Blank cells and right halves of wide graphemes at the end are left
    /// out; where the last cell kept could join a space into one Character (a Prepend scalar,
    /// or a grapheme ending in a space), the row is trimmed by Characters as before.
    private func appendTextLine(_ y: Int, to bytes: inout [UInt8]) {
        let row = y * size.width..<(y + 1) * size.width
        var end = row.upperBound
        while end > row.lowerBound, cells[end - 1].grapheme.utf8.allSatisfy({ $0 == 0x20 }) { end -= 1 }
        if end > row.lowerBound, !Self.endsApartFromSpace(cells[end - 1].grapheme) {
            var line = ""
            for index in row { line += cells[index].grapheme }
            while line.hasSuffix(" ") { line.removeLast() }
            bytes.append(contentsOf: line.utf8)
            return
        }
        // The cells read in place and one byte (ASCII, most cells) appended as a byte: a copy,
        // a retain and `withUTF8` of each cell's string were ~160 instructions a cell of
        // `snapshot` (issue 13).
        cells.withUnsafeBufferPointer { cells in
            for index in row.lowerBound..<end {
                let utf8 = cells[index].grapheme.utf8
                if utf8.count == 1 {
                    bytes.append(utf8[utf8.startIndex])
                } else {
                    bytes.append(contentsOf: utf8)
                }
            }
        }
    }

    /// Whether a space after `grapheme` is a Character of its own and `grapheme` does not end in
    /// one. Only a Prepend scalar (Arabic number signs and the like, none below U+0600 or in
    /// U+2000–U+2BFF) keeps the next scalar in its cluster; this looks at the last scalar alone.
    private static func endsApartFromSpace(_ grapheme: String) -> Bool {
        guard let last = grapheme.unicodeScalars.last, last != " " else { return false }
        return last.value < 0x600 || (0x2000...0x2BFF).contains(last.value)
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return String(self[..<end])
    }
}

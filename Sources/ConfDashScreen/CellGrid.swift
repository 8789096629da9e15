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
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        if x + 1 < size.width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
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
        var index = utf8.startIndex
        while index < utf8.endIndex {
            guard column < end else { break }
            // Most text is printable ASCII: a byte that no mark or joiner follows is a grapheme of
            // its own, one column wide, drawn as it is; only the rest needs the cluster rules.
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if byte >= 0x20, byte < 0x7F, next == utf8.endIndex || utf8[next] < 0x80 {
                if column >= 0 { set(column, y, Cell(Self.asciiGraphemes[Int(byte)], style: style)) }
                column += 1
                index = next
                continue
            }
            // So are Latin letters, dashes, quotes, arrows, box drawing and blocks (the simple
            // scalars of TerminalWidthFastPath) when the next scalar is one too, or ASCII: no
            // cluster rule joins two of them. One column each; none is a control.
            if byte >= 0xC2, let after = Self.simpleScalarEnd(utf8, at: index),
               after == utf8.endIndex || utf8[after] < 0x80 || Self.simpleScalarEnd(utf8, at: after, anyWidth: true) != nil {
                if column >= 0 { set(column, y, Cell(String(text[index..<after]), style: style)) }
                column += 1
                index = after
                continue
            }
            let character = text[index]
            index = text.index(after: index)
            guard drawCluster(character, column: &column, end: end, y: y, style: style) else { break }
        }
        return max(0, column - x)
    }

    /// Where the simple non-ASCII scalar at `index` ends (`TerminalWidth.simpleScalar`), if it
    /// is one and one column wide (any width, even zero, with `anyWidth`); nil otherwise.
    @inline(__always)
    private static func simpleScalarEnd(_ utf8: String.UTF8View, at index: String.Index, anyWidth: Bool = false) -> String.Index? {
        let lead = utf8[index]
        guard lead >= 0xC2, lead <= 0xE2 else { return nil }
        let second = utf8.index(after: index)
        guard second < utf8.endIndex else { return nil }
        var end = utf8.index(after: second)
        var third: UInt8 = 0
        if lead >= 0xE0 {
            guard end < utf8.endIndex else { return nil }
            third = utf8[end]
            end = utf8.index(after: end)
        }
        guard let (width, _) = TerminalWidth.simpleScalar(lead: lead, utf8[second], third), anyWidth || width == 1 else { return nil }
        return end
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
            var line = ""
            for x in 0..<size.width { line += cells[y * size.width + x].grapheme }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    public var text: String { textLines().joined(separator: "\n") }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return String(self[..<end])
    }
}

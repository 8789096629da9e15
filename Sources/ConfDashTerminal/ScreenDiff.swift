import ConfDashScreen

/// Text to put at one position in one style: the unit the backend sends to curses.
public struct DrawRun: Equatable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var text: String
    public var style: Style

    public init(x: Int, y: Int, text: String, style: Style) {
        self.x = x; self.y = y; self.text = text; self.style = style
    }
    public var description: String { "(\(x),\(y)) \"\(text)\"" }
}

/// What must be sent to turn the screen showing `old` into one showing `new`.
public enum ScreenDiff {
    /// The changed cells of `new` as runs: consecutive changed cells of one row in one style,
    /// joined into one string. With no `old` (first frame, after a resize or when sizes
    /// differ) every cell counts as changed.
    ///
    /// - Continuation cells (the right half of a wide grapheme) are never sent: curses fills
    ///   them when it draws the wide grapheme. They neither start nor break a run.
    /// - A run ends after a grapheme whose width curses might count differently from the grid
    ///   (a double-width one, or one made of several scalars: combining marks, emoji
    ///   sequences), so the next run is positioned explicitly and an error cannot shift the
    ///   rest of the row.
    public static func runs(from old: CellGrid?, to new: CellGrid) -> [DrawRun] {
        let old = old?.size == new.size ? old?.cells : nil
        let cells = new.cells
        let width = new.size.width
        var runs: [DrawRun] = []
        for y in 0..<new.size.height {
            let rowStart = y * width
            if let old, old[rowStart..<rowStart + width] == cells[rowStart..<rowStart + width] { continue }
            var current: DrawRun?
            var nextColumn = -1  // the column right after `current`, where it may continue
            for x in 0..<width {
                let cell = cells[rowStart + x]
                if cell.isContinuation { continue }
                if let old, old[rowStart + x] == cell {
                    if let run = current { runs.append(run); current = nil }
                    continue
                }
                if current != nil, nextColumn == x, current!.style == cell.style {
                    current!.text += cell.grapheme
                } else {
                    if let run = current { runs.append(run) }
                    current = DrawRun(x: x, y: y, text: cell.grapheme, style: cell.style)
                }
                let wide = x + 1 < width && cells[rowStart + x + 1].isContinuation
                nextColumn = x + (wide ? 2 : 1)
                if wide || cell.grapheme.unicodeScalars.count > 1 {
                    runs.append(current!)
                    current = nil
                }
            }
            if let run = current { runs.append(run) }
        }
        return runs
    }
}

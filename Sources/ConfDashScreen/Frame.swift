import ConfDashCore

extension CellGrid {
    /// A single-line box around `rect` with a title in its top edge. Box-drawing characters are
    /// one column wide everywhere (they are "ambiguous" only in East Asian legacy settings).
    public mutating func drawFrame(_ rect: Rect, title: String, style: Style, titleStyle: Style) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        // Each piece is one column wide: set as a cell, as `write` would, without measuring it again.
        let horizontal = Cell("─", style: style), vertical = Cell("│", style: style)
        for x in rect.x + 1..<right {
            set(x, rect.y, horizontal)
            set(x, bottom, horizontal)
        }
        for y in rect.y + 1..<bottom {
            set(rect.x, y, vertical)
            set(right, y, vertical)
        }
        set(rect.x, rect.y, Cell("┌", style: style))
        set(right, rect.y, Cell("┐", style: style))
        set(rect.x, bottom, Cell("└", style: style))
        set(right, bottom, Cell("┘", style: style))
        if rect.width > 4 {
            write(" \(title) ", x: rect.x + 1, y: rect.y, limit: rect.width - 2, style: titleStyle)
        }
    }
}

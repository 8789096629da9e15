import ConfDashCore

extension CellGrid {
    /// A single-line box around `rect` with a title in its top edge. Box-drawing characters are
    /// one column wide everywhere (they are "ambiguous" only in East Asian legacy settings).
    public mutating func drawFrame(_ rect: Rect, title: String, style: Style, titleStyle: Style) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        for x in rect.x + 1..<right {
            write("─", x: x, y: rect.y, style: style)
            write("─", x: x, y: bottom, style: style)
        }
        for y in rect.y + 1..<bottom {
            write("│", x: rect.x, y: y, style: style)
            write("│", x: right, y: y, style: style)
        }
        write("┌", x: rect.x, y: rect.y, style: style)
        write("┐", x: right, y: rect.y, style: style)
        write("└", x: rect.x, y: bottom, style: style)
        write("┘", x: right, y: bottom, style: style)
        if rect.width > 4 {
            write(" \(title) ", x: rect.x + 1, y: rect.y, limit: rect.width - 2, style: titleStyle)
        }
    }
}

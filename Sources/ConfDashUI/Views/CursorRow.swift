import ConfDashScreen

extension CellGrid {
    /// Marks the cursor's row of a list: a ▸ at its start, so it shows in monochrome and in
    /// snapshots, and the selection highlight over the row, keeping bold text bold.
    mutating func markCursorRow(_ row: Rect, theme: Theme) {
        write("▸", x: row.x, y: row.y, style: theme.title)
        restyle(row) { style in
            var result = theme.selection
            if style.attributes.contains(.bold) { result.attributes.insert(.bold) }
            return result
        }
    }
}

import ConfDashScreen

/// What the rooms and tracks panes share: a header row, then a scrolled list under it whose last
/// visible row says how many rows are below (unless it is the last row), with the cursor's row
/// highlighted. The pane draws the header text and each row; this draws the frame around them.
enum HeadedList {
    /// The rows under the header.
    static func listHeight(_ content: Rect?) -> Int {
        guard let content else { return 0 }
        return max(content.height - 1, 0)
    }

    /// The list index shown on `row` of the pane (0 is the header), or nil.
    static func index(atRow row: Int, position: ListPosition, count: Int) -> Int? {
        let index = position.scroll + row - 1
        return row >= 1 && index < count ? index : nil
    }

    /// Draws `empty` (dim) when there are no rows; else `header` on the first line and the rows in
    /// view, asking `more(n)` for the "n more" line and `drawRow(index, rect, &grid)` for each row.
    static func render(count: Int, position: ListPosition, empty: String, header: String, more: (Int) -> String,
                       theme: Theme, focused: Bool, in content: Rect, into grid: inout CellGrid,
                       drawRow: (Int, Rect, inout CellGrid) -> Void) {
        guard !content.isEmpty else { return }
        guard count > 0 else {
            grid.write(empty, in: content, style: theme.dim)
            return
        }
        grid.write(header, in: content, row: 0, style: theme.dim)
        let height = listHeight(content)
        for row in 0..<height {
            let index = position.scroll + row
            guard index < count else { break }
            let rect = content.row(1 + row)
            if row == height - 1, index < count - 1 {
                grid.write(more(count - index), in: rect, style: theme.dim)
            } else {
                drawRow(index, rect, &grid)
            }
            if index == position.cursor {
                grid.restyle(rect) { _ in focused ? theme.selection : theme.inactiveSelection }
            }
        }
    }
}

import ConfDashCore
import ConfDashScreen

/// The Changes view (C, `:changes`): what the last reload found, two lines a session — the
/// mark, when and where it is now, the title; then what moved or changed, from → to.
enum ChangesOverlay {
    static func box(_ size: Size) -> Rect { OverlayBox.rect(size, maxWidth: 110) }

    /// Lines a change takes.
    static let rowHeight = 2

    static func render(cursor: Int, state: AppState, theme: Theme, into grid: inout CellGrid) {
        let rect = box(state.size)
        guard rect.width >= 20, rect.height >= 4 else { return }
        let text = UIText(state.language)
        let inner = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2)
        let changes = state.live.changes
        var title = text.changesTitle
        if let changes {
            title += " · " + text.changeCounts(ChangeCounts(changes))
            if let versions = text.changesVersions(changes.fromVersion, changes.toVersion) { title += " · " + versions }
        }
        OverlayBox.draw(rect, title: title, theme: theme, into: &grid)
        guard let list = changes?.changes, !list.isEmpty else {
            let empty = state.live.source == nil ? text.builtInNeverChanges : text.noReloadYet
            for (row, line) in empty.wrapped(toWidth: max(inner.width - 2, 1)).prefix(max(inner.height - 1, 0)).enumerated() {
                grid.write(line, x: inner.x + 1, y: inner.y + 1 + row, style: theme.dim)
            }
            return
        }
        let visible = max(inner.height / rowHeight, 1)
        let scroll = min(max(cursor - visible + 1, 0), max(list.count - visible, 0))
        let markWidth = SessionChange.Kind.allCases.map { text.changeMark($0).terminalWidth }.max() ?? 0
        for slot in 0..<visible {
            let index = scroll + slot
            guard index < list.count else { break }
            let y = inner.y + slot * rowHeight
            let row = Rect(x: inner.x, y: y, width: inner.width, height: min(rowHeight, inner.maxY - y))
            draw(list[index], markWidth: markWidth, state: state, theme: theme, text: text, in: row, into: &grid)
            if index == cursor {
                grid.markCursorRow(row, theme: theme)
            }
        }
        OverlayBox.drawPosition(Rect(x: rect.x, y: rect.y, width: rect.width, height: visible + 2), scroll: scroll, total: list.count,
                                language: state.language, theme: theme, into: &grid)
    }

    private static func draw(_ change: SessionChange, markWidth: Int, state: AppState, theme: Theme, text: UIText,
                             in row: Rect, into grid: inout CellGrid) {
        var x = row.x + 2
        x += grid.write(text.changeMark(change.kind).fitted(toWidth: markWidth) + " ", x: x, y: row.y, style: style(change.kind, theme))
        var when: [String] = []
        if let day = change.day { when.append(DateLabels.short(day, state.language)) }
        if let start = change.start { when.append(start.time.description) }
        if let room = change.room { when.append(room) }
        if !when.isEmpty { x += grid.write(when.joined(separator: " ") + "  ", x: x, y: row.y, limit: max(row.maxX - x, 0), style: theme.heading) }
        grid.write(change.title.text(in: state.language), x: x, y: row.y, limit: max(row.maxX - x, 0), style: theme.title)
        guard row.height > 1 else { return }
        var second = change.details.map(text.detail).joined(separator: " · ")
        if change.kind == .cancelled {
            let how = change.markedCancelled ? text.markedCancelledInFile : text.leftTheSchedule
            second = second.isEmpty ? how : how + " · " + second
        }
        grid.write(second, x: row.x + 3 + markWidth, y: row.y + 1, limit: max(row.maxX - row.x - 3 - markWidth, 0), style: theme.text)
    }

    /// Cancelled reads as an error, new as a heading; the words carry the meaning in monochrome.
    static func style(_ kind: SessionChange.Kind, _ theme: Theme) -> Style {
        switch kind {
        case .cancelled: return theme.error
        case .new: return theme.match
        case .moved, .changed: return theme.heading
        }
    }
}

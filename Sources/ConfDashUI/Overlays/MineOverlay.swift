import ConfDashCore
import ConfDashScreen

/// My agenda (m, `:mine`): starred sessions by event and day, with overlaps and free gaps.
enum MineOverlay {
    static func render(cursor: Int, state: AppState, data: DashboardData, theme: Theme, box rect: Rect, inner: Rect,
                       into grid: inout CellGrid) {
        let text = UIText(state.language)
        let rows = data.mineRows(state)
        let count = rows.agenda.sessionCount
        OverlayBox.draw(rect, title: text.myAgenda + " · ★ \(count)", theme: theme, into: &grid)
        if rows.isEmpty {
            grid.write(text.noStarYet, in: inner.inset(by: 1), style: theme.dim)
            return
        }
        let selectedItem = cursor < rows.selectable.count ? rows.selectable[cursor] : -1
        let scroll = PersonalOverlays.scrollFor(selectedItem, height: inner.height)
        for row in 0..<inner.height {
            let index = scroll + row
            guard index < rows.count else { break }
            let line = Rect(x: inner.x, y: inner.y + row, width: inner.width, height: 1)
            switch rows.item(atRow: index) {
            case .heading(let heading):
                grid.write(heading, in: line, style: theme.heading)
            case .session(let session, let event):
                PersonalOverlays.drawSession(session, event: event, overlaps: rows.agenda.overlaps(of: SessionAddress(event: event.id, session: session.id)),
                                             state: state, data: data, theme: theme, in: line, into: &grid)
            case .gap(let gap, _):
                let label = text.freeGap(gap)
                grid.write("  " + label, in: line, style: theme.dim)
            }
            if index == selectedItem {
                grid.markCursorRow(line, theme: theme)
            }
        }
    }
}

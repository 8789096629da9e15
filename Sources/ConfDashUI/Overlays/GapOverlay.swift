import ConfDashCore
import ConfDashScreen

/// The sessions that fit a free gap of My agenda (Enter on the gap).
enum GapOverlay {
    static func render(_ gap: MyAgenda.Gap, cursor: Int, state: AppState, data: DashboardData, theme: Theme, box rect: Rect,
                       inner: Rect, into grid: inout CellGrid) {
        let text = UIText(state.language)
        guard let event = data.index.eventsByID[gap.event] else { return }
        let fitting = MyAgenda.sessions(fitting: gap, in: event, excluding: state.personal.starred)
        OverlayBox.draw(rect, title: text.fitsIn(gap, count: fitting.count), theme: theme, into: &grid)
        if fitting.isEmpty {
            grid.write(text.nothingFits, in: inner.inset(by: 1), style: theme.dim)
            return
        }
        let scroll = PersonalOverlays.scrollFor(cursor, height: inner.height)
        for row in 0..<inner.height {
            let index = scroll + row
            guard index < fitting.count else { break }
            let line = Rect(x: inner.x, y: inner.y + row, width: inner.width, height: 1)
            PersonalOverlays.drawSession(fitting[index], event: event, overlaps: [], state: state, data: data, theme: theme, in: line, into: &grid)
            if index == cursor {
                grid.write("▸", x: line.x, y: line.y, style: theme.title)
                grid.restyle(line) { _ in theme.selection }
            }
        }
    }
}

import ConfDashScreen
import ConfDashCore

/// Draws the whole screen for a state: the layout's panes, the detail panel, the status bar,
/// then any overlay on top. Pure: the same state always gives the same grid.
public enum Screen {
    public static func render(_ state: AppState, data: DashboardData, theme: Theme, keyMap: KeyMap = .standard) -> CellGrid {
        var grid = CellGrid(size: state.size)
        let layout = Layout.compute(size: state.size, focus: state.focus, maximized: state.maximized, empty: data.emptyPanes)
        guard layout.kind != .tooSmall else {
            drawTooSmall(state, theme: theme, into: &grid)
            return grid
        }
        let rows = data.agendaRows(state)
        if let awaiting = state.live.awaiting {
            // No schedule yet: what is fetched, or why it failed; the status bar and help as usual.
            AwaitingView.render(awaiting, state: state, theme: theme, in: Rect(x: 0, y: 0, width: state.size.width, height: layout.statusBar.y),
                                into: &grid)
            StatusBar.render(state, data: data, rows: rows, theme: theme, keyMap: keyMap, in: layout.statusBar, into: &grid)
            if case .help(let scroll) = state.overlay { HelpOverlay.render(state, scroll: scroll, theme: theme, into: &grid) }
            return grid
        }
        let scope = data.eventsInScope(state)
        let text = UIText(state.language)
        if let bar = layout.tabBar { TabBar.render(state, data: data, theme: theme, in: bar, into: &grid) }
        for (pane, rect) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let focused = pane == state.focus
            if layout.kind.framed {
                grid.drawFrame(rect, title: "\(pane.rawValue + 1) \(text.paneName(pane, data: data))",
                               style: focused ? theme.focusedBorder : theme.border,
                               titleStyle: focused ? theme.focusedBorder : theme.title)
            }
            guard let content = layout.content(of: pane) else { continue }
            switch pane {
            case .agenda: AgendaPane.render(state, data: data, rows: rows, theme: theme, focused: focused, in: content, into: &grid)
            case .timeline: TimelinePane.render(state, data: data, scope: scope, theme: theme, focused: focused, in: content, into: &grid)
            case .regions: RegionsPane.render(state, data: data, scope: scope, theme: theme, focused: focused, in: content, into: &grid)
            case .technologies: TechnologyPane.render(state, data: data, theme: theme, focused: focused, in: content, into: &grid)
            }
        }
        if let detail = layout.detail, let inner = layout.detailContent {
            grid.drawFrame(detail, title: text.details, style: theme.border, titleStyle: theme.title)
            let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
            let lines = DetailView.lines(state, data: data, theme: theme, width: content.width, preferSession: state.focus == .agenda)
            DetailView.draw(lines, scroll: 0, in: content, into: &grid)
        }
        StatusBar.render(state, data: data, rows: rows, theme: theme, keyMap: keyMap, in: layout.statusBar, into: &grid)
        switch state.overlay {
        case .help(let scroll): HelpOverlay.render(state, scroll: scroll, theme: theme, into: &grid)
        case .problems(let scroll): ProblemsOverlay.render(state, scroll: scroll, theme: theme, into: &grid)
        case .detail(let scroll): DetailOverlay.render(state, scroll: scroll, data: data, theme: theme, into: &grid)
        case .trackPicker(let cursor, let chosen): TrackPicker.render(state, cursor: cursor, chosen: chosen, data: data, theme: theme, into: &grid)
        case .personal(let overlay): PersonalOverlays.render(overlay, state: state, data: data, theme: theme, into: &grid)
        case .changes(let cursor): ChangesOverlay.render(cursor: cursor, state: state, theme: theme, into: &grid)
        case nil: break
        }
        return grid
    }

    /// Below the minimum size: what is needed, what there is, and how to quit — as much as fits.
    static func drawTooSmall(_ state: AppState, theme: Theme, into grid: inout CellGrid) {
        let text = UIText(state.language)
        let lines = (text.tooSmall(Layout.minimum) + " (" + state.size.description + "). "
                     + text.quitHint).wrapped(toWidth: state.size.width)
        let top = max((state.size.height - lines.count) / 2, 0)
        for (offset, line) in lines.prefix(state.size.height).enumerated() {
            grid.write(line, in: Rect(x: 0, y: top + offset, width: state.size.width, height: 1), alignment: .center, style: theme.heading)
        }
    }
}

import ConfDashScreen
import ConfDashCore

/// Enter on a session: its full details, scrollable, ← → to the neighbouring sessions.
enum DetailOverlay {
    static func box(_ size: Size) -> Rect { OverlayBox.rect(size, maxWidth: 90) }

    static func lines(_ state: AppState, data: DashboardData, theme: Theme) -> [StyledLine] {
        DetailView.lines(state, data: data, theme: theme, width: max(box(state.size).width - 4, 1), preferSession: true, overlay: true)
    }

    static func maxScroll(_ state: AppState, data: DashboardData, theme: Theme = .monochrome) -> Int {
        max(lines(state, data: data, theme: theme).count - max(box(state.size).height - 2, 0), 0)
    }

    static func render(_ state: AppState, scroll: Int, data: DashboardData, theme: Theme, into grid: inout CellGrid) {
        let rect = box(state.size)
        guard rect.width >= 4, rect.height >= 3 else { return }
        OverlayBox.draw(rect, title: UIText(state.language).details, theme: theme, into: &grid)
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        let content = lines(state, data: data, theme: theme)
        DetailView.draw(content, scroll: scroll, in: inner, into: &grid)
        OverlayBox.drawPosition(rect, scroll: scroll, total: content.count, language: state.language, theme: theme, into: &grid)
    }
}

import ConfDashScreen
import ConfDashCore

/// The tab row of the compact layout.
enum TabBar {
    static func labels(_ language: Language, data: DashboardData) -> [(PaneID, String)] {
        PaneID.allCases.filter { !data.emptyPanes.contains($0) }.map { ($0, " \($0.rawValue + 1) \(UIText(language).paneName($0, data: data)) ") }
    }

    static func render(_ state: AppState, data: DashboardData, theme: Theme, in rect: Rect, into grid: inout CellGrid) {
        grid.fill(rect, style: theme.text)
        var x = rect.x
        for (pane, label) in labels(state.language, data: data) {
            guard x < rect.maxX else { break }
            x += grid.write(label, x: x, y: rect.y, limit: rect.maxX - x, style: pane == state.focus ? theme.selection : theme.dim)
            x += grid.write("│", x: x, y: rect.y, limit: rect.maxX - x, style: theme.border)
        }
    }

    /// The pane whose tab is at column `x`.
    static func pane(at x: Int, language: Language, data: DashboardData) -> PaneID? {
        var start = 0
        for (pane, label) in labels(language, data: data) {
            let end = start + label.terminalWidth
            if x >= start && x < end { return pane }
            start = end + 1
        }
        return nil
    }
}

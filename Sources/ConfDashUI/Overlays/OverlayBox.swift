import ConfDashScreen
import ConfDashCore

/// The box an overlay is drawn in: most of the screen, never outside it.
enum OverlayBox {
    static func rect(_ size: Size, maxWidth: Int, maxHeight: Int? = nil) -> Rect {
        let screen = Rect(size: size).splitBottom(2).0
        let width = min(maxWidth, max(screen.width - 4, 0))
        let height = min(maxHeight ?? screen.height, max(screen.height - 2, 0))
        return screen.centred(Size(width: width, height: height))
    }

    static func draw(_ rect: Rect, title: String, theme: Theme, into grid: inout CellGrid) {
        grid.fill(rect, style: theme.text)
        grid.drawFrame(rect, title: title, style: theme.focusedBorder, titleStyle: theme.focusedBorder)
    }

    /// "12–30 of 70" on the bottom edge when the content is longer than the box.
    static func drawPosition(_ rect: Rect, scroll: Int, total: Int, language: Language, theme: Theme, into grid: inout CellGrid) {
        let visible = max(rect.height - 2, 0)
        guard total > visible, rect.width > 20 else { return }
        let label = " \(scroll + 1)–\(min(scroll + visible, total)) " + UIText(language).positionOf + " \(total) "
        grid.write(label, x: rect.maxX - label.terminalWidth - 2, y: rect.maxY - 1, style: theme.focusedBorder)
    }
}

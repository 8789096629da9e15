import ConfDashScreen
import ConfDashCore

/// W, `:problems`: the warnings the data was loaded with (`--data`, `:open`), one per line, as
/// `confdash validate` prints them, so they are not lost behind the dashboard's screen.
enum ProblemsOverlay {
    static func lines(_ state: AppState, theme: Theme) -> [StyledLine] {
        let text = UIText(state.language)
        guard !state.problems.isEmpty else { return [StyledLine(text: text.noLoadWarnings, style: theme.dim)] }
        // Each warning names the file, line and column; its text may quote the data, made safe,
        // and wraps at words (a blank line between warnings).
        let width = max(box(state.size).width - 3, 1)
        var result: [StyledLine] = []
        for (number, problem) in state.problems.enumerated() {
            if number > 0 { result.append(StyledLine(text: "", style: theme.text)) }
            result += TerminalText.safeLine(problem).wrappedAtWords(toWidth: width).map { StyledLine(text: $0, style: theme.text) }
        }
        return result
    }

    static func box(_ size: Size) -> Rect { OverlayBox.rect(size, maxWidth: 110) }

    static func maxScroll(_ state: AppState) -> Int {
        max(lines(state, theme: .monochrome).count - max(box(state.size).height - 2, 0), 0)
    }

    static func render(_ state: AppState, scroll: Int, theme: Theme, into grid: inout CellGrid) {
        let rect = box(state.size)
        guard rect.width >= 4, rect.height >= 3 else { return }
        OverlayBox.draw(rect, title: UIText(state.language).loadWarningsTitle(state.problems.count), theme: theme, into: &grid)
        let content = lines(state, theme: theme)
        DetailView.draw(content, scroll: scroll, in: rect.inset(by: 1).splitLeft(1).1, into: &grid)
        OverlayBox.drawPosition(rect, scroll: scroll, total: content.count, language: state.language, theme: theme, into: &grid)
    }
}

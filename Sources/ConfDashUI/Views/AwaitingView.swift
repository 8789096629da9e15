import ConfDashCore
import ConfDashScreen

/// The screen before the first schedule (`--data URL` with nothing cached): a frame saying
/// which URL is being fetched, or why it could not be, and what the keys do meanwhile. Drawn at
/// once, so the dashboard never waits for the network to show its first frame.
enum AwaitingView {
    static func render(_ awaiting: AwaitedSchedule, state: AppState, theme: Theme, in rect: Rect, into grid: inout CellGrid) {
        guard rect.width >= 4, rect.height >= 3 else { return }
        let text = UIText(state.language)
        grid.drawFrame(rect, title: "confdash", style: theme.border, titleStyle: theme.title)
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        var lines: [(String, Style)] = [(text.awaitingTitle(awaiting), theme.heading), ("", theme.text)]
        let body = text.awaitingLines(awaiting)
        for (number, line) in body.enumerated() {
            let style = number == body.count - 1 ? theme.dim : (awaiting.failure != nil && number == 0 ? theme.error : theme.text)
            for wrapped in line.wrapped(toWidth: inner.width) { lines.append((wrapped, style)) }
            if number < body.count - 1 { lines.append(("", theme.text)) }
        }
        let top = inner.y + max((inner.height - lines.count) / 2, 0)
        for (offset, (line, style)) in lines.prefix(inner.height).enumerated() {
            grid.write(line, in: Rect(x: inner.x, y: top + offset, width: inner.width, height: 1), alignment: .center, style: style)
        }
    }
}

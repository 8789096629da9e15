import ConfDashCore
import ConfDashScreen

/// What runs now and next in the selected event, room by room (., `:now`).
enum NowNextOverlay {
    static func render(state: AppState, data: DashboardData, theme: Theme, box rect: Rect, inner: Rect, into grid: inout CellGrid) {
        let text = UIText(state.language)
        guard let event = data.event(state.selectedEvent) else { return }
        let title = text.nowAndNext + " · " + UIText.eventName(event, state.language)
        OverlayBox.draw(rect, title: title, theme: theme, into: &grid)
        guard let time = state.personal.wallClock(for: event, localZone: data.localZone) else {
            grid.write(text.clockUnknown, in: inner.inset(by: 1), style: theme.dim)
            return
        }
        let board = NowNext(event: event, at: time)
        grid.write(DateLabels.long(time.date, state.language).capitalizedFirst + " \(time.time)" + (event.timeZone.map { " (\($0))" } ?? ""),
                   in: Rect(x: inner.x + 1, y: inner.y, width: max(inner.width - 2, 0), height: 1), style: theme.heading)
        if board.rows.isEmpty {
            grid.write(text.nothingMoreToday,
                       in: Rect(x: inner.x + 1, y: inner.y + 2, width: max(inner.width - 2, 0), height: 1), style: theme.dim)
            return
        }
        let roomWidth = min(max(board.rows.map { PersonalOverlays.roomName($0.group, event, state).terminalWidth }.max() ?? 4, 4), 24)
        let half = max((inner.width - roomWidth - 4) / 2, 8)
        for (offset, row) in board.rows.prefix(max(inner.height - 2, 0)).enumerated() {
            let y = inner.y + 2 + offset
            var x = inner.x + 1
            grid.write(PersonalOverlays.roomName(row.group, event, state).fitted(toWidth: roomWidth), x: x, y: y, style: theme.heading)
            x += roomWidth + 1
            let now = row.now.map { PersonalOverlays.mark($0, event, state) + "\($0.start!.time)–\(($0.end(inTimeZone: event.timeZone.flatMap(TimeZones.zone(named:))) ?? $0.start!).time) " + $0.title.text(in: state.language) } ?? "—"
            grid.write(now.fitted(toWidth: half), x: x, y: y, style: row.now == nil ? theme.dim : theme.title)
            x += half + 1
            let next = row.next.map { PersonalOverlays.mark($0, event, state) + "\($0.start!.time) " + $0.title.text(in: state.language) } ?? "—"
            grid.write(next, x: x, y: y, limit: inner.maxX - x, style: row.next == nil ? theme.dim : theme.text)
        }
    }
}

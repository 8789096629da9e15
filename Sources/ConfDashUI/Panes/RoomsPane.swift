import ConfDashCore
import ConfDashScreen

/// Pane 3 for data without WCO regions (imported schedules): the selected event's rooms on the
/// selected day, each with its number of sessions and what runs there at the agenda's time
/// (the cursor's session; `:time`, `.` and the arrows move it) and what starts next. Enter
/// narrows every pane to the room; several rooms can be chosen, as tracks can.
enum RoomsPane {
    static func listHeight(_ content: Rect?) -> Int {
        guard let content else { return 0 }
        return max(content.height - 1, 0)
    }

    static func render(_ state: AppState, data: DashboardData, theme: Theme, focused: Bool, in content: Rect,
                       into grid: inout CellGrid) {
        guard !content.isEmpty else { return }
        let words = UIText(state.language)
        let rows = data.roomRows(state)
        guard !rows.isEmpty else {
            grid.write(words.noRoomsNamed, in: content, style: theme.dim)
            return
        }
        let nameWidth = min(max(rows.map(\.name.terminalWidth).max() ?? 0, 8) + 2, max(content.width * 2 / 5, 10))
        let countWidth = 5
        let restX = content.x + nameWidth + countWidth + 1
        let restWidth = max(content.maxX - restX, 0)
        let reference = data.referenceTime(state)
        grid.write(words.roomHeader.fitted(toWidth: nameWidth) + words.sessionsShort.fitted(toWidth: countWidth, alignment: .right)
                   + " " + words.nowNext(at: reference?.time.description), in: content, row: 0, style: theme.dim)
        let height = listHeight(content)
        let chosen = state.roomFilter
        for row in 0..<height {
            let index = state.regions.scroll + row
            guard index < rows.count else { break }
            let room = rows[index]
            let rect = content.row(1 + row)
            if row == height - 1, index < rows.count - 1 {
                // The last visible row says how many rooms are below, unless it is the last room.
                let more = rows.count - index
                grid.write(words.moreRooms(more), in: rect, style: theme.dim)
                if index == state.regions.cursor { grid.restyle(rect) { _ in focused ? theme.selection : theme.inactiveSelection } }
                break
            }
            let mark = chosen.contains(room.id) ? "▸ " : "  "
            grid.write((mark + room.name).fitted(toWidth: nameWidth - 1), x: rect.x, y: rect.y, limit: nameWidth - 1,
                       style: room.count == 0 ? theme.dim : theme.text)
            grid.write(String(room.count).fitted(toWidth: countWidth, alignment: .right), x: rect.x + nameWidth, y: rect.y,
                       style: room.count == 0 ? theme.dim : theme.text)
            var what = ""
            if let current = room.current {
                what = "● " + current.title.text(in: state.language)
            }
            if let next = room.next, let start = next.start {
                what += (what.isEmpty ? "" : " · ") + start.time.description + " " + next.title.text(in: state.language)
            }
            if what.isEmpty, room.count > 0 { what = words.nothingAfter }
            if restWidth > 0 { grid.write(what, x: restX, y: rect.y, limit: restWidth, style: room.current != nil ? theme.text : theme.dim) }
            if index == state.regions.cursor {
                grid.restyle(rect) { _ in focused ? theme.selection : theme.inactiveSelection }
            }
        }
    }

    static func row(at row: Int, state: AppState, count: Int) -> Int? {
        let index = state.regions.scroll + row - 1
        return row >= 1 && index < count ? index : nil
    }
}

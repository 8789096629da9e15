import ConfDashCore
import ConfDashScreen

/// Pane 3 for data without WCO regions (imported schedules): the selected event's rooms on the
/// selected day, each with its number of sessions and what runs there at the agenda's time
/// (the cursor's session; `:time`, `.` and the arrows move it) and what starts next. Enter
/// narrows every pane to the room; several rooms can be chosen, as tracks can.
enum RoomsPane {
    static func render(_ state: AppState, data: DashboardData, theme: Theme, focused: Bool, in content: Rect,
                       into grid: inout CellGrid) {
        let words = UIText(state.language)
        let rows = data.roomRows(state)
        // The widest name, its mark ("▸ ") and a gap, but now/next keeps at least half the pane
        // (on 38C3 at 120x40 the 38-column names left it 20): longer names end in "…" and are
        // whole in the details.
        let countWidth = 5
        let nameWidth = min(max(rows.lazy.map { $0.nameWidth }.max() ?? 0, 8) + 3, max(content.width / 2 - countWidth - 1, 12))
        let restX = content.x + nameWidth + countWidth + 1
        let restWidth = max(content.maxX - restX, 0)
        let reference = data.referenceTime(state)
        let header = words.roomHeader.fitted(toWidth: nameWidth) + words.sessionsShort.fitted(toWidth: countWidth, alignment: .right)
            + " " + words.nowNext(at: reference?.time.description)
        let chosen = state.roomFilter
        HeadedList.render(count: rows.count, position: state.regions, empty: words.noRoomsNamed, header: header,
                          more: words.moreRooms, theme: theme, focused: focused, in: content, into: &grid) { index, rect, grid in
            let room = rows[index]
            let mark = chosen.contains(room.id) ? "▸ " : "  "
            grid.write((mark + shownName(room, width: nameWidth - 3)).fitted(toWidth: nameWidth - 1), x: rect.x, y: rect.y, limit: nameWidth - 1,
                       style: room.count == 0 ? theme.dim : theme.text)
            grid.write(words.number(room.count).fitted(toWidth: countWidth, alignment: .right), x: rect.x + nameWidth, y: rect.y,
                       style: room.count == 0 ? theme.dim : theme.text)
            // Looked up for the rows drawn only: the day's rows are built once, "now" moves with the cursor.
            let (current, next) = room.nowNext(at: reference)
            var what = ""
            if let current {
                what = "● " + current.title.text(in: state.language)
            }
            if let next, let start = next.start {
                what += (what.isEmpty ? "" : " · ") + start.time.description + " " + next.title.text(in: state.language)
            }
            if what.isEmpty, room.count > 0 { what = room.timed > 0 ? words.nothingAfter : words.timesNotStated }
            if restWidth > 0 { grid.write(what, x: restX, y: rect.y, limit: restWidth, style: current != nil ? theme.text : theme.dim) }
        }
    }

    /// The room's name cut to `width` (`RoomName.shown`: in the middle where the end cut would
    /// look like another room's name).
    static func shownName(_ room: RoomRow, width: Int) -> String {
        RoomName.shown(room.name, nameWidth: room.nameWidth, sharedPrefixWidth: room.sharedPrefixWidth, width: width)
    }

    static func row(at row: Int, state: AppState, count: Int) -> Int? {
        HeadedList.index(atRow: row, position: state.regions, count: count)
    }
}

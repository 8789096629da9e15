import ConfDashScreen
import ConfDashCore

/// The agenda's room grid (r): a column per room, a row per 15 minutes, parallel sessions side
/// by side. Wider than the screen on big conferences: ← → move across rooms and the columns
/// scroll with the cursor.
enum RoomGridPane {
    /// The grid's columns use the whole width: as many rooms as fit at a width chosen from the
    /// room names (half of them whole, within `minimumColumn`...`widestColumn`, so that a
    /// congress still shows several rooms side by side), then the
    /// columns share what is left over, so no strip of the pane stays empty.
    struct Geometry {
        static let timeWidth = 6
        static let minimumColumn = 16
        static let widestColumn = 20
        var list: Rect
        var visibleRooms: Int
        var slotRows: Int
        /// Every visible column is `columnWidth` wide, the first `wider` of them one more.
        private(set) var columnWidth = 0
        private var wider = 0

        init(content: Rect, names: [String]) {
            list = Rect(x: content.x, y: content.y + AgendaPane.headerHeight, width: content.width,
                        height: content.height - AgendaPane.headerHeight)
            let available = max(list.width - Self.timeWidth, 0)
            if names.isEmpty || available == 0 {
                visibleRooms = 0
            } else {
                // The column's rule, the name, a space.
                let widths = names.map(\.terminalWidth).sorted()
                let typical = widths[widths.count / 2] + 2
                let desired = min(max(typical, Self.minimumColumn), Self.widestColumn, available)
                visibleRooms = min(max(available / desired, 1), names.count)
                columnWidth = available / visibleRooms
                wider = available % visibleRooms
            }
            slotRows = max(list.height - 1, 0)
        }

        func columnX(_ visibleIndex: Int) -> Int { list.x + Self.timeWidth + visibleIndex * columnWidth + min(visibleIndex, wider) }
        func width(_ visibleIndex: Int) -> Int { columnWidth + (visibleIndex < wider ? 1 : 0) }

        /// The visible column under `x`, if any.
        func column(at x: Int) -> Int? {
            guard visibleRooms > 0, x >= columnX(0) else { return nil }
            return (0..<visibleRooms).last { columnX($0) <= x }
        }
    }

    static func render(_ state: AppState, data: DashboardData, rows: AgendaRows, theme: Theme, focused: Bool,
                       in content: Rect, into grid: inout CellGrid) {
        let labels = Labels(state.language)
        let model = data.roomGrid(state, rows: rows)
        let geometry = Geometry(content: content, names: model.names)
        let list = geometry.list
        guard !list.isEmpty else { return }
        if model.isEmpty {
            let text = UIText(labels.language).noTimedSessionThisDay
            for (offset, line) in text.wrapped(toWidth: max(list.width - 2, 1)).prefix(list.height).enumerated() {
                grid.write(line, x: list.x + 1, y: list.y + offset, limit: list.width - 1, style: theme.dim)
            }
            return
        }
        // Room names, with arrows when more rooms lie to either side.
        let header = list.row(0)
        let hidden = (left: state.roomScroll, right: model.rooms.count - state.roomScroll - geometry.visibleRooms)
        grid.write(hidden.left > 0 ? "◂\(hidden.left)" : "", in: Rect(x: header.x, y: header.y, width: Geometry.timeWidth, height: 1), style: theme.dim)
        for visible in 0..<geometry.visibleRooms {
            let room = state.roomScroll + visible
            guard room < model.rooms.count else { break }
            let x = geometry.columnX(visible)
            grid.write("│", x: x, y: header.y, style: theme.border)
            // The last header makes room for the count of rooms further right; a name that does
            // not fit ends in "…" (the details show it whole).
            let moreLabel = hidden.right > 0 && visible == geometry.visibleRooms - 1 ? " \(hidden.right)▸" : ""
            let nameWidth = max(geometry.width(visible) - 1 - moreLabel.terminalWidth, 1)
            grid.write(model.names[room], in: Rect(x: x + 1, y: header.y, width: nameWidth, height: 1), style: theme.heading)
            if !moreLabel.isEmpty {
                grid.write(moreLabel, x: list.maxX - moreLabel.terminalWidth, y: header.y, style: theme.dim)
            }
        }
        // Time down the side, a label on each hour.
        for row in 0..<geometry.slotRows {
            let minute = model.firstMinute + (state.gridTop + row) * RoomGrid.slotMinutes
            guard minute < model.lastMinute else { break }
            let y = list.y + 1 + row
            if minute % 60 == 0 {
                let hour = (minute / 60) % 24
                grid.write((hour < 10 ? "0" : "") + "\(hour):00", x: list.x, y: y, style: theme.dim)
            }
            for visible in 0..<geometry.visibleRooms where state.roomScroll + visible < model.rooms.count {
                grid.write("│", x: geometry.columnX(visible), y: y, style: theme.border)
            }
        }
        // The sessions, clipped to the visible rows.
        for visible in 0..<geometry.visibleRooms {
            let room = state.roomScroll + visible
            guard room < model.rooms.count else { break }
            let x = geometry.columnX(visible) + 1
            let width = geometry.width(visible) - 1
            for block in model.blocks[room] {
                let top = model.slot(of: block.start) - state.gridTop
                let bottom = max(model.slot(of: block.end - 1), model.slot(of: block.start)) - state.gridTop
                let first = max(top, 0), last = min(bottom, geometry.slotRows - 1)
                guard first <= last, width > 1 else { continue }
                let selected = block.cursor == state.agenda.cursor
                let trackStyle = theme.trackStyle(block.session.tracks.first.flatMap { data.index.tracksByID[$0] })
                let style = selected ? (focused ? theme.selection : theme.inactiveSelection) : theme.text
                let star = state.personal.starred.contains(SessionAddress(event: state.selectedEvent?.rawValue ?? "", session: block.session.id)) ? "★ " : ""
                var lines = (star + block.when + " " + block.session.title.text(in: state.language)).wrappedAtWords(toWidth: width - 1)
                let people = block.session.people.compactMap { data.index.peopleByID[$0.person]?.name }
                if !people.isEmpty { lines += people.joined(separator: ", ").wrappedAtWords(toWidth: width - 1) }
                for row in first...last {
                    let y = list.y + 1 + row
                    grid.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
                    grid.write(row == top ? "▌" : "▏", x: x, y: y, style: selected ? style : trackStyle)
                    let index = row - top
                    if index < lines.count {
                        grid.write(lines[index], x: x + 1, y: y, limit: width - 1, style: index == 0 ? style.with(.bold) : style)
                    }
                }
            }
        }
        if model.untimed > 0, content.height > 6 {
            let note = " " + UIText(labels.language).untimedNote(model.untimed) + " "
            grid.write(note, x: max(list.maxX - note.terminalWidth, list.x), y: content.y + 2, style: theme.dim)
        }
    }

    /// The session under a click at (`x`, `row`) of the agenda content, as an agenda cursor.
    static func cursor(at point: Point, content: Rect, state: AppState, data: DashboardData) -> Int? {
        let rows = data.agendaRows(state)
        let model = data.roomGrid(state, rows: rows)
        let geometry = Geometry(content: content, names: model.names)
        guard let column = geometry.column(at: point.x), point.y > geometry.list.y else { return nil }
        let room = state.roomScroll + column
        let minute = model.firstMinute + (state.gridTop + point.y - geometry.list.y - 1) * RoomGrid.slotMinutes
        guard room < model.blocks.count else { return nil }
        return model.blocks[room].first { $0.start < minute + RoomGrid.slotMinutes && $0.end > minute }?.cursor
    }
}

import ConfDashScreen
import ConfDashCore

extension Reducer {
    /// Tab / Shift-Tab: the next pane that has something to show (DashboardData.emptyPanes).
    func focusPane(step: Int, _ state: inout AppState) {
        let count = PaneID.allCases.count
        var pane = state.focus
        for _ in 0..<count {
            pane = PaneID(rawValue: (pane.rawValue + step + count) % count)!
            if !data.emptyPanes.contains(pane) { break }
        }
        state.focus = pane
    }

    /// ↑ ↓ PgUp PgDn Home End, in whatever has the keyboard.
    func move(by delta: Int, _ state: inout AppState) {
        switch state.overlay {
        case .help(let scroll): state.overlay = .help(scroll: saturatingAdd(scroll, delta)); return
        case .problems(let scroll): state.overlay = .problems(scroll: saturatingAdd(scroll, delta)); return
        case .detail(let scroll): state.overlay = .detail(scroll: saturatingAdd(scroll, delta)); return
        case .trackPicker(let cursor, let chosen):
            state.overlay = .trackPicker(cursor: saturatingAdd(cursor, delta), chosen: chosen); return
        case .personal(let overlay): movePersonal(overlay, by: delta, &state); return
        case .changes(let cursor): moveInChanges(cursor, by: delta, &state); return
        case nil: break
        }
        switch state.focus {
        case .agenda where state.agendaView == .rooms:
            moveInGrid(by: delta, &state)
        case .agenda:
            state.agenda.cursor = saturatingAdd(state.agenda.cursor, delta)
            followSearchMatch(&state)
        case .timeline where data.dayHours(state) != nil:
            // Days × hours: ↑ ↓ move through the days, as the agenda's ← → do.
            changeDay(delta, &state)
        case .timeline:
            selectEvent(offset: delta, &state)
        case .regions:
            state.regions.cursor = saturatingAdd(state.regions.cursor, delta)
        case .technologies:
            state.technologies.cursor = saturatingAdd(state.technologies.cursor, delta)
        }
    }

    /// ← → : the day in the agenda, the event in the timeline, the session in the detail view.
    func step(_ delta: Int, _ state: inout AppState) {
        if case .detail = state.overlay {
            state.agenda.cursor = max(0, state.agenda.cursor + delta)
            state.overlay = .detail(scroll: 0)
            followSearchMatch(&state)
            return
        }
        switch state.focus {
        case .agenda:
            changeDay(delta, &state)
        case .timeline:
            if let hours = data.dayHours(state) { moveHour(delta, hours, &state) } else { selectEvent(offset: delta, &state) }
        case .regions where data.placesShowRooms:
            // The rooms pane shows one day: ← → move through the days, as in the agenda.
            changeDay(delta, &state)
        case .regions, .technologies:
            break
        }
    }

    func changeDay(_ delta: Int, _ state: inout AppState) {
        guard let event = data.event(state.selectedEvent) else { return }
        let day = min(max(state.day + delta, 1), max(event.dayCount, 1))
        if day != state.day { state.day = day; state.agenda = ListPosition(); state.gridTop = 0 }
        else if state.searchText == nil {
            // A key that can do nothing says why.
            state.message = .places(delta > 0 ? .alreadyLastDay(day, of: event.dayCount) : .alreadyFirstDay)
        }
        // Moving days means reading the day view, not search results.
        leaveSearch(&state)
    }

    func timeZoneMessage(_ state: AppState) -> StatusMessage {
        .timeZone(local: state.localTime, zone: data.localZone.identifier)
    }

    /// `[` `]` and the timeline's cursor: the previous or next event the filters leave.
    func selectEvent(offset: Int, _ state: inout AppState) {
        let scope = data.eventsInScope(state)
        guard !scope.isEmpty else { return }
        let current = scope.firstIndex { $0.typedID == state.selectedEvent } ?? 0
        let target = min(max(saturatingAdd(current, offset), 0), scope.count - 1)
        if target == current, offset != 0 {
            state.message = .places(offset > 0 ? .alreadyLastEvent : .alreadyFirstEvent)
            return
        }
        choose(event: scope[target].typedID, &state)
    }

    /// n / N: the next or previous search match, wrapping, with the agenda focused on it.
    func jumpToMatch(_ delta: Int, _ state: inout AppState) {
        guard state.searchText != nil else {
            state.message = .noSearchInForce; return
        }
        let count = data.agendaRows(state).sessionCount
        guard count > 0 else { return }
        state.focus = .agenda
        state.agenda.cursor = ((state.agenda.cursor + delta) % count + count) % count
        followSearchMatch(&state)
    }

    /// In search results, the selected match drives the other panes: its event becomes the
    /// selected one (timeline, map) and its day the agenda's day.
    func followSearchMatch(_ state: inout AppState) {
        guard state.searchText != nil else { return }
        let rows = data.agendaRows(state)
        let cursor = min(max(state.agenda.cursor, 0), max(rows.sessionCount - 1, 0))
        guard let (session, event) = rows.session(at: cursor) else { return }
        state.selectedEvent = event.typedID
        if let day = session.day, let index = event.dayIndex(of: day) { state.day = index }
    }

    func handleMouse(_ event: MouseEvent, _ state: inout AppState) {
        guard state.overlay == nil, state.mode == .normal else {
            if event.kind != .press { move(by: event.kind == .wheelUp ? -3 : 3, &state) }
            return
        }
        switch metrics(state).target(at: event.position, state, data: data) {
        case .tab(let pane)? where event.kind == .press:
            state.focus = pane
        case .pane(let pane, let row)?:
            state.focus = pane
            switch event.kind {
            case .wheelUp: move(by: -3, &state)
            case .wheelDown: move(by: 3, &state)
            case .press: if let row { select(row, &state) }
            }
        default:
            break
        }
    }

    /// A click selects the row under the pointer.
    private func select(_ row: ScreenMetrics.Row, _ state: inout AppState) {
        switch row {
        case .gridCursor(let cursor):
            state.agenda.cursor = cursor
        case .agendaCursor(let cursor):
            state.agenda.cursor = cursor
            followSearchMatch(&state)
        case .event(let id):
            choose(event: id, &state)
        case .region(let index):
            state.regions.cursor = index
        case .technology(let index):
            state.technologies.cursor = index
        }
    }
}

func saturatingAdd(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? (b > 0 ? Int.max : Int.min) : sum
}

extension Reducer {
    /// The room grid and where its cursor is. A cursor on a session the grid cannot place (no
    /// clock time) moves to the first placed one instead, and nil is returned: that is the move.
    private func gridCursor(_ state: inout AppState) -> (RoomGrid, Int, Int)? {
        let grid = data.roomGrid(state, rows: data.agendaRows(state))
        guard !grid.isEmpty else { return nil }
        guard let (room, index) = grid.position(ofCursor: state.agenda.cursor) else {
            state.agenda.cursor = grid.blocks[0][0].cursor
            return nil
        }
        return (grid, room, index)
    }

    /// ↑ ↓ in the room grid: the previous or next session in the same room.
    func moveInGrid(by delta: Int, _ state: inout AppState) {
        guard let (grid, room, index) = gridCursor(&state) else { return }
        let column = grid.blocks[room]
        let target = min(max(saturatingAdd(index, delta), 0), column.count - 1)
        state.agenda.cursor = column[target].cursor
    }

    /// ← → in the room grid: the neighbouring room's session nearest in time to the current one.
    func moveRoom(_ delta: Int, _ state: inout AppState) {
        guard let (grid, room, index) = gridCursor(&state) else { return }
        let time = grid.blocks[room][index].start
        let target = min(max(room + delta, 0), grid.blocks.count - 1)
        let nearest = grid.blocks[target].min { abs($0.start - time) < abs($1.start - time) }!
        state.agenda.cursor = nearest.cursor
    }

    /// Keeps the grid's cursor visible: room columns across, 15-minute rows down.
    func scrollGrid(_ state: inout AppState, geometry: RoomGridPane.Geometry?) {
        guard state.agendaView == .rooms, let geometry else { return }
        let grid = data.roomGrid(state, rows: data.agendaRows(state))
        guard let (room, index) = grid.position(ofCursor: state.agenda.cursor), geometry.visibleRooms > 0 else {
            state.roomScroll = 0; state.gridTop = 0; return
        }
        if room < state.roomScroll { state.roomScroll = room }
        if room >= state.roomScroll + geometry.visibleRooms { state.roomScroll = room - geometry.visibleRooms + 1 }
        state.roomScroll = min(max(state.roomScroll, 0), max(grid.rooms.count - geometry.visibleRooms, 0))
        let block = grid.blocks[room][index]
        let top = grid.slot(of: block.start), bottom = max(grid.slot(of: block.end - 1), top)
        let height = geometry.slotRows
        if top < state.gridTop { state.gridTop = top }
        if bottom >= state.gridTop + height { state.gridTop = min(top, bottom - height + 1) }
        state.gridTop = min(max(state.gridTop, 0), max(grid.slotCount - height, 0))
    }
}

import ConfDashCore
import ConfDashScreen

/// My agenda (m, `:mine`), the sessions that fit a free gap (Enter on the gap), and now and
/// next (., `:now`). The marks read without colour: ★ starred, ⚠ overlaps, ≈ may overlap.
enum PersonalOverlays {
    static func box(_ size: Size) -> Rect { OverlayBox.rect(size, maxWidth: 110) }

    static func render(_ overlay: PersonalOverlay, state: AppState, data: DashboardData, theme: Theme, into grid: inout CellGrid) {
        let rect = box(state.size)
        guard rect.width >= 20, rect.height >= 4 else { return }
        let text = UIText(state.language)
        let inner = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2)
        switch overlay {
        case .mine(let cursor):
            let rows = data.mineRows(state)
            let count = rows.agenda.sessionCount
            OverlayBox.draw(rect, title: text.myAgenda + " · ★ \(count)", theme: theme, into: &grid)
            if rows.items.isEmpty {
                grid.write(text.noStarYet,
                           in: inner.inset(by: 1), style: theme.dim)
                return
            }
            let selectedItem = cursor < rows.selectable.count ? rows.selectable[cursor] : -1
            let scroll = scrollFor(selectedItem, height: inner.height)
            for row in 0..<inner.height {
                let index = scroll + row
                guard index < rows.items.count else { break }
                let line = Rect(x: inner.x, y: inner.y + row, width: inner.width, height: 1)
                switch rows.items[index] {
                case .heading(let heading):
                    grid.write(heading, in: line, style: theme.heading)
                case .session(let session, let event):
                    drawSession(session, event: event, overlaps: rows.agenda.overlaps[SessionAddress(event: event.id, session: session.id)] ?? [],
                                starred: rows.sessions, state: state, data: data, theme: theme, in: line, into: &grid)
                case .gap(let gap, _):
                    let label = text.freeGap(gap)
                    grid.write("  " + label, in: line, style: theme.dim)
                }
                if index == selectedItem {
                    grid.markCursorRow(line, theme: theme)
                }
            }
        case .gap(let gap, let cursor, _):
            guard let event = data.index.eventsByID[gap.event] else { return }
            let fitting = MyAgenda.sessions(fitting: gap, in: event, excluding: state.personal.starred)
            OverlayBox.draw(rect, title: text.fitsIn(gap, count: fitting.count), theme: theme, into: &grid)
            if fitting.isEmpty {
                grid.write(text.nothingFits, in: inner.inset(by: 1), style: theme.dim)
                return
            }
            let scroll = scrollFor(cursor, height: inner.height)
            for row in 0..<inner.height {
                let index = scroll + row
                guard index < fitting.count else { break }
                let line = Rect(x: inner.x, y: inner.y + row, width: inner.width, height: 1)
                drawSession(fitting[index], event: event, overlaps: [], state: state, data: data, theme: theme, in: line, into: &grid)
                if index == cursor {
                    grid.write("▸", x: line.x, y: line.y, style: theme.title)
                    grid.restyle(line) { _ in theme.selection }
                }
            }
        case .nowNext:
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
            let roomWidth = min(max(board.rows.map { roomName($0.group, event, state).terminalWidth }.max() ?? 4, 4), 24)
            let half = max((inner.width - roomWidth - 4) / 2, 8)
            for (offset, row) in board.rows.prefix(max(inner.height - 2, 0)).enumerated() {
                let y = inner.y + 2 + offset
                var x = inner.x + 1
                grid.write(roomName(row.group, event, state).fitted(toWidth: roomWidth), x: x, y: y, style: theme.heading)
                x += roomWidth + 1
                let now = row.now.map { mark($0, event, state) + "\($0.start!.time)–\(($0.end(inTimeZone: event.timeZone.flatMap(TimeZones.zone(named:))) ?? $0.start!).time) " + $0.title.text(in: state.language) } ?? "—"
                grid.write(now.fitted(toWidth: half), x: x, y: y, style: row.now == nil ? theme.dim : theme.title)
                x += half + 1
                let next = row.next.map { mark($0, event, state) + "\($0.start!.time) " + $0.title.text(in: state.language) } ?? "—"
                grid.write(next, x: x, y: y, limit: inner.maxX - x, style: row.next == nil ? theme.dim : theme.text)
            }
        }
    }

    /// ★ for a starred session, then what the last reload changed about it (NEW, MOVED…), as words.
    private static func mark(_ session: Session, _ event: Event, _ state: AppState) -> String {
        let star = state.personal.starred.contains(SessionAddress(event: event.id, session: session.id)) ? "★ " : ""
        return star + (state.live.mark(event: event.id, session: session.id).map { UIText(state.language).changeMark($0) + " " } ?? "")
    }

    private static func roomName(_ id: String?, _ event: Event, _ state: AppState) -> String {
        guard let id else { return "—" }
        return event.rooms.first { $0.id == id }?.name.text(in: state.language) ?? id
    }

    /// One row: ★, time, title, room, then what it overlaps and the note.
    /// `starred`: My agenda's sessions by address, where the sessions overlapping are found.
    private static func drawSession(_ session: Session, event: Event, overlaps: [MyAgenda.Overlap], starred: [SessionAddress: Session] = [:],
                                    state: AppState, data: DashboardData, theme: Theme, in line: Rect, into grid: inout CellGrid) {
        let address = SessionAddress(event: event.id, session: session.id)
        let labels = Labels(state.language)
        var x = line.x + 1
        x += grid.write(state.personal.starred.contains(address) ? "★ " : "  ", x: x, y: line.y, style: theme.title)
        let zone = event.timeZone.flatMap(TimeZones.zone(named:))
        let when: String
        if let start = session.start {
            when = session.end(inTimeZone: zone).map { "\(start.time)–\($0.time)" } ?? "\(start.time)"
        } else {
            when = session.partOfDay.map(labels.partOfDay) ?? "—"
        }
        x += grid.write(when.fitted(toWidth: 12) + " ", x: x, y: line.y, style: theme.text)
        // The overlap mark before the title, so a long title never hides it.
        let certain = overlaps.contains { $0.certain }
        x += grid.write(overlaps.isEmpty ? "  " : certain ? "⚠ " : "≈ ", x: x, y: line.y, style: theme.heading)
        // What the last reload changed (a starred session moved, marked cancelled), as in the agenda.
        if let kind = state.live.mark(event: event.id, session: session.id) {
            x += grid.write(UIText(state.language).changeMark(kind) + " ", x: x, y: line.y, limit: max(line.maxX - x, 0),
                            style: ChangesOverlay.style(kind, theme))
        }
        var rest = session.title.text(in: state.language)
        if let room = session.room { rest += " · " + roomName(room, event, state) }
        if !overlaps.isEmpty {
            let names = overlaps.prefix(2).compactMap { (starred[$0.other] ?? data.session(at: $0.other)?.0)?.title.text(in: state.language) }
            rest += "  " + UIText(state.language).overlapsShort(certain: certain)
                + names.map { "«" + $0.truncated(toWidth: 30) + "»" }.joined(separator: ", ") + (overlaps.count > 2 ? " +\(overlaps.count - 2)" : "")
        }
        if let note = state.personal.notes[address] { rest += "  ✎ " + note }
        // Cut text ends in "…", so a cut overlap or note is seen to go on.
        grid.write(rest.truncated(toWidth: max(line.maxX - x, 0)), x: x, y: line.y, limit: line.maxX - x, style: theme.title)
    }


    private static func scrollFor(_ selected: Int, height: Int) -> Int { max(selected - height + 2, 0) }
}

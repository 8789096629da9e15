import ConfDashCore
import ConfDashScreen

/// The personal layer's full-screen lists, one file each: My agenda (`MineOverlay`), the
/// sessions that fit a free gap (`GapOverlay`) and now and next (`NowNextOverlay`). Here: their
/// box and what they share, a session's row. The marks read without colour: ★ starred,
/// ⚠ overlaps, ≈ may overlap.
enum PersonalOverlays {
    static func box(_ size: Size) -> Rect { OverlayBox.rect(size, maxWidth: 110) }

    static func render(_ overlay: PersonalOverlay, state: AppState, data: DashboardData, theme: Theme, into grid: inout CellGrid) {
        let rect = box(state.size)
        guard rect.width >= 20, rect.height >= 4 else { return }
        let inner = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2)
        switch overlay {
        case .mine(let cursor):
            MineOverlay.render(cursor: cursor, state: state, data: data, theme: theme, box: rect, inner: inner, into: &grid)
        case .gap(let gap, let cursor, _):
            GapOverlay.render(gap, cursor: cursor, state: state, data: data, theme: theme, box: rect, inner: inner, into: &grid)
        case .nowNext:
            NowNextOverlay.render(state: state, data: data, theme: theme, box: rect, inner: inner, into: &grid)
        }
    }

    /// ★ for a starred session, then what the last reload changed about it (NEW, MOVED…), as words.
    static func mark(_ session: Session, _ event: Event, _ state: AppState) -> String {
        let star = state.personal.starred.contains(SessionAddress(event: event.id, session: session.id)) ? "★ " : ""
        return star + (state.live.mark(event: event.id, session: session.id).map { UIText(state.language).changeMark($0) + " " } ?? "")
    }

    static func roomName(_ id: String?, _ event: Event, _ state: AppState) -> String {
        guard let id else { return "—" }
        return event.rooms.first { $0.id == id }?.name.text(in: state.language) ?? id
    }

    /// One row: ★, time, title, room, then what it overlaps and the note.
    static func drawSession(_ session: Session, event: Event, overlaps: [MyAgenda.Overlap],
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
            let names = overlaps.prefix(2).compactMap { data.session(at: $0.other)?.0.title.text(in: state.language) }
            rest += "  " + UIText(state.language).overlapsShort(certain: certain)
                + names.map { "«" + $0.truncated(toWidth: 30) + "»" }.joined(separator: ", ") + (overlaps.count > 2 ? " +\(overlaps.count - 2)" : "")
        }
        if let note = state.personal.notes[address] { rest += "  ✎ " + note }
        // Cut text ends in "…", so a cut overlap or note is seen to go on.
        grid.write(rest.truncated(toWidth: max(line.maxX - x, 0)), x: x, y: line.y, limit: line.maxX - x, style: theme.title)
    }


    static func scrollFor(_ selected: Int, height: Int) -> Int { max(selected - height + 2, 0) }
}

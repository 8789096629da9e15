import ConfDashScreen
import ConfDashCore

/// Pane 1: the selected event one day at a time — or, while a search is in force, every match.
enum AgendaPane {
    /// Rows above the list: event title, day line, rule.
    static let headerHeight = 3

    static func listHeight(_ content: Rect?) -> Int { max((content?.height ?? 0) - headerHeight, 0) }

    static func render(_ state: AppState, data: DashboardData, rows: AgendaRows, theme: Theme, focused: Bool,
                       in content: Rect, into grid: inout CellGrid) {
        guard !content.isEmpty else { return }
        let labels = Labels(state.language), text = UIText(state.language)
        if let search = state.searchText {
            // Events found through a session or by their own text (theme, sponsor…): the scope lists both.
            let events = data.eventsInScope(state).count
            grid.write(text.searchLabel(search), in: content, row: 0, style: theme.title)
            grid.write("\(text.matches(rows)) · \(text.events(events))", in: content, row: 1, style: theme.dim)
        } else if let event = data.event(state.selectedEvent) {
            grid.write(eventHeading(event, data: data, language: state.language), in: content, row: 0, style: theme.title)
            grid.write(dayLine(event, day: state.day, labels: labels), in: content, row: 1, style: theme.heading)
        } else {
            grid.write(data.events.isEmpty ? text.noEvents : text.noEventInScope, in: content, row: 0, style: theme.dim)
        }
        grid.write(String.repeating("─", count: content.width), x: content.x, y: content.y + 2, limit: content.width, style: theme.border)
        // When no listed session has any time, one note on the rule says so instead of a column
        // repeating "time ?" on every row.
        let anyTime = rows.anyTime
        if !anyTime, rows.sessionCount > 0, state.searchText == nil {
            grid.write(" " + UIText(labels.language).timesNotStated + " ",
                       x: content.x + 1, y: content.y + 2, limit: content.width - 1, style: theme.dim)
        }

        if state.agendaView == .rooms, state.searchText == nil {
            RoomGridPane.render(state, data: data, rows: rows, theme: theme, focused: focused, in: content, into: &grid)
            return
        }
        let list = Rect(x: content.x, y: content.y + headerHeight, width: content.width, height: listHeight(content))
        guard !list.isEmpty else { return }
        if let reason = rows.emptyReason {
            for (offset, line) in reason.wrapped(toWidth: max(list.width - 2, 1)).prefix(list.height).enumerated() {
                grid.write(line, x: list.x + 1, y: list.y + offset, limit: list.width - 1, style: theme.dim)
            }
            return
        }
        let timeWidth = anyTime || state.searchText != nil ? min(rows.whenWidth, 13) : 0
        // Imported schedules only guess a kind from free text ("DJ Set"): no column for a guess.
        let imported = data.event(state.selectedEvent)?.sources.allSatisfy { data.index.sourcesByID[$0]?.kind == .imported } ?? false
        let kindWidth = list.width >= 70 && !imported ? 16 : 0
        var y = list.y
        var index = state.agenda.scroll
        while index < rows.items.count, y < list.maxY {
            switch rows.items[index] {
            case .heading(let heading):
                grid.write(heading, in: Rect(x: list.x, y: y, width: list.width, height: 1), style: theme.heading)
                y += 1
            case .session(let session, let event, let when):
                let selected = state.agenda.cursor < rows.selectable.count && rows.selectable[state.agenda.cursor] == index
                drawSession(session, event: event, when: when, data: data, state: state, theme: theme,
                            at: Rect(x: list.x, y: y, width: list.width, height: min(2, list.maxY - y)),
                            timeWidth: timeWidth, kindWidth: kindWidth)
                if selected {
                    // A marker as well as the highlight: visible in monochrome and in snapshots.
                    grid.write("▸", x: list.x, y: y, style: theme.title)
                    let highlight = focused ? theme.selection : theme.inactiveSelection
                    grid.restyle(Rect(x: list.x, y: y, width: list.width, height: min(2, list.maxY - y))) { style in
                        var result = highlight
                        if style.attributes.contains(.bold) { result.attributes.insert(.bold) }
                        return result
                    }
                }
                y += 2
            }
            index += 1
        }
        if index < rows.items.count || state.agenda.scroll > 0 {
            let number = UIText(state.language).number
            let position = "\(number(min(state.agenda.cursor + 1, rows.sessionCount)))/\(number(rows.sessionCount))\(rows.isComplete ? "" : "+")"
            grid.write(" \(position) ", x: list.maxX - position.count - 2, y: content.y + 2, style: theme.dim)
        }

        func drawSession(_ session: Session, event: Event, when: String, data: DashboardData, state: AppState,
                         theme: Theme, at rect: Rect, timeWidth: Int, kindWidth: Int) {
            let labels = Labels(state.language)
            var x = rect.x + 1
            let unknownTime = session.start == nil && session.partOfDay == nil
            if timeWidth > 0 {
                grid.write(when.fitted(toWidth: timeWidth), x: x, y: rect.y, style: unknownTime ? theme.dim : theme.text)
                x += timeWidth + 1
            }
            if kindWidth > 0 {
                grid.write(labels.sessionKind(session.kind).fitted(toWidth: kindWidth - 1), x: x, y: rect.y, style: theme.dim)
                x += kindWidth
            }
            var title = session.title.text(in: state.language)
            if let count = session.count, count > 1 { title += " (×\(count))" }
            // ★ as text, not colour: it reads in monochrome and NO_COLOR.
            if state.personal.starred.contains(SessionAddress(event: event.id, session: session.id)) { title = "★ " + title }
            // What the last reload changed, as a word (LiveView.marks).
            if let kind = state.live.mark(event: event.id, session: session.id) {
                x += grid.write(UIText(state.language).changeMark(kind) + " ", x: x, y: rect.y, limit: max(rect.maxX - x, 0),
                                style: ChangesOverlay.style(kind, theme))
            }
            grid.write(title, x: x, y: rect.y, limit: rect.maxX - x, style: theme.title)
            guard rect.height > 1 else { return }
            // Second line: a day we inferred (issue 14), the room where known, tracks in their colours, then the people.
            var x2 = rect.x + 1 + (timeWidth > 0 ? timeWidth + 1 : 0) + 2
            if session.dayBasis?.inferred == true {
                x2 += grid.write(UIText(state.language).dayInferredTag, x: x2, y: rect.y + 1, limit: max(rect.maxX - x2, 0),
                                 style: theme.heading) + 2
            }
            if let room = session.room {
                let roomIndex = event.rooms.firstIndex { $0.id == room }
                var name = roomIndex.map { event.rooms[$0].name.text(in: state.language) } ?? room
                // In full up to half the line (at least 22 columns), "…" only where cut, and cut in
                // the middle where the end cut would look like another room's (as the rooms pane
                // does); then always a gap before the tracks and people, which keep the rest.
                let limit = max(min(rect.maxX - x2, max(22, (rect.maxX - x2) / 2)), 0)
                if let roomIndex, name.utf8.count > limit {
                    name = RoomName.shown(name, nameWidth: name.terminalWidth,
                                          sharedPrefixWidth: data.roomSharedPrefixWidths(event, state.language)[roomIndex], width: limit)
                }
                x2 += grid.write(name, x: x2, y: rect.y + 1, limit: limit, style: theme.heading) + 2
            }
            for id in session.tracks {
                guard let track = data.index.tracksByID[id], x2 < rect.maxX else { continue }
                x2 += grid.write("■ ", x: x2, y: rect.y + 1, limit: rect.maxX - x2, style: theme.trackStyle(track))
                x2 += grid.write(track.name.text(in: state.language) + "  ", x: x2, y: rect.y + 1, limit: rect.maxX - x2, style: theme.dim)
            }
            let people = session.people.compactMap { data.index.peopleByID[$0.person]?.name }
            let organisations = session.organisations.compactMap { link -> String? in
                data.index.organisationsByID[link.organisation].map { ($0.acronym ?? $0.name).text(in: state.language) }
            }
            let who = (people + organisations).joinedText(separator: ", ")
            if !who.isEmpty, x2 < rect.maxX {
                grid.write(who, x: x2, y: rect.y + 1, limit: rect.maxX - x2, style: theme.text)
            }
        }
    }

    static func eventHeading(_ event: Event, data: DashboardData, language: Language) -> String {
        var heading = event.title.text(in: language)
        if let place = data.index.place(of: event) { heading += " · " + place.name.text(in: language) }
        else if event.online { heading += " · " + Labels(language).online }
        return heading
    }

    static func dayLine(_ event: Event, day: Int, labels: Labels) -> String {
        guard let date = event.date(ofDay: day) else { return "" }
        var line = DateLabels.long(date, labels.language).capitalizedFirst + " · " + labels.dayOf(day, event.dayCount)
        if let theme = event.days.first(where: { $0.date == date })?.theme { line += " · " + theme.text(in: labels.language) }
        return line
    }

    /// Which session a click on list row `row` (from the top of the content) lands on.
    static func cursor(at row: Int, rows: AgendaRows, state: AppState) -> Int? {
        var y = headerHeight
        var index = state.agenda.scroll
        while index < rows.items.count {
            let height = rows.items[index].height
            if row >= y && row < y + height { return rows.selectable.firstIndex(of: index) }
            y += height
            index += 1
        }
        return nil
    }
}

extension String {
    /// "mercredi 13 novembre" → "Mercredi 13 novembre" at the start of a line.
    /// The rest appended as a String: `+ dropFirst()` appended a Substring through the
    /// unspecialised generic (0.27 M instructions of metadata look-ups on the first frame).
    var capitalizedFirst: String { prefix(1).uppercased() + String(dropFirst()) }
}

import ConfDashScreen
import Foundation
import ConfDashCore

/// Two rows at the bottom. The first always says which event and day are shown and every
/// filter in force; the second gives key hints (from the KeyMap), a message, or the input line.
enum StatusBar {
    static func render(_ state: AppState, data: DashboardData, rows: AgendaRows, theme: Theme, keyMap: KeyMap,
                       in rect: Rect, into grid: inout CellGrid) {
        guard rect.height >= 2 else { return }
        let text = UIText(state.language)
        let top = rect.row(0), bottom = rect.row(1)
        grid.fill(top, style: theme.statusBar)
        grid.fill(bottom, style: theme.text)

        var x = top.x + 1
        func put(_ string: String, _ style: Style) {
            guard x < top.maxX else { return }
            x += grid.write(string, x: x, y: top.y, limit: top.maxX - x, style: style)
        }
        if let event = data.event(state.selectedEvent) {
            put(UIText.eventName(event, state.language), theme.statusKey)
            if let date = event.date(ofDay: state.day) {
                put(" · " + text.day + " \(state.day)/\(event.dayCount) · " + DateLabels.short(date, state.language), theme.statusBar)
            }
            // While the event is on, the time on its clock.
            if let now = state.personal.wallClock(for: event, localZone: data.localZone), event.dayIndex(of: now.date) != nil {
                put(" · " + text.nowWord + " \(now.time)", theme.statusKey)
            }
        } else {
            put(text.noEvent, theme.statusBar)
        }
        // Converted times stay visible while they are on, so nobody reads them as the event's clock.
        if state.localTime { put(" · " + text.convertedZoneChip(data.localZone.identifier), theme.statusKey) }
        // A reload in the background shows here until its result comes, whatever the keys do.
        if state.live.reloading { put(" · " + text.reloadingShort, theme.statusKey) }
        if state.live.opening != nil { put(" · " + text.fetchingShort, theme.statusKey) }
        put("  │ ", theme.statusBar)
        let chips = filterChips(state, data: data, rows: rows)
        if chips.isEmpty {
            put(text.noFilters, theme.statusBar)
        } else {
            for chip in chips { put(chip, theme.filter); put(" ", theme.statusBar) }
            let reminder = text.filterReminder
            if x + reminder.terminalWidth < top.maxX { put(reminder, theme.statusBar) }
        }

        switch state.mode {
        case .search(let input):
            drawInput(prompt: "/", input, theme: theme, in: bottom, into: &grid)
            return
        case .command(let input):
            drawInput(prompt: ":", input, theme: theme, in: bottom, into: &grid)
            if input.completions.count > 1 {
                grid.fill(top, style: theme.statusBar)
                grid.write(input.completions.joined(separator: "  "), in: top.splitLeft(1).1, style: theme.statusBar)
            }
            return
        case .normal: break
        }
        if let message = state.message {
            let line = MessageLine.text(message, language: state.language, width: bottom.width - 1)
            grid.write(" " + line, in: bottom, style: message.kind == .error ? theme.error : theme.heading)
            return
        }
        var hints: [(key: String, text: String, essential: Bool, action: BoundAction)] = []
        for binding in keyMap.live(in: Dispatcher.context(for: state)) {
            guard let hint = binding.hint, binding.isEnabled(state, data) else { continue }
            let key = binding.hintLabel ?? KeyMap.displayName(binding.keys[0])
            let essential = binding.action == .command(.showHelp) || binding.action == .command(.quit)
            hints.append((key, hint.text(in: state.language), essential, binding.action))
        }
        // "? help" and "q quit" stay at every width: the other hints give way, the ones a user
        // needs least first (KeyMap.hintsGivingWayFirst), then the rest last first.
        func width(_ hint: (key: String, text: String, essential: Bool, action: BoundAction)) -> Int { hint.key.terminalWidth + hint.text.terminalWidth + 2 }
        var total = hints.reduce(0) { $0 + width($1) }
        var order = KeyMap.hintsGivingWayFirst.compactMap { action in hints.firstIndex { $0.action == action } }
        order += hints.indices.reversed().filter { !order.contains($0) && !hints[$0].essential }
        var dropped = Set<Int>()
        for index in order where total > bottom.width - 1 {
            dropped.insert(index)
            total -= width(hints[index])
        }
        hints = hints.indices.filter { !dropped.contains($0) }.map { hints[$0] }
        var hx = bottom.x + 1
        for hint in hints {
            guard hx + width(hint) <= bottom.maxX else { break }
            hx += grid.write(hint.key, x: hx, y: bottom.y, style: theme.heading)
            hx += grid.write(" " + hint.text + " ", x: hx, y: bottom.y, style: theme.dim)
        }
    }

    /// Each filter in force, in the order applied (Esc removes the last).
    static func filterChips(_ state: AppState, data: DashboardData, rows: AgendaRows) -> [String] {
        let language = state.language, text = UIText(language)
        return state.filters.map { filter in
            switch filter {
            case .tracks(let ids):
                let names = data.index.dataset.tracks.filter { ids.contains($0.typedID) }.map { $0.name.text(in: language) }
                return text.trackChip + names.joined(separator: ", ")
            case .technology(let id):
                return text.technologyChip + (data.index.technologiesByID[id.rawValue]?.name.text(in: language) ?? id.rawValue)
            case .region(let id):
                return text.regionChip + (data.index.regionsByID[id.rawValue]?.name.text(in: language) ?? id.rawValue)
            case .rooms(let ids):
                let names = ids.compactMap { data.index.roomName(id: $0.rawValue, language: language) }.sorted()
                return text.roomChip + names.joined(separator: ", ")
            case .search(let query):
                return text.searchLabel(query) + " (\(text.matches(state.searchText == query ? rows.sessionCount : 0)))"
            }
        } + typingChip(state, rows: rows)
    }

    private static func typingChip(_ state: AppState, rows: AgendaRows) -> [String] {
        guard case .search(let input) = state.mode, !input.text.isEmpty else { return [] }
        return [UIText(state.language).searchLabel(input.text) + "… (\(UIText(state.language).matches(rows.sessionCount)))"]
    }

    static func drawInput(prompt: String, _ input: LineInput, theme: Theme, in rect: Rect, into grid: inout CellGrid) {
        grid.write(prompt, x: rect.x, y: rect.y, style: theme.heading)
        let characters = Array(input.text)
        // Keep the cursor in view on a long line.
        let available = max(rect.width - 2, 1)
        let start = max(0, input.cursor - available + 1)
        var x = rect.x + 1
        for (offset, character) in characters.enumerated().dropFirst(start) {
            guard x < rect.maxX else { break }
            x += grid.write(String(character), x: x, y: rect.y, limit: rect.maxX - x,
                            style: offset == input.cursor ? theme.selection : theme.text)
        }
        if input.cursor >= characters.count, x < rect.maxX { grid.write(" ", x: x, y: rect.y, style: theme.selection) }
    }
}

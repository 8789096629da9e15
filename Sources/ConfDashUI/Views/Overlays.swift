import ConfDashScreen
import ConfDashCore

/// The box an overlay is drawn in: most of the screen, never outside it.
enum OverlayBox {
    static func rect(_ size: Size, maxWidth: Int, maxHeight: Int? = nil) -> Rect {
        let screen = Rect(size: size).splitBottom(2).0
        let width = min(maxWidth, max(screen.width - 4, 0))
        let height = min(maxHeight ?? screen.height, max(screen.height - 2, 0))
        return screen.centred(Size(width: width, height: height))
    }

    static func draw(_ rect: Rect, title: String, theme: Theme, into grid: inout CellGrid) {
        grid.fill(rect, style: theme.text)
        grid.drawFrame(rect, title: title, style: theme.focusedBorder, titleStyle: theme.focusedBorder)
    }

    /// "12–30 of 70" on the bottom edge when the content is longer than the box.
    static func drawPosition(_ rect: Rect, scroll: Int, total: Int, language: Language, theme: Theme, into grid: inout CellGrid) {
        let visible = max(rect.height - 2, 0)
        guard total > visible, rect.width > 20 else { return }
        let label = " \(scroll + 1)–\(min(scroll + visible, total)) " + (language == .en ? "of" : "sur") + " \(total) "
        grid.write(label, x: rect.maxX - label.terminalWidth - 2, y: rect.maxY - 1, style: theme.focusedBorder)
    }
}

/// `?`: every key of the current pane (or overlay), generated from the KeyMap, then the command line.
enum HelpOverlay {
    static func lines(_ state: AppState, keyMap: KeyMap = .standard, theme: Theme = .monochrome) -> [StyledLine] {
        let language = state.language
        let text = UIText(language)
        var result: [StyledLine] = []
        func section(_ title: String, _ bindings: [KeyBinding]) {
            guard !bindings.isEmpty else { return }
            if !result.isEmpty { result.append(StyledLine(text: "", style: theme.text)) }
            result.append(StyledLine(text: title, style: theme.heading))
            for binding in bindings {
                result.append(StyledLine(text: binding.label().padded(toWidth: 16) + " " + binding.help.text(in: language), style: theme.text))
            }
        }
        let pane = state.focus
        section(language == .en ? "\(text.paneName(pane)) pane" : "Volet \(text.paneName(pane).lowercased())", keyMap.bindings(in: .pane(pane)))
        if pane == .agenda {
            section(language == .en ? "Agenda room grid (r)" : "Grille des salles (r)", keyMap.bindings(in: .roomGrid))
        }
        section(language == .en ? "Everywhere" : "Partout", keyMap.bindings(in: .global))
        section(language == .en ? "Session details" : "Détail d'une séance", keyMap.bindings(in: .detail))
        section(language == .en ? "Track picker (t)" : "Choix des thèmes (t)", keyMap.bindings(in: .trackPicker))
        section(language == .en ? "Typing a search (/) or a command (:)" : "Saisie d'une recherche (/) ou d'une commande (:)",
                keyMap.bindings(in: .command))
        result.append(StyledLine(text: "", style: theme.text))
        result.append(StyledLine(text: language == .en ? "Command line" : "Ligne de commande", style: theme.heading))
        for entry in CommandTable.entries {
            let usage = ":" + entry.names.joined(separator: " :") + (entry.argument.map { " " + $0 } ?? "")
            result.append(StyledLine(text: usage.padded(toWidth: 24) + " " + entry.help.text(in: language), style: theme.text))
        }
        result.append(StyledLine(text: "", style: theme.text))
        result.append(StyledLine(text: language == .en ? "Mouse: a click focuses a pane and selects the row under it; the wheel scrolls."
                                 : "Souris : un clic active un volet et choisit la ligne visée ; la molette fait défiler.", style: theme.dim))
        return result
    }

    static func box(_ size: Size) -> Rect { OverlayBox.rect(size, maxWidth: 96) }

    static func maxScroll(_ state: AppState) -> Int {
        max(lines(state).count - max(box(state.size).height - 2, 0), 0)
    }

    static func render(_ state: AppState, scroll: Int, theme: Theme, into grid: inout CellGrid) {
        let rect = box(state.size)
        guard rect.width >= 4, rect.height >= 3 else { return }
        let title = UIText(state.language).help + " — " + UIText(state.language).paneName(state.focus)
        OverlayBox.draw(rect, title: title, theme: theme, into: &grid)
        let content = lines(state, theme: theme)
        DetailView.draw(content, scroll: scroll, in: rect.inset(by: 1).splitLeft(1).1, into: &grid)
        OverlayBox.drawPosition(rect, scroll: scroll, total: content.count, language: state.language, theme: theme, into: &grid)
    }
}

/// Enter on a session: its full details, scrollable, ← → to the neighbouring sessions.
enum DetailOverlay {
    static func box(_ size: Size) -> Rect { OverlayBox.rect(size, maxWidth: 90) }

    static func lines(_ state: AppState, data: DashboardData, theme: Theme) -> [StyledLine] {
        DetailView.lines(state, data: data, theme: theme, width: max(box(state.size).width - 4, 1), preferSession: true)
    }

    static func maxScroll(_ state: AppState, data: DashboardData) -> Int {
        max(lines(state, data: data, theme: .monochrome).count - max(box(state.size).height - 2, 0), 0)
    }

    static func render(_ state: AppState, scroll: Int, data: DashboardData, theme: Theme, into grid: inout CellGrid) {
        let rect = box(state.size)
        guard rect.width >= 4, rect.height >= 3 else { return }
        OverlayBox.draw(rect, title: UIText(state.language).details, theme: theme, into: &grid)
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        let content = lines(state, data: data, theme: theme)
        DetailView.draw(content, scroll: scroll, in: inner, into: &grid)
        OverlayBox.drawPosition(rect, scroll: scroll, total: content.count, language: state.language, theme: theme, into: &grid)
    }
}

/// `t`: tick any number of tracks; Enter applies them to every event.
enum TrackPicker {
    static func render(_ state: AppState, cursor: Int, chosen: Set<String>, data: DashboardData, theme: Theme,
                       into grid: inout CellGrid) {
        let tracks = data.index.dataset.tracks
        let rect = OverlayBox.rect(state.size, maxWidth: 60, maxHeight: tracks.count + 4)
        guard rect.width >= 6, rect.height >= 3 else { return }
        OverlayBox.draw(rect, title: UIText(state.language).tracks, theme: theme, into: &grid)
        let inner = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2)
        guard !tracks.isEmpty else {
            grid.write(state.language == .en ? "This dataset has no tracks." : "Ce jeu de données n'a pas de thèmes.", in: inner, style: theme.dim)
            return
        }
        let usage = data.trackUsage
        let scroll = max(cursor - inner.height + 1, 0)
        for row in 0..<inner.height {
            let index = scroll + row
            guard index < tracks.count else { break }
            let track = tracks[index]
            let box = chosen.contains(track.id) ? "[x] " : "[ ] "
            let line = Rect(x: inner.x, y: inner.y + row, width: inner.width, height: 1)
            var x = inner.x + 1
            x += grid.write(box, x: x, y: line.y, style: theme.text)
            x += grid.write("■ ", x: x, y: line.y, style: theme.trackStyle(track))
            let count = String(usage[track.id]?.sessions ?? 0)
            grid.write(track.name.text(in: state.language), x: x, y: line.y, limit: line.maxX - x - count.count - 2, style: theme.text)
            grid.write(count, x: line.maxX - count.count - 1, y: line.y, style: theme.dim)
            if index == cursor { grid.restyle(line) { _ in theme.selection } }
        }
    }
}

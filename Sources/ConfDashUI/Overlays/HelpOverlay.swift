import ConfDashScreen
import ConfDashCore

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
        func contextSection(_ context: KeyContext) { section(text.contextTitle(context), keyMap.bindings(in: context)) }
        contextSection(.pane(pane))
        if pane == .agenda { contextSection(.roomGrid) }
        contextSection(.global)
        contextSection(.detail)
        contextSection(.trackPicker)
        section(text.lineEditingTitle, keyMap.bindings(in: .command))
        result.append(StyledLine(text: "", style: theme.text))
        result.append(StyledLine(text: text.commandLine, style: theme.heading))
        for entry in CommandTable.entries {
            let usage = ":" + entry.names.joined(separator: " :") + (entry.argument.map { " " + $0 } ?? "")
            result.append(StyledLine(text: usage.padded(toWidth: 24) + " " + entry.help.text(in: language), style: theme.text))
        }
        result.append(StyledLine(text: "", style: theme.text))
        result.append(StyledLine(text: text.mouseHelp, style: theme.dim))
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

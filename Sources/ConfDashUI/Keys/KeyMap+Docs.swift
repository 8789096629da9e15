import ConfDashScreen
import ConfDashCore

extension KeyMap {
    /// The keymap as Markdown tables, one per context, for docs/user-guide.md. A test checks the
    /// guide contains exactly this, so the documentation cannot drift from the keys.
    public func markdown(_ language: Language = .en) -> String {
        let titles: [(KeyContext, String)] = [
            (.global, "Everywhere (normal mode)"),
            (.pane(.agenda), "Agenda pane"),
            (.pane(.timeline), "Timeline pane"),
            (.pane(.regions), "Regions pane"),
            (.pane(.technologies), "Technologies pane"),
            (.roomGrid, "Agenda room grid (r)"),
            (.detail, "Session details (Enter on a session)"),
            (.help, "Help overlay (?)"),
            (.trackPicker, "Track picker (t)"),
            (.search, "Typing a search (/)"),
            (.command, "Typing a command (:)"),
        ]
        var out = ""
        for (context, title) in titles {
            out += "#### \(title)\n\n| key | does |\n|---|---|\n"
            for binding in bindings(in: context) {
                let keys = binding.label().replacingOccurrences(of: "|", with: "\\|")
                out += "| `\(keys)` | \(binding.help.text(in: language)) |\n"
            }
            out += "\n"
        }
        out += "#### Command line (:)\n\n| command | does |\n|---|---|\n"
        for entry in CommandTable.entries {
            let usage = entry.names.map { ":" + $0 }.joined(separator: ", ") + (entry.argument.map { " " + $0 } ?? "")
            out += "| `\(usage.replacingOccurrences(of: "|", with: "\\|"))` | \(entry.help.text(in: language)) |\n"
        }
        return out
    }
}

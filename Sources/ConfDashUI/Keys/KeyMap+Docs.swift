import ConfDashScreen
import ConfDashCore

extension KeyMap {
    /// The keymap as Markdown tables, one per context, for docs/user-guide.md. A test checks the
    /// guide contains exactly this, so the documentation cannot drift from the keys.
    public func markdown(_ language: Language = .en) -> String {
        var out = ""
        for context in KeyContext.allCases {
            out += "#### \(UIText(language).contextTitle(context))\n\n| key | does |\n|---|---|\n"
            for binding in bindings(in: context) {
                let keys = binding.label().replacingOccurrences(of: "|", with: "\\|")
                out += "| `\(keys)` | \(binding.help.text(in: language)) |\n"
            }
            out += "\n"
        }
        out += "#### \(UIText(language).commandLine) (:)\n\n| command | does |\n|---|---|\n"
        for entry in CommandTable.entries {
            let usage = entry.names.map { ":" + $0 }.joined(separator: ", ") + (entry.argument.map { " " + $0 } ?? "")
            out += "| `\(usage.replacingOccurrences(of: "|", with: "\\|"))` | \(entry.help.text(in: language)) |\n"
        }
        return out
    }
}

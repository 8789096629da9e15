import ConfDashScreen

/// OSC 8 hyperlinks on the real terminal (issue 10). Curses knows nothing of them, so after
/// curses has drawn a frame the cells of each link are written once more, with the same text and
/// attributes, between `ESC ] 8 ; ; URL ESC \` and `ESC ] 8 ; ; ESC \`; the cursor and the
/// attributes curses left are saved and restored around it (DECSC / DECRC), so curses' idea of
/// the screen stays true.
public enum HyperlinkOutput {
    /// Whether to send OSC 8. `CONFDASH_HYPERLINKS=1` / `0` decides; otherwise only terminals
    /// known to support it get them, since an old terminal may print the sequence as text:
    /// tmux 3.4 or later, VTE 0.50+ (GNOME Terminal, Tilix…), kitty, WezTerm, iTerm2, foot,
    /// Alacritty, Ghostty, Konsole, Windows Terminal and VS Code's terminal.
    public static func supported(environment: [String: String]) -> Bool {
        switch environment["CONFDASH_HYPERLINKS"]?.lowercased() {
        case "1", "yes", "on", "true": return true
        case "0", "no", "off", "false": return false
        default: break
        }
        let term = environment["TERM"] ?? ""
        if term == "dumb" || term == "linux" { return false }
        if environment["TMUX"] != nil || term.hasPrefix("tmux") || term.hasPrefix("screen") {
            // Inside tmux, only tmux's own version counts (it passes OSC 8 on from 3.4).
            guard environment["TERM_PROGRAM"] == "tmux", let version = environment["TERM_PROGRAM_VERSION"] else { return false }
            return versionAtLeast(version, 3, 4)
        }
        if let vte = environment["VTE_VERSION"].flatMap(Int.init), vte >= 5000 { return true }
        if ["iTerm.app", "WezTerm", "vscode", "ghostty", "rio"].contains(environment["TERM_PROGRAM"] ?? "") { return true }
        if environment["KITTY_WINDOW_ID"] != nil || environment["WT_SESSION"] != nil || environment["KONSOLE_VERSION"] != nil { return true }
        return ["xterm-kitty", "foot", "alacritty", "wezterm", "xterm-ghostty"].contains { term.hasPrefix($0) }
    }

    static func versionAtLeast(_ text: String, _ major: Int, _ minor: Int) -> Bool {
        let digits = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard let first = digits.first else { return false }
        return first > major || (first == major && (digits.dropFirst().first ?? 0) >= minor)
    }

    /// The bytes that draw `grid`'s current links again as hyperlinks ("" when there are none).
    public static func sequence(for grid: CellGrid, capability: ColorCapability, defaultColors: Bool = true) -> String {
        let links = grid.currentLinks
        guard !links.isEmpty else { return "" }
        var out = "\u{1B}7"
        for link in links where Hyperlink.isSafe(link.url) {
            out += "\u{1B}[\(link.y + 1);\(link.x + 1)H"
            out += "\u{1B}]8;;" + link.url + "\u{1B}\\"
            var style: Style?
            for column in link.x..<link.x + link.width {
                let cell = grid[column, link.y]
                if cell.isContinuation { continue }
                if cell.style != style {
                    style = cell.style
                    out += sgr(ColorMapping.resolve(cell.style, capability: capability, defaultColors: defaultColors))
                }
                out += cell.grapheme
            }
            out += "\u{1B}]8;;\u{1B}\\"
        }
        return out + "\u{1B}8"
    }

    /// SGR for a resolved style, from a reset.
    static func sgr(_ style: ResolvedStyle) -> String {
        var codes = ["0"]
        let attributes: [(TextAttributes, String)] = [(.bold, "1"), (.dim, "2"), (.italic, "3"), (.underline, "4"), (.reverse, "7")]
        for (attribute, code) in attributes where style.attributes.contains(attribute) { codes.append(code) }
        codes.append(color(style.foreground, base: 30, bright: 90, extended: 38))
        codes.append(color(style.background, base: 40, bright: 100, extended: 48))
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    private static func color(_ index: Int, base: Int, bright: Int, extended: Int) -> String {
        switch index {
        case ..<0: return String(base + 9)
        case 0..<8: return String(base + index)
        case 8..<16: return String(bright + index - 8)
        default: return "\(extended);5;\(index)"
        }
    }
}

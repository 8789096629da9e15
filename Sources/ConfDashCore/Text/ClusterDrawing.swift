/// How the dashboard draws an emoji sequence so that every terminal puts the following text in
/// the same column as confdash's own screen model.
///
/// Terminals disagree on these clusters. `🕉️` (U+1F549 U+FE0F) is 2 columns by Unicode's emoji
/// rules and in kitty, WezTerm or iTerm2, but 1 in glibc's `wcwidth`, in ncurses and in tmux 3.3
/// (tmux 3.4 changed it again). tmux does not join ZWJ sequences at all (`👨‍👩‍👧` is three wide
/// emoji there, one glyph elsewhere), and skin-tone modifiers are drawn as a second wide glyph by
/// terminals that do not combine them. Whatever width confdash picked, some terminal would leave a
/// stale cell or shift the rest of the row.
///
/// So the screen never sends such a sequence whole. It sends its parts that every terminal
/// measures alike: each base character alone, without the variation selector, the joiner, the
/// skin-tone modifier or the tag characters; combining marks (the keycap ◌⃣) stay on their base.
/// Parts are drawn while they fit in the width the sequence is given in layouts
/// (`terminalWidth`, 2), and the rest of that width is blank. `🕉️` is drawn `🕉` plus a space,
/// `🏳️‍⚧️` as `🏳⚧`, `👍🏽` as `👍`, `👨‍👩‍👧` as `👨`. Flags (two regional indicators) are drawn
/// whole: 1 + 1 columns by `wcwidth`, 2 where a flag glyph is shown, the same width everywhere.
/// Text keeps every character; only the live screen (and `snapshot`, which prints it) is concerned.
public enum ClusterDrawing {
    /// The parts to draw for `character` with their widths, or nil when it is drawn as it is.
    public static func parts(of character: Character) -> [(text: String, width: Int)]? {
        let scalars = character.unicodeScalars
        guard scalars.count > 1, TerminalWidth.width(of: character) == 2 else { return nil }
        if scalars.allSatisfy({ regionalIndicators.contains($0.value) }) { return nil }
        // Only emoji sequences; wide CJK with marks and the like are drawn as they are.
        guard scalars.contains(where: { isDropped($0) }) else { return nil }
        var parts: [(text: String, width: Int)] = []
        for scalar in scalars where !isDropped(scalar) {
            let width = TerminalWidth.width(of: scalar)
            if width == 0 {
                if !parts.isEmpty { parts[parts.count - 1].text.unicodeScalars.append(scalar) }
            } else {
                parts.append((String(scalar), width))
            }
        }
        var used = 0
        var fitting: [(text: String, width: Int)] = []
        for part in parts {
            guard used + part.width <= 2 else { break }
            fitting.append(part)
            used += part.width
        }
        if used < 2 { fitting.append((String(repeating: " ", count: 2 - used), 2 - used)) }
        return fitting
    }

    private static let regionalIndicators: ClosedRange<UInt32> = 0x1F1E6...0x1F1FF

    /// Variation selectors, the zero-width joiner, skin-tone modifiers and tag characters.
    private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFE0E, 0xFE0F, 0x200D, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: return true
        default: return false
        }
    }
}

import ConfDashScreen

/// Cursor and editing keys that arrive as raw escape sequences because the terminal's terminfo
/// entry does not describe them, so curses could not turn them into key codes.
///
/// The common case: tmux (and screen) send `ESC [ 1 ~` for Home and `ESC [ 4 ~` for End, which
/// `xterm-256color`'s terminfo lacks (it has `ESC O H` / `ESC O F`), and many people run tmux
/// with TERM=xterm-256color. The table covers the usual families:
/// - VT220 / tmux / screen / Linux console: `ESC [ 1 ~` Home, `ESC [ 4 ~` End, `2~` Insert,
///   `3~` Delete, `5~` PgUp, `6~` PgDn;
/// - rxvt: `ESC [ 7 ~` Home, `ESC [ 8 ~` End;
/// - xterm, normal and application cursor mode: `ESC [ H`/`F`, `ESC O H`/`F`, arrows `A`–`D`;
/// - `ESC [ Z`: Shift-Tab.
/// Sequences with modifiers (`ESC [ 1 ; 5 H`, Ctrl-Home) and function keys stay unbound: the
/// dashboard gives them no meaning, and reading Ctrl-Up as Up would surprise.
enum NavigationSequence {
    static func csi(parameters: String, final: UInt32) -> Key? {
        switch (parameters, final) {
        case ("", 0x41): return .up
        case ("", 0x42): return .down
        case ("", 0x43): return .right
        case ("", 0x44): return .left
        case ("", 0x48), ("1", 0x48): return .home
        case ("", 0x46), ("1", 0x46): return .end
        case ("", 0x5A): return .backTab
        case (let number, 0x7E):  // "~"
            switch number {
            case "1", "7": return .home
            case "4", "8": return .end
            case "3": return .delete
            case "5": return .pageUp
            case "6": return .pageDown
            default: return nil
            }
        default: return nil
        }
    }

    static func ss3(final: UInt32) -> Key? {
        switch final {
        case 0x41: return .up
        case 0x42: return .down
        case 0x43: return .right
        case 0x44: return .left
        case 0x48: return .home
        case 0x46: return .end
        default: return nil
        }
    }
}

/// A key press as the dashboard sees it, independent of curses. The terminal backend turns
/// `get_wch` results into these; `snapshot --keys` turns tmux key names into the same values,
/// so a headless run and a real one go through one dispatcher.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    case enter, tab, backTab, escape, backspace, delete
    case up, down, left, right, pageUp, pageDown, home, end
    /// Ctrl plus a letter, lowercased: `.control("c")`.
    case control(Character)
    case function(Int)
    case mouse(MouseEvent)

    /// The name used in key hints, the help overlay and `--keys`: tmux's names for special keys.
    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "BTab"
        case .escape: return "Escape"
        case .backspace: return "BSpace"
        case .delete: return "DC"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PageUp"
        case .pageDown: return "PageDown"
        case .home: return "Home"
        case .end: return "End"
        case .control(let c): return "C-\(c)"
        case .function(let n): return "F\(n)"
        case .mouse(let event): return "Mouse(\(event.kind) \(event.position.x),\(event.position.y))"
        }
    }

    /// Names of special keys as tmux `send-keys` spells them (plus a few common aliases).
    package static let namedKeys: [String: Key] = [
        "Enter": .enter, "Tab": .tab, "BTab": .backTab, "Escape": .escape, "Esc": .escape,
        "BSpace": .backspace, "DC": .delete, "Delete": .delete, "Space": .character(" "),
        "Up": .up, "Down": .down, "Left": .left, "Right": .right,
        "PageUp": .pageUp, "PgUp": .pageUp, "PPage": .pageUp,
        "PageDown": .pageDown, "PgDn": .pageDown, "NPage": .pageDown,
        "Home": .home, "End": .end,
    ]

    /// Parses one tmux-style key name: `Tab`, `C-c`, `F1`, `j`. Nil for anything else.
    public init?(name: String) {
        if let key = Key.namedKeys[name] { self = key; return }
        if name.count == 1, let c = name.first { self = .character(c); return }
        if name.hasPrefix("C-"), name.count == 3, let c = name.last, c.isLetter {
            self = .control(Character(c.lowercased())); return
        }
        if name.hasPrefix("F"), let n = Int(name.dropFirst()), (1...12).contains(n) { self = .function(n); return }
        return nil
    }

    /// Parses a `--keys` string: space-separated tmux key names; any other word is typed one
    /// character at a time, as `tmux send-keys` does with a literal string.
    public static func parseSequence(_ text: String) -> [Key] {
        text.split(separator: " ", omittingEmptySubsequences: true).flatMap { word -> [Key] in
            if let key = Key(name: String(word)) { return [key] }
            return word.map { Key.character($0) }
        }
    }
}

public struct MouseEvent: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case press, wheelUp, wheelDown }
    public var kind: Kind
    public var position: Point
    public init(kind: Kind, position: Point) { self.kind = kind; self.position = position }
}

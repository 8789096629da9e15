/// A colour as the views ask for it; the terminal backend maps it to what the terminal has
/// (256 colours, 8 colours, or none).
public enum TerminalColor: Equatable, Hashable, Sendable {
    case `default`
    /// One of the 8 basic ANSI colours, 0 black … 7 white; `bright` asks for the high-intensity one.
    case ansi(UInt8, bright: Bool)
    /// A true colour (track colours from the data); quantised by the backend.
    case rgb(UInt8, UInt8, UInt8)

    public static let black = TerminalColor.ansi(0, bright: false)
    public static let red = TerminalColor.ansi(1, bright: false)
    public static let green = TerminalColor.ansi(2, bright: false)
    public static let yellow = TerminalColor.ansi(3, bright: false)
    public static let blue = TerminalColor.ansi(4, bright: false)
    public static let magenta = TerminalColor.ansi(5, bright: false)
    public static let cyan = TerminalColor.ansi(6, bright: false)
    public static let white = TerminalColor.ansi(7, bright: false)
    public static let gray = TerminalColor.ansi(0, bright: true)

    /// Parses `#RRGGBB` (how tracks store their colour).
    public init?(hex: String) {
        var text = Substring(hex)
        if text.hasPrefix("#") { text = text.dropFirst() }
        guard text.count == 6, let value = UInt32(text, radix: 16) else { return nil }
        self = .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
    }

    /// The nearest of the 8 basic colours, for terminals with no more.
    public var nearestANSI: UInt8? {
        switch self {
        case .default: return nil
        case .ansi(let index, _): return index
        case .rgb(let r, let g, let b):
            // Each channel on or off at half intensity; an all-dark colour still needs to be
            // visible on a dark background, so it becomes white.
            let bits = (r >= 0x80 ? 1 : 0) | (g >= 0x80 ? 2 : 0) | (b >= 0x80 ? 4 : 0)
            return bits == 0 ? 7 : UInt8(bits)
        }
    }
}

/// Text attributes that survive on every terminal, so a monochrome theme can still show
/// focus, selection and emphasis.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let dim = TextAttributes(rawValue: 2)
    public static let reverse = TextAttributes(rawValue: 4)
    public static let underline = TextAttributes(rawValue: 8)
    public static let italic = TextAttributes(rawValue: 16)
}

public struct Style: Equatable, Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: TextAttributes

    public init(foreground: TerminalColor = .default, background: TerminalColor = .default, attributes: TextAttributes = []) {
        self.foreground = foreground; self.background = background; self.attributes = attributes
    }
    public static let plain = Style()

    public func with(_ extra: TextAttributes) -> Style {
        var copy = self; copy.attributes.formUnion(extra); return copy
    }
    public func foreground(_ color: TerminalColor) -> Style {
        var copy = self; copy.foreground = color; return copy
    }
}

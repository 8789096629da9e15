import ConfDashScreen

/// How many colours the terminal can show, as far as the dashboard cares.
public enum ColorCapability: Int, Comparable, Sendable, CustomStringConvertible {
    /// Attributes only (no colour support, or NO_COLOR set).
    case none = 0
    /// The 8 ANSI colours; bright ones are shown as bold.
    case basic8 = 8
    /// 16 colours: the bright ANSI colours exist.
    case basic16 = 16
    /// The xterm 256-colour palette: RGB colours go to its 6x6x6 cube or grey ramp.
    case palette256 = 256

    /// From curses' COLORS (0 when it has no colour) and whether NO_COLOR asks for none.
    public init(colors: Int, noColor: Bool) {
        if noColor || colors < 8 { self = .none }
        else if colors < 16 { self = .basic8 }
        else if colors < 256 { self = .basic16 }
        else { self = .palette256 }
    }

    /// NO_COLOR (https://no-color.org): set to anything but the empty string.
    public static func noColorRequested(in environment: [String: String]) -> Bool {
        if let value = environment["NO_COLOR"], !value.isEmpty { return true }
        return false
    }

    public static func < (a: ColorCapability, b: ColorCapability) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .none: return "none"
        case .basic8: return "8"
        case .basic16: return "16"
        case .palette256: return "256"
        }
    }
}

/// What a `Style` becomes on a given terminal: colour indices for a curses colour pair (-1 is
/// the terminal's default colour) and the attributes to set.
public struct ResolvedStyle: Hashable, Sendable {
    public var foreground: Int
    public var background: Int
    public var attributes: TextAttributes

    public init(foreground: Int, background: Int, attributes: TextAttributes) {
        self.foreground = foreground; self.background = background; self.attributes = attributes
    }
    public var usesDefaultColors: Bool { foreground == -1 && background == -1 }
}

public enum ColorMapping {
    /// Maps `style` for a terminal with `capability`. `defaultColors` is false when the terminal
    /// cannot keep its own default colours (no use_default_colors): white on black stands in.
    ///
    /// Without colour, a cell whose background is coloured (a selection bar, a timeline bar) is
    /// shown in reverse video so that it stays visible; foreground colours are simply dropped.
    public static func resolve(_ style: Style, capability: ColorCapability, defaultColors: Bool = true) -> ResolvedStyle {
        var attributes = style.attributes
        guard capability != .none else {
            if style.background != .default { attributes.insert(.reverse) }
            return ResolvedStyle(foreground: -1, background: -1, attributes: attributes)
        }
        let foreground = index(of: style.foreground, capability: capability)
        let background = index(of: style.background, capability: capability)
        // On 8 colours a bright foreground is the plain colour in bold (what most terminals
        // show brighter); a bright background has no such stand-in.
        if foreground.needsBold { attributes.insert(.bold) }
        var fg = foreground.index, bg = background.index
        if !defaultColors {
            if fg == -1 { fg = 7 }
            if bg == -1 { bg = 0 }
        }
        return ResolvedStyle(foreground: fg, background: bg, attributes: attributes)
    }

    /// The colour index for `color` (-1 for the default colour), and whether bold must stand in
    /// for brightness.
    public static func index(of color: TerminalColor, capability: ColorCapability) -> (index: Int, needsBold: Bool) {
        switch color {
        case .default:
            return (-1, false)
        case .ansi(let n, let bright):
            let base = Int(n & 7)
            guard bright else { return (base, false) }
            return capability >= .basic16 ? (base + 8, false) : (base, true)
        case .rgb(let r, let g, let b):
            if capability >= .palette256 { return (palette256(r, g, b), false) }
            return (Int(color.nearestANSI ?? 7), false)
        }
    }

    /// The xterm 256-colour cube levels per channel.
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The nearest xterm-256 colour to an RGB one: the nearest point of the 6x6x6 cube (16–231)
    /// or of the 24-step grey ramp (232–255), whichever is closer.
    public static func palette256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        let channels = [Int(r), Int(g), Int(b)]
        let cube = channels.map(nearestCubeLevel)
        let cubeColor = cube.map { cubeLevels[$0] }
        let cubeIndex = 16 + 36 * cube[0] + 6 * cube[1] + cube[2]

        let average = channels.reduce(0, +) / 3
        let greyStep = min(23, max(0, (average - 8 + 5) / 10))
        let grey = 8 + 10 * greyStep
        let greyColor = [grey, grey, grey]

        return distance(channels, greyColor) < distance(channels, cubeColor) ? 232 + greyStep : cubeIndex
    }

    static func nearestCubeLevel(_ value: Int) -> Int {
        if value < 48 { return 0 }
        if value < 115 { return 1 }
        return min(5, (value - 35) / 40)
    }

    static func distance(_ a: [Int], _ b: [Int]) -> Int {
        zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }
}

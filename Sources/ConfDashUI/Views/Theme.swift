import ConfDashScreen
import ConfDashCore

/// The styles the views use, by role. Views never pick colours themselves, so a theme (or
/// NO_COLOR) changes the whole screen at once.
public struct Theme: Equatable, Sendable {
    public enum Name: String, CaseIterable, Sendable { case dark, light, monochrome }

    public var name: Name
    public var text: Style
    public var dim: Style
    public var title: Style
    public var border: Style
    public var focusedBorder: Style
    public var selection: Style
    /// The cursor row of a pane that does not have the focus.
    public var inactiveSelection: Style
    public var heading: Style
    public var statusBar: Style
    public var statusKey: Style
    public var filter: Style
    public var error: Style
    public var match: Style
    public var bar: Style
    public var selectedBar: Style
    public var land: Style
    public var highlightedLand: Style
    public var sea: Style
    public var marker: Style
    public var selectedMarker: Style
    /// Whether track colours from the data may be used.
    public var usesDataColors: Bool

    public static func named(_ name: Name) -> Theme {
        switch name {
        case .dark: return .dark
        case .light: return .light
        case .monochrome: return .monochrome
        }
    }

    /// Colours chosen to read on a dark background; the default.
    public static let dark = Theme(
        name: .dark,
        text: .plain, dim: Style(foreground: .gray), title: Style(attributes: .bold),
        border: Style(foreground: .gray), focusedBorder: Style(foreground: .cyan, attributes: .bold),
        selection: Style(foreground: .black, background: .cyan), inactiveSelection: Style(attributes: .reverse),
        heading: Style(foreground: .yellow, attributes: .bold),
        statusBar: Style(foreground: .white, background: .blue), statusKey: Style(foreground: .yellow, background: .blue, attributes: .bold),
        filter: Style(foreground: .black, background: .yellow), error: Style(foreground: .white, background: .red, attributes: .bold),
        match: Style(foreground: .yellow, attributes: [.bold, .underline]),
        bar: Style(foreground: .cyan), selectedBar: Style(foreground: .ansi(6, bright: true), attributes: .bold),
        land: Style(foreground: .green), highlightedLand: Style(foreground: .ansi(2, bright: true), attributes: .bold),
        sea: Style(foreground: .blue), marker: Style(foreground: .yellow, attributes: .bold),
        selectedMarker: Style(foreground: .red, attributes: [.bold]), usesDataColors: true)

    /// For light backgrounds: no bright yellows or whites on white.
    public static let light = Theme(
        name: .light,
        text: .plain, dim: Style(foreground: .gray), title: Style(attributes: .bold),
        border: Style(foreground: .gray), focusedBorder: Style(foreground: .blue, attributes: .bold),
        selection: Style(foreground: .white, background: .blue), inactiveSelection: Style(attributes: .reverse),
        heading: Style(foreground: .magenta, attributes: .bold),
        // The status bar in exact colours: with ANSI cyan and magenta its keys and filter chips
        // fell below a 4.5 contrast ratio on common palettes (white on magenta: 3.7 in xterm's).
        statusBar: Style(foreground: .black, background: .rgb(0xD7, 0xE9, 0xF2)),
        statusKey: Style(foreground: .rgb(0x00, 0x2E, 0x8A), background: .rgb(0xD7, 0xE9, 0xF2), attributes: .bold),
        filter: Style(foreground: .rgb(0xFF, 0xFF, 0xFF), background: .rgb(0x7A, 0x1F, 0x7A)),
        error: Style(foreground: .white, background: .red, attributes: .bold),
        match: Style(foreground: .magenta, attributes: [.bold, .underline]),
        bar: Style(foreground: .blue), selectedBar: Style(foreground: .blue, attributes: .bold),
        land: Style(foreground: .green), highlightedLand: Style(foreground: .green, attributes: .bold),
        sea: Style(foreground: .cyan), marker: Style(foreground: .magenta, attributes: .bold),
        selectedMarker: Style(foreground: .red, attributes: .bold), usesDataColors: true)

    /// No colour at all: emphasis by bold, underline and reverse only (also what NO_COLOR gets).
    public static let monochrome = Theme(
        name: .monochrome,
        text: .plain, dim: Style(attributes: .dim), title: Style(attributes: .bold),
        border: .plain, focusedBorder: Style(attributes: .bold),
        selection: Style(attributes: .reverse), inactiveSelection: Style(attributes: .underline),
        heading: Style(attributes: [.bold, .underline]),
        statusBar: Style(attributes: .reverse), statusKey: Style(attributes: [.reverse, .bold]),
        filter: Style(attributes: [.reverse, .bold]), error: Style(attributes: [.reverse, .bold]),
        match: Style(attributes: [.bold, .underline]),
        bar: .plain, selectedBar: Style(attributes: .bold),
        land: .plain, highlightedLand: Style(attributes: .bold), sea: Style(attributes: .dim),
        marker: Style(attributes: .bold), selectedMarker: Style(attributes: [.bold, .reverse]), usesDataColors: false)

    /// NO_COLOR (any non-empty value, see no-color.org) forces monochrome whatever was asked.
    public static func resolve(requested: Name?, environment: [String: String]) -> Theme {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        return named(requested ?? .dark)
    }

    /// A track's own colour when the theme allows it.
    func trackStyle(_ track: Track?) -> Style {
        guard usesDataColors, let hex = track?.color, let color = TerminalColor(hex: hex) else { return dim }
        return Style(foreground: color)
    }
}

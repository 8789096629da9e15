import ConfDashCore
import Testing
@testable import ConfDashUI

/// A few screens whose goldens carry a styles section, so a lost highlight fails a test: the
/// selected row, the filters in force, the focused pane, the tab bar, the track picker's cursor.
@Suite struct StyledGoldenTests {
    static let screens: [(name: String, keys: String, size: Size)] = [
        ("selection", "j", Size(width: 80, height: 24)),
        ("filters", "t j Space Enter 3 Enter 1", Size(width: 80, height: 24)),
        ("focus", "Tab", Size(width: 120, height: 40)),
        ("track-picker", "t j Space", Size(width: 80, height: 24)),
    ]

    @Test(arguments: 0..<screens.count)
    func screenAndStylesMatchTheirGolden(index: Int) throws {
        let (name, keys, size) = Self.screens[index]
        let store = DashboardStore(index: Fixture.index, map: Fixture.map, size: size, language: .en, theme: .dark)
        for key in Key.parseSequence(keys) { guard store.handle(key) else { break } }
        try ScreenGolden.check(StyleSection.render(store.render()), named: "styles-\(name)-\(size).txt")
    }
}

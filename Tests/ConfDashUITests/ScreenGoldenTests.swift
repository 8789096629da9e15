import ConfDashCore
import Testing
@testable import ConfDashUI

/// The screens the issue names, at 80x24 and 120x40, in English and French, compared with
/// reviewed golden files in __Screens__/ (plain text, exactly what `confdash snapshot` prints).
@Suite struct ScreenGoldenTests {
    static let screens: [(name: String, keys: String)] = [
        ("home", ""),
        ("conference-2024-day2", "Right"),
        ("track-filter", "t j Space j j j Space Enter"),
        ("search", "/ blockchain Enter"),
        ("help", "?"),
        ("regions-map", "3 j"),
        ("details", "Right Enter"),
        ("timeline-days", "2 [ + +"),
    ]
    static let cases: [(String, String, Size, Language)] = screens.flatMap { screen in
        [Size(width: 80, height: 24), Size(width: 120, height: 40)].flatMap { size in
            Language.allCases.map { (screen.name, screen.keys, size, $0) }
        }
    }

    @Test(arguments: 0..<cases.count)
    func screenMatchesItsGolden(index: Int) throws {
        let (name, keys, size, language) = Self.cases[index]
        let screen = Fixture.screen(keys, size: size, language: language)
        try ScreenGolden.check(screen, named: "\(name)-\(size)-\(language.rawValue).txt")
    }
}

import ConfDashCore
import Testing
@testable import ConfDashUI

/// The rooms' shared-name widths, by bytes where two names are printable ASCII, are those
/// measured by Characters (as before that shortcut) for any mix of names.
@Suite struct SharedPrefixWidthsTests {
    static func byCharacters(_ names: [String]) -> [Int] {
        var widths = Array(repeating: 0, count: names.count)
        let byName = names.indices.sorted { names[$0] < names[$1] }
        for (a, b) in zip(byName, byName.dropFirst()) {
            let shared = String(zip(names[a], names[b]).prefix { $0 == $1 }.map(\.0)).terminalWidth
            widths[a] = max(widths[a], shared)
            widths[b] = max(widths[b], shared)
        }
        return widths
    }

    @Test func sameAsByCharacters() {
        var seed: UInt64 = 38
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        // Few letters, so that names share long starts; duplicates, empty names, wide and
        // combining characters, a tab and CR LF included.
        let letters = ["S", "a", "l", " ", "1", "Z", "~", "-", "ä", "\u{301}", "会", "\t", "\r\n", "e"]
        for _ in 0..<1000 {
            let names = (0..<next(12)).map { _ in (0..<next(9)).map { _ in letters[next(letters.count)] }.joined() }
            #expect(DashboardData.sharedPrefixWidths(names) == Self.byCharacters(names), "\(names)")
        }
        #expect(DashboardData.sharedPrefixWidths(["Saal 1", "Saal 2", "Stage", "Cafe\u{301}", "Cafe"]) == [5, 5, 1, 3, 3])
    }
}

import ConfDashCore
import ConfDashScreen
import Testing
@testable import ConfDashUI

/// Issue 14: an agenda row whose day the source does not state, but we inferred, says so on the
/// row itself; the details already give the reasoning.
@Suite struct InferredDayTests {
    @Test func theRowOfAnInferredDaySaysSoInBothLanguages() throws {
        // Rio de Janeiro 2024, day 1: the high-level panel's day is inferred, the opening ceremony's is stated.
        let store = DashboardStore(index: Fixture.index, map: Fixture.map, size: Size(width: 120, height: 40), language: .en, theme: .dark)
        let lines = store.render().textLines()
        let panel = try #require(lines.firstIndex { $0.contains("High-level panel") || $0.contains("Unveiling new technological horizons") })
        #expect(lines[panel + 1].contains("† day inferred"), "\(lines[panel + 1])")
        let opening = try #require(lines.firstIndex { $0.contains("Opening ceremony") })
        #expect(!lines[opening + 1].contains("†"))
        for key in Key.parseSequence("L") { _ = store.handle(key) }
        #expect(store.render().textLines()[panel + 1].contains("† jour déduit"))
    }
}

import ConfDashCore
import ConfDashScreen
import Testing
@testable import ConfDashUI

/// My agenda's overlap text that does not fit ends in "…" instead of stopping mid-word (issue 10).
@Suite struct OverlapCutTests {
    @Test func anOverlapRowTooLongForTheBoxEndsInAnEllipsis() {
        let tests = PersonalReducerTests()
        var state = PersonalReducerTests.reducer.initialState(size: Size(width: 60, height: 20), language: .en)
        state.personal.starred = [tests.address("a"), tests.address("b")]
        state.personal.notes[tests.address("a")] = "bring the long cable and the spare adapter for the projector"
        PersonalReducerTests.reducer.reduce(&state, .command(.showMine))
        let lines = Screen.render(state, data: PersonalReducerTests.data, theme: .monochrome, keyMap: .standard).textLines()
        let rows = lines.filter { $0.contains("⚠") }
        #expect(rows.count == 2)
        for row in rows {
            let inside = row.split(separator: "│").dropFirst().first.map(String.init) ?? row
            #expect(inside.trimmingCharacters(in: .whitespaces).hasSuffix("…"), "\(row)")
        }
    }
}

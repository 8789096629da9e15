import ConfDashCore
import Testing
@testable import ConfDashUI

/// `/` opens an empty line; ↑ / ↓ in the search and command lines recall what was typed earlier
/// in the session, each line its own list (issue 10).
@Suite struct InputHistoryTests {
    let initial = Fixture.initial()

    @Test func slashOpensAnEmptyLineEvenWithASearchInForce() {
        let searched = Fixture.press("/ blockchain Enter").state
        let reopened = Fixture.press("/", from: searched).state
        var expected = searched
        expected.mode = .search(LineInput())
        #expect(reopened == expected)
        // Esc leaves the search in force as it was.
        #expect(Fixture.press("Escape", from: reopened).state == searched)
    }

    @Test func upRecallsEarlierSearchesAndDownComesBackToTheDraft() {
        let two = Fixture.press("/ drone Enter / blockchain Enter").state
        #expect(two.history.searches == ["drone", "blockchain"])
        #expect(two.filters == [.search("blockchain")])

        let up = Fixture.press("/ dat Up", from: two).state
        var input = LineInput(text: "blockchain")
        input.recallIndex = 1
        input.draft = "dat"
        var expected = two
        expected.mode = .search(input)
        #expect(up == expected)
        // The agenda follows the recalled text as it follows typing.
        #expect(up.searchText == "blockchain")

        let upUp = Fixture.press("Up", from: up).state
        guard case .search(let older) = upUp.mode else { Issue.record("not in search mode"); return }
        #expect(older.text == "drone" && older.recallIndex == 0)
        // On the oldest entry ↑ stays put.
        #expect(Fixture.press("Up", from: upUp).state == upUp)

        let back = Fixture.press("Down Down", from: upUp).state
        guard case .search(let draft) = back.mode else { Issue.record("not in search mode"); return }
        #expect(draft.text == "dat" && draft.recallIndex == nil && draft.cursor == 3)
        // Below the line being typed ↓ stays put.
        #expect(Fixture.press("Down", from: back).state == back)
    }

    @Test func enterOnARecalledSearchAppliesItAndMovesItLast() {
        let state = Fixture.press("/ drone Enter / blockchain Enter / Up Up Enter").state
        #expect(state.filters == [.search("drone")])
        #expect(state.history.searches == ["blockchain", "drone"])
        #expect(state.mode == .normal)
    }

    @Test func blankAndCancelledLinesAreNotKept() {
        #expect(Fixture.press("/ Space Enter / drone Escape").state.history == InputHistory())
        #expect(Fixture.press(": Enter : day Escape").state.history == InputHistory())
    }

    @Test func upWithNoHistoryChangesNothing() {
        let open = Fixture.press("/ dr").state
        #expect(Fixture.press("Up Down", from: open).state == open)
        let command = Fixture.press(": da").state
        #expect(Fixture.press("Up", from: command).state == command)
    }

    @Test func commandLinesHaveTheirOwnHistoryErrorsIncluded() {
        // A mistyped command is kept, so ↑ brings it back to be mended.
        let state = Fixture.press(": day Space 2 Enter : frobnicate Enter / drone Enter").state
        #expect(state.history.commands == ["day 2", "frobnicate"])
        #expect(state.history.searches == ["drone"])
        let recalled = Fixture.press(": Up", from: state).state
        guard case .command(let input) = recalled.mode else { Issue.record("not on the command line"); return }
        #expect(input.text == "frobnicate" && input.cursor == 10)
        let again = Fixture.press("Up Enter", from: recalled).state
        #expect(again.day == 2 && again.history.commands == ["frobnicate", "day 2"])
    }

    @Test func historyIsBoundedAndSurvivesOpeningAnotherFile() {
        var entries: [String] = []
        for n in 0..<(InputHistory.limit + 5) { entries = InputHistory.recording("q\(n)", in: entries) }
        #expect(entries.count == InputHistory.limit && entries.first == "q5" && entries.last == "q104")
        var state = Fixture.press("/ drone Enter").state
        let summary = LoadSummary(name: "other.json", dataset: Fixture.index.dataset, warnings: [])
        Fixture.reducer.reduce(&state, .opened("other.json", .success(summary)))
        #expect(state.history.searches == ["drone"])
    }
}

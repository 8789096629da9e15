import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
@testable import ConfDashUI

/// A search on a large schedule is scanned a part at a time (SearchList): the first key finds
/// the rows the screen shows, idle ticks find the rest. These tests force that on the bundled
/// data and on 38C3 (whose searches are otherwise scanned whole) and check that every part is
/// the start of the whole scan's rows, that the event scope is exact from the first key, and
/// that once finished the rows, the scope and the screen are the whole scan's.
@Suite struct SearchListTests {
    static let queries = ["c", "s", "sec", "omd", "secur omd", "zzzqx", "é", "custom", "customs", "hanoi", "iot", "l'", "日本"]

    /// Keys that type `text` in the search line.
    static func typing(_ text: String) -> String {
        "/ " + text.map { $0 == " " ? "Space" : String($0) }.joined(separator: " ")
    }

    static func partsAgree(index: DatasetIndex, state: AppState, sourceLocation: SourceLocation = #_sourceLocation) {
        let whole = DashboardData(index: index, map: Fixture.map)
        let parts = DashboardData(index: index, map: Fixture.map)
        parts.scanSearchesInParts(above: 0)
        let all = whole.agendaRows(state)
        #expect(all.isComplete, sourceLocation: sourceLocation)
        let first = parts.agendaRows(state)
        #expect(first.items == Array(all.items.prefix(first.items.count)), sourceLocation: sourceLocation)
        #expect(first.selectable == Array(all.selectable.prefix(first.selectable.count)), sourceLocation: sourceLocation)
        #expect(first.isComplete || first.sessionCount >= state.agenda.cursor + state.size.height * 2, sourceLocation: sourceLocation)
        #expect(parts.eventsInScope(state).map(\.id) == whole.eventsInScope(state).map(\.id), sourceLocation: sourceLocation)
        // Idle ticks as short as can be: each scans one slice, and finding nothing in a slice
        // (no redraw needed) does not stop the next tick.
        var ticks = 0
        while !parts.agendaRows(state).isComplete, ticks < 10_000 {
            _ = parts.continueSearch(state, seconds: 0.000_001)
            ticks += 1
        }
        #expect(parts.agendaRows(state) == all, sourceLocation: sourceLocation)
        #expect(!parts.continueSearch(state, seconds: 1), "nothing left to scan", sourceLocation: sourceLocation)
    }

    @Test(arguments: queries)
    func bundledSearchInPartsGivesTheWholeScansRows(query: String) {
        for size in [Size(width: 80, height: 8), Size(width: 120, height: 40)] {
            Self.partsAgree(index: Fixture.index, state: Fixture.press(Self.typing(query), size: size).state)
            Self.partsAgree(index: Fixture.index, state: Fixture.press(Self.typing(query) + " Enter j j j", size: size, language: .fr).state)
        }
    }

    @Test(arguments: ["c", "museumskritik", "glitch", "chaos", "a", "zzzqx"])
    func congressSearchInPartsGivesTheWholeScansRows(query: String) {
        guard let index = CongressScreensTests.index() else { return }
        let data = DashboardData(index: index, map: Fixture.map)
        let reducer = Reducer(data: data)
        var state = reducer.initialState(size: Size(width: 120, height: 40), language: .en)
        for key in Key.parseSequence(Self.typing(query) + " Enter n n") {
            guard let action = Dispatcher.action(for: key, in: state) else { continue }
            _ = reducer.reduce(&state, action)
        }
        Self.partsAgree(index: index, state: state)
    }

    /// The dashboard as a user drives it: while the scan goes on the counts say "so far" (a
    /// "+"), idle ticks finish it, and the screen is then the one a whole scan draws. A longer
    /// search after a finished one starts from its matches; Backspace comes back to it.
    @Test func dashboardFinishesTheScanBetweenKeys() {
        KeyScanDeadlineTests.agree(Fixture.index, keys: ["/ s", "e", "c", "BSpace", "c u", "Enter", "End", "Home", "n", "N"],
                                   size: Size(width: 100, height: 12), keyBudget: nil, plusOnlyWhileTyping: false)
    }

    /// `snapshot` finishes the scan before drawing: its screen never depends on timing.
    @Test func finishSearchGivesTheFinalScreen() {
        let size = Size(width: 100, height: 12)
        let whole = DashboardStore(index: Fixture.index, map: Fixture.map, size: size, language: .en, theme: .dark)
        let parts = DashboardStore(index: Fixture.index, map: Fixture.map, size: size, language: .en, theme: .dark)
        parts.data.scanSearchesInParts(above: 0)
        for key in Key.parseSequence("/ s") {
            _ = whole.handle(key)
            _ = parts.handle(key)
        }
        parts.finishSearch()
        #expect(parts.render().textLines() == whole.render().textLines())
    }
}

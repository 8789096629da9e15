import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
import ConfDashTestSupport
@testable import ConfDashUI

/// "Marks in every list": what the last reload changed is said as a word (readable in
/// monochrome) in My agenda and in now and next too, not only in the agenda.
@Suite struct MarksInListsTests {
    @Test func myAgendaMarksAStarredSessionThatMoved() throws {
        let setup = try LiveReloadTests.setup(stars: true)
        let store = setup.store
        LiveReloadTests.press("j s", store)   // star Parsers
        try Data(LiveReloadTests.second.xml.utf8).write(to: setup.file)
        LiveReloadTests.press("R", store)
        setup.held.release()
        _ = store.idle()
        #expect(store.state.live.mark(event: "mini25", session: "2") == .moved)
        LiveReloadTests.press("m", store)
        let screen = store.render().text
        let row = screen.split(separator: "\n").first { $0.contains("Parsers") }.map(String.init) ?? ""
        #expect(row.contains("MOVED Parsers"), "\(screen)")
        // L works outside the overlay: close it, switch, open it again.
        LiveReloadTests.press("Escape L m", store)
        #expect(store.render().text.contains("DÉPLACÉ Parsers"))
    }
}

/// Before the first schedule (`--data URL`, nothing cached), as the reducer sees it: the keys
/// that need a schedule say so, R and `--refresh-every` fetch again after a failure, never a
/// reload against the empty dataset (which would leave the waiting screen up).
@Suite struct AwaitingReducerTests {
    static let url = "https://example.org/s.xml"

    static func reducer() -> (Reducer, AppState) {
        let empty = Dataset(title: LocalizedText(en: "", fr: ""))
        let reducer = Reducer(data: DashboardData(index: DatasetIndex(empty)))
        var state = reducer.initialState(size: Size(width: 100, height: 30), language: .en)
        state.live.source = url
        return (reducer, state)
    }

    @Test func fetchingThenAFailureThenRAndTheRefreshTimer() {
        let (reducer, start) = Self.reducer()
        var state = start
        #expect(reducer.reduce(&state, .awaitSchedule(Self.url, format: .auto)) == [.openURL(Self.url, format: .auto)])
        #expect(state.live.awaiting == AwaitedSchedule(location: Self.url) && state.live.opening == Self.url)
        #expect(state.message == .live(.fetching(Self.url)))

        // Keys needing a schedule say so; R and the timer wait for the fetch.
        var before = state
        #expect(reducer.reduce(&state, .command(.moveDown)).isEmpty)
        before.message = .live(.noScheduleYet(Self.url))
        #expect(state == before)
        #expect(reducer.reduce(&state, .command(.reload)).isEmpty)
        #expect(state.message == .live(.stillOpening(Self.url)))
        #expect(reducer.reduce(&state, .refreshDue).isEmpty)

        // It fails: the screen keeps the reason; the timer fetches again, not a reload.
        let failure = LoadError.unreachable(url: Self.url, .cannotFetch(.timeout))
        reducer.reduce(&state, .fetched(Self.url, .failure(failure), notice: nil))
        #expect(state.live.awaiting?.failure == failure && state.live.opening == nil)
        #expect(state.message == .openFailed(failure))
        #expect(reducer.reduce(&state, .refreshDue) == [.openURL(Self.url, format: .auto)])
        #expect(state.live.awaiting?.failure == nil && !state.live.reloading)
        reducer.reduce(&state, .fetched(Self.url, .failure(failure), notice: nil))
        #expect(reducer.reduce(&state, .command(.reload)) == [.openURL(Self.url, format: .auto)])
        // q still quits.
        #expect(reducer.reduce(&state, .command(.quit)) == [.quit])
    }
}

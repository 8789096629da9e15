import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
@testable import ConfDashUI

/// A search typed faster than its scan narrows from the wider search's unfinished scan (its
/// matches where it had scanned, its candidates beyond), reading each session's folded text by
/// place. These tests type a word letter by letter with no time to scan at all between keys,
/// finish the scan with idle ticks, and check the rows against the eager agenda
/// (`AgendaQuery.agenda`, which asks the index for every session by id), and that the
/// rows equal those of a search scanned whole from scratch.
@Suite struct SearchNarrowingTests {
    /// The sessions of the eager agenda for `state`'s filters, in the rows' order: events in
    /// order, each one's slots in order, each slot's sessions by time (`EventSlots.sorted`).
    static func eager(_ data: DashboardData, _ state: AppState) -> [String] {
        let filter = data.filter(for: state)
        let order = Dictionary(data.events.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        return data.query.agenda(filter).sorted { (order[$0.event.id] ?? 0) < (order[$1.event.id] ?? 0) }.flatMap { agenda in
            agenda.groups.flatMap { EventSlots.sorted($0.sessions).map { agenda.event.id + "/" + $0.id } }
        }
    }

    static func rowSessions(_ rows: AgendaRows) -> [String] {
        rows.items.compactMap { if case .session(let session, let event, _) = $0 { event.id + "/" + session.id } else { nil } }
    }

    static func agree(_ index: DatasetIndex, words: [String], prefix: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        for word in words {
            let store = DashboardStore(index: index, map: Fixture.map, size: Size(width: 120, height: 40), language: .en, theme: .dark,
                                       localZone: TimeZone(identifier: "UTC")!)
            store.data.scanSearchesInParts(above: 0)
            store.data.limitKeyScans(to: 0)
            // A filter first (keys: the track picker, the rooms pane), as a user applies it.
            for key in Key.parseSequence(prefix) { _ = store.handle(key) }
            let filter = store.data.filter(for: store.state)
            #expect(prefix.isEmpty || !filter.tracks.isEmpty || !filter.rooms.isEmpty, "\(prefix) applies a filter", sourceLocation: sourceLocation)
            // Every letter a key with no scanning time, with no idle tick in between.
            for key in Key.parseSequence(SearchListTests.typing(word)) { _ = store.handle(key) }
            var ticks = 0
            while !store.data.agendaRows(store.state).isComplete, ticks < 100_000 {
                _ = store.idle()
                ticks += 1
            }
            let rows = store.data.agendaRows(store.state)
            #expect(rows.isComplete, "\(word)", sourceLocation: sourceLocation)
            #expect(Self.rowSessions(rows) == Self.eager(store.data, store.state), "\(word) \(prefix)", sourceLocation: sourceLocation)
            let fresh = DashboardData(index: index, map: Fixture.map)
            #expect(fresh.allAgendaRows(store.state) == rows, "\(word) \(prefix)", sourceLocation: sourceLocation)
        }
    }

    @Test func bundledWordsTypedWithoutTimeToScanGiveTheEagerRows() {
        Self.agree(Fixture.index, words: ["security", "custom", "omd", "zzzqx", "hanoi", "l'omd", "secur omd"])
    }

    @Test func congressWordsTypedWithoutTimeToScanGiveTheEagerRows() {
        guard let index = CongressScreensTests.index() else { return }
        Self.agree(index, words: ["custom", "glitch", "hacking", "zzzqx", "the chaos"])
        Self.agree(index, words: ["security", "a"], prefix: "t Space Enter")
    }

    @Test func generatedWordsTypedWithoutTimeToScanGiveTheEagerRows() {
        guard let index = DayHoursSpansTests.generated else { return }
        Self.agree(index, words: ["custom", "work", "zzzqx"])
        Self.agree(index, words: ["a", "custom"], prefix: "3 Enter")
    }
}

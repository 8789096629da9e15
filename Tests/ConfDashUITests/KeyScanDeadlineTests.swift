import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
@testable import ConfDashUI

/// A key stops scanning a search when its time is up (`KeyScanDeadline`): a search that matches
/// nothing no longer scans the whole schedule in one key. These tests give every key no time at
/// all (one slice of 64 sessions per ask) and check that the counts then say "so far", that an
/// event not yet decided stays in scope, and that once the idle ticks have finished the scan the
/// screen, the scope and the state are the ones a whole scan gives.
@Suite struct KeyScanDeadlineTests {
    /// A store that scans whole and one that scans in parts, each key given `keyBudget`
    /// nanoseconds of scanning (nil: the dashboard's own budget).
    static func stores(_ index: DatasetIndex, size: Size, keyBudget: UInt64? = 0) -> (whole: DashboardStore, parts: DashboardStore) {
        let whole = DashboardStore(index: index, map: Fixture.map, size: size, language: .en, theme: .dark,
                                   localZone: TimeZone(identifier: "UTC")!)
        let parts = DashboardStore(index: index, map: Fixture.map, size: size, language: .en, theme: .dark,
                                   localZone: TimeZone(identifier: "UTC")!)
        parts.data.scanSearchesInParts(above: 0)
        if let keyBudget { parts.data.limitKeyScans(to: keyBudget) }
        return (whole, parts)
    }

    /// Drives both stores through `keys`, one group at a time; after each group the parts store
    /// is idled until its scan is complete, and must then equal the whole store. A screen drawn
    /// before the scan ended says "+ matches" — while a search is typed, or after every group
    /// when `plusOnlyWhileTyping` is false (with the dashboard's own key budget, a key that
    /// leaves the scan unfinished always shows it).
    static func agree(_ index: DatasetIndex, keys: [String], size: Size, keyBudget: UInt64? = 0, plusOnlyWhileTyping: Bool = true,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let (whole, parts) = stores(index, size: size, keyBudget: keyBudget)
        for group in keys {
            for key in Key.parseSequence(group) {
                _ = whole.handle(key)
                _ = parts.handle(key)
            }
            let early = parts.render().textLines().joined(separator: "\n")
            var ticks = 0
            while !parts.data.agendaRows(parts.state).isComplete, ticks < 100_000 {
                _ = parts.idle()
                ticks += 1
            }
            let screen = whole.render().textLines().joined(separator: "\n")
            #expect(parts.render().textLines().joined(separator: "\n") == screen, "after \(group)", sourceLocation: sourceLocation)
            if early != screen, parts.state.searchText != nil || !plusOnlyWhileTyping {
                #expect(early.contains("+ matches"), "while scanning, after \(group): \(early)", sourceLocation: sourceLocation)
            }
            #expect(parts.data.eventsInScope(parts.state).map(\.id) == whole.data.eventsInScope(whole.state).map(\.id),
                    "after \(group)", sourceLocation: sourceLocation)
            var state = parts.state
            state.personal.now = whole.state.personal.now  // the idle ticks read the clock
            #expect(state == whole.state, "after \(group)", sourceLocation: sourceLocation)
        }
    }

    @Test func bundledSearchesOutOfTimeEndAsWholeScans() {
        for size in [Size(width: 100, height: 12), Size(width: 120, height: 40)] {
            Self.agree(Fixture.index, keys: ["/ s", "e", "c", "BSpace", "c u", "Enter", "End", "Home", "n", "N"], size: size)
            Self.agree(Fixture.index, keys: ["/ z", "z", "z", "q", "BSpace BSpace", "Enter", "Escape"], size: size)
            Self.agree(Fixture.index, keys: ["/ c", "u", "s", "t", "o", "m", "Enter", "n"], size: size)
        }
    }

    /// 38C3 (1,007 sessions, 16 slices): "custom" finds nothing after its second letter, the case
    /// that scanned the whole schedule in one key; "zzzqx" never matches; "glitch" matches a room.
    @Test func congressSearchesOutOfTimeEndAsWholeScans() {
        guard let index = CongressScreensTests.index() else { return }
        let size = Size(width: 120, height: 40)
        Self.agree(index, keys: ["/ c", "u", "s", "t", "o", "m", "Enter"], size: size)
        Self.agree(index, keys: ["/ z z z q x", "Enter", "Escape"], size: size)
        Self.agree(index, keys: ["/ g l", "i t c h", "Enter", "n", "End"], size: size)
    }

    /// Out of time before the event's first match is known, the event stays in scope for now:
    /// the timeline and `[` `]` do not lose it while the counts say "so far".
    @Test func anUndecidedEventStaysInScopeUntilTheScanEnds() {
        guard let index = CongressScreensTests.index() else { return }
        let (_, parts) = Self.stores(index, size: Size(width: 120, height: 40))
        for key in Key.parseSequence("/ z z z q x") { _ = parts.handle(key) }
        let rows = parts.data.agendaRows(parts.state)
        #expect(!rows.isComplete, "1,007 sessions take more than the few slices of one key with no time")
        #expect(parts.data.eventsInScope(parts.state).count == 1)
        while !parts.data.agendaRows(parts.state).isComplete { _ = parts.idle() }
        #expect(parts.data.eventsInScope(parts.state).isEmpty)
        #expect(parts.render().textLines().joined(separator: "\n").contains("Nothing matches “zzzqx”."))
    }
}

import ConfDashCore
import Testing
@testable import ConfDashUI

/// A search reads an event's lists one at a time, each day's places sorted when the scan first
/// reaches it (`EventSlots.searchPlaces`): the lists must be those sorting every slot at once
/// gives, whatever was asked before (a day shown first, or nothing), in `AgendaSlot`'s order.
@Suite struct EventSlotsSearchOrderTests {
    /// Every session's place, grouped by slot in `AgendaSlot`'s order, each group sorted as the
    /// agenda sorts (`EventSlots.sorted`), the slot with no day last (even when empty).
    static func eager(_ event: Event) -> [[Int]] {
        var groups: [AgendaSlot: [Int]] = [:]
        for (place, session) in event.sessions.enumerated() { groups[AgendaSlot(session), default: []].append(place) }
        let unplaced = groups.removeValue(forKey: .unplaced) ?? []
        return groups.keys.sorted().map { EventSlots.sorted(groups[$0]!, event.sessions) } + [EventSlots.sorted(unplaced, event.sessions)]
    }

    static func check(_ index: DatasetIndex, sourceLocation: SourceLocation = #_sourceLocation) {
        for event in index.dataset.events {
            let expected = eager(event)
            // Asked list by list, on new slots.
            let fresh = EventSlots(event)
            #expect((0..<fresh.searchSlotCount).map(fresh.searchPlaces) == expected, "\(event.id)", sourceLocation: sourceLocation)
            // A day shown first (as the first frame does), then every list at once.
            let shown = EventSlots(event)
            if let day = event.sessions.compactMap(\.day).first { _ = shown.day(day) }
            #expect(shown.searchPositions == expected, "\(event.id)", sourceLocation: sourceLocation)
            // Lists asked first, then the day's sessions: the agenda's order of them.
            if let day = event.sessions.compactMap(\.day).last {
                #expect(shown.day(day).map(\.id) == EventSlots.sorted(event.sessions.filter { $0.day == day }).map(\.id),
                        sourceLocation: sourceLocation)
            }
        }
    }

    @Test func bundledListsAreTheEagerOnes() { Self.check(Fixture.index) }

    @Test func congressListsAreTheEagerOnes() {
        guard let index = CongressScreensTests.index() else { return }
        Self.check(index)
    }

    @Test func generatedListsAreTheEagerOnes() {
        guard let index = DayHoursSpansTests.generated else { return }
        Self.check(index)
    }
}

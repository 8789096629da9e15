import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
@testable import ConfDashUI

/// A day's agenda rows make each time label once per distinct slot (`WhenLabels`) and count
/// the sessions, the widest label and whether any has a time in the same pass. These tests check
/// the rows equal the eager ones: every row's label made afresh by `DashboardData.when`, and the
/// counts measured again from the items (`AgendaRows(items:emptyReason:)`), on every day, in both
/// languages, on the event's clock and on a user's clock hours away, with and without a filter.
@Suite struct WhenLabelsTests {
    static func agree(_ index: DatasetIndex, sourceLocation: SourceLocation = #_sourceLocation) {
        let data = DashboardData(index: index, localZone: TimeZone(identifier: "America/Los_Angeles")!)
        guard let event = data.events.first else { Issue.record("no event", sourceLocation: sourceLocation); return }
        let filters: [[ActiveFilter]] = [[], [.tracks(Set(index.dataset.tracks.prefix(2).map(\.typedID)))]]
        var checked = 0
        for language in [Language.en, .fr] {
            for localTime in [false, true] {
                for active in filters {
                    for day in 1...max(event.dayCount, 1) {
                        var state = AppState(size: Size(width: 120, height: 40), language: language, selectedEvent: event.typedID)
                        state.localTime = localTime
                        state.filters = active
                        state.day = day
                        let rows = data.agendaRows(state)
                        let labels = Labels(language)
                        let items = rows.items.map { item -> AgendaItem in
                            guard case .session(let session, let event, _) = item else { return item }
                            let clock = EventClockTimes(data.clock(localTime), event: event)
                            return .session(session, event: event, when: data.when(session, clock, labels))
                        }
                        #expect(rows == AgendaRows(items: items, emptyReason: rows.emptyReason),
                                "day \(day), \(language), local \(localTime), \(active)", sourceLocation: sourceLocation)
                        checked += rows.sessionCount
                    }
                }
            }
        }
        #expect(checked > 0, sourceLocation: sourceLocation)
    }

    @Test func congressRowsEqualTheEagerOnes() {
        guard let index = CongressScreensTests.index() else { return }
        Self.agree(index)
    }

    @Test func generatedScheduleRowsEqualTheEagerOnes() {
        guard let index = DayHoursSpansTests.generated else { return }
        Self.agree(index)
    }

    @Test func bundledRowsEqualTheEagerOnes() {
        Self.agree(Fixture.index)
    }
}

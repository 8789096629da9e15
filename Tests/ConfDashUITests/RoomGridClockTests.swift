import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
@testable import ConfDashUI

/// The room grid places each session through the list's `EventClockTimes`, once per distinct
/// slot. These tests check every block against `ClockDisplay`, session by session (the eager
/// way): its start and end minutes on the day and its "+1" label, on every day, on the event's
/// clock and on a user's clock hours away.
@Suite struct RoomGridClockTests {
    static func agree(_ index: DatasetIndex, sourceLocation: SourceLocation = #_sourceLocation) {
        let data = DashboardData(index: index, localZone: TimeZone(identifier: "America/Los_Angeles")!)
        guard let event = data.events.first else { Issue.record("no event", sourceLocation: sourceLocation); return }
        var blocks = 0
        for localTime in [false, true] {
            let clock: ClockDisplay = localTime ? .zone(data.localZone) : .eventZone
            for day in 1...max(event.dayCount, 1) {
                var state = AppState(size: Size(width: 120, height: 40), language: .en, selectedEvent: event.typedID)
                state.localTime = localTime
                state.day = day
                guard let date = event.date(ofDay: day) else { continue }
                let grid = data.roomGrid(state, rows: data.agendaRows(state))
                for block in grid.blocks.joined() {
                    let session = block.session
                    guard let (start, end) = clock.times(of: session, in: event) else {
                        Issue.record("a block for a session with no clock time", sourceLocation: sourceLocation); continue
                    }
                    let startMinute = start.date.days(since: date) * 1440 + start.time.minutesSinceMidnight
                    let endMinute = end.map { $0.date.days(since: date) * 1440 + $0.time.minutesSinceMidnight } ?? startMinute + RoomGrid.slotMinutes
                    let shift = clock.dayShift(of: session, in: event)
                    let moved = start.date != (session.day ?? session.start?.date ?? start.date)
                    let when = shift != 0 && !moved && end != nil ? "\(start.time)–\(end!.time)" + ClockDisplay.shiftMark(shift)
                        : "\(start.time)" + ClockDisplay.shiftMark(shift)
                    #expect(block.start == startMinute && block.end == max(endMinute, startMinute + 1) && block.when == when,
                            "\(session.id) day \(day) local \(localTime)", sourceLocation: sourceLocation)
                    blocks += 1
                }
            }
        }
        #expect(blocks > 0, sourceLocation: sourceLocation)
    }

    @Test func congressBlocksEqualClockDisplays() {
        guard let index = CongressScreensTests.index() else { return }
        Self.agree(index)
    }

    @Test func generatedScheduleBlocksEqualClockDisplays() {
        guard let index = DayHoursSpansTests.generated else { return }
        Self.agree(index)
    }
}

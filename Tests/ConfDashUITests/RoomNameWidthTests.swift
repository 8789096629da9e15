import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
@testable import ConfDashUI

/// Room names are cut only where they must (issue 10): the agenda's room column and the rooms
/// pane take their width from the pane and the names, and end in "…" only when cut.
@Suite struct RoomNameWidthTests {
    @Test func theAgendaShowsARoomNameInFullWhereTheLineHasRoom() throws {
        guard let store = CongressScreensTests.store(size: Size(width: 120, height: 40)) else { return }
        let screen = store.render().text
        #expect(screen.contains("Saal Y 06 (Stonewall IO)"))
        #expect(!screen.contains("Stonewall…"))
    }

    @Test func theRoomsPaneGivesNamesUpToHalfItsWidthAndCutsWithAnEllipsis() throws {
        guard let store = CongressScreensTests.store(size: Size(width: 200, height: 60)) else { return }
        CongressScreensTests.press("3", on: store)
        let lines = store.render().textLines()
        #expect(lines.contains { $0.contains("  Chaos Computer Music Club ") })
        // At 120 columns the pane is 64 wide: a 38-column name is cut to half of it, with "…".
        guard let narrow = CongressScreensTests.store(size: Size(width: 120, height: 40)) else { return }
        CongressScreensTests.press("3 G", on: narrow)
        let line = narrow.render().textLines().first { $0.contains("Hardware Hacking Area") } ?? ""
        #expect(line.contains("Hardware Hacking Area -- Low… "), "\(line)")
    }

    @Test func untimedSessionsCountInTheirRoomAndSaySo() {
        let store = DashboardStore(index: EmptyPanesTests.data(rooms: true).index, size: Size(width: 120, height: 40),
                                   language: .en, theme: .dark, localZone: TimeZone(identifier: "UTC")!)
        let rows = store.data.roomRows(store.state)
        #expect(rows.map(\.count) == [3] && rows.map(\.timed) == [0])
        #expect(store.render().text.contains("Main hall     3 times not stated in the source"))
    }
}

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
        // At 120 columns the pane is 64 wide: now/next keeps at least half of it, so a 38-column
        // name is cut, with "…"; "-- Lower (extra)" and "-- Upper" share their start, so they
        // are cut in the middle and stay told apart.
        guard let narrow = CongressScreensTests.store(size: Size(width: 120, height: 40)) else { return }
        CongressScreensTests.press("3 G", on: narrow)
        let narrowLines = narrow.render().textLines()
        let hardware = narrowLines.filter { $0.contains("Hardware") }
        #expect(hardware.contains { $0.contains("  Hardware…Lower (extra) ") }, "\(hardware)")
        let upper = try #require(narrow.data.roomRows(narrow.state).first { $0.name == "Hardware Hacking Area -- Upper" })
        #expect(RoomsPane.shownName(upper, width: 22) == "Hardware…Area -- Upper")
        #expect(narrow.data.roomRows(narrow.state).contains { $0.name == "Hardware Hacking Area -- Lower (extra)" })
        let header = try #require(narrowLines.first { $0.contains("now · next") })
        let restStart = try #require(header.range(of: "now · next"))
        #expect(header[restStart.lowerBound...].count >= 30, "now/next keeps at least half of the 62 columns: \(header)")
    }

    /// The agenda's room line cuts as the rooms pane does: "Hardware Hacking Area -- Upper" and
    /// "-- Lower (extra)" cut at the end both read "Hardware Hacking Area --…"; cut in the middle,
    /// each row says which it is.
    @Test func theAgendaCutsRoomNamesThatLookAlikeInTheMiddle() throws {
        guard let store = CongressScreensTests.store(size: Size(width: 120, height: 40)) else { return }
        CongressScreensTests.press("Right PageDown PageDown", on: store)
        let agenda = store.render().textLines().prefix(16).map { String($0.prefix(69)) }
        let rooms = agenda.filter { $0.contains("Hardware") }.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(rooms.count >= 3, "\(agenda.joined(separator: "\n"))")
        #expect(!rooms.contains { $0.contains("Hardware Hacking Area --…") }, "\(rooms)")
        #expect(rooms.contains { $0.contains("Area -- Upper") } && rooms.contains { $0.contains("-- Lower (extra)") }, "\(rooms)")
        // A name no other room's starts like is still cut at its end.
        let alone = RoomName.shown("Chaos Computer Music Club", nameWidth: 25, sharedPrefixWidth: 0, width: 22)
        #expect(alone.hasPrefix("Chaos Computer Music") && alone.hasSuffix("…") && alone.terminalWidth <= 22, "\(alone)")
    }

    @Test func untimedSessionsCountInTheirRoomAndSaySo() {
        let store = DashboardStore(index: EmptyPanesTests.data(rooms: true).index, size: Size(width: 120, height: 40),
                                   language: .en, theme: .dark, localZone: TimeZone(identifier: "UTC")!)
        let rows = store.data.roomRows(store.state)
        #expect(rows.map(\.count) == [3] && rows.map(\.timed) == [0])
        #expect(store.render().text.contains("Main hall     3 times not stated in the source"))
    }
}

import ConfDashCore
import ConfDashScreen
import Testing
@testable import ConfDashUI

/// The room grid's columns: the whole width used, widths from the room names, clicks found.
@Suite struct RoomGridGeometryTests {
    static let congressNames = ["Saal 1", "Saal GLITCH", "Saal ZIGZAG", "Stage HUFF", "Stage YELL", "SoS Saal E", "SoS Saal D",
                                "Chaos Computer Music Club (CCMC)", "Hardware Hacking Area -- Lower (extra)", "Milliways"]

    @Test("the columns fill the pane to its last column", arguments: [40, 67, 80, 114, 160, 199])
    func columnsUseTheWholeWidth(width: Int) {
        let content = Rect(x: 1, y: 1, width: width, height: 30)
        let geometry = RoomGridPane.Geometry(content: content, names: Self.congressNames)
        #expect(geometry.visibleRooms >= 1)
        let last = geometry.visibleRooms - 1
        #expect(geometry.columnX(last) + geometry.width(last) == content.maxX, "a strip is left empty at width \(width)")
        for column in 0..<geometry.visibleRooms {
            #expect(geometry.width(column) >= min(RoomGridPane.Geometry.minimumColumn, width - RoomGridPane.Geometry.timeWidth))
            #expect(geometry.column(at: geometry.columnX(column)) == column)
            #expect(geometry.column(at: geometry.columnX(column) + geometry.width(column) - 1) == column)
        }
    }

    @Test func shortNamesGiveMoreRoomsLongNamesWiderColumns() {
        let content = Rect(x: 0, y: 0, width: 120, height: 30)
        let short = RoomGridPane.Geometry(content: content, names: Array(repeating: "Saal 1", count: 20))
        let long = RoomGridPane.Geometry(content: content, names: Array(repeating: "Hardware Hacking Area", count: 20))
        #expect(short.visibleRooms > long.visibleRooms)
        #expect(long.columnWidth >= RoomGridPane.Geometry.widestColumn)
        // Few rooms share the whole width.
        let two = RoomGridPane.Geometry(content: content, names: ["A", "B"])
        #expect(two.visibleRooms == 2 && two.columnWidth == (120 - RoomGridPane.Geometry.timeWidth) / 2)
    }

    /// On 38C3, each room name in the grid's header is whole or ends in "…", and no word of a
    /// title is broken across two lines.
    @Test func congressHeaderNamesAreWholeOrEndInAnEllipsis() throws {
        guard let dashboard = try? RealScheduleTests.dashboard(RealScheduleTests.congressURL, size: Size(width: 200, height: 60)) else { return }
        RealScheduleTests.press("l r", on: dashboard)
        let lines = dashboard.render().textLines()
        let grid = dashboard.data.roomGrid(dashboard.state, rows: dashboard.data.agendaRows(dashboard.state))
        let geometry = try #require(ScreenMetrics.measure(dashboard.state, data: dashboard.data, theme: dashboard.theme).roomGrid)
        let header = lines[geometry.list.y]
        for visible in 0..<geometry.visibleRooms {
            let name = grid.names[dashboard.state.roomScroll + visible]
            let shown = header.contains("│" + name + " ") || header.contains("│" + name + "│")
            let cut = (1..<geometry.width(visible)).contains { header.contains("│" + name.truncated(toWidth: $0)) && name.truncated(toWidth: $0).hasSuffix("…") }
            #expect(shown || cut, "room “\(name)” is cut without …: \(header)")
        }
        #expect(!lines.contains { $0.contains("Neurobiologisc│") || $0.contains("▏he Tools") })
    }
}

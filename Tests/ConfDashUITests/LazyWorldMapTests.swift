import ConfDashCore
import Foundation
import Testing
@testable import ConfDashUI

/// The world map is parsed when the regions pane first draws it: a first frame without the pane
/// (an imported schedule) never parses it, and a frame with it is the frame of an eager map.
@Suite struct LazyWorldMapTests {
    final class Count: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.withLock { value += 1 } }
        var now: Int { lock.withLock { value } }
    }

    /// A lazily given map that counts how many times it was made.
    static func counted() -> (map: LazyValue<WorldMap?>, made: Count) {
        let made = Count()
        return (LazyValue { made.add(); return Fixture.map }, made)
    }

    @Test func theBundledFirstFrameDrawsTheSameMap() throws {
        let (map, made) = Self.counted()
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            let lazy = DashboardStore(index: Fixture.index, lazyMap: map, size: size, language: .en, theme: .dark)
            let eager = DashboardStore(index: Fixture.index, map: Fixture.map, size: size, language: .en, theme: .dark)
            for keys in ["", "Tab Tab Tab"] {
                for key in Key.parseSequence(keys) { _ = lazy.handle(key); _ = eager.handle(key) }
                #expect(lazy.render().textLines() == eager.render().textLines(), "\(size) after '\(keys)'")
            }
        }
        #expect(made.now <= 1, "parsed at most once, by the first frame that drew it")
    }

    @Test func anImportedScheduleFirstFrameDoesNotParseIt() throws {
        // 38C3 names no region or place: its first frame has no regions pane.
        guard FileManager.default.fileExists(atPath: RealScheduleTests.congressURL.path) else {
            print("⚠️  38c3-schedule.xml not found: the lazy map's first frame was not checked")
            return
        }
        let result = try DatasetImporter.load(contentsOf: RealScheduleTests.congressURL)
        let (map, made) = Self.counted()
        let dashboard = DashboardStore(index: DatasetIndex(try #require(result.dataset)), lazyMap: map,
                                       size: Size(width: 120, height: 40), language: .en, theme: .dark)
        let frame = dashboard.render().textLines()
        #expect(!frame.isEmpty)
        #expect(made.now == 0)
    }
}

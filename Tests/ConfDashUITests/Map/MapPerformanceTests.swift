import Testing
import ConfDashBundledData
@testable import ConfDashUI

/// The map is drawn on every frame, so drawing must stay far below the 5 ms keystroke budget.
/// Prints its timings; in a release build (`swift test -c release -Xswiftc -enable-testing`)
/// it also holds drawing a 100x30 map to under 1 ms.
@Suite struct MapPerformanceTests {
    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func average(_ runs: Int, _ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let elapsed = clock.measure { for _ in 0..<runs { body() } }
        return milliseconds(elapsed) / Double(runs)
    }

    #if DEBUG
    static let runs = 5      // debug timings mean little; keep the suite quick
    #else
    static let runs = 200
    #endif

    @Test func drawingAWarmMapTakesWellUnderAMillisecond() throws {
        let parse = Self.average(5) { _ = try? WorldMap(parsing: BundledData.worldMapText) }
        var report = ["parse world-1deg.txt: \(parse) ms"]
        var worst = 0.0
        for shading in [MapShading.halfBlocks, .braille] {
            for size in [Size(width: 40, height: 12), Size(width: 100, height: 30), Size(width: 160, height: 50)] {
                var grid = CellGrid(size: size)
                let view = MapView(map: bundledWorldMap, shading: shading)
                let cold = Self.average(1) { view.draw(into: &grid, in: grid.bounds) }
                let warm = Self.average(Self.runs) {
                    view.draw(into: &grid, in: grid.bounds, highlighting: ["BRA", "PER", "VNM", "IDN"],
                              markers: hostCityMarkers, style: distinctMapStyle)
                }
                if size == Size(width: 100, height: 30) { worst = max(worst, warm) }
                report.append("\(shading) \(size): first draw (computes the raster) \(cold) ms, then \(warm) ms a frame")
            }
        }
        print(report.joined(separator: "\n"))
        #if !DEBUG
        #expect(worst < 1, "drawing a 100x30 map took \(worst) ms")
        #endif
    }
}

import Testing
import ConfDashCore
@testable import ConfDashUI

/// The four host cities of the bundled dataset (its `places`), Rio de Janeiro selected.
let hostCityMarkers = [
    MapMarker(latitude: 21.03, longitude: 105.85, label: "Hanoi"),
    MapMarker(latitude: -22.91, longitude: -43.17, label: "Rio de Janeiro", highlighted: true),
    MapMarker(latitude: -12.05, longitude: -77.04, label: "Lima"),
    MapMarker(latitude: -6.21, longitude: 106.85, label: "Jakarta"),
]

/// Styles that tell every part of the map apart.
let distinctMapStyle = MapStyle(
    land: Style(foreground: .green), sea: Style(background: .blue), highlightedLand: Style(foreground: .yellow),
    marker: Style(foreground: .white), selectedMarker: Style(foreground: .red), label: Style(foreground: .cyan))

@Suite struct MapViewDrawingTests {
    @Test func everyGlyphIsOneColumnWide() {
        var glyphs: [Character] = [" ", "▀", "▄", "█", MapStyle.plain.markerGlyph, MapStyle.plain.selectedMarkerGlyph]
        glyphs += (0x2801...0x28FF).map { Character(Unicode.Scalar($0)!) }
        for glyph in glyphs { #expect(TerminalWidth.width(of: glyph) == 1, "\(glyph)") }
    }

    @Test(arguments: [MapShading.halfBlocks, .braille])
    func neverDrawsOutsideItsRect(shading: MapShading) {
        let view = MapView(map: bundledWorldMap, shading: shading)
        let sentinel = Cell("X", style: Style(foreground: .magenta))
        let edgeMarkers = hostCityMarkers + [
            MapMarker(latitude: 90, longitude: -180, label: "North-west corner"),
            MapMarker(latitude: -90, longitude: 180, label: "South-east", highlighted: true),
            MapMarker(latitude: 84, longitude: 179.9, label: "日本語のラベル"),
            MapMarker(latitude: -56, longitude: -180, label: "edge"),
            MapMarker(latitude: .nan, longitude: 0, label: "nowhere"),
        ]
        let widths = [0, 1, 2, 3, 5, 8, 13, 21, 40, 60, 80, 100, 160]
        let heights = [0, 1, 2, 3, 4, 7, 12, 16, 24, 30, 50]
        for width in widths {
            for height in heights {
                let rect = Rect(x: 3, y: 2, width: width, height: height)
                var grid = CellGrid(size: Size(width: width + 6, height: height + 4))
                grid.fill(grid.bounds, with: "X", style: sentinel.style)
                view.draw(into: &grid, in: rect, highlighting: ["BRA", "SWZ", "IDN"], markers: edgeMarkers, style: distinctMapStyle)
                for y in 0..<grid.size.height {
                    for x in 0..<grid.size.width {
                        let inside = rect.contains(Point(x: x, y: y))
                        if inside != (grid[x, y] != sentinel) {
                            Issue.record("\(width)x\(height): cell (\(x), \(y)) \(inside ? "not drawn" : "drawn outside the rect")")
                            return
                        }
                    }
                }
            }
        }
    }

    @Test func aRectPartlyOffTheGridIsClipped() {
        var grid = CellGrid(size: Size(width: 10, height: 4))
        grid.fill(grid.bounds, with: "X")
        MapView(map: bundledWorldMap).draw(into: &grid, in: Rect(x: -20, y: -3, width: 25, height: 5), markers: hostCityMarkers)
        for y in 0..<4 {
            for x in 0..<10 { #expect((grid[x, y].grapheme == "X") == (x >= 5 || y >= 2), "(\(x), \(y))") }
        }
    }

    @Test func cropsAreAlwaysAtLeastADegreeTall() {
        for (north, south, expected) in [(84.0, -56.0, (84.0, -56.0)), (-56, 84, (84, -56)), (90, 90, (90, 89)),
                                         (-95, -100, (-89, -90)), (200, -200, (90, -90)), (.nan, 0, (84, 0))] {
            let view = MapView(map: bundledWorldMap, north: north, south: south)
            #expect(view.north == expected.0 && view.south == expected.1, "\(north), \(south)")
        }
        #expect(MapView(map: bundledWorldMap) == MapView(map: bundledWorldMap))
        #expect(MapView(map: bundledWorldMap) != MapView(map: bundledWorldMap, shading: .braille))
    }

    @Test func mapKeepsASensibleAspect() {
        let view = MapView(map: bundledWorldMap)
        #expect(view.mapRect(in: Rect(x: 0, y: 0, width: 60, height: 16)) == Rect(x: 0, y: 0, width: 60, height: 16))
        #expect(view.mapRect(in: Rect(x: 0, y: 0, width: 40, height: 12)) == Rect(x: 0, y: 0, width: 40, height: 12))
        #expect(view.mapRect(in: Rect(x: 5, y: 1, width: 100, height: 30)) == Rect(x: 5, y: 1, width: 100, height: 29))
        // Too tall: full width, centred; too wide: full height, centred.
        #expect(view.mapRect(in: Rect(x: 0, y: 0, width: 40, height: 40)) == Rect(x: 0, y: 14, width: 40, height: 12))
        #expect(view.mapRect(in: Rect(x: 0, y: 0, width: 200, height: 20)) == Rect(x: 38, y: 0, width: 123, height: 20))
        #expect(view.mapRect(in: Rect(x: 2, y: 2, width: 1, height: 1)) == Rect(x: 2, y: 2, width: 1, height: 1))
        #expect(view.mapRect(in: Rect(x: 2, y: 2, width: 0, height: 9)).isEmpty)
    }

    /// The character drawn at a point of a 60x16 map at (3, 2): there, each cell covers 6° of
    /// longitude and 8.75° of latitude, from 84N.
    static func markerCell(column: Int, row: Int) -> (latitude: Double, longitude: Double) {
        (84 - (Double(row) + 0.5) * 8.75, -180 + (Double(column) + 0.5) * 6)
    }

    @Test func markersLandInTheirProjectedCell() {
        let view = MapView(map: bundledWorldMap)
        let rect = Rect(x: 3, y: 2, width: 60, height: 16)
        for (column, row) in [(0, 0), (59, 0), (0, 15), (59, 15), (30, 8), (17, 10), (47, 7), (12, 3)] {
            var grid = CellGrid(size: Size(width: 70, height: 20))
            let point = Self.markerCell(column: column, row: row)
            view.draw(into: &grid, in: rect, markers: [MapMarker(latitude: point.latitude, longitude: point.longitude)])
            #expect(grid[3 + column, 2 + row].grapheme == "•", "(\(column), \(row))")
            #expect(grid.cells.filter { $0.grapheme == "•" }.count == 1)
            #expect(view.cell(latitude: point.latitude, longitude: point.longitude, in: rect) == Point(x: 3 + column, y: 2 + row))
        }
    }

    @Test func markersBeyondTheCropOrTheEdgesStayInsideTheMap() throws {
        let view = MapView(map: bundledWorldMap)
        for rect in [Rect(x: 3, y: 2, width: 60, height: 16), Rect(x: 0, y: 0, width: 100, height: 30), Rect(x: 1, y: 1, width: 1, height: 1)] {
            let area = view.mapRect(in: rect)
            #expect(view.cell(latitude: 90, longitude: -180, in: rect) == Point(x: area.x, y: area.y))
            #expect(view.cell(latitude: -90, longitude: 180, in: rect) == Point(x: area.maxX - 1, y: area.maxY - 1))
            #expect(view.cell(latitude: -56, longitude: 179.999, in: rect) == Point(x: area.maxX - 1, y: area.maxY - 1))
            #expect(view.cell(latitude: 1000, longitude: -1000, in: rect) == Point(x: area.x, y: area.y))
            #expect(view.cell(latitude: .nan, longitude: 0, in: rect) == nil)
        }
        #expect(view.cell(latitude: 0, longitude: 0, in: .zero) == nil)
        // The host cities where the 60x16 golden shows them.
        let rect = Rect(x: 0, y: 0, width: 60, height: 16)
        let cells = hostCityMarkers.map { view.cell(latitude: $0.latitude, longitude: $0.longitude, in: rect) }
        #expect(cells == [Point(x: 47, y: 7), Point(x: 22, y: 12), Point(x: 17, y: 10), Point(x: 47, y: 10)])
    }

    @Test func theHighlightedMarkerWinsASharedCell() {
        let view = MapView(map: bundledWorldMap)
        let rect = Rect(x: 0, y: 0, width: 20, height: 6)
        for markers in [
            [MapMarker(latitude: 21, longitude: 105), MapMarker(latitude: 21.5, longitude: 106, highlighted: true)],
            [MapMarker(latitude: 21.5, longitude: 106, highlighted: true), MapMarker(latitude: 21, longitude: 105)],
        ] {
            var grid = CellGrid(size: Size(width: rect.width, height: rect.height))
            view.draw(into: &grid, in: rect, markers: markers, style: distinctMapStyle)
            let cell = view.cell(latitude: 21, longitude: 105, in: rect)!
            #expect(grid[cell.x, cell.y] == Cell("●", style: Style(foreground: .red, background: .blue)))
            #expect(!grid.cells.contains { $0.grapheme == "•" })
        }
    }

    @Test func labelsGoBesideTheirMarkerAndNeverOverAnother() throws {
        // On a map of sea only, a 60x16 map: every 6° of longitude is a column.
        let sea = try WorldMap(parsing: Array(repeating: "~~~*360", count: WorldMap.rowCount).joined(separator: "\n"))
        let view = MapView(map: sea)
        let rect = Rect(x: 0, y: 0, width: 60, height: 16)
        func draw(_ markers: [MapMarker]) -> String {
            var grid = CellGrid(size: Size(width: rect.width, height: rect.height))
            view.draw(into: &grid, in: rect, markers: markers)
            return grid.textLines()[view.cell(latitude: markers[0].latitude, longitude: 0, in: rect)!.y]
        }
        // Room on both sides: the right.
        #expect(draw([MapMarker(latitude: 0, longitude: -27, label: "Azores")]) == String(repeating: " ", count: 25) + "• Azores")
        // Not on the right: the left.
        #expect(draw([MapMarker(latitude: 0, longitude: 178, label: "Edge")]) == String(repeating: " ", count: 54) + "Edge •")
        // Between the edge and another marker, no room for even "Ab…": no label.
        #expect(draw([MapMarker(latitude: 0, longitude: -165, label: "A long label"), MapMarker(latitude: 0, longitude: -147)])
                == "  •  •")
        // Room for a cut label, stopping before the next marker.
        #expect(draw([MapMarker(latitude: 0, longitude: -165, label: "A long label"), MapMarker(latitude: 0, longitude: -117)])
                == "  • A lon…•")
        // Where both sides fit, the one with less land under it.
        var grid = CellGrid(size: Size(width: rect.width, height: rect.height))
        MapView(map: bundledWorldMap).draw(into: &grid, in: rect, markers: [MapMarker(latitude: -12.05, longitude: -77.04, label: "Lima")])
        #expect(grid.textLines()[10].hasPrefix("            Lima •██"))
    }

    @Test func stylesTellLandSeaHighlightsAndMarkersApart() throws {
        let view = MapView(map: bundledWorldMap)
        let rect = Rect(x: 0, y: 0, width: 60, height: 16)
        var grid = CellGrid(size: Size(width: rect.width, height: rect.height))
        view.draw(into: &grid, in: rect, highlighting: ["BRA", "SWZ", "NOPE"], markers: hostCityMarkers, style: distinctMapStyle)
        func at(_ latitude: Double, _ longitude: Double) throws -> Cell {
            let point = try #require(view.cell(latitude: latitude, longitude: longitude, in: rect))
            return grid[point.x, point.y]
        }
        #expect(try at(-10, -55) == Cell("█", style: Style(foreground: .yellow, background: .blue)))   // Brazil
        #expect(try at(15, 19) == Cell("█", style: Style(foreground: .green, background: .blue)))      // Chad
        #expect(try at(30, -40) == Cell(" ", style: Style(background: .blue)))                          // the Atlantic
        #expect(try at(-22.91, -43.17).style == Style(foreground: .red, background: .blue))
        #expect(try at(21.03, 105.85).style == Style(foreground: .white, background: .blue))
        #expect(grid.cells.contains { $0.grapheme == "R" && $0.style == Style(foreground: .cyan, background: .blue) })
        // Eswatini covers one 1° cell: too small to win a dot, it is still shown at one (here,
        // without markers: Rio de Janeiro's label runs over it).
        grid = CellGrid(size: Size(width: rect.width, height: rect.height))
        view.draw(into: &grid, in: rect, highlighting: ["SWZ"], style: distinctMapStyle)
        #expect(try at(-26.5, 31.5).style.foreground == .yellow)
        #expect(grid.cells.count { $0.style.foreground == TerminalColor.yellow } == 1)
        // Without highlights, nothing is yellow.
        grid = CellGrid(size: Size(width: rect.width, height: rect.height))
        view.draw(into: &grid, in: rect, style: distinctMapStyle)
        #expect(!grid.cells.contains { $0.style.foreground == TerminalColor.yellow })
    }

    @Test func brailleDotsFollowTheUnicodeLayout() {
        // A 1x1 braille map samples 2x4 dots of the whole crop; the bits of each dot.
        let view = MapView(map: bundledWorldMap, shading: .braille)
        var grid = CellGrid(size: Size(width: 1, height: 1))
        view.draw(into: &grid, in: grid.bounds)
        let scalar = grid[0, 0].grapheme.unicodeScalars.first!.value
        #expect(grid[0, 0].grapheme == " " || (0x2801...0x28FF).contains(scalar))
        let raster = MapRaster(map: bundledWorldMap, width: 2, height: 4, north: 84, south: -56)
        let dots = raster.dots(highlighting: [])
        var bits: UInt32 = 0
        for (index, bit) in [(0, 0x01), (2, 0x02), (4, 0x04), (6, 0x40), (1, 0x08), (3, 0x10), (5, 0x20), (7, 0x80)]
        where dots[index] != .sea { bits |= UInt32(bit) }
        #expect(grid[0, 0].grapheme == (bits == 0 ? " " : String(Unicode.Scalar(0x2800 + bits)!)))
    }

    @Test func rasterDotsAverageTheCellsTheyCover() {
        // 360x180 dots over the whole globe: one dot a cell, land exactly where the file has it.
        let raster = MapRaster(map: bundledWorldMap, width: 360, height: 180, north: 90, south: -90)
        let land = raster.land.map { $0 == 1 }
        #expect(land == bundledWorldMap.cells.map { $0 != 0 })
        #expect(raster.land.allSatisfy { $0 == 0 || $0 == 1 })
        // One dot over everything: the world's land share of the cells.
        let whole = MapRaster(map: bundledWorldMap, width: 1, height: 1, north: 90, south: -90)
        let share = Float(bundledWorldMap.cells.count { $0 != 0 }) / Float(bundledWorldMap.cells.count)
        #expect(abs(whole.land[0] - share) < 1e-4)
        #expect(whole.entryStart == [0, Int32(bundledWorldMap.countryCodes.count)])
    }
}

/// Golden maps in __Screens__/, through the screens' own helper.
@Suite struct MapGoldenTests {
    @Test func worldWithHostCitiesAt60x16() throws {
        var grid = CellGrid(size: Size(width: 60, height: 16))
        MapView(map: bundledWorldMap).draw(into: &grid, in: grid.bounds, markers: hostCityMarkers)
        try ScreenGolden.check(grid.text + "\n", named: "map-60x16.txt")
    }

    @Test func brailleWorldAt100x30() throws {
        var grid = CellGrid(size: Size(width: 100, height: 30))
        MapView(map: bundledWorldMap, shading: .braille).draw(into: &grid, in: grid.bounds, markers: hostCityMarkers)
        try ScreenGolden.check(grid.text + "\n", named: "map-braille-100x30.txt")
    }
}

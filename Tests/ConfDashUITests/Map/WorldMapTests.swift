import Testing
import ConfDashBundledData
@testable import ConfDashUI

/// The bundled map, parsed once for all the map tests.
let bundledWorldMap: WorldMap = {
    do { return try WorldMap(parsing: BundledData.worldMapText) } catch { fatalError("bundled world map: \(error)") }
}()

@Suite struct WorldMapParsingTests {
    @Test func bundledMapHasEveryCellAndItsCountries() {
        let map = bundledWorldMap
        #expect(map.cells.count == WorldMap.rowCount * WorldMap.columnCount)
        #expect(map.countryCodes.count == 172)
        #expect(map.countryCodes == map.countryCodes.sorted())
        #expect(map.countryCodes.allSatisfy { $0.count == 3 && $0 != WorldMap.seaCode })
        #expect(map.cells.allSatisfy { Int($0) <= map.countryCodes.count })
        // Every country index is used, and the file's header is not read as a row.
        #expect(Set(map.cells).count == map.countryCodes.count + 1)
        for (offset, code) in map.countryCodes.enumerated() {
            #expect(map.countryIndex(ofCode: code) == UInt16(offset + 1))
            #expect(map.countryCode(ofIndex: UInt16(offset + 1)) == code)
        }
        #expect(map.countryCode(ofIndex: 0) == nil)
        #expect(map.countryIndex(ofCode: "XXX") == nil)
    }

    @Test(arguments: [
        (21.03, 105.85, "VNM"),    // Hanoi
        (-22.91, -43.17, "BRA"),   // Rio de Janeiro
        (-6.2, 106.8, "IDN"),      // Jakarta
        (-12.05, -76.04, "PER"),   // 1° east of Lima (Lima itself: below)
        (48.86, 2.35, "FRA"),      // Paris
        (50.85, 4.35, "BEL"),      // Brussels, WCO headquarters
        (-35.28, 149.13, "AUS"),   // Canberra
        (39.9, 116.4, "CHN"),      // Beijing
        (39.74, -104.99, "USA"),   // Denver
        (-89.5, 0.0, "ATA"),       // the South Pole
    ])
    func knownPointsLieInTheirCountry(latitude: Double, longitude: Double, code: String) {
        #expect(bundledWorldMap.countryCode(latitude: latitude, longitude: longitude) == code)
        #expect(bundledWorldMap.isLand(latitude: latitude, longitude: longitude) == true)
    }

    /// A 1° cell holds the country containing the cell's centre, so a city on the coast can
    /// fall in a sea cell: Lima (12.05S 77.04W) is in the cell centred on 12.5S 77.5W, which is
    /// Pacific; so is Sydney's. The map still draws their markers where they are.
    @Test func coastalCitiesCanFallInSeaCells() {
        #expect(bundledWorldMap.countryCode(latitude: -12.05, longitude: -77.04) == nil)
        #expect(bundledWorldMap.countryCode(latitude: -33.87, longitude: 151.21) == nil)
    }

    @Test func oceansAndInvalidPointsAreSea() {
        let map = bundledWorldMap
        #expect(map.countryCode(latitude: 30, longitude: -40) == nil)     // mid-Atlantic
        #expect(map.countryCode(latitude: 0, longitude: -140) == nil)     // mid-Pacific
        #expect(map.countryCode(latitude: -30, longitude: 80) == nil)     // Indian Ocean
        #expect(map.countryCode(latitude: 90, longitude: 0) == nil)       // the North Pole
        #expect(map.countryCode(latitude: 91, longitude: 0) == nil)
        #expect(map.countryCode(latitude: .nan, longitude: 0) == nil)
        #expect(map.countryCode(latitude: 0, longitude: .infinity) == nil)
        #expect(!map.isLand(latitude: 30, longitude: -40))
    }

    @Test func gridCellsFollowTheFileLayout() throws {
        #expect(WorldMap.cell(latitude: 90, longitude: -180)! == (0, 0))
        #expect(WorldMap.cell(latitude: 89.5, longitude: -179.5)! == (0, 0))
        #expect(WorldMap.cell(latitude: -90, longitude: 179.99)! == (179, 359))
        #expect(WorldMap.cell(latitude: 0, longitude: 0)! == (90, 180))
        #expect(WorldMap.cell(latitude: -0.5, longitude: -0.5)! == (90, 179))
        #expect(WorldMap.cell(latitude: 10, longitude: 180)! == WorldMap.cell(latitude: 10, longitude: -180)!)
        #expect(WorldMap.cell(latitude: 0, longitude: 181) == nil)
        // Hanoi, as the file's row 68 (lines 7… are rows 0…) holds it.
        let (row, column) = try #require(WorldMap.cell(latitude: 21.03, longitude: 105.85))
        #expect(bundledWorldMap.countryCode(ofIndex: bundledWorldMap.countryIndex(row: row, column: column)) == "VNM")
        #expect(bundledWorldMap.countryIndex(row: -1, column: 0) == 0)
        #expect(bundledWorldMap.countryIndex(row: 0, column: 360) == 0)
    }
}

@Suite struct WorldMapMalformedInputTests {
    /// A valid file: a two-line header, then 180 rows of sea but for one run of land in row 1.
    static func validLines() -> [String] {
        var lines = ["# a test map", "# 180 rows of 360 columns"]
        lines += (0..<WorldMap.rowCount).map { $0 == 1 ? "~~~*100 ABC*20 ~~~*240" : "~~~*360" }
        return lines
    }

    static func parse(_ lines: [String]) -> Result<WorldMap, WorldMapError> {
        Result { () throws(WorldMapError) in try WorldMap(parsing: lines.joined(separator: "\n")) }
    }

    @Test func acceptsCommentsBlankLinesAndCRLF() throws {
        var lines = Self.validLines()
        lines.insert("", at: 5)
        lines.insert("# a comment between rows", at: 9)
        let map = try Self.parse(lines).get()
        #expect(map.countryCodes == ["ABC"])
        #expect(map.countryCode(latitude: 88.5, longitude: -180 + 110) == "ABC")
        #expect(map.countryCode(latitude: 88.5, longitude: -180 + 99.5) == nil)
        let crlf = try WorldMap(parsing: Self.validLines().joined(separator: "\r\n") + "\r\n")
        #expect(crlf == map)
    }

    @Test(arguments: [
        // (line index to replace, its new text, the error's line, words the message must contain)
        (3, "~~~*100 ABC20 ~~~*240", 4, "is not CODE*COUNT"),
        (3, "~~~*100 abc*20 ~~~*240", 4, "three capital letters"),
        (3, "~~~*100 AB*20 ~~~*240", 4, "three capital letters"),
        (3, "~~~*100 ABCD*20 ~~~*240", 4, "three capital letters"),
        (4, "~~~*0 ~~~*360", 5, "whole number"),
        (4, "~~~*-1 ~~~*361", 5, "whole number"),
        (4, "~~~*12x ~~~*348", 5, "whole number"),
        (4, "~~~*", 5, "whole number"),
        (10, "~~~*359", 11, "covers 359 columns, expected 360"),
        (10, "~~~*300 ~~~*61", 11, "more than 360 columns"),
        (181, "~~~*180 VNM*181", 182, "row 179 has more than 360 columns"),
    ])
    func aBadRunOrRowNamesItsLine(index: Int, text: String, line: Int, message: String) {
        var lines = Self.validLines()
        lines[index] = text
        guard case .failure(let error) = Self.parse(lines) else {
            Issue.record("accepted a malformed line \(line): \(text)")
            return
        }
        #expect(error.line == line)
        #expect(error.message.contains(message), "\(error)")
        #expect(error.description.hasPrefix("line \(line): "))
    }

    @Test func tooFewOrTooManyRows() {
        var lines = Self.validLines()
        lines.removeLast()
        #expect(throws: WorldMapError(line: 181, "found 179 rows, expected 180")) { try Self.parse(lines).get() }
        lines = Self.validLines() + ["~~~*360"]
        #expect(throws: WorldMapError(line: 183, "more than 180 rows")) { try Self.parse(lines).get() }
        #expect(throws: WorldMapError(line: 1, "found 0 rows, expected 180")) { try WorldMap(parsing: "") }
    }
}

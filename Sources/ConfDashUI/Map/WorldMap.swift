import ConfDashScreen
/// The world on a 1-degree grid: for every 1°×1° cell, the country that covers it, or sea.
/// Read from the text format of `Resources/world-1deg.txt` (Natural Earth 1:110m admin-0,
/// public domain; see `Resources/README.md`), which the caller passes in, e.g.
/// `try WorldMap(parsing: BundledData.worldMapText)`.
///
/// Rows run north to south (row 0 covers 90N..89N), columns west to east (column 0 covers
/// 180W..179W). Cells are stored as one `UInt16` country index each: 0 is sea, `i` is
/// `countryCodes[i - 1]`.
public struct WorldMap: Equatable, Sendable {
    public static let rowCount = 180
    public static let columnCount = 360
    /// The code the file uses for sea.
    public static let seaCode = "~~~"

    /// The ISO 3166-1 alpha-3 codes present in the grid, sorted.
    public let countryCodes: [String]
    /// `rowCount * columnCount` country indices, row by row.
    public let cells: [UInt16]
    private let indexByCode: [String: UInt16]

    /// Parses the run-length encoded grid. Lines starting with `#` and blank lines are skipped;
    /// every other line is one row of space-separated `CODE*COUNT` runs (CODE: three capital
    /// letters, or `~~~` for sea) whose counts add up to 360. There must be exactly 180 rows.
    /// Errors name the line (1-based) and what is wrong with it.
    public init(parsing text: String) throws(WorldMapError) {
        let bytes = Array(text.utf8)
        var codes: [String] = []                   // in order of first appearance
        var indexByPackedCode: [UInt32: UInt16] = [Self.packedSeaCode: 0]
        var cells: [UInt16] = []
        cells.reserveCapacity(Self.rowCount * Self.columnCount)
        var rows = 0
        var lineNumber = 0
        var lineStart = 0

        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            var end = lineEnd
            if end > lineStart, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let line = bytes[lineStart..<end]
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
            if line.first == UInt8(ascii: "#") { continue }

            guard rows < Self.rowCount else {
                throw WorldMapError(line: lineNumber, "more than \(Self.rowCount) rows")
            }
            var columns = 0
            // The runs between spaces, as `split(separator: " ")` gives them, without an array of
            // them per row (the bundled map's parse is part of the first frame: 1.2 M instructions).
            var runEnd = line.startIndex
            while true {
                var runStart = runEnd
                while runStart < line.endIndex, line[runStart] == UInt8(ascii: " ") { runStart += 1 }
                guard runStart < line.endIndex else { break }
                runEnd = runStart
                while runEnd < line.endIndex, line[runEnd] != UInt8(ascii: " ") { runEnd += 1 }
                let run = line[runStart..<runEnd]
                let (code, count) = try Self.parseRun(run, line: lineNumber)
                guard columns + count <= Self.columnCount else {
                    throw WorldMapError(line: lineNumber, "row \(rows) has more than \(Self.columnCount) columns (at run \"\(String(decoding: run, as: UTF8.self))\")")
                }
                let index: UInt16
                if let known = indexByPackedCode[code] {
                    index = known
                } else {
                    codes.append(String(decoding: run.prefix(3), as: UTF8.self))
                    index = UInt16(codes.count)
                    indexByPackedCode[code] = index
                }
                cells.append(contentsOf: repeatElement(index, count: count))
                columns += count
            }
            guard columns == Self.columnCount else {
                throw WorldMapError(line: lineNumber, "row \(rows) covers \(columns) columns, expected \(Self.columnCount)")
            }
            rows += 1
        }
        guard rows == Self.rowCount else {
            throw WorldMapError(line: lineNumber, "found \(rows) rows, expected \(Self.rowCount)")
        }

        // Number the countries in code order, so the indices do not depend on where a country
        // first appears in the file.
        let order = codes.indices.sorted { codes[$0] < codes[$1] }
        var remap = [UInt16](repeating: 0, count: codes.count + 1)
        var indexByCode: [String: UInt16] = [:]
        for (position, original) in order.enumerated() {
            remap[original + 1] = UInt16(position + 1)
            indexByCode[codes[original]] = UInt16(position + 1)
        }
        self.countryCodes = order.map { codes[$0] }
        remap.withUnsafeBufferPointer { remap in
            cells.withUnsafeMutableBufferPointer { cells in
                for place in cells.indices { cells[place] = remap[Int(cells[place])] }
            }
        }
        self.cells = cells
        self.indexByCode = indexByCode
    }

    private static let packedSeaCode = pack(Array(seaCode.utf8)[...])
    private static func pack(_ code: ArraySlice<UInt8>) -> UInt32 {
        code.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// One `CODE*COUNT` run: the code packed into an integer, and the count.
    private static func parseRun(_ run: ArraySlice<UInt8>, line: Int) throws(WorldMapError) -> (code: UInt32, count: Int) {
        func fail(_ problem: String) -> WorldMapError {
            WorldMapError(line: line, "run \"\(String(decoding: run, as: UTF8.self))\"\(problem)")
        }
        guard let star = run.firstIndex(of: UInt8(ascii: "*")) else { throw fail(" is not CODE*COUNT") }
        let code = run[..<star], digits = run[(star + 1)...]
        let isSea = code.elementsEqual(seaCode.utf8)
        let isCountry = code.count == 3 && code.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
        guard isSea || isCountry else {
            throw fail(": the code must be three capital letters (ISO 3166-1 alpha-3) or \(seaCode)")
        }
        var count = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit), count <= columnCount else { count = -1; break }
            count = count * 10 + Int(digit - UInt8(ascii: "0"))
        }
        guard count > 0 else { throw fail(": the count must be a whole number from 1 to \(columnCount)") }
        return (pack(code), count)
    }

    /// The country index of one grid cell (0: sea). Out-of-range rows and columns are sea.
    public func countryIndex(row: Int, column: Int) -> UInt16 {
        guard row >= 0, row < Self.rowCount, column >= 0, column < Self.columnCount else { return 0 }
        return cells[row * Self.columnCount + column]
    }

    /// The index `cells` uses for an ISO alpha-3 code, if that country is on the map.
    public func countryIndex(ofCode code: String) -> UInt16? { indexByCode[code] }

    /// The ISO alpha-3 code of a country index (nil for sea and unknown indices).
    public func countryCode(ofIndex index: UInt16) -> String? {
        index == 0 || Int(index) > countryCodes.count ? nil : countryCodes[Int(index) - 1]
    }

    /// The grid cell holding a point: latitude −90…90 (north positive), longitude −180…180
    /// (east positive; 180 is the same meridian as −180). Nil for non-finite or out-of-range values.
    public static func cell(latitude: Double, longitude: Double) -> (row: Int, column: Int)? {
        guard latitude.isFinite, longitude.isFinite, (-90...90).contains(latitude), (-180...180).contains(longitude) else {
            return nil
        }
        let row = min(Int((90 - latitude).rounded(.down)), rowCount - 1)
        let column = Int((longitude + 180).rounded(.down)) % columnCount
        return (row, column)
    }

    /// The ISO alpha-3 code of the country at a point, or nil for sea (and invalid points).
    public func countryCode(latitude: Double, longitude: Double) -> String? {
        guard let cell = Self.cell(latitude: latitude, longitude: longitude) else { return nil }
        return countryCode(ofIndex: countryIndex(row: cell.row, column: cell.column))
    }

    public func isLand(latitude: Double, longitude: Double) -> Bool {
        countryCode(latitude: latitude, longitude: longitude) != nil
    }
}

/// A malformed world-map file: the line (1-based) and what is wrong with it.
public struct WorldMapError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public init(line: Int, _ message: String) { self.line = line; self.message = message }
    public var description: String { "line \(line): \(message)" }
}

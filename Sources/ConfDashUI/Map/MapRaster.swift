import ConfDashScreen
import Foundation

/// The world map resampled to a grid of dots (`width` × `height`), for one crop of latitudes:
/// for each dot, how much of it is land and which countries cover how much of it. Computing
/// one takes a fraction of a millisecond to a few milliseconds; `MapView` keeps the ones it has
/// drawn in a `RecentValuesCache` keyed by `MapRasterKey`, so a frame only classifies the dots and writes the cells.
struct MapRaster: Sendable {
    let width: Int
    let height: Int
    /// Per dot, the share of it that is land, 0…1.
    let land: [Float]
    /// Per dot `d`, its countries are `entryCountry[entryStart[d]..<entryStart[d + 1]]`, with
    /// the share of the dot each covers in `entryCoverage`.
    let entryStart: [Int32]
    let entryCountry: [UInt16]
    let entryCoverage: [Float]
    /// Per country index, the dot it covers most (−1 when it covers none), so a highlighted
    /// country too small to win any dot is still shown at one.
    let bestDot: [Int32]
    /// Per country index `c`, the dots it covers: `countryDots[countryDotStart[c]..<countryDotStart[c + 1]]`.
    let countryDotStart: [Int32]
    let countryDots: [Int32]
    /// Each dot's class before any highlighting.
    let plainDots: [Dot]

    /// Resamples `map` so that the dots span all longitudes and the latitudes from `north` down
    /// to `south`. Each dot averages the 1° cells it overlaps, weighted by the overlap.
    init(map: WorldMap, width: Int, height: Int, north: Double, south: Double) {
        let width = max(width, 0), height = max(height, 0)
        self.width = width
        self.height = height
        let columnWeights = Self.weights(count: width, from: 0, to: Double(WorldMap.columnCount), cells: WorldMap.columnCount)
        let rowWeights = Self.weights(count: height, from: 90 - north, to: 90 - south, cells: WorldMap.rowCount)

        var land = [Float](repeating: 0, count: width * height)
        var entryStart: [Int32] = [0]
        var entryCountry: [UInt16] = []
        var entryCoverage: [Float] = []
        entryStart.reserveCapacity(land.count + 1)
        var bestDot = [Int32](repeating: -1, count: map.countryCodes.count + 1)
        var bestCoverage = [Float](repeating: 0, count: map.countryCodes.count + 1)
        var dotCountries: [(country: UInt16, weight: Float)] = []

        map.cells.withUnsafeBufferPointer { cells in
            for y in 0..<height {
                let rows = rowWeights[y]
                for x in 0..<width {
                    let columns = columnWeights[x]
                    dotCountries.removeAll(keepingCapacity: true)
                    var total: Float = 0
                    var landWeight: Float = 0
                    for (row, rowWeight) in rows {
                        let base = row * WorldMap.columnCount
                        for (column, columnWeight) in columns {
                            let weight = rowWeight * columnWeight
                            total += weight
                            let country = cells[base + column]
                            guard country != 0 else { continue }
                            landWeight += weight
                            if let i = dotCountries.firstIndex(where: { $0.country == country }) {
                                dotCountries[i].weight += weight
                            } else {
                                dotCountries.append((country, weight))
                            }
                        }
                    }
                    let dot = y * width + x
                    guard total > 0 else { entryStart.append(Int32(entryCountry.count)); continue }
                    land[dot] = landWeight / total
                    for (country, weight) in dotCountries {
                        let coverage = weight / total
                        entryCountry.append(country)
                        entryCoverage.append(coverage)
                        if coverage > bestCoverage[Int(country)] {
                            bestCoverage[Int(country)] = coverage
                            bestDot[Int(country)] = Int32(dot)
                        }
                    }
                    entryStart.append(Int32(entryCountry.count))
                }
            }
        }
        self.land = land
        self.entryStart = entryStart
        self.entryCountry = entryCountry
        self.entryCoverage = entryCoverage
        self.bestDot = bestDot
        plainDots = land.map { $0 >= Self.landThreshold ? .land : .sea }

        // The same entries, grouped by country.
        var countryDotStart = [Int32](repeating: 0, count: map.countryCodes.count + 2)
        for country in entryCountry { countryDotStart[Int(country) + 1] += 1 }
        for index in 1..<countryDotStart.count { countryDotStart[index] += countryDotStart[index - 1] }
        var next = countryDotStart
        var countryDots = [Int32](repeating: 0, count: entryCountry.count)
        for dot in 0..<land.count {
            for entry in Int(entryStart[dot])..<Int(entryStart[dot + 1]) {
                let country = Int(entryCountry[entry])
                countryDots[Int(next[country])] = Int32(dot)
                next[country] += 1
            }
        }
        self.countryDotStart = countryDotStart
        self.countryDots = countryDots
    }

    /// For each of `count` equal intervals of [from, to) (in cell units), the cells it overlaps
    /// and by how much.
    private static func weights(count: Int, from start: Double, to end: Double, cells: Int) -> [[(Int, Float)]] {
        guard count > 0 else { return [] }
        let step = (end - start) / Double(count)
        return (0..<count).map { index in
            let low = start + Double(index) * step
            let high = low + step
            var result: [(Int, Float)] = []
            var cell = Int(low.rounded(.down))
            while Double(cell) < high {
                let overlap = min(high, Double(cell + 1)) - max(low, Double(cell))
                if overlap > 1e-9, cell >= 0, cell < cells { result.append((cell, Float(overlap))) }
                cell += 1
            }
            return result
        }
    }

    /// What each dot shows.
    enum Dot: UInt8 { case sea = 0, land = 1, highlighted = 2 }

    /// A dot is land when at least `landThreshold` of it is land. A land dot is highlighted when
    /// highlighted countries make up at least half of its land; and every highlighted country
    /// shows at its best dot, however small it is.
    static let landThreshold: Float = 0.4

    /// Each dot's class with the countries `highlighted[index]` highlighted. Only the dots of
    /// those countries are visited.
    func dots(highlighting highlighted: [Bool]) -> [Dot] {
        var dots = plainDots
        for (country, isHighlighted) in highlighted.enumerated() where isHighlighted && country + 1 < countryDotStart.count {
            for dot in countryDots[Int(countryDotStart[country])..<Int(countryDotStart[country + 1])].lazy.map(Int.init)
            where dots[dot] == .land {
                var share: Float = 0
                for entry in Int(entryStart[dot])..<Int(entryStart[dot + 1]) where highlighted[Int(entryCountry[entry])] {
                    share += entryCoverage[entry]
                }
                if share * 2 >= land[dot] { dots[dot] = .highlighted }
            }
            if bestDot[country] >= 0 { dots[Int(bestDot[country])] = .highlighted }
        }
        return dots
    }
}

/// Which raster: its size in dots and its crop. Rasters already computed are kept by `MapView`
/// in a `RecentValuesCache` keyed by this (the dashboard shows the map at one or two sizes at a time).
struct MapRasterKey: Hashable, Sendable {
    var width: Int, height: Int, north: Double, south: Double
}

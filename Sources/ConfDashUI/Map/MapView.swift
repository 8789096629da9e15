import ConfDashScreen
import ConfDashCore

/// A point to mark on the map (a host city). `label`, when given, is written beside the glyph
/// where it fits; `highlighted` draws the selected glyph and style, and wins a shared cell.
public struct MapMarker: Equatable, Sendable {
    public var latitude: Double
    public var longitude: Double
    public var label: String?
    public var highlighted: Bool

    public init(latitude: Double, longitude: Double, label: String? = nil, highlighted: Bool = false) {
        self.latitude = latitude; self.longitude = longitude; self.label = label; self.highlighted = highlighted
    }
}

/// How the map looks; the dashboard maps these from its theme. The land styles colour the
/// glyph: give them a foreground (and attributes). Wherever a style leaves its background
/// `.default`, the sea's background is used, so the empty half of `▀` / `▄` and the gaps
/// between braille dots read as sea. With no colours at all, `dim` land and plain or bold
/// highlighted land still tell them apart on most terminals.
public struct MapStyle: Equatable, Sendable {
    public var land: Style
    public var sea: Style
    public var highlightedLand: Style
    public var marker: Style
    public var selectedMarker: Style
    public var label: Style
    /// Both one column wide (checked by the tests with `TerminalWidth`).
    public var markerGlyph: Character
    public var selectedMarkerGlyph: Character

    public init(land: Style = .plain, sea: Style = .plain, highlightedLand: Style = .plain,
                marker: Style = .plain, selectedMarker: Style = .plain, label: Style = .plain,
                markerGlyph: Character = "•", selectedMarkerGlyph: Character = "●") {
        self.land = land; self.sea = sea; self.highlightedLand = highlightedLand
        self.marker = marker; self.selectedMarker = selectedMarker; self.label = label
        self.markerGlyph = markerGlyph; self.selectedMarkerGlyph = selectedMarkerGlyph
    }

    public static let plain = MapStyle()

    /// `style` over the sea's background where it has none of its own.
    func onSea(_ style: Style) -> Style {
        guard style.background == .default else { return style }
        var copy = style
        copy.background = sea.background
        return copy
    }
}

/// How a cell is divided into dots of land and sea.
public enum MapShading: Sendable {
    /// 1×2 dots a cell: `▀` `▄` `█`. Solid land; reads well at every size.
    case halfBlocks
    /// 2×4 dots a cell: braille patterns. Finer coastlines, fainter land.
    case braille

    var dotsPerCell: (x: Int, y: Int) {
        switch self {
        case .halfBlocks: return (1, 2)
        case .braille: return (2, 4)
        }
    }
}

/// The world map of the Regions pane, drawn into any rectangle of a `CellGrid` in an
/// equirectangular projection cropped to `north`…`south` latitudes. Cheap to copy and to keep;
/// the dots for each size drawn are computed once and kept in a cache its copies share
/// (a `RecentValuesCache`), so keep one view rather than making one per frame. Two views are equal
/// when they draw the same map the same way.
public struct MapView: Equatable, Sendable {
    public let map: WorldMap
    public let north: Double
    public let south: Double
    public let shading: MapShading
    private let cache = RecentValuesCache<MapRasterKey, MapRaster>(capacity: 4)

    /// The default crop, 84N to 56S, keeps every inhabited land (Tierra del Fuego reaches 55S)
    /// and leaves out Antarctica.
    /// (A crop given upside down is turned over; one under a degree tall is widened to one.)
    public init(map: WorldMap, north: Double = 84, south: Double = -56, shading: MapShading = .halfBlocks) {
        let north = north.isFinite ? north : 84, south = south.isFinite ? south : -56
        var top = min(max(north, south), 90), bottom = max(min(north, south), -90)
        if top - bottom < 1 {
            if bottom + 1 <= 90 { top = bottom + 1 } else { bottom = top - 1 }
        }
        self.map = map
        self.north = top
        self.south = bottom
        self.shading = shading
    }

    public static func == (a: MapView, b: MapView) -> Bool {
        a.north == b.north && a.south == b.south && a.shading == b.shading && a.map == b.map
    }

    /// Terminal cells are about twice as tall as wide, so the undistorted map is this many
    /// times wider (in columns) than tall (in rows). Rectangles up to 1.5 times taller (like a
    /// Mercator-style world map) or 1.2 times wider than that are filled; beyond, the map keeps
    /// that limit and is centred.
    var naturalColumnsPerRow: Double { 2 * 360 / (north - south) }
    static let tallest = 1.5
    static let widest = 1.2

    /// The part of `rect` the map occupies (the rest is drawn as sea).
    public func mapRect(in rect: Rect) -> Rect {
        guard !rect.isEmpty else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let ratio = Double(rect.width) / Double(rect.height)
        let minimum = naturalColumnsPerRow / Self.tallest, maximum = naturalColumnsPerRow * Self.widest
        if ratio < minimum {
            let height = min(rect.height, max(1, Int((Double(rect.width) / minimum).rounded())))
            return Rect(x: rect.x, y: rect.y + (rect.height - height) / 2, width: rect.width, height: height)
        }
        if ratio > maximum {
            let width = min(rect.width, max(1, Int((Double(rect.height) * maximum).rounded())))
            return Rect(x: rect.x + (rect.width - width) / 2, y: rect.y, width: width, height: rect.height)
        }
        return rect
    }

    /// The cell of `rect` where the map draws a point; points beyond the crop are clamped to
    /// its edge. Nil for an empty rect or non-finite coordinates.
    public func cell(latitude: Double, longitude: Double, in rect: Rect) -> Point? {
        let area = mapRect(in: rect)
        guard !area.isEmpty, latitude.isFinite, longitude.isFinite else { return nil }
        let across = (longitude + 180) / 360 * Double(area.width)
        let down = (north - latitude) / (north - south) * Double(area.height)
        let x = min(max(Int(across.rounded(.down)), 0), area.width - 1)
        let y = min(max(Int(down.rounded(.down)), 0), area.height - 1)
        return Point(x: area.x + x, y: area.y + y)
    }

    /// Draws the map into `rect` (and nowhere else; a rect partly off the grid draws into the
    /// visible part): land and sea, the countries of `highlighting` (ISO alpha-3 codes) in
    /// `style.highlightedLand`, then the markers. Every cell of the rect is written once.
    public func draw(into grid: inout CellGrid, in rect: Rect, highlighting: Set<String> = [],
                     markers: [MapMarker] = [], style: MapStyle = .plain) {
        let rect = grid.clip(rect)
        guard !rect.isEmpty else { return }
        let area = mapRect(in: rect)
        // The bands the map leaves free, as sea.
        for band in [Rect(x: rect.x, y: rect.y, width: rect.width, height: area.y - rect.y),
                     Rect(x: rect.x, y: area.maxY, width: rect.width, height: rect.maxY - area.maxY),
                     Rect(x: rect.x, y: area.y, width: area.x - rect.x, height: area.height),
                     Rect(x: area.maxX, y: area.y, width: rect.maxX - area.maxX, height: area.height)] {
            grid.fill(band, with: " ", style: style.sea)
        }
        drawLand(into: &grid, area: area, highlighting: highlighting, style: style)
        drawMarkers(markers, into: &grid, area: area, rect: rect, style: style)
    }

    private func drawLand(into grid: inout CellGrid, area: Rect, highlighting: Set<String>, style: MapStyle) {
        let per = shading.dotsPerCell
        let key = MapRasterKey(width: area.width * per.x, height: area.height * per.y, north: north, south: south)
        let raster = cache.value(for: key) { MapRaster(map: map, width: key.width, height: key.height, north: north, south: south) }
        var highlighted = [Bool](repeating: false, count: map.countryCodes.count + 1)
        for code in highlighting {
            if let index = map.countryIndex(ofCode: code) { highlighted[Int(index)] = true }
        }
        let dots = raster.dots(highlighting: highlighted)
        let styles = [style.sea, style.onSea(style.land), style.onSea(style.highlightedLand)]

        // Each cell is a code: its dots' bit pattern, and in the bits above, the strongest dot
        // (sea, land, highlighted), which picks the style. Runs of one code are written at once.
        let bits = (0..<per.y).map { dy in (0..<per.x).map { dx in Self.bit(shading, dx, dy) } }
        func code(row: Int, column: Int) -> Int {
            var pattern = 0, strongest = 0
            for dy in 0..<per.y {
                let base = (row * per.y + dy) * raster.width + column * per.x
                for dx in 0..<per.x {
                    let dot = Int(dots[base + dx].rawValue)
                    if dot != 0 { pattern |= bits[dy][dx]; strongest = max(strongest, dot) }
                }
            }
            return strongest << 8 | pattern
        }
        for row in 0..<area.height {
            var runStart = 0
            var runCode = code(row: row, column: 0)
            for column in 1...area.width {
                let next = column < area.width ? code(row: row, column: column) : -1
                guard next != runCode else { continue }
                grid.fill(Rect(x: area.x + runStart, y: area.y + row, width: column - runStart, height: 1),
                          with: Self.glyph(shading, runCode & 0xFF), style: styles[runCode >> 8])
                runStart = column
                runCode = next
            }
        }
    }

    /// The bit of dot (dx, dy) in a cell's pattern.
    private static func bit(_ shading: MapShading, _ dx: Int, _ dy: Int) -> Int {
        switch shading {
        case .halfBlocks: return 1 << dy
        case .braille: return dy == 3 ? 0x40 << dx : 1 << (dx * 3 + dy)  // dots 1-2-3-7 left, 4-5-6-8 right
        }
    }

    private static let halfBlockGlyphs: [Character] = [" ", "▀", "▄", "█"]

    private static func glyph(_ shading: MapShading, _ bits: Int) -> Character {
        switch shading {
        case .halfBlocks: return halfBlockGlyphs[bits]
        case .braille: return bits == 0 ? " " : Character(Unicode.Scalar(0x2800 + UInt32(bits))!)
        }
    }

    private func drawMarkers(_ markers: [MapMarker], into grid: inout CellGrid, area: Rect, rect: Rect, style: MapStyle) {
        guard !markers.isEmpty else { return }
        // The highlighted marker wins a shared cell; among equals, the first listed.
        var byCell: [Point: MapMarker] = [:]
        var order: [Point] = []
        for marker in markers {
            guard let cell = cell(latitude: marker.latitude, longitude: marker.longitude, in: rect) else { continue }
            if let existing = byCell[cell] {
                if marker.highlighted, !existing.highlighted { byCell[cell] = marker }
            } else {
                byCell[cell] = marker
                order.append(cell)
            }
        }
        // Labels first (the highlighted ones last, so they win an overlap), then every glyph
        // on top, so no label ever hides a marker.
        let labelled = order.filter { byCell[$0]?.label?.isEmpty == false }
        let markerCells = Set(order)
        for cell in labelled.filter({ !byCell[$0]!.highlighted }) + labelled.filter({ byCell[$0]!.highlighted }) {
            drawLabel(byCell[cell]!.label!, beside: cell, markerCells: markerCells, into: &grid, area: area, style: style)
        }
        for cell in order {
            let marker = byCell[cell]!
            grid.write(String(marker.highlighted ? style.selectedMarkerGlyph : style.markerGlyph), x: cell.x, y: cell.y, limit: 1,
                       style: style.onSea(marker.highlighted ? style.selectedMarker : style.marker))
        }
    }

    /// Writes a label one space beside its marker, inside the map and never over another
    /// marker of its row: on the side where it fits (both: the one with less land under it,
    /// nearest land counting most; the right on a tie), or cut with "…" on the side with more room (at least 4 columns).
    private func drawLabel(_ label: String, beside cell: Point, markerCells: Set<Point>, into grid: inout CellGrid, area: Rect, style: MapStyle) {
        var rightEnd = cell.x + 1
        while rightEnd < area.maxX, !markerCells.contains(Point(x: rightEnd, y: cell.y)) { rightEnd += 1 }
        var leftStart = cell.x
        while leftStart > area.x, !markerCells.contains(Point(x: leftStart - 1, y: cell.y)) { leftStart -= 1 }
        let right = rightEnd - cell.x - 2, left = cell.x - leftStart - 1   // room after the gap
        let width = label.terminalWidth
        let onRight: Bool
        switch (width <= right, width <= left) {
        case (true, true):
            // Land next to the marker counts most: a label should not hide the coast it is on.
            var landRight = 0.0, landLeft = 0.0
            for distance in 1...width + 1 {
                if grid[cell.x + distance, cell.y].grapheme != " " { landRight += 1 / Double(distance) }
                if grid[cell.x - distance, cell.y].grapheme != " " { landLeft += 1 / Double(distance) }
            }
            onRight = landRight <= landLeft
        case (true, false): onRight = true
        case (false, true): onRight = false
        case (false, false): onRight = right >= left
        }
        let room = onRight ? right : left
        guard room >= min(width, 4) else { return }
        let text = label.fitted(toWidth: min(width, room))
        let spaced = onRight ? " " + text : text + " "
        let x = onRight ? cell.x + 1 : cell.x - spaced.terminalWidth
        grid.write(spaced, x: x, y: cell.y, limit: spaced.terminalWidth, style: style.onSea(style.label))
    }
}

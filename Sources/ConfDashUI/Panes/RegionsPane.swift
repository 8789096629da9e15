import ConfDashScreen
import ConfDashCore

/// Pane 3: the six WCO regions with their events, host cities and figures, and — where there is
/// room — a world map with a marker on each host city.
enum RegionsPane {
    /// The list column's width, and whether the map goes beside it (else below, or nowhere).
    struct Split {
        var list: Rect
        var details: Rect
        var map: Rect
    }

    static func split(_ content: Rect, count: Int) -> Split {
        if content.width >= 60 {
            let (left, map) = content.splitLeft(min(40, content.width / 2))
            let (list, details) = left.splitTop(min(count, left.height))
            return Split(list: list, details: details.splitTop(1).1, map: map.splitLeft(1).1)
        }
        let (list, rest) = content.splitTop(min(count, content.height))
        if rest.height >= 10 {
            let (details, map) = rest.splitTop(min(5, rest.height / 3))
            return Split(list: list, details: details.splitTop(1).1, map: map)
        }
        return Split(list: list, details: rest.splitTop(1).1, map: .zero)
    }

    static func listHeight(_ content: Rect?, count: Int) -> Int {
        guard let content else { return 0 }
        return split(content, count: count).list.height
    }

    static func render(_ state: AppState, data: DashboardData, scope: [Event], theme: Theme, focused: Bool,
                       in content: Rect, into grid: inout CellGrid) {
        guard !content.isEmpty else { return }
        let text = UIText(state.language)
        if data.placesShowRooms, data.event(state.selectedEvent)?.rooms.isEmpty == false {
            RoomsPane.render(state, data: data, theme: theme, focused: focused, in: content, into: &grid)
            return
        }
        guard !data.regions.isEmpty else {
            grid.write(text.noRegions, in: content, style: theme.dim)
            drawMap(state, data: data, scope: scope, region: nil, theme: theme, in: content.splitTop(2).1, into: &grid)
            return
        }
        let parts = split(content, count: data.regions.count)
        let scopeIDs = Set(scope.map(\.id))
        for row in 0..<parts.list.height {
            let index = state.regions.scroll + row
            guard index < data.regions.count else { break }
            let region = data.regions[index]
            let events = data.eventsByRegion[region.id] ?? []
            let shown = events.filter { scopeIDs.contains($0.id) }.count
            // ▸ the region filter in force; • the region of the selected event (the link made visible).
            let mark = state.regionFilter == region.typedID ? "▸ " : (data.event(state.selectedEvent)?.region == region.id ? "• " : "  ")
            let count = shown == 0 ? "–" : String(shown)
            let name = region.name.text(in: state.language)
            let rect = parts.list.row(row)
            let countWidth = 3
            grid.write(mark + name, in: Rect(x: rect.x, y: rect.y, width: rect.width - countWidth, height: 1),
                       style: shown == 0 ? theme.dim : theme.text)
            grid.write(count, in: Rect(x: rect.maxX - countWidth, y: rect.y, width: countWidth, height: 1), alignment: .right,
                       style: shown == 0 ? theme.dim : theme.text)
            if index == state.regions.cursor {
                grid.restyle(rect) { _ in focused ? theme.selection : theme.inactiveSelection }
            }
        }
        let region = state.regions.cursor < data.regions.count ? data.regions[state.regions.cursor] : nil
        if let region {
            drawDetails(region, state: state, data: data, scope: scopeIDs, theme: theme, in: parts.details, into: &grid)
        }
        drawMap(state, data: data, scope: scope, region: region, theme: theme, in: parts.map, into: &grid)
    }

    /// The cursor region's events: name, city and the figures the sources give.
    static func drawDetails(_ region: Region, state: AppState, data: DashboardData, scope: Set<String>, theme: Theme,
                            in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        let labels = Labels(state.language)
        var lines: [(String, Style)] = []
        let events = data.eventsByRegion[region.id] ?? []
        if events.isEmpty {
            lines.append((UIText(labels.language).noEventInRegion, theme.dim))
        }
        for event in events where lines.count < rect.height {
            let place = data.index.place(of: event)?.name.text(in: state.language) ?? (event.online ? labels.online : "")
            let style = event.typedID == state.selectedEvent ? theme.heading : (scope.contains(event.id) ? theme.text : theme.dim)
            lines.append((UIText.eventName(event, state.language) + (place.isEmpty || UIText.eventName(event, state.language).contains(place) ? "" : " — " + place), style))
            let figures = event.figures.prefix(2).map { "\(labels.quantity($0)) \(labels.measure($0.measure))" }
            if !figures.isEmpty { lines.append(("  " + figures.joined(separator: ", "), theme.dim)) }
        }
        for (row, line) in lines.prefix(rect.height).enumerated() {
            grid.write(line.0, in: rect, row: row, style: line.1)
        }
    }

    static func drawMap(_ state: AppState, data: DashboardData, scope: [Event], region: Region?, theme: Theme,
                        in rect: Rect, into grid: inout CellGrid) {
        guard rect.width >= 12, rect.height >= 5 else { return }
        RegionMap.draw(state, data: data, scope: scope, region: region, theme: theme, in: rect, into: &grid)
    }

    /// The region under a click, or nil when the click is not on the list (the map, the details).
    static func row(at point: Point, content: Rect, state: AppState, count: Int) -> Int? {
        let list = split(content, count: count).list
        guard list.contains(point) else { return nil }
        let index = state.regions.scroll + point.y - list.y
        return index < count ? index : nil
    }
}

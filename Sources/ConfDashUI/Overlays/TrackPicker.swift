import ConfDashScreen
import ConfDashCore

/// `t`: tick any number of tracks; Enter applies them to every event.
enum TrackPicker {
    static func render(_ state: AppState, cursor: Int, chosen: Set<TypedID<Track>>, data: DashboardData, theme: Theme,
                       into grid: inout CellGrid) {
        let tracks = data.index.dataset.tracks
        let rect = OverlayBox.rect(state.size, maxWidth: 60, maxHeight: tracks.count + 4)
        guard rect.width >= 6, rect.height >= 3 else { return }
        OverlayBox.draw(rect, title: UIText(state.language).tracks, theme: theme, into: &grid)
        let inner = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2)
        guard !tracks.isEmpty else {
            grid.write(UIText(state.language).noTracks, in: inner, style: theme.dim)
            return
        }
        let counts = data.trackSessionCounts
        let scroll = max(cursor - inner.height + 1, 0)
        for row in 0..<inner.height {
            let index = scroll + row
            guard index < tracks.count else { break }
            let track = tracks[index]
            let box = chosen.contains(track.typedID) ? "[x] " : "[ ] "
            let line = Rect(x: inner.x, y: inner.y + row, width: inner.width, height: 1)
            var x = inner.x + 1
            x += grid.write(box, x: x, y: line.y, style: theme.text)
            x += grid.write("■ ", x: x, y: line.y, style: theme.trackStyle(track))
            let count = String(counts[index])
            grid.write(track.name.text(in: state.language), x: x, y: line.y, limit: line.maxX - x - count.count - 2, style: theme.text)
            grid.write(count, x: line.maxX - count.count - 1, y: line.y, style: theme.dim)
            if index == cursor { grid.restyle(line) { _ in theme.selection } }
        }
    }
}

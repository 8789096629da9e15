import ConfDashCore
import ConfDashScreen

/// Pane 4 for data without a technology index: the tracks in their colours with how many
/// sessions of the events in scope carry each, most used first, and a trend — per day when one
/// event is in scope, else per event. Enter adds or removes the track from the track filter.
enum TracksPane {
    static func render(_ state: AppState, data: DashboardData, theme: Theme, focused: Bool, in content: Rect,
                       into grid: inout CellGrid) {
        let words = UIText(state.language)
        let rows = data.trackRows(state)
        let trendWidth = max(rows.first?.trend.count ?? 0, 8)
        let countWidth = 9
        let nameWidth = max(content.width - countWidth - trendWidth - 2, 6)
        let scope = data.eventsInScope(state)
        let trendLabel = words.trendBy(singleEvent: scope.count == 1)
        let header = words.trackHeader.fitted(toWidth: nameWidth) + words.sessionsHeader.fitted(toWidth: countWidth, alignment: .right)
            + "  " + trendLabel
        let peak = max(rows.flatMap(\.trend).max() ?? 1, 1)
        HeadedList.render(count: rows.count, position: state.technologies, empty: words.noTrackShown, header: header,
                          more: words.moreTracks, theme: theme, focused: focused, in: content, into: &grid) { index, rect, grid in
            let track = rows[index]
            let chosen = state.trackFilter.contains(track.track.typedID)
            grid.write(chosen ? "▸" : " ", x: rect.x, y: rect.y, style: theme.text)
            grid.write("■", x: rect.x + 1, y: rect.y, style: theme.trackStyle(track.track))
            grid.write(" " + track.track.name.text(in: state.language), x: rect.x + 2, y: rect.y, limit: nameWidth - 2, style: theme.text)
            grid.write(words.number(track.sessions).fitted(toWidth: countWidth, alignment: .right), x: rect.x + nameWidth, y: rect.y, style: theme.text)
            let spark = String(track.trend.map { count -> Character in
                count == 0 ? "·" : TechnologyPane.sparks[min((count * (TechnologyPane.sparks.count - 1) + peak - 1) / peak, TechnologyPane.sparks.count - 1)]
            })
            grid.write(spark, x: rect.x + nameWidth + countWidth + 2, y: rect.y, limit: max(rect.maxX - (rect.x + nameWidth + countWidth + 2), 0),
                       style: theme.trackStyle(track.track))
        }
    }
}

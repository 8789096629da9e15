import ConfDashScreen
import ConfDashCore

/// Pane 4: technologies with how many events and sessions discuss them and a per-year trend.
enum TechnologyPane {
    static func descriptionHeight(_ content: Rect) -> Int { content.height >= 12 ? 3 : 0 }

    static func listHeight(_ content: Rect?) -> Int {
        guard let content else { return 0 }
        return max(content.height - 1 - descriptionHeight(content), 0)
    }

    static let sparks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func render(_ state: AppState, data: DashboardData, theme: Theme, focused: Bool, in content: Rect,
                       into grid: inout CellGrid) {
        guard !content.isEmpty else { return }
        let labels = Labels(state.language)
        if data.topicsShowTracks {
            TracksPane.render(state, data: data, theme: theme, focused: focused, in: content, into: &grid)
            return
        }
        guard !data.technologies.isEmpty else {
            grid.write(UIText(state.language).noTechnologies, in: content, style: theme.dim)
            return
        }
        let years = data.years
        let trendWidth = max(years.count, 5)
        let countWidth = 8
        let nameWidth = max(content.width - 2 * countWidth - trendWidth - 3, 6)
        var header = UIText(labels.language).technologyHeader.fitted(toWidth: nameWidth)
        header += UIText(labels.language).eventsHeader.fitted(toWidth: countWidth, alignment: .right)
        header += UIText(labels.language).sessionsHeader.fitted(toWidth: countWidth + 2, alignment: .right)
        header += " " + trendLabel(years).fitted(toWidth: trendWidth)
        grid.write(header, in: content, row: 0, style: theme.dim)

        let peak = max(data.technologyUsage.values.flatMap { $0.sessionsByYear.values }.max() ?? 1, 1)
        let height = listHeight(content)
        for row in 0..<height {
            let index = state.technologies.scroll + row
            guard index < data.technologies.count else { break }
            let technology = data.technologies[index]
            let usage = data.technologyUsage[technology.id] ?? UsageCount()
            // ▸ the technology filter in force; • discussed at the selected event.
            let discussed = data.event(state.selectedEvent)?.technologies.contains(technology.id) ?? false
            let mark = state.technologyFilter == technology.typedID ? "▸ " : (discussed ? "• " : "  ")
            var line = (mark + technology.name.text(in: state.language)).fitted(toWidth: nameWidth)
            line += String(usage.events).fitted(toWidth: countWidth, alignment: .right)
            line += String(usage.sessions).fitted(toWidth: countWidth + 2, alignment: .right)
            line += " " + String(years.map { year -> Character in
                let count = usage.sessionsByYear[year] ?? 0
                return count == 0 ? "·" : sparks[min((count * (sparks.count - 1) + peak - 1) / peak, sparks.count - 1)]
            })
            let rect = content.row(1 + row)
            grid.write(line, in: rect, style: theme.text)
            if index == state.technologies.cursor {
                grid.restyle(rect) { _ in focused ? theme.selection : theme.inactiveSelection }
            }
        }
        let descriptionRows = descriptionHeight(content)
        if descriptionRows > 0, state.technologies.cursor < data.technologies.count {
            let technology = data.technologies[state.technologies.cursor]
            let rect = Rect(x: content.x, y: content.maxY - descriptionRows, width: content.width, height: descriptionRows)
            var text = technology.description?.text(in: state.language) ?? ""
            if !technology.aliases.isEmpty {
                text += (text.isEmpty ? "" : " ") + UIText(labels.language).alsoKnownAs + technology.aliases.joined(separator: ", ")
            }
            var lines = text.wrapped(toWidth: rect.width).filter { !$0.isEmpty }
            if let event = data.event(state.selectedEvent) {
                let legend = UIText(labels.language).discussedAt + UIText.eventName(event, state.language)
                lines = Array(lines.prefix(rect.height - 1)) + [legend]
            }
            for (row, line) in lines.prefix(rect.height).enumerated() {
                grid.write(line, in: rect, row: row, style: theme.dim)
            }
        }
    }

    /// "21→24": the first and last year the trend covers.
    static func trendLabel(_ years: [Int]) -> String {
        guard let first = years.first, let last = years.last else { return "" }
        return first == last ? "\(first)" : "\(first % 100)→\(last % 100)"
    }

    static func row(at row: Int, state: AppState, count: Int) -> Int? {
        HeadedList.index(atRow: row, position: state.technologies, count: count)
    }
}

import ConfDashScreen
import ConfDashCore

/// Pane 2: every event the filters leave, as bars on a time axis (a lane each), zoomable from
/// years to days. Its cursor is the selected event, so moving here changes the agenda.
enum TimelinePane {
    /// The stretch of days on screen and how many days one column stands for.
    struct Viewport: Equatable {
        var first: CalendarDate
        var days: Int
        var columns: Int
        func column(of date: CalendarDate) -> Int { date.days(since: first) * columns / max(days, 1) }
        func date(atColumn column: Int) -> CalendarDate { first.adding(days: column * days / max(columns, 1)) }
    }

    /// Rows for event lanes: below the axis, above the summary line (shown from 6 rows up).
    static func lanesHeight(_ content: Rect) -> Int { content.height - 1 - (content.height >= 6 ? 1 : 0) }

    static func labelWidth(_ content: Rect) -> Int { min(22, max(content.width / 4, 8)) }

    static func viewport(_ state: AppState, data: DashboardData, scope: [Event], columns: Int) -> Viewport? {
        guard columns > 0, let firstEvent = scope.first else { return nil }
        let selected = data.event(state.selectedEvent) ?? firstEvent
        switch state.timelineZoom {
        case .years:
            let firstYear = scope.map(\.startDate.year).min()!, lastYear = scope.map(\.endDate.year).max()!
            // Counted in day numbers: the year after 9999 is not a date (a force-unwrap here crashed the first frame).
            let first = CalendarDate(year: firstYear, month: 1, day: 1) ?? selected.startDate
            let last = CalendarDate(year: lastYear, month: 12, day: 31) ?? selected.endDate
            return Viewport(first: first, days: last.days(since: first) + 1, columns: columns)
        case .months:
            // A year, starting at the month before the selected event, so it sits near the left.
            let start = selected.startDate
            let first = CalendarDate(year: start.month == 1 ? start.year - 1 : start.year,
                                     month: start.month == 1 ? 12 : start.month - 1, day: 1)
                ?? CalendarDate(year: start.year, month: start.month, day: 1) ?? start
            let end = CalendarDate(year: first.year + 1, month: first.month, day: 1)?.dayNumber ?? first.dayNumber + 365
            return Viewport(first: first, days: end - first.dayNumber, columns: columns)
        case .days:
            // Four columns a day where possible, the selected event a few days in.
            let days = max(columns / 4, selected.dayCount + 2)
            return Viewport(first: selected.startDate.adding(days: -2), days: days, columns: columns)
        }
    }

    /// First lane shown, so the selected event is always visible.
    static func laneScroll(selected: Int, lanes: Int, height: Int) -> Int {
        guard height > 0, lanes > height else { return 0 }
        return min(max(selected - height + 1, 0), lanes - height)
    }

    static func render(_ state: AppState, data: DashboardData, scope: [Event], theme: Theme, focused: Bool,
                       in content: Rect, into grid: inout CellGrid) {
        guard !content.isEmpty else { return }
        let text = UIText(state.language)
        guard !scope.isEmpty else {
            grid.write(data.events.isEmpty ? text.noEvents : text.noEventInScope, in: content, style: theme.dim)
            return
        }
        // One event with clock times: its days and hours, not one bar.
        if let hours = data.dayHours(state), let event = data.event(state.selectedEvent) {
            DayHoursPane.render(hours, event: event, state: state, theme: theme, focused: focused, in: content, into: &grid)
            return
        }
        let labelWidth = labelWidth(content)
        let barArea = Rect(x: content.x + labelWidth + 1, y: content.y, width: content.width - labelWidth - 1, height: content.height)
        guard let viewport = viewport(state, data: data, scope: scope, columns: barArea.width) else { return }
        drawAxis(viewport, zoom: state.timelineZoom, language: state.language, y: content.y, x: barArea.x, theme: theme, into: &grid)
        grid.write(zoomName(state.timelineZoom, state.language), x: content.x, y: content.y, limit: labelWidth, style: theme.dim)

        let lanesHeight = lanesHeight(content)
        let selectedIndex = scope.firstIndex { $0.typedID == state.selectedEvent } ?? 0
        let scroll = laneScroll(selected: selectedIndex, lanes: scope.count, height: lanesHeight)
        for lane in 0..<max(min(lanesHeight, scope.count - scroll), 0) {
            let event = scope[scroll + lane]
            let y = content.y + 1 + lane
            let selected = event.typedID == state.selectedEvent
            let name = UIText.eventName(event, state.language)
            grid.write(name.fitted(toWidth: labelWidth), x: content.x, y: y,
                       style: selected ? (focused ? theme.selection : theme.inactiveSelection) : theme.text)
            let startColumn = viewport.column(of: event.startDate)
            let endColumn = max(viewport.column(of: event.endDate.adding(days: 1)) - 1, startColumn)
            let from = max(startColumn, 0), to = min(endColumn, barArea.width - 1)
            if from <= to {
                let bar = barText(event, width: to - from + 1, zoom: state.timelineZoom)
                grid.write(bar, x: barArea.x + from, y: y, limit: to - from + 1, style: selected ? theme.selectedBar : theme.bar)
            } else {
                // Off screen at this zoom: an arrow says which way it is.
                let arrow = startColumn < 0 ? "◂" : "▸"
                grid.write(arrow, x: startColumn < 0 ? barArea.x : barArea.maxX - 1, y: y, style: theme.dim)
            }
        }
        if content.height >= 6, let event = data.event(state.selectedEvent) {
            let labels = Labels(state.language)
            var summary = UIText.eventName(event, state.language) + " · " + DateLabels.range(event.startDate, event.endDate, state.language)
            summary += " · " + UIText(labels.language).days(event.dayCount)
            if let region = data.index.region(of: event) { summary += " · " + region.name.text(in: state.language) }
            summary += " · " + labels.eventKind(event.kind)
            grid.write(summary, in: content, row: content.height - 1, style: theme.dim)
        }
    }

    /// A solid bar; at day zoom each day is a block with its day number.
    static func barText(_ event: Event, width: Int, zoom: TimelineZoom) -> String {
        guard zoom == .days, width >= event.dayCount * 2 else { return String.repeating("█", count: width) }
        let perDay = width / max(event.dayCount, 1)
        var bar = ""
        for day in 1...max(event.dayCount, 1) {
            let label = String(day)
            bar += label + String.repeating("▆", count: max(perDay - label.count, 0))
        }
        return bar + String.repeating("▆", count: max(width - bar.count, 0))
    }

    static func zoomName(_ zoom: TimelineZoom, _ language: Language) -> String {
        UIText(language).zoomName(zoom)
    }

    /// A label at every tick: years, months or days. Each label gets the columns up to the next
    /// tick and takes the longest form that fits there ("│Feb 2025", "│Feb", "│F"; "│1 Dec", "│1"),
    /// so a crowded axis shortens its labels instead of skipping some (it skipped February, and
    /// day 2 after "│1 Dec").
    static func drawAxis(_ viewport: Viewport, zoom: TimelineZoom, language: Language, y: Int, x: Int, theme: Theme,
                         into grid: inout CellGrid) {
        var ticks: [(column: Int, forms: [String])] = []
        var date = viewport.first
        let last = viewport.first.adding(days: viewport.days)
        while date < last {
            let column = viewport.column(of: date)
            let forms: [String]?
            switch zoom {
            case .years:
                forms = date.month == 1 && date.day == 1 ? ["│\(date.year)", "│" + String(String(date.year).suffix(2)), "│"] : nil
            case .months:
                let month = DateLabels.monthName(date.month, language, short: true)
                forms = date.day == 1
                    ? (date.month == 1 ? ["│\(month) \(date.year)"] : []) + ["│\(month)", "│" + String(month.prefix(1)), "│"] : nil
            case .days:
                let month = DateLabels.monthName(date.month, language, short: true)
                forms = (date.day == 1 ? ["│\(date.day) \(month)"] : []) + ["│\(date.day)", "│"]
            }
            if let forms, column >= 0, column < viewport.columns, ticks.last?.column != column { ticks.append((column, forms)) }
            date = date.adding(days: 1)
        }
        for (position, tick) in ticks.enumerated() {
            let room = (position + 1 < ticks.count ? ticks[position + 1].column : viewport.columns) - tick.column
            guard let label = tick.forms.first(where: { $0.terminalWidth <= room }) ?? tick.forms.last, room > 0 else { continue }
            grid.write(label, x: x + tick.column, y: y, limit: room, style: theme.dim)
        }
    }

    /// The event in lane `row` (from the top of the content), for clicks.
    static func event(at row: Int, content: Rect, state: AppState, data: DashboardData) -> EventID? {
        let scope = data.eventsInScope(state)
        let lanesHeight = lanesHeight(content)
        let selected = scope.firstIndex { $0.typedID == state.selectedEvent } ?? 0
        let index = laneScroll(selected: selected, lanes: scope.count, height: lanesHeight) + row - 1
        guard row >= 1, row <= lanesHeight, index < scope.count else { return nil }
        return scope[index].typedID
    }
}

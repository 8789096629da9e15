import ConfDashScreen
import ConfDashCore

/// The timeline of a single event with clock times: a lane per day, the hours across, the
/// density of sessions running drawn with block heights (▁ to █, the busiest slot of the event
/// full). The cursor is an hour of a day: ← → move the hour, ↑ ↓ the day, Enter shows the
/// agenda there.
enum DayHoursPane {
    static let levels: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The cursor's hour: the one chosen, else the hour the day's first session starts.
    static func cursorMinute(_ state: AppState, _ hours: DayHours) -> Int {
        if let minute = state.timelineMinute { return min(max(minute, hours.firstMinute), hours.lastMinute - 60) }
        let day = min(max(state.day, 1), max(hours.counts.count, 1)) - 1
        let start = hours.firstStarts.indices.contains(day) ? hours.firstStarts[day] ?? hours.firstMinute : hours.firstMinute
        return min(max(start / 60 * 60, hours.firstMinute), max(hours.lastMinute - 60, hours.firstMinute))
    }

    static func clock(_ minute: Int) -> String {
        let hour = (minute / 60) % 24
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute % 60 < 10 ? "0" : "") + "\(minute % 60)"
    }

    static func render(_ hours: DayHours, event: Event, state: AppState, theme: Theme, focused: Bool,
                       in content: Rect, into grid: inout CellGrid) {
        let text = UIText(state.language)
        let labelWidth = TimelinePane.labelWidth(content)
        let bars = Rect(x: content.x + labelWidth + 1, y: content.y, width: content.width - labelWidth - 1, height: content.height)
        guard bars.width > 0 else { return }
        let span = hours.lastMinute - hours.firstMinute
        func minute(atColumn column: Int) -> Int { hours.firstMinute + column * span / bars.width }
        func column(of minute: Int) -> Int { (minute - hours.firstMinute) * bars.width / max(span, 1) }

        grid.write(text.hoursZoom, x: content.x, y: content.y, limit: labelWidth, style: theme.dim)
        // A tick every hour, or every 2, 3, 4, 6 or 12 hours when the columns are few, each label
        // as long as the room up to the next tick allows ("│16:00", "│16"): none is skipped.
        let perHour = Double(bars.width) / Double(max(hours.hours, 1))
        let step = [1, 2, 3, 4, 6, 12].first { Double($0) * perHour >= 3 } ?? 24
        let ticks = stride(from: 0, to: hours.hours, by: step).map { hour in
            (minute: hours.firstMinute + hour * 60, at: column(of: hours.firstMinute + hour * 60),
             room: min(column(of: hours.firstMinute + (hour + step) * 60), bars.width) - column(of: hours.firstMinute + hour * 60))
        }
        // One form for every label ("16:00" or "16"), the longest the narrowest gap takes.
        let narrowest = ticks.dropLast().map(\.room).min() ?? ticks.first?.room ?? 0
        let long = narrowest >= 6
        for tick in ticks {
            let name = clock(tick.minute)
            let label = ["│" + (long ? name : String(name.prefix(2))), "│"].first { $0.terminalWidth <= tick.room } ?? ""
            grid.write(label, x: bars.x + tick.at, y: content.y, limit: max(tick.room, 0), style: theme.dim)
        }

        let lanes = TimelinePane.lanesHeight(content)
        let day = min(max(state.day, 1), max(hours.counts.count, 1))
        let scroll = TimelinePane.laneScroll(selected: day - 1, lanes: hours.counts.count, height: lanes)
        let cursor = cursorMinute(state, hours)
        for lane in 0..<max(min(lanes, hours.counts.count - scroll), 0) {
            let laneDay = scroll + lane + 1
            let y = content.y + 1 + lane
            let selected = laneDay == day
            grid.write(text.laneLabel(event.startDate.adding(days: laneDay - 1)).fitted(toWidth: labelWidth), x: content.x, y: y,
                       style: selected ? (focused ? theme.selection : theme.inactiveSelection) : theme.text)
            var line = ""
            for column in 0..<bars.width {
                let running = hours.running(day: laneDay, from: minute(atColumn: column), to: minute(atColumn: column + 1))
                let level = running == 0 ? 0 : max(1, (running * 8 + hours.busiest - 1) / max(hours.busiest, 1))
                line.append(levels[min(level, 8)])
            }
            grid.write(line, x: bars.x, y: y, style: theme.bar)
            if selected {
                let from = column(of: cursor), to = max(column(of: cursor + 60), from + 1)
                grid.restyle(Rect(x: bars.x + from, y: y, width: min(to, bars.width) - from, height: 1)) { _ in
                    focused ? theme.selection : theme.inactiveSelection
                }
            }
        }
        if content.height >= 6 {
            let running = hours.running(day: day, from: cursor, to: cursor + 60)
            grid.write(UIText.eventName(event, state.language) + " · "
                       + text.slotSummary(day: day, from: clock(cursor), to: clock(cursor + 60), running: running),
                       in: content, row: content.height - 1, style: theme.dim)
        }
    }
}

import ConfDashCore

/// The timeline's days × hours cursor (one event with clock times).
extension Reducer {
    /// ← → : an hour earlier or later, within the hours the event uses; at the edge, a notice.
    func moveHour(_ delta: Int, _ hours: DayHours, _ state: inout AppState) {
        let current = DayHoursPane.cursorMinute(state, hours)
        let target = min(max(current + delta * 60, hours.firstMinute), hours.lastMinute - 60)
        if target == current { state.message = .places(delta > 0 ? .lastHour : .firstHour) }
        state.timelineMinute = target
    }

    /// Enter: the agenda on the cursor's day, at the first session starting in its hour or after.
    func showAgenda(atHourOf hours: DayHours, _ state: inout AppState) {
        let minute = DayHoursPane.cursorMinute(state, hours)
        leaveSearch(&state)
        if !moveCursor(toMinute: minute, &state) { state.message = .places(.noTimedSession) }
    }
}

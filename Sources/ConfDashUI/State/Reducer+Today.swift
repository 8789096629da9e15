import ConfDashCore
import Foundation

/// Where the dashboard opens: on the day it is.
extension Reducer {
    /// At start (`DashboardStore.configureClock`): when an event is on by the dashboard's clock
    /// (`--now` or `CONFDASH_NOW` for a demo or a test, else the system's), the agenda opens on
    /// that event's current day with the cursor at the time it is, instead of on day 1. The
    /// selected event comes first, then the other events the filters leave. The night after a
    /// day (until 06:00) is still that day, as for now and next. No event on: nothing changes.
    func openOnToday(_ state: inout AppState) {
        let candidates = [data.event(state.selectedEvent)].compactMap { $0 } + data.eventsInScope(state)
        for event in candidates {
            guard let now = state.personal.wallClock(for: event, localZone: data.localZone),
                  let day = Self.listedDay(at: now, of: event), let listed = event.date(ofDay: day) else { continue }
            choose(event: event.typedID, &state)
            state.day = day
            state.agenda = ListPosition()
            // The cursor's minute on the clock the agenda shows (the user's under `T` / `--tz`).
            var shown = now
            if state.localTime, let zone = event.timeZone.flatMap(TimeZones.zone(named:)) {
                shown = TimeZones.convert(now, from: zone, to: data.localZone)
            }
            moveCursor(toMinute: shown.date.days(since: listed) * 1440 + shown.time.minutesSinceMidnight, &state)
            return
        }
    }

    /// The day of `event` (1-based) whose agenda lists what runs at `now` on its clock: the
    /// calendar day, or the day before in the small hours (before 06:00) when that is one of the
    /// event's days; nil when the event is not on.
    static func listedDay(at now: LocalDateTime, of event: Event) -> Int? {
        if now.time.hour < 6, let night = event.dayIndex(of: now.date.adding(days: -1)) { return night }
        return event.dayIndex(of: now.date)
    }
}

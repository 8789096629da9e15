import ConfDashCore
import ConfDashScreen
import Foundation

/// Rooms and times you can reach: `:room`, `:time`, `:day DATE` and the now key.
extension Reducer {
    /// Minutes after the listed day's midnight at which `session` starts on the clock in use.
    private func startMinute(_ session: Session, _ event: Event, local: Bool) -> Int? {
        guard let (start, _) = data.clock(local).times(of: session, in: event) else { return nil }
        let listed = session.day ?? start.date
        return start.date.days(since: listed) * 1440 + start.time.minutesSinceMidnight
    }

    /// The cursor on the first session starting at `minute` or after it (the last one when the
    /// day is over by then; long sessions still running show in the rooms pane as "now").
    /// Returns false when the day lists no session with a time.
    @discardableResult
    func moveCursor(toMinute minute: Int, _ state: inout AppState) -> Bool {
        let rows = data.allAgendaRows(state)
        var best: Int?
        var lastTimed: Int?
        for cursor in 0..<rows.sessionCount {
            guard let (session, event) = rows.session(at: cursor),
                  let start = startMinute(session, event, local: state.localTime) else { continue }
            lastTimed = cursor
            if start >= minute { best = cursor; break }
        }
        guard let target = best ?? lastTimed else { return false }
        state.agenda.cursor = target
        return true
    }

    /// Leaves search results for the day view, saying so: the one rule for every key that moves
    /// through days or events while a search is in force (← →, `:day`, `:time`, the now key).
    func leaveSearch(_ state: inout AppState) {
        guard state.searchText != nil, case .normal = state.mode else { return }
        state.remove(.search)
        state.message = .places(.searchLeft)
    }

    func goToTime(_ time: ClockTime, _ state: inout AppState) {
        leaveSearch(&state)
        guard moveCursor(toMinute: time.minutesSinceMidnight, &state) else {
            state.message = .places(.noTimedSession)
            return
        }
        state.focus = .agenda
    }

    func goToDate(_ date: CalendarDate, _ state: inout AppState) {
        guard let event = data.event(state.selectedEvent) else { return }
        guard let day = event.dayIndex(of: date) else {
            state.message = .places(.notOnDate(date, from: event.startDate, to: event.endDate))
            return
        }
        leaveSearch(&state)
        state.day = day
        state.agenda = ListPosition()
        state.gridTop = 0
    }

    /// The event's clock now when the event is on; otherwise the first session of its first day.
    /// Enter in the now-and-next overlay (`.`, `:now`) comes here. The clock is the dashboard's
    /// (`--now`/`CONFDASH_NOW` for a demo, else the store's ticks, else the system's).
    func goToNow(_ state: inout AppState) {
        guard let event = data.event(state.selectedEvent) else { return }
        leaveSearch(&state)
        let eventZone = event.timeZone.flatMap(TimeZones.zone(named:)) ?? data.localZone
        let zone = state.localTime ? data.localZone : eventZone
        let seconds: Int
        switch state.personal.nowSetting {
        case .eventWallClock(let wall)?:
            // A wall-clock setting is on the event's clock: its instant, for the zone in use.
            let naive = TimeZones.naiveSeconds(wall)
            seconds = naive - eventZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive)))
        case .instant(let instant)?: seconds = instant
        case nil: seconds = state.personal.now ?? environment.now()
        }
        let now = TimeZones.local(at: seconds, in: zone)
        state.focus = .agenda
        if let day = event.dayIndex(of: now.date) {
            state.day = day
            state.agenda = ListPosition()
            moveCursor(toMinute: now.time.minutesSinceMidnight, &state)
            state.message = .places(.now(now.time.description, zone: zone.identifier))
        } else {
            state.day = 1
            state.agenda = ListPosition()
            state.message = .places(.eventNotOn(from: event.startDate, to: event.endDate))
        }
    }

    func filterRoom(_ name: String, _ state: inout AppState) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            state.remove(.rooms)
            return
        }
        let (ids, resolution) = data.index.rooms(named: trimmed)
        guard let ids else {
            if case .ambiguous(let candidates) = resolution {
                state.message = .ambiguous(trimmed, candidates.compactMap { data.index.roomName(id: $0) })
            } else {
                state.message = .notFound(.room, trimmed)
            }
            return
        }
        state.apply(.rooms(state.roomFilter.union(ids.map { TypedID<Room>($0) })))
        state.agenda = ListPosition()
    }
}

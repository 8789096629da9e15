import ConfDashCore
import Foundation

/// Stars, notes, My agenda, now and next, reminders.
extension Reducer {
    /// The session a star or a note applies to: the one selected in My agenda or a gap's list,
    /// else the agenda's (list, room grid or details).
    func targetSession(_ state: AppState) -> (Session, Event)? {
        switch state.overlay {
        case .personal(.mine(let cursor)):
            if case .session(let session, let event)? = data.mineRows(state).item(at: cursor) { return (session, event) }
            return nil
        case .personal(.gap(let gap, let cursor, _)):
            guard let event = data.index.eventsByID[gap.event] else { return nil }
            let fitting = MyAgenda.sessions(fitting: gap, in: event, excluding: state.personal.starred)
            return cursor < fitting.count ? (fitting[cursor], event) : nil
        case .personal(.nowNext), .help, .trackPicker, .changes, .problems:
            return nil
        case .detail, nil:
            guard state.focus == .agenda else { return nil }
            return data.agendaRows(state).session(at: state.agenda.cursor)
        }
    }

    func runPersonal(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .toggleStar:
            guard let (session, event) = targetSession(state) else {
                state.message = .personal(.nothingToStar)
                return []
            }
            let address = SessionAddress(event: event.id, session: session.id)
            let starred = !state.personal.starred.contains(address)
            if starred { state.personal.starred.insert(address) } else { state.personal.starred.remove(address) }
            state.message = .personal(.starred(session.title, starred))
            return [.saveStar(address, starred)]
        case .setNote(let note):
            guard let (session, event) = targetSession(state) else {
                state.message = .personal(.noteNeedsSession)
                return []
            }
            let address = SessionAddress(event: event.id, session: session.id)
            let trimmed = note.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { state.personal.notes[address] = nil } else { state.personal.notes[address] = String(trimmed.prefix(SessionMark.maximumNoteLength)) }
            state.message = .personal(trimmed.isEmpty ? .noteRemoved : .noteSaved)
            return [.saveNote(address, trimmed.isEmpty ? nil : trimmed)]
        case .showMine:
            state.overlay = .personal(.mine(cursor: 0))
        case .showNowNext:
            state.overlay = .personal(.nowNext)
        default:
            break
        }
        return []
    }

    /// Enter in My agenda (a gap lists what fits; a session opens its details in the agenda) or in a gap's list.
    func activatePersonal(_ overlay: PersonalOverlay, _ state: inout AppState) {
        switch overlay {
        case .mine(let cursor):
            switch data.mineRows(state).item(at: cursor) {
            case .gap(let gap, _)?: state.overlay = .personal(.gap(gap, cursor: 0, mineCursor: cursor))
            case .session(let session, let event)?: show(session, of: event, &state)
            case .heading?, nil: break
            }
        case .gap:
            if let (session, event) = targetSession(state) { show(session, of: event, &state) }
        case .nowNext:
            // Enter: the agenda at that time (the one "now" key: `.` then Enter).
            state.overlay = nil
            goToNow(&state)
        }
    }

    /// Opens `session`'s details in the agenda, on its event and day.
    func show(_ session: Session, of event: Event, _ state: inout AppState) {
        state.overlay = nil
        state.focus = .agenda
        state.agendaView = .list
        choose(event: event.typedID, &state)
        if let day = session.day.flatMap(event.dayIndex(of:)) ?? session.possibleDays.flatMap({ event.dayIndex(of: $0.from) }) { state.day = day }
        reconcile(&state)
        let rows = data.allAgendaRows(state)
        guard let cursor = (0..<rows.sessionCount).first(where: { rows.session(at: $0)?.0.id == session.id }) else {
            state.message = .personal(.sessionHiddenByFilters)
            return
        }
        state.agenda.cursor = cursor
        state.overlay = .detail(scroll: 0)
    }

    func movePersonal(_ overlay: PersonalOverlay, by delta: Int, _ state: inout AppState) {
        switch overlay {
        case .mine(let cursor): state.overlay = .personal(.mine(cursor: saturatingAdd(cursor, delta)))
        case .gap(let gap, let cursor, let back): state.overlay = .personal(.gap(gap, cursor: saturatingAdd(cursor, delta), mineCursor: back))
        case .nowNext: break
        }
    }

    /// Esc in a gap's list goes back to My agenda, where it was.
    func cancelPersonal(_ overlay: PersonalOverlay, _ state: inout AppState) {
        if case .gap(_, _, let back) = overlay { state.overlay = .personal(.mine(cursor: back)) } else { state.overlay = nil }
    }

    func reconcilePersonal(_ overlay: PersonalOverlay, _ state: inout AppState) {
        switch overlay {
        case .mine(let cursor):
            state.overlay = .personal(.mine(cursor: min(max(cursor, 0), max(data.mineRows(state).selectable.count - 1, 0))))
        case .gap(let gap, let cursor, let back):
            let count = data.index.eventsByID[gap.event].map { MyAgenda.sessions(fitting: gap, in: $0, excluding: state.personal.starred).count } ?? 0
            state.overlay = .personal(.gap(gap, cursor: min(max(cursor, 0), max(count - 1, 0)), mineCursor: back))
        case .nowNext: break
        }
    }

    /// The clock moved: a starred session starting within the reminder time gets its notice
    /// once, and the bell rings once.
    func tick(_ seconds: Int, _ state: inout AppState) -> [Effect] {
        state.personal.now = seconds
        guard state.personal.remindMinutes > 0 else { return [] }
        var due: [(Session, Event, Int)] = []
        for address in state.personal.starred.subtracting(state.personal.reminded) {
            guard let (session, event) = data.session(at: address), let start = session.start,
                  let now = state.personal.wallClock(for: event, localZone: data.localZone) else { continue }
            let seconds = TimeZones.naiveSeconds(start) - TimeZones.naiveSeconds(now)
            guard seconds > 0, seconds <= state.personal.remindMinutes * 60 else { continue }
            due.append((session, event, (seconds + 59) / 60))
        }
        guard !due.isEmpty else { return [] }
        due.sort { ($0.0.start!, $0.0.id) < ($1.0.start!, $1.0.id) }
        for (session, event, _) in due { state.personal.reminded.insert(SessionAddress(event: event.id, session: session.id)) }
        let (session, event, minutes) = due[0]
        let room = session.room.map { id in event.rooms.first { $0.id == id }?.name ?? LocalizedText(en: id) }
        state.message = .personal(.reminder(minutes: minutes, time: session.start!.time, title: session.title, room: room, more: due.count - 1))
        return [.bell]
    }
}


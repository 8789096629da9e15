import ConfDashCore

/// Reloading a schedule that changes (R, `:reload`, `--refresh-every`) and the Changes view
/// (C, `:changes`). The reading itself is the store's (`Effect.reload`, off the main thread);
/// here the state says a reload runs, then takes its result while keeping the user's place.
extension Reducer {
    func runLive(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .reload:
            return startReload(automatic: false, &state)
        case .showChanges:
            state.overlay = .changes(cursor: 0)
        default:
            break
        }
        return []
    }

    /// `automatic` (`--refresh-every`): says nothing unless there is something to say.
    func startReload(automatic: Bool, _ state: inout AppState) -> [Effect] {
        guard let source = state.live.source else {
            if !automatic { state.message = .live(.nothingToReload) }
            return []
        }
        guard !state.live.reloading else {
            if !automatic { state.message = .live(.stillReloading) }
            return []
        }
        if let fetching = state.live.opening {
            if !automatic { state.message = .live(.stillOpening(fetching)) }
            return []
        }
        state.live.reloading = true
        if !automatic || state.message == nil { state.message = .live(.reloading(source)) }
        return [.reload(automatic: automatic)]
    }

    /// The result of a reload. The new version, if any, is already the reducer's data; the
    /// event, day, filters, search, focus and view stay, and the cursor follows its session.
    func applyReload(_ report: ReloadReport, _ state: inout AppState) {
        state.live.reloading = false
        let showingProgress: Bool
        if case .live(.reloading)? = state.message { showingProgress = true } else { showingProgress = false }
        guard report.loaded else {
            // An automatic refresh that fails again says nothing new: the user was told once.
            if !report.automatic || state.live.lastProblem != report.problem {
                state.message = .live(.failed(report.failure))
            } else if showingProgress {
                state.message = nil
            }
            state.live.lastProblem = report.problem
            return
        }
        if !report.changes.isEmpty {
            state.live.changes = report.changes
            state.live.marks = report.changes.marks
            if let selection = report.selection { follow(selection, &state) }
        }
        let starred = starredChange(report, state)
        let counts = ChangeCounts(report.changes)
        let offline = report.problem == state.live.lastProblem && report.automatic ? nil : report.offline
        state.live.lastProblem = report.problem
        if report.automatic && counts.total == 0 && starred == nil && offline == nil {
            if showingProgress { state.message = nil }
            return
        }
        state.message = .live(.reloaded(counts, starred: starred, offline: offline))
    }

    /// Puts the agenda's cursor back on the session it was on, when the list shown still holds it.
    private func follow(_ selection: SessionAddress, _ state: inout AppState) {
        let rows = data.agendaRows(state)
        for cursor in 0..<rows.sessionCount {
            guard let (session, event) = rows.session(at: cursor) else { continue }
            if session.id == selection.session && event.id == selection.event {
                state.agenda.cursor = cursor
                return
            }
        }
    }

    /// The first starred session the reload moved or cancelled, and how many others it touched.
    /// Moved and marked-cancelled sessions carry their new address (the stars have been matched
    /// to the new version by then); a session gone from the schedule only its old one.
    private func starredChange(_ report: ReloadReport, _ state: AppState) -> StarredChange? {
        let touched = report.changes.changes.filter { change in
            let address = SessionAddress(event: change.eventID, session: change.sessionID)
            switch change.kind {
            case .moved: return state.personal.starred.contains(address)
            case .cancelled:
                return change.markedCancelled ? state.personal.starred.contains(address) || report.starredBefore.contains(address)
                                              : report.starredBefore.contains(address)
            case .new, .changed: return false
            }
        }
        guard let first = touched.first else { return nil }
        return StarredChange(kind: first.kind, title: first.title,
                             details: first.details.filter { [.day, .time, .room].contains($0.aspect) }, others: touched.count - 1)
    }

    // MARK: The Changes view

    /// The changes the view lists (none before the first reload that found some).
    func changeList(_ state: AppState) -> [SessionChange] { state.live.changes?.changes ?? [] }

    func moveInChanges(_ cursor: Int, by delta: Int, _ state: inout AppState) {
        state.overlay = .changes(cursor: saturatingAdd(cursor, delta))
    }

    func reconcileChanges(_ cursor: Int, _ state: inout AppState) {
        state.overlay = .changes(cursor: min(max(cursor, 0), max(changeList(state).count - 1, 0)))
    }

    /// Enter on a change: the session in the agenda, on its day (a session that left the
    /// schedule has nowhere to go: the view stays).
    func activateChange(_ cursor: Int, _ state: inout AppState) {
        let list = changeList(state)
        guard cursor < list.count, list[cursor].isInNewVersion,
              let (session, event) = data.session(at: SessionAddress(event: list[cursor].eventID, session: list[cursor].sessionID)) else {
            state.message = .live(.sessionGone)
            return
        }
        show(session, of: event, &state)
    }
}

import ConfDashCore
import ConfDashScreen
import Foundation

/// The store's side of live schedules: what R reads, where the reading runs, the results
/// waiting for the main thread, and the `--refresh-every` timer.
struct LiveLink {
    var source: ScheduleSource?
    var runner: BackgroundRunner = .thread
    let inbox = BackgroundInbox()
    /// How `:open URL` fetches; nil without a network (tests).
    var opener: RemoteOpener?
    /// `--refresh-every`, in seconds; nil: only R reloads.
    var refreshInterval: Double?
    /// When (on `uptime`) the next automatic reload is due.
    var nextRefresh: Double?
    /// A clock that only goes forward (not `--now`'s, which may stand still): seconds.
    var uptime: @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime }
}

extension DashboardStore {
    /// Makes R read `source` again; `refreshEvery` (seconds) also reloads on its own that often.
    public func follow(_ source: ScheduleSource?, refreshEvery: Double? = nil, runner: BackgroundRunner = .thread,
                       uptime: (@Sendable () -> Double)? = nil) {
        live.source = source
        live.runner = runner
        if let uptime { live.uptime = uptime }
        live.refreshInterval = refreshEvery
        live.nextRefresh = refreshEvery.map { live.uptime() + $0 }
        var state = self.state
        state.live.source = source?.name
        replaceState(state)
    }

    /// Starts a reload off the main thread (the `.reload` effect). What the reader returns goes
    /// to the inbox; the main thread applies it in `deliverBackgroundResults`.
    func startReload(automatic: Bool) {
        guard let source = live.source else {
            send(.reloaded(ReloadReport(loaded: false, automatic: automatic)))
            return
        }
        let current = data.index.dataset
        let inbox = live.inbox
        live.runner.run {
            var result = source.reload(current)
            // The index is built here too: the main thread only swaps it in.
            if let dataset = result.dataset, !result.changes.isEmpty { result.index = DatasetIndex(dataset) }
            inbox.post(.reload(result, automatic: automatic))
        }
    }

    /// Applies what background work finished, in the order it finished. Returns true when
    /// something was applied (the screen must be drawn again).
    @discardableResult
    public func deliverBackgroundResults() -> Bool {
        let waiting = live.inbox.take()
        for finished in waiting {
            switch finished {
            case .reload(let result, let automatic): send(applyReload(result, automatic: automatic))
            case .saved(let outcome, let file): personalSaved(outcome, file: file)
            case .opened(let opening, let location): applyOpened(opening, location: location)
            }
        }
        return !waiting.isEmpty
    }

    /// Puts a reload's new version in place (when it changed anything) and tells the reducer.
    /// The cursor's session and the stars are followed into the new version first.
    private func applyReload(_ result: ReloadResult, automatic: Bool) -> Action {
        live.nextRefresh = live.refreshInterval.map { live.uptime() + $0 }
        var selection: SessionAddress?
        let starredBefore = state.personal.starred
        if let dataset = result.dataset, !result.changes.isEmpty {
            let before = data.agendaRows(state).session(at: state.agenda.cursor)
            selection = before.flatMap { Self.follow($0.0, of: $0.1, into: dataset) }
            data = DashboardData(index: result.index ?? DatasetIndex(dataset), lazyMap: map, lazyLocalZone: data.lazyLocalZone)
            reducer = Reducer(data: data, environment: reducer.environment, theme: theme)
            // Stars are kept by lasting keys: matched again against the new version.
            if let personal { attach(personal.reopened(dataset: dataset)) }
        }
        return .reloaded(ReloadReport(changes: result.changes, loaded: result.dataset != nil, offline: result.offline, failure: result.failure,
                                      selection: selection, starredBefore: starredBefore, automatic: automatic))
    }

    /// The same session in the new version: by its lasting uid (guid, UID), then by event and id.
    static func follow(_ session: Session, of event: Event, into dataset: Dataset) -> SessionAddress? {
        if let uid = session.uid {
            for candidate in dataset.events {
                if let match = candidate.sessions.first(where: { $0.uid == uid }) {
                    return SessionAddress(event: candidate.id, session: match.id)
                }
            }
        }
        guard let sameEvent = dataset.events.first(where: { $0.id == event.id }),
              sameEvent.sessions.contains(where: { $0.id == session.id && ($0.uid == nil || session.uid == nil) }) else { return nil }
        return SessionAddress(event: event.id, session: session.id)
    }

    /// Every input timeout (about 50 ms) with no key: background results, the refresh timer,
    /// the clock. True when the screen must be drawn again.
    public func idle() -> Bool {
        let delivered = deliverBackgroundResults()
        let message = state.message, reloading = state.live.reloading, opening = state.live.opening
        refreshIfDue()
        let ticked = tickClock()
        let searched = continueSearch()
        return delivered || ticked || searched || message != state.message || reloading != state.live.reloading || opening != state.live.opening
    }

    /// `--refresh-every`: a reload when its time has come (none while one runs).
    func refreshIfDue() {
        guard let due = live.nextRefresh, live.uptime() >= due else { return }
        live.nextRefresh = live.refreshInterval.map { live.uptime() + $0 }
        send(.refreshDue)
    }
}

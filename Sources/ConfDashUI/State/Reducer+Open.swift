import ConfDashCore

/// `:open FILE` and `:open URL`. A file is read at once (the `.open` effect); a URL is fetched
/// in the background (`.openURL`), with the status bar saying so, and keys keep working. Either
/// way the view changes only when a schedule was read: a failure is a message naming the file or
/// URL, and the schedule, place, filters and search shown stay as they were.
extension Reducer {
    func runOpen(_ location: String, format: InputFormat, _ state: inout AppState) -> [Effect] {
        // One schedule change at a time: a result arriving under another would mix two sources.
        if let fetching = state.live.opening {
            state.message = .live(.stillOpening(fetching))
            return []
        }
        if state.live.reloading {
            state.message = .live(.stillReloading)
            return []
        }
        guard LocationText.isURL(location) else { return [.open(location, format: format)] }
        let shown = LocationText.shown(location)
        state.live.opening = shown
        state.message = .live(.fetching(shown))
        return [.openURL(location, format: format)]
    }

    /// The store has put the new schedule in place: the dashboard starts afresh on it, and R
    /// reads it again from now on.
    func startAfresh(on summary: LoadSummary, name: String, notice: OfflineNotice?, _ state: inout AppState) {
        var fresh = initialState(size: state.size, language: state.language)
        fresh.localTime = state.localTime
        fresh.personal = state.personal.clockOnly
        fresh.history = state.history
        fresh.live.source = name
        fresh.message = .opened(OpenedFile(summary, name: name, notice: notice))
        fresh.problems = summary.warnings.map { "\($0)" }
        state = fresh
    }

    func applyFetched(_ name: String, _ result: Result<LoadSummary, LoadError>, notice: OfflineNotice?, _ state: inout AppState) {
        state.live.opening = nil
        switch result {
        case .success(let summary):
            startAfresh(on: summary, name: name, notice: notice, &state)
        case .failure(let failure):
            state.message = .openFailed(failure)
            // Started with nothing cached: the screen now says why there is nothing to show.
            state.live.awaiting?.failure = failure
        }
    }
}

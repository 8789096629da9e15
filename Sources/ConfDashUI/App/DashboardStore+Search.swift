import ConfDashCore

/// A search on a large schedule does its work off the key path: the folded text of every
/// session is built on another thread from the moment `/` opens the line, and the rows a frame
/// does not show (with the exact count) are scanned between keys.
extension DashboardStore {
    /// After each key: a search line open, or a search in force, wants the folded text soon.
    func prepareSearchIfSearching() {
        if case .search = state.mode { data.index.prepareSearchInBackground() }
        else if state.searchText != nil { data.index.prepareSearchInBackground() }
    }

    /// On an idle tick: scans the search in force further, a slice of time short enough that a
    /// key pressed meanwhile is not kept waiting. True when the screen changes.
    func continueSearch() -> Bool {
        data.continueSearch(state, seconds: 0.008)
    }

    /// Finishes what the idle ticks would do for the search in force, so that `snapshot` shows
    /// the final rows and counts whatever the size of the schedule.
    public func finishSearch() {
        _ = data.allAgendaRows(state)
    }
}

import ConfDashCore
import Foundation

/// The last few searches' lists (`SearchList`). Typing and erasing a word comes back to the
/// same lists; a longer search starts from the longest list it extends, complete or not.
final class SearchLists: @unchecked Sendable {
    private let lock = NSLock()
    private var recent: [SearchList] = []
    /// Enough for a word typed and erased again.
    static let capacity = 24
    /// A key's scanning time (`KeyScanDeadline.budget`); tests set 0: one slice per ask.
    private var keyBudget = KeyScanDeadline.budget

    func setKeyBudget(_ nanoseconds: UInt64) {
        lock.lock()
        keyBudget = nanoseconds
        lock.unlock()
    }

    /// Where the current key's scans stop (`KeyScanDeadline`); nil (no limit) until a key
    /// sets it, so that tests and `snapshot` reading the data directly see whole scans.
    private var deadline: UInt64?

    /// A key begins: its scans may use `KeyScanDeadline.budget` of this thread's time from now.
    func startKey() {
        lock.lock()
        deadline = KeyScanDeadline.now() + keyBudget
        lock.unlock()
    }

    var keyDeadline: UInt64? {
        lock.lock()
        defer { lock.unlock() }
        return deadline
    }

    /// A search over at most this many sessions is scanned whole at once, as the first key
    /// finds it: for such data that takes a few milliseconds, and the rows and counts are final
    /// in the first frame. Tests lower it to check the scan in parts gives the same rows.
    private var wholeScanLimit = 20_000

    func setWholeScanLimit(_ limit: Int) {
        lock.lock()
        wholeScanLimit = limit
        lock.unlock()
    }

    func list(for key: DashboardData.RowsKey, data: DashboardData) -> SearchList {
        lock.lock()
        defer { lock.unlock() }
        if let hit = recent.last(where: { $0.key == key }) { return hit }
        let wider = recent.filter { $0.narrows(to: key) }.max { $0.searchLength < $1.searchLength }
        let list = SearchList(key: key, narrowing: wider)
        // The candidates: a complete wider search's matches, else (its scan unfinished, or none)
        // as many as every session, as far as this estimate goes.
        let sessions = wider?.completeMatchCount ?? data.events.reduce(0) { $0 + (key.filters.admits($1) ? $1.sessions.count : 0) }
        if sessions <= wholeScanLimit { _ = list.rows(data, sessions: .max, items: .max) }
        recent.append(list)
        if recent.count > Self.capacity { recent.removeFirst(recent.count - Self.capacity) }
        return list
    }
}

extension DashboardData {
    /// The search list for the state's search. It depends on the filters, the language and the
    /// clock shown, not on the selected event or day, which follow the cursor through the matches.
    func searchList(_ state: AppState) -> SearchList {
        var key = rowsKey(state)
        key.event = nil
        key.day = 0
        return searchLists.list(for: key, data: self)
    }

    /// Between keys: scans the search in force further for about `seconds`. True when the
    /// screen changes (more rows, or the final count).
    public func continueSearch(_ state: AppState, seconds: Double) -> Bool {
        guard let search = state.searchText, !search.isEmpty else { return false }
        return searchList(state).continueScan(self, seconds: seconds)
    }

    /// For tests: give each key `nanoseconds` of scanning (`KeyScanDeadline`); 0 scans one
    /// slice per ask, as a key that ran out of time does.
    public func limitKeyScans(to nanoseconds: UInt64) {
        searchLists.setKeyBudget(nanoseconds)
    }

    /// For tests: scan searches over more than `limit` sessions a part at a time.
    public func scanSearchesInParts(above limit: Int) {
        searchLists.setWholeScanLimit(limit)
    }
}

import ConfDashCore
import Foundation

/// The last few searches' results. Typing one more letter can only narrow a search (every word
/// must still occur, and each word only grew), so the new result is the last one filtered
/// again rather than a scan of every session; Backspace finds the shorter search's result
/// here. At 100,000 sessions this turns a keystroke from a pass over the whole dataset into a
/// pass over the previous matches.
final class SearchResults: @unchecked Sendable {
    private let lock = NSLock()
    private var recent: [(filter: AgendaFilter, agenda: [EventAgenda])] = []
    /// Enough for a word typed and erased again.
    static let capacity = 24

    func agenda(_ filter: AgendaFilter, query: AgendaQuery) -> [EventAgenda] {
        lock.lock()
        if let hit = recent.lastIndex(where: { $0.filter == filter }) {
            let agenda = recent[hit].agenda
            lock.unlock()
            return agenda
        }
        // The longest earlier search this one extends.
        let base = recent.filter { Self.narrows($0.filter, to: filter) }
            .max { ($0.filter.search ?? "").count < ($1.filter.search ?? "").count }?.agenda
        lock.unlock()
        let agenda = base.map { Self.narrow($0, to: filter, index: query.index) } ?? query.agenda(filter)
        lock.lock()
        recent.append((filter, agenda))
        if recent.count > Self.capacity { recent.removeFirst(recent.count - Self.capacity) }
        lock.unlock()
        return agenda
    }

    /// Whether `new` differs from `old` only by a search text that starts with `old`'s, so
    /// that its matches are among `old`'s.
    static func narrows(_ old: AgendaFilter, to new: AgendaFilter) -> Bool {
        guard let oldText = old.search, let newText = new.search, newText.hasPrefix(oldText) else { return false }
        var same = old
        same.search = newText
        return same == new
    }

    /// `agenda` (an earlier, wider search's result) kept to the sessions `filter`'s search
    /// matches, in the same order and groups.
    static func narrow(_ agenda: [EventAgenda], to filter: AgendaFilter, index: DatasetIndex) -> [EventAgenda] {
        let search = SearchQuery(filter.search ?? "")
        return agenda.compactMap { part in
            var part = part
            part.groups = part.groups.compactMap { group in
                let kept = group.sessions.filter { index.session($0, matches: search) }
                return kept.isEmpty ? nil : (slot: group.slot, sessions: kept)
            }
            return part.groups.isEmpty ? nil : part
        }
    }
}

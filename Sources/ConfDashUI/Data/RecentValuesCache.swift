import Foundation

/// Remembers the last results of a computation and their keys: the last one alone with a capacity
/// of 1, the last few with more. One keystroke asks for the same agenda rows several times (the
/// reducer, the pane, the status bar, the detail panel); the cache makes those later asks free, so
/// per-key work stays with what changed. A larger capacity serves a value that is costly at 100,000
/// sessions and that the user goes back to (the timeline's lanes without a filter, after a track
/// filter is applied and removed again), or the world map's dots at the sizes it is drawn.
/// Safe to use from any thread; the value is computed outside the lock.
final class RecentValuesCache<Key: Equatable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    /// Oldest first.
    private var recent: [(key: Key, value: Value)] = []
    private let capacity: Int

    init(capacity: Int = 4) { self.capacity = max(capacity, 1) }

    func value(for key: Key, compute: () -> Value) -> Value {
        if let hit = cached(for: key) { return hit }
        let value = compute()
        lock.lock()
        defer { lock.unlock() }
        // Another thread may have computed the same key meanwhile: keep one entry for it.
        if !recent.contains(where: { $0.key == key }) {
            recent.append((key, value))
            if recent.count > capacity { recent.removeFirst(recent.count - capacity) }
        }
        return value
    }

    /// The value remembered for `key`, if it is one of the last computed; nothing is computed.
    func cached(for key: Key) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        // The latest first: asked again for it (always, with a capacity of 1), nothing moves.
        if let last = recent.last, last.key == key { return last.value }
        guard let index = recent.firstIndex(where: { $0.key == key }) else { return nil }
        let hit = recent.remove(at: index)
        recent.append(hit)
        return hit.value
    }
}

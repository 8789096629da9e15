import Foundation

/// Like `LastValueCache`, but remembers the last few results: for a value that is costly at
/// 100,000 sessions and that the user goes back to (the timeline's lanes without a filter, after
/// a track filter is applied and removed again), or the world map's dots at the sizes it is drawn.
/// Safe to use from any thread; the value is computed outside the lock.
final class RecentValuesCache<Key: Equatable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var recent: [(key: Key, value: Value)] = []
    private let capacity: Int

    init(capacity: Int = 4) { self.capacity = max(capacity, 1) }

    func value(for key: Key, compute: () -> Value) -> Value {
        lock.lock()
        if let index = recent.firstIndex(where: { $0.key == key }) {
            let hit = recent.remove(at: index)
            recent.append(hit)
            lock.unlock()
            return hit.value
        }
        lock.unlock()
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
}

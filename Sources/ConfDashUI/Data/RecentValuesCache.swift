import Foundation

/// Like `LastValueCache`, but remembers the last few results: for a value that is costly at
/// 100,000 sessions and that the user goes back to (the timeline's lanes without a filter, after
/// a track filter is applied and removed again).
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
        recent.append((key, value))
        if recent.count > capacity { recent.removeFirst(recent.count - capacity) }
        lock.unlock()
        return value
    }
}

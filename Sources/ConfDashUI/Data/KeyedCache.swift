import Foundation

/// Remembers every result of a computation by key: for values that stay valid as long as the
/// data does and are asked for again and again (an event's sessions placed by slot).
final class KeyedCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    func value(for key: Key, compute: () -> Value) -> Value {
        lock.lock()
        if let value = values[key] { lock.unlock(); return value }
        lock.unlock()
        let value = compute()
        lock.lock()
        values[key] = value
        lock.unlock()
        return value
    }

    /// The value for `key`, made by `make` under the lock when there is none yet: for values
    /// cheap to make that stand for work done later (a `LazyValue`), so that two threads asking
    /// at once share one.
    func shared(for key: Key, make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value = values[key] { return value }
        let value = make()
        values[key] = value
        return value
    }
}

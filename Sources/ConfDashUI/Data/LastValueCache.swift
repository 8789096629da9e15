import ConfDashScreen
import Foundation

/// Remembers the last result of a computation and its key. One keystroke asks for the same
/// agenda rows several times (the reducer, the pane, the status bar, the detail panel); this
/// makes those later asks free, so per-key work stays with what changed.
final class LastValueCache<Key: Equatable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (key: Key, value: Value)?

    func value(for key: Key, compute: () -> Value) -> Value {
        lock.lock()
        if let last, last.key == key { lock.unlock(); return last.value }
        lock.unlock()
        let value = compute()
        lock.lock()
        last = (key, value)
        lock.unlock()
        return value
    }

    /// The value remembered for `key`, if it is the last one computed; nothing is computed.
    func cached(for key: Key) -> Value? {
        lock.lock(); defer { lock.unlock() }
        guard let last, last.key == key else { return nil }
        return last.value
    }
}

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
}

import Foundation

/// A value computed the first time it is read, once, whichever thread asks first; afterwards
/// every read returns it. For the parts of an index that only some commands use.
public final class LazyValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var computed: Value?
    private var compute: (@Sendable () -> Value)?
    /// `computeInBackground` was asked: readers that must not wait can do without it meanwhile.
    private var backgroundRequested = false

    public init(_ compute: @escaping @Sendable () -> Value) {
        self.compute = compute
    }

    public var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let computed { return computed }
        let value = compute!()
        computed = value
        compute = nil
        return value
    }

    /// Starts computing the value on a thread of its own, unless it is computed or started.
    public func computeInBackground() {
        lock.lock()
        defer { lock.unlock() }
        guard computed == nil, !backgroundRequested else { return }
        backgroundRequested = true
        Thread.detachNewThread { [self] in _ = value }
    }

    /// The value when it is there; nil while the background computation (`computeInBackground`)
    /// runs, so that a caller on the key path can do a small part of the work itself instead of
    /// waiting. With no background computation asked, computes it here, as `value` does.
    public var valueUnlessComputingElsewhere: Value? {
        guard lock.try() else { return nil }
        if let computed { lock.unlock(); return computed }
        let pending = backgroundRequested
        lock.unlock()
        return pending ? nil : value
    }
}

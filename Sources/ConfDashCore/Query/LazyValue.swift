import Foundation

/// A value computed the first time it is read, once, whichever thread asks first; afterwards
/// every read returns it. For the parts of an index that only some commands use.
public final class LazyValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var computed: Value?
    private var compute: (@Sendable () -> Value)?

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
}

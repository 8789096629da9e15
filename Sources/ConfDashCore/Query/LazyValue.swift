import Foundation

/// A value computed the first time it is read, once, whichever thread asks first; afterwards
/// every read returns it. For the parts of an index that only some commands use.
///
/// Two locks: `computing` is held for the whole computation (a second reader waits for the
/// first one's value instead of computing it again), `state` only for a few loads and stores.
/// The calls meant for the key path (`computeInBackground`, `valueUnlessComputingElsewhere`)
/// take `state` alone, so they never wait for a computation: with one lock held throughout,
/// every key typed in a search at 100,000 sessions waited the whole second the folded search
/// text takes to build, in `computeInBackground`.
public final class LazyValue<Value: Sendable>: @unchecked Sendable {
    private let state = NSLock()
    private let computing = NSLock()
    private var computed: Value?
    private var compute: (@Sendable () -> Value)?
    /// `computeInBackground` was asked: readers that must not wait can do without it meanwhile.
    private var backgroundRequested = false

    public init(_ compute: @escaping @Sendable () -> Value) {
        self.compute = compute
    }

    private var computedValue: Value? {
        state.lock()
        defer { state.unlock() }
        return computed
    }

    public var value: Value {
        if let computed = computedValue { return computed }
        computing.lock()
        defer { computing.unlock() }
        // Another thread may have computed it while this one waited.
        state.lock()
        if let computed {
            state.unlock()
            return computed
        }
        let compute = compute!
        state.unlock()
        let value = compute()
        state.lock()
        computed = value
        self.compute = nil
        state.unlock()
        return value
    }

    /// Starts computing the value on a thread of its own, unless it is computed or started.
    /// Never waits for a computation under way.
    ///
    /// The thread runs at a lower priority (nice 10, Linux): it competes with the thread that
    /// handles keys, which meanwhile does the part it needs itself. At the same priority, on a
    /// busy two-core machine, the key thread was taken off its core 5 times a letter (median)
    /// by the build of the folded search text, and a letter typed right after opening 100,000
    /// sessions took 19 ms more wall time than CPU time (median; 70 ms at p99, issue 13).
    public func computeInBackground() {
        state.lock()
        defer { state.unlock() }
        guard computed == nil, !backgroundRequested else { return }
        backgroundRequested = true
        Thread.detachNewThread { [self] in
            #if os(Linux)
            // Linux keeps the nice value per thread: `who` 0 is this thread alone.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
            #endif
            _ = value
        }
    }

    /// The value when it is there; nil while the background computation (`computeInBackground`)
    /// runs, so that a caller on the key path can do a small part of the work itself instead of
    /// waiting. With no background computation asked, computes it here, as `value` does.
    public var valueUnlessComputingElsewhere: Value? {
        state.lock()
        if let computed {
            state.unlock()
            return computed
        }
        let pending = backgroundRequested
        state.unlock()
        return pending ? nil : value
    }
}

import ConfDashCore
import Foundation
import Testing

/// `LazyValue`'s calls for the key path never wait for a computation under way: a search's keys
/// at 100,000 sessions once each waited the second the folded search text takes to build.
@Suite struct LazyValueTests {
    /// A computation that runs until the test lets it finish.
    final class Gate: @unchecked Sendable {
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var runs = 0
        var count: Int { lock.withLock { runs } }
        func run() -> Int {
            lock.withLock { runs += 1 }
            started.signal()
            release.wait()
            return 42
        }
    }

    @Test func keyPathCallsDoNotWaitForTheBackgroundComputation() {
        let gate = Gate()
        let lazy = LazyValue { gate.run() }
        lazy.computeInBackground()
        #expect(gate.started.wait(timeout: .now() + 10) == .success, "the background computation starts")

        // While it runs: both calls return at once (they would hang until release otherwise).
        let returned = DispatchSemaphore(value: 0)
        let seen = Box()
        Thread.detachNewThread {
            lazy.computeInBackground()
            seen.value = lazy.valueUnlessComputingElsewhere
            returned.signal()
        }
        #expect(returned.wait(timeout: .now() + 5) == .success, "computeInBackground and valueUnlessComputingElsewhere did not wait")
        #expect(seen.value == nil, "no value while it is being computed elsewhere")

        gate.release.signal()
        #expect(lazy.value == 42)
        #expect(lazy.valueUnlessComputingElsewhere == 42)
        #expect(gate.count == 1, "computed once")
    }

    @Test func concurrentReadersComputeOnce() {
        let runs = Gate()
        runs.release.signal()
        let lazy = LazyValue { runs.run() }
        let results = Box()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let value = lazy.value
            results.add(value)
        }
        #expect(results.all == Array(repeating: 42, count: 8))
        #expect(runs.count == 1)
    }

    @Test func withoutBackgroundTheKeyPathComputesItself() {
        let lazy = LazyValue { 7 }
        #expect(lazy.valueUnlessComputingElsewhere == 7)
        lazy.computeInBackground() // already computed: nothing started
        #expect(lazy.value == 7)
    }

    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Int?
        private var list: [Int] = []
        var value: Int? {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
        func add(_ value: Int) { lock.withLock { list.append(value) } }
        var all: [Int] { lock.withLock { list } }
    }
}

import Dispatch
import Foundation

/// `items.map(transform)` spread over the machine's cores, for the part of opening a schedule
/// where every item is independent of the others: cleaning the sessions' texts (HTML and Markdown
/// out, whitespace tidied) is about half of assembling a schedule, and one core idles meanwhile.
///
/// The results are in the items' order and the same as `map`'s: each slot is written once, by
/// whichever worker takes its chunk. Small inputs are mapped on the calling thread, where
/// starting workers would cost more than it saves.
enum ConcurrentMap {
    /// Below this many items per worker the threads are not worth waking.
    static let minimumItemsPerWorker = 128

    /// `transform` must depend only on its item: it runs on several threads at once.
    static func map<Item, Result>(_ items: [Item], workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                                  _ transform: (Item) -> Result) -> [Result] {
        map(items[...], workers: workers, transform)
    }

    /// The same over part of an array, without copying the part.
    static func map<Item, Result>(_ items: ArraySlice<Item>, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                                  _ transform: (Item) -> Result) -> [Result] {
        let workers = min(workers, items.count / minimumItemsPerWorker)
        guard workers > 1 else { return items.map(transform) }
        // A few chunks per worker, so that one with longer texts does not leave the other waiting.
        let chunkSize = (items.count + workers * 4 - 1) / (workers * 4)
        let chunks = (items.count + chunkSize - 1) / chunkSize
        return [Result](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            items.withUnsafeBufferPointer { items in
                withoutActuallyEscaping(transform) { transform in
                    let work = Work(items: items, results: buffer.baseAddress!, transform: transform)
                    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                        for index in (chunk * chunkSize)..<min(work.items.count, (chunk + 1) * chunkSize) {
                            (work.results + index).initialize(to: work.transform(work.items[index]))
                        }
                    }
                }
            }
            initialized = items.count
        }
    }

    /// What the workers share. Unchecked, because the compiler cannot see what makes it safe:
    /// the items are only read, each result slot is written by exactly one worker, all of them
    /// finish before `concurrentPerform` returns, and `transform` depends on nothing but its item
    /// (the caller's promise: `map` is only given pure functions such as the markup cleaner).
    private struct Work<Item, Result>: @unchecked Sendable {
        let items: UnsafeBufferPointer<Item>
        let results: UnsafeMutablePointer<Result>
        let transform: (Item) -> Result
    }
}

import Foundation

/// A thread of its own that runs jobs one after another, for the second part of a split read
/// (`XMLSplitScan`) and then for resolving the sessions that part read (`ScheduleResolver`).
///
/// One thread for both because of the allocator: glibc gives each thread its own malloc arena,
/// and the resolver makes each session's entry in the place its draft leaves (issue 13: peak
/// memory). Drafts read on a pool thread and resolved on the main thread left their places
/// empty in one arena while the entries grew another: 100,000 sessions peaked 36 MB higher.
final class SplitWorker: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var unfinished = 0
    private var ending = false

    init() {
        let thread = Thread { [self] in loop() }
        thread.name = "confdash-split"
        thread.start()
    }

    /// Runs `job` on the worker's thread, after the jobs given before it.
    func run(_ job: @escaping @Sendable () -> Void) {
        condition.withLock {
            jobs.append(job)
            unfinished += 1
            condition.broadcast()
        }
    }

    /// Waits for every job given so far to be done. Only for a worker known to be running (one
    /// that has started a job): a thread that never started would never finish them.
    func wait() {
        condition.withLock {
            while unfinished > 0 { condition.wait() }
        }
    }

    /// The thread ends once the jobs given so far are done; no more may be given.
    func end() {
        condition.withLock {
            ending = true
            condition.broadcast()
        }
    }

    private func loop() {
        while true {
            let job: (@Sendable () -> Void)? = condition.withLock {
                while jobs.isEmpty && !ending { condition.wait() }
                return jobs.isEmpty ? nil : jobs.removeFirst()
            }
            guard let job else { return }
            job()
            condition.withLock {
                unfinished -= 1
                condition.broadcast()
            }
        }
    }
}

import Foundation

/// Saves state files on a thread of their own, so that a star never waits for the disk: the
/// dashboard hands over its whole state after each change and goes on drawing.
///
/// Saves are coalesced per file: a state waiting to be written is replaced by a newer one, which
/// holds every change of the older (the dashboard always submits all it has). Each save is the
/// store's usual one (merge with the file under its lock, temporary file, fsync, rename, folder
/// fsync), so `kill -9` still leaves the old file or the new one. What a save found (changes other
/// programs had saved, a damaged file moved aside, a failure) goes to the submitter's `report`,
/// on the writer's thread.
///
/// `flush` waits until everything submitted is on disk or has failed: the dashboard calls it
/// before quitting and before it reads a state file again, so a star shown on screen is never
/// lost by a clean quit.
public final class StateWriter: @unchecked Sendable {
    /// What one save did, for the program that asked for it.
    public enum Outcome: Sendable {
        /// Written. `adopt` is the state as saved when the file held changes the submitted state
        /// did not have (another program's stars); nil when the file is exactly what was submitted.
        case saved(adopt: PersonalState?, messages: [String])
        /// Nothing written; the message says which file and why. The submitter's state is untouched.
        case failed(PersonalStateStore.SaveError)
    }

    public typealias Report = @Sendable (Outcome) -> Void

    /// One writer for the whole program: saves of one file then never race each other.
    public static let shared = StateWriter()

    private struct Job {
        var store: PersonalStateStore
        var state: PersonalState
        var report: Report
    }

    private let condition = NSCondition()
    /// Jobs not yet started, by state file path, in the order first submitted.
    private var waiting: [String: Job] = [:]
    private var order: [String] = []
    /// True while a thread is writing or about to.
    private var working = false
    /// How many saves were written (or failed) since the writer was made; for tests.
    private var finished = 0

    public init() {}

    /// Queues `state` for saving in `store`'s file, replacing a state for the same file still waiting.
    public func submit(_ state: PersonalState, to store: PersonalStateStore, report: @escaping Report) {
        condition.lock()
        if waiting[store.path] == nil { order.append(store.path) }
        waiting[store.path] = Job(store: store, state: state, report: report)
        let start = !working
        working = true
        condition.unlock()
        guard start else { return }
        let thread = Thread { [self] in drain() }
        thread.name = "confdash state writer"
        thread.start()
    }

    /// Blocks until every submitted state is written or has failed (and its report has run).
    public func flush() {
        condition.lock()
        while working { condition.wait() }
        condition.unlock()
    }

    /// Saves written (or failed) so far.
    public var savesFinished: Int {
        condition.lock(); defer { condition.unlock() }
        return finished
    }

    private func drain() {
        while true {
            condition.lock()
            guard !order.isEmpty else {
                working = false
                condition.broadcast()
                condition.unlock()
                return
            }
            let path = order.removeFirst()
            let job = waiting.removeValue(forKey: path)!
            condition.unlock()
            let outcome = Self.save(job.state, in: job.store)
            job.report(outcome)
            condition.lock()
            finished += 1
            condition.unlock()
        }
    }

    /// One save, as `PersonalStateStore.save` does it, said as an outcome.
    public static func save(_ state: PersonalState, in store: PersonalStateStore) -> Outcome {
        do {
            let (saved, messages) = try store.save(state)
            var submitted = state
            submitted.schedule = saved.schedule
            return .saved(adopt: saved == submitted ? nil : saved, messages: messages)
        } catch {
            return .failed(error)
        }
    }
}

import Dispatch
import Foundation

/// How an export spreads the rendering of its sessions over the machine's cores.
///
/// Loading a schedule keeps both cores busy only part of the time, and an export's sessions are
/// rendered one after the other on one thread: for 100,000 sessions that is a few hundred
/// milliseconds with the second core idle. With several workers, the sessions are rendered in
/// batches, each batch cut into one contiguous part per worker, each part into its own buffer,
/// and the parts spliced back in order, so the bytes are exactly those of one thread.
public struct ExportConcurrency: Sendable {
    /// Threads rendering sessions at once; 1: every session rendered on the calling thread as it comes.
    public var workers: Int
    /// Sessions rendered per batch: the output holds about one batch (and one chunk) at a time.
    public var batchSize: Int
    /// Below this many sessions the export stays on the calling thread, where waking workers and
    /// splicing would cost more than they save.
    public var minimumSessions: Int

    public init(workers: Int, batchSize: Int, minimumSessions: Int) {
        self.workers = max(1, workers)
        self.batchSize = max(1, batchSize)
        self.minimumSessions = minimumSessions
    }

    /// One thread.
    public static let serial = ExportConcurrency(workers: 1, batchSize: 1, minimumSessions: .max)

    /// As many workers as the machine has cores, for exports of 1,000 sessions or more, in batches
    /// of 512 (~0.4 MB of schedule.xml, ~0.6 MB of schedule.json): each worker's buffer holds its
    /// part of a batch (batches of 2,048 grew them to 1–2 MiB each, at the export's peak).
    public static var automatic: ExportConcurrency {
        ExportConcurrency(workers: ProcessInfo.processInfo.activeProcessorCount, batchSize: 512, minimumSessions: 1000)
    }
}

/// Sessions waiting in an `ExportOutput` to be rendered and spliced in at their places.
protocol PendingExportItems: AnyObject {
    /// Enough sessions are waiting for a batch.
    var isFull: Bool { get }
    /// Renders the waiting sessions and splices their bytes in where each was added.
    func render(into out: inout ExportOutput)
}

/// An export's sessions (its "items"), each rendered by `render` into the output at the place it
/// is added, from the writer's loop over days, rooms or groups:
///
///     let talks = ExportItems(&out, sessions: n, state: { FrabTalkWriter(context) }) { writer, entry, out in … }
///     for entry in room.entries { talks.add(entry, to: &out); out.recordEnded() }
///     talks.finish(&out)
///
/// On one thread (`ExportConcurrency.serial`, or a small export), `add` renders at once. Otherwise
/// `add` notes the job and the place; when a batch is full (checked where a record ends,
/// `ExportOutput.recordEnded`) the batch is rendered by the workers, each part with its own
/// `State` (a cache such as the people's guids, which only saves work: the bytes never depend on
/// it) into its own buffer, and spliced between the bytes the writer wrote meanwhile (headings,
/// separators). `render` must depend only on its job and its state: it runs on several threads.
final class ExportItems<Job, State>: PendingExportItems {
    typealias Render = (inout State, Job, inout ExportOutput) -> Void

    private let renderJob: Render
    private let parallel: Bool
    private let batchSize: Int
    /// One per worker, kept from batch to batch.
    private var states: [State]
    private var buffers: [ExportOutput]
    /// The waiting jobs, and where in the output's bytes each goes. Touched by the writer's
    /// thread only (the workers read `jobs` through a pointer while it waits): unchecked, as a
    /// dynamic exclusivity check on each append cost ~100 instructions a session.
    @exclusivity(unchecked) private var jobs: [Job] = []
    @exclusivity(unchecked) private var places: [Int] = []
    /// Where each rendered job ends in its part's buffer.
    private var ends: [Int] = []
    private var between: [UInt8] = []

    init(_ out: inout ExportOutput, sessions: Int, state: () -> State, render: @escaping Render) {
        let concurrency = out.concurrency
        parallel = concurrency.workers > 1 && sessions >= concurrency.minimumSessions
        let workers = parallel ? concurrency.workers : 1
        // At least four batches, so that an export a little over the minimum is still handed on
        // in pieces (and its writing overlaps less with nothing).
        batchSize = min(concurrency.batchSize, max(workers * 32, (sessions + 3) / 4))
        renderJob = render
        states = (0..<workers).map { _ in state() }
        // Made here, on the writer's thread, with room for a part of a batch of short sessions:
        // a buffer grown from 256 bytes by a worker left its steps in that thread's own arena.
        buffers = parallel ? (0..<workers).map { _ in ExportOutput(capacity: 1 << 16) } : []
        if parallel {
            precondition(out.pendingItems == nil, "one kind of item at a time")
            out.pendingItems = self
        }
    }

    /// The job's bytes at the output's end (now, or once its batch is rendered).
    func add(_ job: Job, to out: inout ExportOutput) {
        guard parallel else {
            renderJob(&states[0], job, &out)
            return
        }
        jobs.append(job)
        places.append(out.bytes.count)
        out.pendingItemsFull = jobs.count >= batchSize
    }

    var isFull: Bool { jobs.count >= batchSize }

    /// Renders what is still waiting; the output no longer refers to these items. The last call.
    func finish(_ out: inout ExportOutput) {
        guard parallel else { return }
        render(into: &out)
        out.pendingItems = nil
    }

    func render(into out: inout ExportOutput) {
        let count = jobs.count
        guard count > 0 else { return }
        let parts = min(buffers.count, count)
        let partSize = (count + parts - 1) / parts
        ends = [Int](repeating: 0, count: count)
        jobs.withUnsafeBufferPointer { jobs in
            states.withUnsafeMutableBufferPointer { states in
                buffers.withUnsafeMutableBufferPointer { buffers in
                    ends.withUnsafeMutableBufferPointer { ends in
                        let work = Work(jobs: jobs, states: states.baseAddress!, buffers: buffers.baseAddress!, ends: ends.baseAddress!,
                                        render: renderJob)
                        DispatchQueue.concurrentPerform(iterations: parts) { part in
                            let state = work.states + part
                            let buffer = work.buffers + part
                            for index in (part * partSize)..<min(work.jobs.count, (part + 1) * partSize) {
                                work.render(&state.pointee, work.jobs[index], &buffer.pointee)
                                work.ends[index] = buffer.pointee.bytes.count
                            }
                        }
                    }
                }
            }
        }
        // The output's bytes from the first job's place on are the writer's, written between the
        // jobs: each job's bytes go back in at its place.
        let base = places[0]
        between.removeAll(keepingCapacity: true)
        out.bytes.withUnsafeBufferPointer { between.append(contentsOf: UnsafeBufferPointer(rebasing: $0[base...])) }
        out.bytes.removeSubrange(base...)
        var previous = 0
        for part in 0..<parts {
            buffers[part].bytes.withUnsafeBufferPointer { rendered in
                var start = 0
                for index in (part * partSize)..<min(count, (part + 1) * partSize) {
                    let place = places[index] - base
                    between.withUnsafeBufferPointer { out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[previous..<place])) }
                    previous = place
                    out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: rendered[start..<ends[index]]))
                    start = ends[index]
                    // The output never holds much more than a chunk (handed on up to a line's end).
                    out.handOnIfFull()
                }
            }
            buffers[part].bytes.removeAll(keepingCapacity: true)
        }
        between.withUnsafeBufferPointer { out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[previous...])) }
        jobs.removeAll(keepingCapacity: true)
        places.removeAll(keepingCapacity: true)
        out.pendingItemsFull = false
    }

    /// What the workers share. Unchecked, because the compiler cannot see what makes it safe: the
    /// jobs are only read, each part's state, buffer and ends are touched by that part's worker
    /// only, all of them finish before `concurrentPerform` returns, and `render` reads nothing
    /// shared that anyone writes (the export's context is not changed while it is written).
    private struct Work: @unchecked Sendable {
        let jobs: UnsafeBufferPointer<Job>
        let states: UnsafeMutablePointer<State>
        let buffers: UnsafeMutablePointer<ExportOutput>
        let ends: UnsafeMutablePointer<Int>
        let render: Render
    }
}

extension ExportItems where State == Void {
    convenience init(_ out: inout ExportOutput, sessions: Int, render: @escaping (Job, inout ExportOutput) -> Void) {
        self.init(&out, sessions: sessions, state: {}) { _, job, out in render(job, &out) }
    }
}

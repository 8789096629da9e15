import Dispatch
import Foundation

/// How an export spreads the rendering of its sessions over the machine's cores.
///
/// Loading a schedule keeps both cores busy only part of the time, and an export's sessions are
/// rendered one after the other on one thread: for 100,000 sessions that is a few hundred
/// milliseconds with the second core idle. With several workers, the sessions are rendered in
/// batches, each rendered by the writer's thread and helper threads at once (`ExportPipeline`)
/// into buffers of their own, and spliced back in order, so the bytes are exactly those of one
/// thread.
public struct ExportConcurrency: Sendable {
    /// Threads rendering sessions at once (the writer's and `workers - 1` helpers); 1: every
    /// session rendered on the calling thread as it comes.
    public var workers: Int
    /// Sessions rendered per batch: the output holds about two batches (and one chunk) at a time.
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
    /// of 128 (~0.1 MB of schedule.xml, ~0.15 MB of schedule.json): two batches are in flight at
    /// once (one being rendered while the one before it is spliced in and written), each with a
    /// buffer per renderer (batches of 2,048 grew the buffers to 1–2 MiB each, at the export's
    /// peak; two batches of 256 in flight raised the peak of schedule.json by ~1.3 MB).
    public static var automatic: ExportConcurrency {
        ExportConcurrency(workers: ProcessInfo.processInfo.activeProcessorCount, batchSize: 128, minimumSessions: 1000)
    }
}

/// Sessions waiting in an `ExportOutput` to be rendered and spliced in at their places.
protocol PendingExportItems: AnyObject {
    /// A full batch: handed to the renderers, and the batch before it (rendered meanwhile)
    /// spliced in. The output's bytes from the new batch's first place on stay in the output
    /// (`ExportOutput.heldFrom`) until it is spliced in.
    func render(into out: inout ExportOutput)
    /// Everything waiting rendered and spliced in (the export's end).
    func drain(into out: inout ExportOutput)
}

/// An export's sessions (its "items"), each rendered by `render` into the output at the place it
/// is added, from the writer's loop over days, rooms or groups:
///
///     let talks = ExportItems(&out, sessions: n, state: { FrabTalkWriter(context) }) { writer, entry, out in … }
///     for entry in room.entries { talks.add(entry, to: &out); out.recordEnded() }
///     talks.finish(&out)
///
/// On one thread (`ExportConcurrency.serial`, or a small export), `add` renders at once. Otherwise
/// `add` notes the job and its place, and when a batch is full (checked where a record ends,
/// `ExportOutput.recordEnded`) the batch is handed to the renderers: helper threads start on it at
/// once, while the writer's thread splices in the batch before it (and hands the output on), then
/// renders what the helpers have not taken of the new batch, and goes back to its loop to gather
/// the next one. Every renderer has its own `State` (a cache such as the people's guids, which
/// only saves work: the bytes never depend on it) and its own buffers; a job's bytes are spliced
/// back between the bytes the writer wrote meanwhile (headings, separators), in the order the
/// jobs were added, whoever rendered them. `render` must depend only on its job and its state:
/// it runs on several threads.
final class ExportItems<Job, State>: PendingExportItems {
    typealias Render = (inout State, Job, inout ExportOutput) -> Void

    private let renderJob: Render
    /// On one thread: the one state.
    private var serialState: State?
    private let pipeline: ExportPipeline<Job, State>?
    /// The batch being gathered, the one handed to the renderers before it (not spliced in yet),
    /// and a third kept for reuse: the writer's thread alone changes which is which.
    private var gathering: ExportPipeline<Job, State>.Batch?
    private var inFlight: ExportPipeline<Job, State>.Batch?
    private var spare: ExportPipeline<Job, State>.Batch?
    private let batchSize: Int
    /// The writer's bytes between a batch's jobs, moved aside while the jobs' bytes go back in.
    private var between: [UInt8] = []
    /// Which byte of each renderer's buffer a splice has reached.
    private var cursors: [Int] = []

    init(_ out: inout ExportOutput, sessions: Int, state: () -> State, render: @escaping Render) {
        let concurrency = out.concurrency
        let parallel = concurrency.workers > 1 && sessions >= concurrency.minimumSessions
        let workers = parallel ? concurrency.workers : 1
        // At least four batches, so that an export a little over the minimum is still handed on
        // in pieces (and its writing overlaps less with nothing).
        batchSize = min(concurrency.batchSize, max(workers * 32, (sessions + 3) / 4))
        renderJob = render
        if parallel {
            // Made here, on the writer's thread (states, buffers): a buffer grown from 256 bytes
            // by a worker left its steps in that thread's own arena.
            let pipeline = ExportPipeline<Job, State>(renderers: workers, batchSize: batchSize, state: state, render: render)
            self.pipeline = pipeline
            gathering = pipeline.makeBatch()
            cursors = [Int](repeating: 0, count: workers)
            precondition(out.pendingItems == nil, "one kind of item at a time")
            out.pendingItems = self
        } else {
            pipeline = nil
            serialState = state()
        }
    }

    /// The job's bytes at the output's end (now, or once its batch is rendered).
    func add(_ job: Job, to out: inout ExportOutput) {
        guard let gathering else {
            renderJob(&serialState!, job, &out)
            return
        }
        gathering.append(job, at: out.position)
        out.pendingItemsFull = gathering.count >= batchSize
    }

    /// Renders what is still waiting; the output no longer refers to these items. The last call.
    func finish(_ out: inout ExportOutput) {
        guard let pipeline else { return }
        drain(into: &out)
        out.pendingItems = nil
        pipeline.end()
    }

    func render(into out: inout ExportOutput) {
        guard let pipeline, let batch = gathering, batch.count > 0 else { return }
        // The helpers start on this batch now, while the one before it is spliced in.
        pipeline.publish(batch)
        spliceInFlight(into: &out)
        out.heldFrom = batch.places[0]
        pipeline.help(with: batch)
        inFlight = batch
        gathering = spare ?? pipeline.makeBatch()
        spare = nil
        out.pendingItemsFull = false
    }

    func drain(into out: inout ExportOutput) {
        render(into: &out)
        spliceInFlight(into: &out)
    }

    /// The batch handed on before, once rendered, spliced in at its places; the places of the
    /// batch gathered after it move by the bytes put in.
    private func spliceInFlight(into out: inout ExportOutput) {
        guard let pipeline, let batch = inFlight else { return }
        pipeline.wait(for: batch)
        out.heldFrom = .max
        let inserted = splice(batch, into: &out)
        if let next = gathering, next !== batch {
            for index in next.places.indices { next.places[index] += inserted }
        }
        batch.clear()
        inFlight = nil
        spare = batch
    }

    /// Puts each job's bytes back at its place; returns how many bytes went in.
    private func splice(_ batch: ExportPipeline<Job, State>.Batch, into out: inout ExportOutput) -> Int {
        let count = batch.count
        // The output's bytes from the first job's place on are the writer's, written between the
        // jobs (and after them: the next batch's part): each job's bytes go back in at its place.
        let first = batch.places[0]
        let base = first - out.handedOn
        between.removeAll(keepingCapacity: true)
        out.bytes.withUnsafeBufferPointer { between.append(contentsOf: UnsafeBufferPointer(rebasing: $0[base...])) }
        out.bytes.removeSubrange(base...)
        for renderer in cursors.indices { cursors[renderer] = 0 }
        var previous = 0
        var inserted = 0
        for index in 0..<count {
            let place = batch.places[index] - first
            between.withUnsafeBufferPointer { out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[previous..<place])) }
            previous = place
            let renderer = batch.owners[index]
            let start = cursors[renderer]
            let end = batch.ends[index]
            batch.buffers[renderer].bytes.withUnsafeBufferPointer { rendered in
                out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: rendered[start..<end]))
            }
            cursors[renderer] = end
            inserted += end - start
            // The output never holds much more than a chunk (handed on up to a line's end).
            out.handOnIfFull()
        }
        between.withUnsafeBufferPointer { out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[previous...])) }
        return inserted
    }
}

extension ExportItems where State == Void {
    convenience init(_ out: inout ExportOutput, sessions: Int, render: @escaping (Job, inout ExportOutput) -> Void) {
        self.init(&out, sessions: sessions, state: {}) { _, job, out in render(job, &out) }
    }
}

/// The renderers of `ExportItems`' batches: the writer's thread (renderer 0) and `renderers - 1`
/// helpers, which take a few jobs at a time from the batches handed on, oldest first, and
/// render each into the batch's buffer for that renderer.
///
/// A helper runs on a thread of the dispatch pool for the whole export (a thread of its own
/// started a malloc arena of its own: ~1 MB more at schedule.json's peak). The writer's
/// thread never waits for a helper to start: with none started, it renders every job itself.
///
/// Unchecked: what the threads share is touched under `condition` (the queue, `claimed`,
/// `rendered`, `ending`); a batch's jobs are written by the writer's thread before it is
/// published and read only after; each renderer touches only its own state and its own buffer
/// of a batch, and records the `ends` and `owners` of the jobs it took; the writer reads those
/// and the buffers only once the batch is wholly rendered (`wait(for:)`), and changes a batch
/// only after that. `render` reads nothing shared that anyone writes (the export's context is
/// not changed while it is written).
final class ExportPipeline<Job, State>: @unchecked Sendable {
    typealias Render = (inout State, Job, inout ExportOutput) -> Void

    /// Jobs a renderer takes at once: small enough that the renderers finish a batch within a
    /// few sessions of each other, large enough that taking them costs nothing measurable.
    static var share: Int { 8 }

    let renderers: Int
    private let batchSize: Int
    private let render: Render
    private let states: UnsafeMutablePointer<State>
    private let condition = NSCondition()
    /// Batches handed on with jobs nobody has taken yet, oldest first.
    private var queue: [Batch] = []
    private var ending = false

    init(renderers: Int, batchSize: Int, state: () -> State, render: @escaping Render) {
        self.renderers = renderers
        self.batchSize = batchSize
        self.render = render
        states = .allocate(capacity: renderers)
        for renderer in 0..<renderers { (states + renderer).initialize(to: state()) }
        for renderer in 1..<max(1, renderers) {
            // The default queue's threads are those that prepared the sessions and laid them out
            // (`concurrentPerform`): their arenas already have the pages.
            DispatchQueue.global().async { [self] in helperLoop(renderer) }
        }
    }

    deinit {
        states.deinitialize(count: renderers)
        states.deallocate()
    }

    func makeBatch() -> Batch { Batch(capacity: batchSize, renderers: renderers) }

    /// One batch: its jobs (in place, read by every renderer), where each goes in the output
    /// (absolute positions, `ExportOutput.position`), and once rendered, which renderer's buffer
    /// holds each job's bytes and where they end there.
    final class Batch: @unchecked Sendable {
        let jobs: UnsafeMutablePointer<Job>
        private(set) var count = 0
        var places: [Int] = []
        let ends: UnsafeMutablePointer<Int>
        let owners: UnsafeMutablePointer<Int>
        let buffers: UnsafeMutablePointer<ExportOutput>
        private let capacity: Int
        private let renderers: Int
        /// Under the pipeline's condition.
        fileprivate var claimed = 0
        fileprivate var rendered = 0

        init(capacity: Int, renderers: Int) {
            self.capacity = capacity
            self.renderers = renderers
            jobs = .allocate(capacity: capacity)
            ends = .allocate(capacity: capacity)
            owners = .allocate(capacity: capacity)
            buffers = .allocate(capacity: renderers)
            for renderer in 0..<renderers { (buffers + renderer).initialize(to: ExportOutput(capacity: 1 << 16)) }
            places.reserveCapacity(capacity)
        }

        deinit {
            jobs.deinitialize(count: count)
            jobs.deallocate()
            ends.deallocate()
            owners.deallocate()
            buffers.deinitialize(count: renderers)
            buffers.deallocate()
        }

        func append(_ job: Job, at place: Int) {
            precondition(count < capacity, "a full batch is handed on before another job is added")
            (jobs + count).initialize(to: job)
            places.append(place)
            count += 1
        }

        /// Empty again, its buffers' room kept.
        func clear() {
            jobs.deinitialize(count: count)
            count = 0
            places.removeAll(keepingCapacity: true)
            for renderer in 0..<renderers { buffers[renderer].bytes.removeAll(keepingCapacity: true) }
        }
    }

    /// The batch's jobs are for the taking (the writer's thread, once the batch is gathered).
    func publish(_ batch: Batch) {
        condition.lock()
        batch.claimed = 0
        batch.rendered = 0
        queue.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// The writer's thread renders the batch's jobs the helpers have not taken.
    func help(with batch: Batch) {
        condition.lock()
        while batch.claimed < batch.count {
            let jobs = take(from: batch)
            condition.unlock()
            renderJobs(of: batch, jobs, as: 0)
            condition.lock()
            finished(jobs.count, of: batch)
        }
        condition.unlock()
    }

    /// Returns once every job of the batch is rendered.
    func wait(for batch: Batch) {
        condition.lock()
        while batch.rendered < batch.count { condition.wait() }
        condition.unlock()
    }

    /// The helpers stop once no batch is left (the writer's thread, after the last batch).
    func end() {
        condition.lock()
        ending = true
        condition.broadcast()
        condition.unlock()
    }

    private func helperLoop(_ renderer: Int) {
        condition.lock()
        while true {
            if let batch = queue.first {
                let jobs = take(from: batch)
                condition.unlock()
                renderJobs(of: batch, jobs, as: renderer)
                condition.lock()
                finished(jobs.count, of: batch)
            } else if ending {
                break
            } else {
                condition.wait()
            }
        }
        condition.unlock()
    }

    /// The next few jobs of the batch, which must have some left; under the condition.
    private func take(from batch: Batch) -> Range<Int> {
        let start = batch.claimed
        let end = min(batch.count, start + Self.share)
        batch.claimed = end
        if end == batch.count, let position = queue.firstIndex(where: { $0 === batch }) { queue.remove(at: position) }
        return start..<end
    }

    /// Under the condition.
    private func finished(_ count: Int, of batch: Batch) {
        batch.rendered += count
        if batch.rendered == batch.count { condition.broadcast() }
    }

    private func renderJobs(of batch: Batch, _ jobs: Range<Int>, as renderer: Int) {
        let state = states + renderer
        let buffer = batch.buffers + renderer
        for index in jobs {
            render(&state.pointee, batch.jobs[index], &buffer.pointee)
            batch.ends[index] = buffer.pointee.bytes.count
            batch.owners[index] = renderer
        }
    }
}

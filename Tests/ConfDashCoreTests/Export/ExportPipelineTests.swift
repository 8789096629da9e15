import Foundation
import Testing
@testable import ConfDashCore

/// `ExportItems` on several threads (`ExportPipeline`): a batch is rendered by the writer's
/// thread and helper threads at once while the batch before it is spliced in and handed on.
/// Whoever renders which job, and however late, the bytes are those of one thread, in order,
/// handed on in chunks that end with a line, with at most two batches in flight.
@Suite struct ExportPipelineTests {
    /// Chunks handed to a sink, and how many jobs the walk had added when each came.
    final class Chunks: @unchecked Sendable {
        var chunks: [[UInt8]] = []
        var addedWhenHandedOn: [Int] = []
        var added = 0
        var bytes: [UInt8] { chunks.flatMap { $0 } }
    }

    /// Renders job `n` as a line of a length that varies with `n`; `delay` may slow some renderers.
    static func line(_ job: Int, to out: inout ExportOutput) {
        out.append("job ")
        out.digits(job)
        for _ in 0..<(job % 7) { out.append(" é") }
        out.byte(0x0A)
    }

    /// A walk like an exporter's: headings before groups of jobs, a line after some jobs, a
    /// record's end after each job, and a last line after the items.
    static func walk(_ out: inout ExportOutput, jobs: Int, chunks: Chunks? = nil,
                     delay: @escaping @Sendable (_ renderer: Int, _ job: Int) -> Void = { _, _ in }) {
        let counter = RendererCounter()
        let items = ExportItems(&out, sessions: jobs, state: { counter.next() }) { (renderer: inout Int, job: Int, out: inout ExportOutput) in
            delay(renderer, job)
            line(job, to: &out)
        }
        for job in 0..<jobs {
            if job % 10 == 0 { out.append("# group "); out.digits(job / 10); out.byte(0x0A) }
            items.add(job, to: &out)
            chunks?.added += 1
            if job % 3 == 0 { out.append("after "); out.digits(job); out.byte(0x0A) }
            out.recordEnded()
        }
        items.finish(&out)
        out.append("end\n")
    }

    /// Numbers the renderers' states in the order they are made (0: the writer's).
    final class RendererCounter: @unchecked Sendable {
        private var count = 0
        func next() -> Int { defer { count += 1 }; return count }
    }

    static func serialText(jobs: Int) -> String {
        var out = ExportOutput()
        walk(&out, jobs: jobs)
        return out.text
    }

    static func streamed(jobs: Int, workers: Int, batch: Int, chunkSize: Int,
                         delay: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) -> Chunks {
        let chunks = Chunks()
        var out = ExportOutput(chunkSize: chunkSize) { chunk in
            chunks.chunks.append(Array(chunk))
            chunks.addedWhenHandedOn.append(chunks.added)
        }
        out.concurrency = ExportConcurrency(workers: workers, batchSize: batch, minimumSessions: 0)
        walk(&out, jobs: jobs, chunks: chunks, delay: delay)
        out.flush()
        return chunks
    }

    @Test(arguments: [(2, 1), (2, 2), (2, 5), (3, 7), (4, 64), (2, 256), (2, 5000)])
    func batchesComeBackInOrder(workers: Int, batch: Int) {
        let jobs = 1_000
        let serial = Self.serialText(jobs: jobs)
        var whole = ExportOutput()
        whole.concurrency = ExportConcurrency(workers: workers, batchSize: batch, minimumSessions: 0)
        Self.walk(&whole, jobs: jobs)
        #expect(whole.text == serial)
        for chunkSize in [1, 100, 4096] {
            let chunks = Self.streamed(jobs: jobs, workers: workers, batch: batch, chunkSize: chunkSize)
            #expect(chunks.bytes == Array(serial.utf8), "\(workers) workers, batches of \(batch), chunks of \(chunkSize)")
            #expect(chunks.chunks.allSatisfy { $0.last == 0x0A }, "a chunk ends inside a line")
        }
    }

    /// Helpers much slower than the writer's thread (the writer renders most jobs and waits for
    /// the helpers' last ones before a splice), and the other way round (the helpers render most,
    /// the writer's jobs come late): the same bytes.
    @Test(arguments: [true, false])
    func slowRenderersChangeNothing(helpersSlow: Bool) {
        let jobs = 300
        let serial = Array(Self.serialText(jobs: jobs).utf8)
        let chunks = Self.streamed(jobs: jobs, workers: 3, batch: 16, chunkSize: 64) { renderer, job in
            if (renderer == 0) != helpersSlow && job % 5 == 0 { usleep(200) }
        }
        #expect(chunks.bytes == serial)
        #expect(chunks.chunks.allSatisfy { $0.last == 0x0A })
    }

    /// Each renderer's state is used by one thread only, and every renderer gets its own.
    @Test func eachRendererKeepsItsState() {
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var threads: [Int: Set<pthread_t>] = [:]
        }
        let seen = Seen()
        var out = ExportOutput(chunkSize: 256) { _ in }
        out.concurrency = ExportConcurrency(workers: 3, batchSize: 8, minimumSessions: 0)
        let counter = RendererCounter()
        let items = ExportItems(&out, sessions: 2_000, state: { counter.next() }) { (renderer: inout Int, job: Int, out: inout ExportOutput) in
            seen.lock.lock()
            seen.threads[renderer, default: []].insert(pthread_self())
            seen.lock.unlock()
            Self.line(job, to: &out)
        }
        for job in 0..<2_000 {
            items.add(job, to: &out)
            out.recordEnded()
        }
        items.finish(&out)
        out.flush()
        #expect(seen.threads.values.allSatisfy { $0.count == 1 }, "a state used on two threads")
        #expect(Set(seen.threads.keys).isSubset(of: [0, 1, 2]))
        #expect(Set(seen.threads.values.flatMap { $0 }).count == seen.threads.count, "two renderers on one thread")
    }

    /// The output streams: when a job's bytes are handed on, the walk has gone at most two batches
    /// past it (the batch being rendered and the one being gathered), never to the end.
    @Test func atMostTwoBatchesInFlight() {
        let jobs = 2_000, batch = 20
        let chunks = Self.streamed(jobs: jobs, workers: 2, batch: batch, chunkSize: 64)
        var handedJobs = 0
        for (chunk, added) in zip(chunks.chunks, chunks.addedWhenHandedOn) {
            let text = String(decoding: chunk, as: UTF8.self)
            handedJobs += text.split(separator: "\n").filter { $0.hasPrefix("job ") }.count
            // The last job handed on so far is `handedJobs - 1`; the walk may have added the rest of
            // its batch, the next batch and one job more (the one that filled it).
            #expect(added <= handedJobs + 2 * batch + 1 || added == jobs && handedJobs >= jobs - 2 * batch - 1,
                    "\(added) jobs added when \(handedJobs) were handed on")
        }
        #expect(handedJobs == jobs)
        #expect(chunks.addedWhenHandedOn.first! < jobs, "nothing handed on before the walk's end")
    }
}

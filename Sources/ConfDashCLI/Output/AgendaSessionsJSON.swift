import ConfDashCore
import Dispatch
import Foundation

/// `agenda --format json`'s `sessions` array: every session of the agenda, in its order, written
/// straight from the model (`SessionJSON`), on several cores when the agenda is large enough.
///
/// Writing the records was most of what the command did after loading (on 38C3, ~12 M
/// instructions for 2.3 MB of JSON), on one core while the other idled. The sessions are cut into
/// blocks of consecutive sessions; the calling thread and helpers each take the next block not
/// yet taken and write it into a buffer of its own (`JSONBytesWriter.itemsWriter`), and the
/// calling thread hands the blocks on in order as they are written. A session's bytes depend
/// only on the session, its event and whether it is the first: the output is byte for byte the
/// one-writer output (`AgendaSessionsJSONTests`). Each thread has its own
/// `SessionJSON.EventPart`s, whose caches are not shared between threads. Memory stays bounded:
/// at most twice as many blocks as threads written and not yet handed on.
struct AgendaSessionsJSON: JSONBytesWritable {
    let agenda: [(event: Event, sessions: [Session])]
    let builder: RecordBuilder
    /// How many threads write at once (1: all on the calling thread, as it comes).
    var workers = ProcessInfo.processInfo.activeProcessorCount

    /// Below this many sessions per worker, the workers are not worth waking.
    var minimumSessions = 256

    var count: Int { agenda.reduce(0) { $0 + $1.sessions.count } }

    func write(to writer: inout JSONBytesWriter) {
        let total = count
        let workers = min(workers, 4, total / max(1, minimumSessions))
        writer.openArray()
        if workers > 1 {
            writeInBlocks(total: total, workers: workers, to: &writer)
        } else {
            for (event, sessions) in agenda {
                let part = SessionJSON.EventPart(event, builder: builder)
                for session in sessions { writer.item(SessionJSON(session: session, part: part)) }
            }
        }
        writer.closeArray()
    }

    /// A place in the agenda: the event's index in `agenda` and the session's in its list.
    private struct Place {
        var event = 0
        var session = 0
    }

    private func writeInBlocks(total: Int, workers: Int, to writer: inout JSONBytesWriter) {
        // A few blocks per worker, so that one with longer abstracts does not keep the other
        // waiting long; at most 256 sessions (~0.6 MB) a block, which bounds what the buffers
        // hold (with 1,024, the 10k agenda's peak grew by 6 MB; with 256, by ~1 MB).
        let blockSize = min(256, max(64, (total + workers * 4 - 1) / (workers * 4)))
        // Where each block starts, then where the agenda ends.
        var starts: [Place] = []
        var next = 0, seen = 0
        for (event, part) in agenda.enumerated() {
            while next < seen + part.sessions.count {
                starts.append(Place(event: event, session: next - seen))
                next += blockSize
            }
            seen += part.sessions.count
        }
        let blocks = starts.count
        starts.append(Place(event: agenda.count, session: 0))
        let parts = (0..<workers).map { _ in agenda.map { SessionJSON.EventPart($0.event, builder: builder) } }
        // Blocks are written up to `window` ahead of the one handed on next, each into the
        // buffer of its place in the window.
        let window = workers * 2
        let buffers = UnsafeMutablePointer<JSONBytesWriter>.allocate(capacity: window)
        for slot in 0..<window { (buffers + slot).initialize(to: writer.itemsWriter(first: false)) }
        defer {
            buffers.deinitialize(count: window)
            buffers.deallocate()
        }
        let work = Work(agenda: agenda, parts: parts, starts: starts, buffers: buffers, window: window)
        for helper in 1..<workers {
            // The default pool, as `concurrentPerform` used: its thread is there already.
            DispatchQueue.global().async { work.help(worker: helper) }
        }
        // This thread writes blocks too, and hands each on in order as soon as it is written:
        // no thread waits for a round of blocks to end (issue 13, round 14: the rounds of
        // `concurrentPerform` each waited for their slowest block).
        for block in 0..<blocks {
            while let mine = work.nextBlock(before: block) { work.write(block: mine, worker: 0) }
            writer.appendItems(buffers[block % window])
            work.handedOn(block + 1)
        }
    }

    /// What the threads share. Unchecked, because the compiler cannot see what makes it safe:
    /// the agenda and the block starts are only read; the counters are read and written under
    /// `condition`; a block is written by the one thread that took it (`nextBlock`, `help`),
    /// into its buffer, which no other thread touches until the block is marked done, and is
    /// then handed on by the caller before a thread may take the block that reuses the
    /// buffer (`window` blocks later); each thread has its own event parts (whose caches are
    /// its alone). Every block is written before `writeInBlocks` returns; a helper that starts
    /// later, or runs on after, takes nothing. The dataset index and the builder are only read.
    private final class Work: @unchecked Sendable {
        let agenda: [(event: Event, sessions: [Session])]
        let parts: [[SessionJSON.EventPart]]
        let starts: [Place]
        let buffers: UnsafeMutablePointer<JSONBytesWriter>
        let window: Int
        private let condition = NSCondition()
        /// Under `condition`: the next block nobody has taken, the blocks handed on, and which are written.
        private var next = 0
        private var handed = 0
        private var done: [Bool]

        init(agenda: [(event: Event, sessions: [Session])], parts: [[SessionJSON.EventPart]], starts: [Place],
             buffers: UnsafeMutablePointer<JSONBytesWriter>, window: Int) {
            self.agenda = agenda
            self.parts = parts
            self.starts = starts
            self.buffers = buffers
            self.window = window
            done = Array(repeating: false, count: starts.count - 1)
        }

        private var blocks: Int { done.count }

        /// The caller's next block to write while `block` (the next to hand on) is not written;
        /// nil once it is (waiting while another thread writes it and there is nothing to take).
        func nextBlock(before block: Int) -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while !done[block] {
                if next < blocks && next < handed + window {
                    next += 1
                    return next - 1
                }
                condition.wait()
            }
            return nil
        }

        /// A helper thread's part: blocks until none is left.
        func help(worker: Int) {
            condition.lock()
            while next < blocks {
                guard next < handed + window else {
                    condition.wait()
                    continue
                }
                let block = next
                next += 1
                condition.unlock()
                write(block: block, worker: worker)
                condition.lock()
            }
            condition.unlock()
        }

        /// `count` blocks are handed on: their buffers may be written again.
        func handedOn(_ count: Int) {
            condition.lock()
            handed = count
            condition.broadcast()
            condition.unlock()
        }

        func write(block: Int, worker: Int) {
            let buffer = buffers + block % window
            buffer.pointee.restartItems(first: block == 0)
            var place = starts[block]
            let end = starts[block + 1]
            while place.event < end.event || (place.event == end.event && place.session < end.session) {
                let sessions = agenda[place.event].sessions
                let stop = place.event == end.event ? end.session : sessions.count
                let part = parts[worker][place.event]
                for index in place.session..<stop { buffer.pointee.item(SessionJSON(session: sessions[index], part: part)) }
                place = Place(event: place.event + 1, session: 0)
            }
            condition.lock()
            done[block] = true
            condition.broadcast()
            condition.unlock()
        }
    }
}

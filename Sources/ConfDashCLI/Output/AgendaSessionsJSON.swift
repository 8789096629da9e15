import ConfDashCore
import Dispatch
import Foundation

/// `agenda --format json`'s `sessions` array: every session of the agenda, in its order, written
/// straight from the model (`SessionJSON`), on several cores when the agenda is large enough.
///
/// Writing the records was most of what the command did after loading (on 38C3, ~12 M
/// instructions for 2.3 MB of JSON), on one core while the other idled. The sessions are cut into
/// blocks of consecutive sessions; each round, one block per worker is written into that worker's
/// own buffer (`JSONBytesWriter.itemsWriter`), then the blocks are handed on in order. A
/// session's bytes depend only on the session, its event and whether it is the first: the
/// output is byte for byte the one-writer output (`AgendaSessionsJSONTests`). Each worker has its
/// own `SessionJSON.EventPart`s, whose caches are not shared between threads. Memory stays
/// bounded: one round of blocks at a time.
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
        let buffers = UnsafeMutablePointer<JSONBytesWriter>.allocate(capacity: workers)
        for worker in 0..<workers { (buffers + worker).initialize(to: writer.itemsWriter(first: worker == 0)) }
        defer {
            buffers.deinitialize(count: workers)
            buffers.deallocate()
        }
        let work = Work(agenda: agenda, parts: parts, starts: starts, buffers: buffers)
        var round = 0
        while round * workers < blocks {
            let first = round * workers
            let count = min(workers, blocks - first)
            DispatchQueue.concurrentPerform(iterations: count) { worker in
                work.write(block: first + worker, worker: worker)
            }
            for worker in 0..<count { writer.appendItems(buffers[worker]) }
            round += 1
        }
    }

    /// What the workers share. Unchecked, because the compiler cannot see what makes it safe:
    /// the agenda and the block starts are only read, each worker writes only its own buffer
    /// and its own event parts (whose caches are its alone), and every worker is done before
    /// `concurrentPerform` returns. The dataset index and the builder are only read.
    private struct Work: @unchecked Sendable {
        let agenda: [(event: Event, sessions: [Session])]
        let parts: [[SessionJSON.EventPart]]
        let starts: [Place]
        let buffers: UnsafeMutablePointer<JSONBytesWriter>

        func write(block: Int, worker: Int) {
            let buffer = buffers + worker
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
        }
    }
}

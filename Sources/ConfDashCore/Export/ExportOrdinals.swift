import Dispatch
import Foundation

/// Every session id of a dataset and its number: 1-based, in the order of the dataset's events
/// and their sessions, a repeated id keeping its first number (frab's numeric `id`).
///
/// The table is made on another thread from the moment this is made: only schedule.xml and
/// schedule.json need it, and only when their talks are written, so it is made while the
/// command filters, groups and lays out the sessions (for 100,000 sessions, a table of 100,000
/// Strings is tens of milliseconds that were spent waiting).
public final class ExportOrdinals: @unchecked Sendable {
    private let dataset: Dataset
    private var made: SessionOrdinalTable?
    /// Set by whichever thread makes the table first: the background task, or a reader that
    /// finds the task not started yet (every thread of the pool busy) and makes it itself, so
    /// that no reader ever waits for a task stuck in a queue.
    private var claimed = false
    private let lock = NSLock()
    private let done = DispatchGroup()

    public init(_ dataset: Dataset) {
        self.dataset = dataset
        done.enter()
        DispatchQueue.global().async { [self] in _ = make() }
    }

    /// Makes the table unless another thread has claimed it; true when this thread made it.
    @discardableResult
    private func make() -> Bool {
        lock.lock()
        guard !claimed else { lock.unlock(); return false }
        claimed = true
        lock.unlock()
        let table = Self.table(dataset)
        lock.lock()
        made = table
        lock.unlock()
        done.leave()
        return true
    }

    /// The table, once made (made here if the background task has not started, else waited for).
    var table: SessionOrdinalTable {
        if !make() { done.wait() }
        lock.lock()
        defer { lock.unlock() }
        return made!
    }

    private static func table(_ dataset: Dataset) -> SessionOrdinalTable { SessionOrdinalTable(dataset) }
}

/// The table of `ExportOrdinals`: a session id's number, found by the position of the session
/// that first has the id, not by a copy of the id.
///
/// A `[String: Int]` of 100,000 ids was 262,144 buckets of 24 bytes (6.3 MB), alive until the
/// last talk is written, at the export's peak. Here a bucket is the position of a session in the
/// dataset (4 bytes, 0 for none), and the id is compared in place in the dataset's sessions: 1 MB
/// of buckets and 0.4 MB of numbers by position. The same numbers, the same look-ups (one hash,
/// then ids compared along a run of buckets).
struct SessionOrdinalTable: @unchecked Sendable {
    /// Each event's sessions (the dataset's arrays, shared) and where they start among all.
    private let sessions: [[Session]]
    private let starts: [Int]
    /// Open addressing, linear probing, at most half full: position + 1 of the first session with
    /// the id hashed here, or 0.
    private let buckets: [UInt32]
    private let mask: Int
    /// By position: the session's number, where it is the first with its id (the others are
    /// never read).
    private let numbers: [UInt32]

    init(_ dataset: Dataset) {
        var sessions: [[Session]] = []
        var starts: [Int] = []
        var total = 0
        for event in dataset.events {
            sessions.append(event.sessions)
            starts.append(total)
            total += event.sessions.count
        }
        precondition(total < Int(UInt32.max), "too many sessions to number")
        var size = 16
        while size < 2 * total { size *= 2 }
        self.sessions = sessions
        self.starts = starts
        mask = size - 1
        var buckets = [UInt32](repeating: 0, count: size)
        var numbers = [UInt32](repeating: 0, count: total)
        // Event by event, in order: a new id gets the next number, a repeated one keeps its first.
        var next: UInt32 = 1
        var position = 0
        for eventSessions in sessions {
            for session in eventSessions {
                let id = session.id
                var bucket = id.hashValue & mask
                while true {
                    let found = Int(buckets[bucket])
                    if found == 0 {
                        buckets[bucket] = UInt32(position + 1)
                        numbers[position] = next
                        next += 1
                        break
                    }
                    if Self.id(at: found - 1, sessions, starts) == id { break }
                    bucket = (bucket + 1) & mask
                }
                position += 1
            }
        }
        self.buckets = buckets
        self.numbers = numbers
    }

    /// The id of the session at `position` among all (events in order).
    private static func id(at position: Int, _ sessions: [[Session]], _ starts: [Int]) -> String {
        // The last event starting at or before `position` (an empty event starts where the next
        // does, so the last of equal starts is the one that holds it).
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= position { low = middle } else { high = middle - 1 }
        }
        return sessions[low][position - starts[low]].id
    }

    /// The number of the sessions with this id, or nil when no session of the dataset has it.
    subscript(id: String) -> Int? {
        var bucket = id.hashValue & mask
        while true {
            let found = Int(buckets[bucket])
            if found == 0 { return nil }
            if Self.id(at: found - 1, sessions, starts) == id { return Int(numbers[found - 1]) }
            bucket = (bucket + 1) & mask
        }
    }
}

import Dispatch
import Foundation

/// A conference as one of the format readers understood it, before it becomes confdash records:
/// things are still named rather than identified, texts are still as published, and times are
/// already wall-clock times in `timeZone`. Each reader produces one; `DatasetAssembler` does the
/// rest the same way for every format.
struct ImportedEvent {
    var title: String?
    var shortTitle: String?
    /// What the event id is made from (an acronym such as `38c3`).
    var idHint: String?
    /// The schedule's version label, as written (`Event.scheduleVersion`).
    var version: String?
    /// `Event.timeZone`: an IANA name or a fixed offset; nil when only floating times are known.
    var timeZone: String?
    /// Days the schedule declares (its day list, its start and end), which the event covers even
    /// when no session falls on them.
    var dates: [CalendarDate] = []
    var url: String?
    /// Against which relative links (`/system/attachments/…`) are resolved.
    var baseURL: String?
    /// Tracks and rooms the schedule lists up front, in its order; more may come from sessions.
    var tracks: [ImportedTrack] = []
    var rooms: [String] = []
    var entries = ImportedEntries()
}

/// The entries of an `ImportedEvent`, in file order, in pieces that the assembler lets go as it
/// builds their sessions (issue 13: one array of 100,000 entries was 32 MB of new memory, held
/// until the last session was built, beside the sessions).
///
/// A reader that frees memory as it makes entries (`ScheduleResolver`: a draft session's field
/// list and values, let go as its entry is made) gives each entry a piece of its own, about 350
/// bytes, which fits in what was just freed: the entries take the drafts' place instead of
/// adding to them. A reader that frees nothing meanwhile (iCalendar) uses pieces of a batch
/// (`batchSize` entries), each handed back to the system whole once its sessions are built.
struct ImportedEntries {
    /// Entries the assembler works on at once (their abstracts cleaned on every core).
    static let batchSize = 4096

    /// 1 or `batchSize`.
    let pieceSize: Int
    private var pieces: [[ImportedEntry]] = []
    private(set) var count = 0
    /// How many entries the reader expects in all, so that each batch-sized piece is made its size at once.
    private var expected = 0

    init(inBatches: Bool = false) { pieceSize = inBatches ? Self.batchSize : 1 }

    var isEmpty: Bool { count == 0 }

    /// Says how many entries will come (a hint: more or fewer may).
    mutating func reserveCapacity(_ total: Int) {
        expected = total
        pieces.reserveCapacity((total + pieceSize - 1) / pieceSize)
    }

    mutating func append(_ entry: consuming ImportedEntry) {
        count += 1
        if pieceSize == 1 {
            pieces.append([entry])
            return
        }
        if pieces.isEmpty || pieces[pieces.count - 1].count == pieceSize {
            var piece: [ImportedEntry] = []
            piece.reserveCapacity(min(pieceSize, max(expected - (count - 1), 1)))
            pieces.append(piece)
        }
        pieces[pieces.count - 1].append(entry)
    }

    /// `more`'s entries after these, in their pieces (a split resolve's later days).
    mutating func append(contentsOf more: ImportedEntries) {
        guard more.count > 0 else { return }
        if pieceSize == more.pieceSize && (pieceSize == 1 || pieces.last.map { $0.count == pieceSize } ?? true) {
            pieces += more.pieces
            count += more.count
        } else {
            more.forEach { append($0) }
        }
    }

    static func += (entries: inout ImportedEntries, more: [ImportedEntry]) {
        for entry in more { entries.append(entry) }
    }

    /// Every entry, in order (for the rare passes that need them all, and tests). Each is lent
    /// in place: `for entry in piece` copied every entry (all its strings retained, then
    /// released), 100,000 copies of entries long out of the cache at 100,000 sessions (issue 13).
    func forEach(_ body: (ImportedEntry) -> Void) {
        for piece in pieces {
            piece.withUnsafeBufferPointer { entries in
                for index in entries.indices { body(entries[index]) }
            }
        }
    }

    /// `transform` of each entry of `batch` (one of `0..<count` cut in `batchSize` steps), worked
    /// out on every core (see `ConcurrentMap`).
    func concurrentMap<Result>(_ batch: Range<Int>, _ transform: (ImportedEntry) -> Result) -> [Result] {
        // Each entry lent in place (see `forEach`), not copied for `transform`.
        if pieceSize == 1 { return ConcurrentMap.map(pieces[batch]) { $0.withUnsafeBufferPointer { transform($0[0]) } } }
        let piece = batch.lowerBound / pieceSize, start = batch.lowerBound % pieceSize
        return ConcurrentMap.map(pieces[piece][start..<(start + batch.count)], transform)
    }

    /// `concurrentMap(batch, transform)` started on another thread, for the caller to collect
    /// (`Ahead.results`) while it takes the batch before it: then the caller's thread, which
    /// builds sessions one after another, never cleans texts itself, and the other core does
    /// while it builds (issue 13). Nil on one core, and for entries in batch-sized pieces
    /// (iCalendar: its peak, 2.96 times the file at 100,000 sessions, rose by ~0.7 MB with one
    /// more batch of cleaned texts held; its time was within budget already).
    ///
    /// The worker reads the batch's entries in place, through pointers to them: the caller must
    /// not take or change an entry of `batch` (nor let go of these entries) before `results`
    /// has returned. Taking entries of other batches moves them out of pieces of their own
    /// (`take`), which neither moves these entries nor makes the piece list a copy.
    func ahead<Result>(_ batch: Range<Int>, _ transform: @escaping @Sendable (ImportedEntry) -> Result) -> Ahead<Result>? {
        guard pieceSize == 1, ProcessInfo.processInfo.activeProcessorCount > 1, !batch.isEmpty else { return nil }
        var lent: [UnsafePointer<ImportedEntry>] = []
        lent.reserveCapacity(batch.count)
        for index in batch {
            let piece = pieceSize == 1 ? index : index / pieceSize
            let offset = pieceSize == 1 ? 0 : index % pieceSize
            // The element's address in its piece's storage, which stays put while the piece is
            // neither changed nor let go (the promise above).
            lent.append(pieces[piece].withUnsafeBufferPointer { $0.baseAddress! + offset })
        }
        let ahead = Ahead<Result>(lent)
        DispatchQueue.global(qos: .userInitiated).async { ahead.work(transform) }
        return ahead
    }

    /// A batch's `transform`s worked out on another thread (`ahead(_:_:)`). Unchecked: the
    /// worker alone touches `entries` and `mapped` until it signals, the caller only after.
    final class Ahead<Result>: @unchecked Sendable {
        private let entries: [UnsafePointer<ImportedEntry>]
        private var mapped: [Result] = []
        private let done = DispatchSemaphore(value: 0)

        fileprivate init(_ entries: [UnsafePointer<ImportedEntry>]) { self.entries = entries }

        fileprivate func work(_ transform: (ImportedEntry) -> Result) {
            mapped = entries.map { transform($0.pointee) }
            done.signal()
        }

        /// The results, in the batch's order, once the worker has them (waits until then).
        var results: [Result] {
            done.wait()
            done.signal()
            return mapped
        }
    }

    /// `transform` of each entry of `batch`, worked out by another thread and by the caller's
    /// own as it asks for them in order (`Shared.result(_:)`): for a schedule of one batch,
    /// whose sessions are built by the caller while nothing is cleaned ahead. Before, its texts
    /// were all cleaned on every core first, then its sessions built on one core while the
    /// other idled (38C3: ~27 M instructions of cleaning on each core, then ~25 M of building on
    /// one; issue 13, round 14). Nil where `ahead` is nil.
    ///
    /// The same promise as `ahead`: the caller takes an entry of `batch` only once its result
    /// has been handed over, and changes no other entry of `batch` before `finish()`.
    func shared<Result>(_ batch: Range<Int>, _ transform: @escaping @Sendable (ImportedEntry) -> Result) -> Shared<Result>? {
        guard pieceSize == 1, ProcessInfo.processInfo.activeProcessorCount > 1, !batch.isEmpty else { return nil }
        let lent = batch.map { index in pieces[index].withUnsafeBufferPointer { $0.baseAddress! } }
        let shared = Shared<Result>(lent, first: batch.lowerBound, transform: transform)
        // On the default pool, as `concurrentPerform` from this thread: its worker has run
        // already (the file's check) and has a malloc arena of its own. A user-initiated worker
        // was a new thread, which took over the arena of the thread that read the second half
        // of a split schedule.xml, and then waited on the arena lock while this thread freed
        // those entries (issue 13, round 14).
        DispatchQueue.global().async { shared.work() }
        return shared
    }

    /// A batch's `transform`s shared between a worker and the caller (`shared(_:_:)`): both
    /// take the next chunk of entries not yet taken; the caller, asking for an entry of a chunk
    /// the worker holds, takes the next one meanwhile (or waits when none is left). Each result
    /// is worked out once, by either thread, and is the same either way. Unchecked: the chunk
    /// counters are read and written under `condition`, a result slot by the thread that took
    /// its chunk and then, once its chunk is marked done, by the caller alone.
    final class Shared<Result>: @unchecked Sendable {
        /// Entries per chunk: 38C3's 1,007 are 126 chunks, a chunk ~0.1 ms of cleaning.
        static var chunkSize: Int { 8 }

        private let entries: [UnsafePointer<ImportedEntry>]
        private let first: Int
        private let transform: @Sendable (ImportedEntry) -> Result
        private let results: UnsafeMutablePointer<Result?>
        private let chunks: Int
        private let condition = NSCondition()
        /// Under `condition`: the next chunk nobody has taken, and which chunks are done.
        private var next = 0
        private var done: [Bool]
        /// The caller's alone: chunks below it are known done.
        private var readyBelow = 0

        fileprivate init(_ entries: [UnsafePointer<ImportedEntry>], first: Int, transform: @escaping @Sendable (ImportedEntry) -> Result) {
            self.entries = entries
            self.first = first
            self.transform = transform
            results = .allocate(capacity: entries.count)
            results.initialize(repeating: nil, count: entries.count)
            chunks = (entries.count + Self.chunkSize - 1) / Self.chunkSize
            done = Array(repeating: false, count: chunks)
        }

        deinit {
            results.deinitialize(count: entries.count)
            results.deallocate()
        }

        private func run(_ chunk: Int) {
            for index in (chunk * Self.chunkSize)..<min(entries.count, (chunk + 1) * Self.chunkSize) {
                results[index] = transform(entries[index].pointee)
            }
        }

        /// With `condition` locked: takes the next chunk nobody has taken, works it out unlocked,
        /// marks it done and wakes the caller if it waits for it; false when none was left. The
        /// one way either thread takes a chunk.
        private func runNextChunk() -> Bool {
            guard next < chunks else { return false }
            let chunk = next
            next += 1
            condition.unlock()
            run(chunk)
            condition.lock()
            done[chunk] = true
            condition.signal()
            return true
        }

        /// The worker's part: chunks until none is left.
        fileprivate func work() {
            condition.lock()
            while runNextChunk() {}
            condition.unlock()
        }

        /// The result for the entry at `index` of the batch (its place among all entries), moved
        /// out: asked once each, in order.
        func result(_ index: Int) -> Result {
            let place = index - first
            let chunk = place / Self.chunkSize
            if chunk >= readyBelow {
                condition.lock()
                // Another chunk while the worker holds this one; a wait once none is left.
                while !done[chunk] {
                    if !runNextChunk() { condition.wait() }
                }
                condition.unlock()
                readyBelow = chunk + 1
            }
            var taken: Result?
            swap(&taken, &results[place])
            return taken!
        }
    }

    /// The entry at `index`, moved out; its piece is let go with its last entry. Entries are
    /// taken in order, each once.
    mutating func take(_ index: Int) -> ImportedEntry {
        let piece = pieceSize == 1 ? index : index / pieceSize
        let offset = pieceSize == 1 ? 0 : index % pieceSize
        var entry = ImportedEntry(path: "")
        swap(&entry, &pieces[piece][offset])
        if offset == pieces[piece].count - 1 { pieces[piece] = [] }
        return entry
    }
}

struct ImportedTrack {
    var name: String
    var slug: String?
    var color: String?
    var position: JSONPosition?
}

/// One programme item, as published.
struct ImportedEntry {
    /// Where it starts in the file and how problems name it (`day[2].room[5].event[3]`).
    var position: JSONPosition?
    var path: String
    /// The file's own id for it (frab id, pretalx code, iCalendar UID).
    var idHint: String?
    /// The file's lasting identifier (frab/pretalx guid, iCalendar UID), which survives
    /// renumbering between versions; kept as `Session.uid`.
    var uid: String?
    var title: String?
    /// The file's word for what it is ("Talk", "lecture", "Workshop").
    var type: String?
    /// The conference day it belongs to; after midnight this is still the day before.
    var day: CalendarDate?
    /// Instead of `day`: the days the entry may fall on, when the file says it does not state which.
    var possibleDays: DateRange?
    /// Wall clock in the event's zone; nil for an all-day entry or when no time is given.
    var start: LocalDateTime?
    var durationMinutes: Int?
    var room: String?
    var language: String?
    /// Subtitle, abstract and description as published (HTML or Markdown allowed); cleaned and
    /// joined into the session's abstract.
    var texts: [String] = []
    var tracks: [String] = []
    var people: [ImportedPerson] = []
    var links: [ImportedLink] = []
}

struct ImportedPerson {
    /// The file's id for the person (guid, id or pretalx code), so that two people with one name stay two.
    var idHint: String?
    var name: String
    /// What the file says the person does; frab and pretalx files only list speakers.
    var role: SessionPerson.Role = .speaker
}

struct ImportedLink {
    var url: String
    var title: String?
}

import Dispatch
import Foundation
#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// A handler whose reading can be split in two parts read at once (see `XMLSplitScan`).
protocol XMLSplitHandler: XMLHandler, SendableMetatype {
    /// The element, directly inside the root, before which the second part may start.
    static var splitElement: StaticString { get }
    /// A handler for the second part: it reads on inside a root element named `root`, where a
    /// handler that had read all before would have `splitMark` equal to `marks` (the number of
    /// `splitElement` start tags before the place); nil when it cannot.
    init?(continuingInside root: String, after marks: Int)
    /// Takes over what the second part's handler read (it read on from where this one stopped),
    /// and closes the root: this handler is then as if it had read the whole document.
    mutating func join(_ next: consuming Self)
}

/// Reads a large XML document on two cores: the second part from a `<day` near the middle (for
/// schedule.xml, `splitElement`), at the same time as the first part from the start. Issue 13:
/// opening a schedule is budgeted at 1.5 times `xmllint --noout`, which reads on one core;
/// reading the bytes was a third of opening the generated 100,000 sessions, on one core while
/// the other idled.
///
/// The second part is speculative. It starts on the line the bytes before it end on (their line
/// breaks counted), inside the root, with the handler told how many `<day` tags came before.
/// That is right when the first part, which is the sequential reading itself, arrives exactly at
/// that place directly inside a root of that name, between two of its children, with its handler
/// agreeing (`splitMark`): then the first part stops there, and what the second part read (its
/// elements, warnings, or first error) is what the sequential reading would have read from there
/// on, to the byte: positions are the file's, warnings given once per kind across both parts,
/// the root's name and line the real ones. Whenever the first part gets there any other way (the
/// `<day` was inside a comment, CDATA, an attribute value or a deeper element, or an error came
/// first, or the file ends before), the second part is dropped and the first simply reads on:
/// nothing is read twice and nothing depends on the guess.
///
/// Memory: each part hands back the pages it has passed (`PassedPages`), except that the second
/// part keeps its pages until the first part has confirmed it, since the first part would read
/// them if it did not.
enum XMLSplitScan {
    /// Smaller documents are read on one core: a schedule of a few hundred sessions takes a few
    /// milliseconds to read, and the parts would be badly matched at day boundaries.
    static let minimumBytes = 1 << 20
    /// Larger documents are read on one core too. Measured on a quiet machine (hyperfine, 2
    /// cores, 2026-12-02): the 100,000-session schedule.xml (62 MB) took 1.84 s in two parts
    /// against 1.56 s in one, with twice the system time, while 38C3 (2.2 MB) went from 39 to
    /// 30 ms and 10,000 sessions (6 MB) from 150 to 138 ms. At that size the worker's drafts,
    /// kept in a malloc arena of their own, also raised the peak (190 to 212 MB, above issue 13's
    /// budget of three times the file); one shared arena (`M_ARENA_MAX` 1) kept the peak but
    /// not the time.
    static let maximumBytes = 16 << 20
    /// Where the second part starts, as a share of the document (the first `<day` from there):
    /// the middle, for the parts to end together.
    static let share = 0.5

    /// When to split, and where.
    struct Options: Sendable {
        var minimumBytes = XMLSplitScan.minimumBytes
        var maximumBytes = XMLSplitScan.maximumBytes
        /// nil: `XMLSplitScan.share`.
        var share: Double?
        var workers = ProcessInfo.processInfo.activeProcessorCount
        /// Starts the second part's worker: nil for a pool thread here, and for a `SplitWorker`
        /// in `DatasetImporter` (tests start it late, or never).
        var start: (@Sendable (@escaping @Sendable () -> Void) -> Void)?
        /// Whether the first part, arriving before the worker has started, waits for it rather
        /// than giving it up: for tests of small documents, whose first part may arrive before
        /// a thread starts. Only for a worker sure to start.
        var waitsForWorker = false

        static let automatic = Options()
        static let sequential = Options(minimumBytes: .max)
    }

    /// How a reading went: on one core, in two parts joined (the second from after `secondFrom`
    /// `splitElement`s), or the first part reading on alone.
    enum Report: Equatable {
        case sequential, split(secondFrom: Int), readOn

        var wasSplit: Bool {
            if case .split = self { return true }
            return false
        }
    }

    /// `XMLReader.scan(taking:into:)`, in two parts when the document is large enough, there is
    /// a second core and a place to split it; the same result either way.
    static func scan<Handler: XMLSplitHandler>(taking bytes: inout [UInt8], into handler: inout Handler, options: Options = .automatic,
                                               report: ((Report) -> Void)? = nil) -> Result<[XMLWarning], XMLSyntaxError> {
        guard bytes.count >= max(options.minimumBytes, 2), bytes.count <= options.maximumBytes, options.workers > 1 else {
            report?(.sequential)
            return XMLReader.scan(taking: &bytes, into: &handler)
        }
        var owned: [UInt8] = []
        swap(&owned, &bytes)
        if let error = XMLReader.declaredEncodingError(owned) {
            report?(.sequential)
            return .failure(error)
        }
        let start = Int(Double(owned.count) * min(max(options.share ?? share, 0), 1))
        guard let split = owned.withUnsafeBytes({ splitPlace($0, near: start, element: Handler.splitElement) }) else {
            report?(.sequential)
            return XMLReader.scan(taking: &owned, into: &handler)
        }
        // Each part's bytes checked on its own core; the file's first problem, if any, is then
        // found and placed by the sequential reading, with every page still there.
        let clean = CleanParts()
        owned.withUnsafeBytes { raw in
            let parts = Parts(raw: raw, split: split, clean: clean)
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let range = index == 0 ? 0..<parts.split : parts.split..<parts.raw.count
                parts.clean.set(index, XMLReader.isCleanUTF8WithoutControls(UnsafeRawBufferPointer(rebasing: parts.raw[range])))
            }
        }
        guard clean.both else {
            report?(.sequential)
            return XMLReader.scan(taking: &owned, into: &handler)
        }

        let work = Work(first: handler, split: split, waitsForWorker: options.waitsForWorker)
        // A mutable buffer makes the array's storage this function's alone, so that no one else
        // can read the pages released (as in `XMLReader.scan(taking:into:)`).
        let result = owned.withUnsafeMutableBufferPointer { mutable in
            work.bytes = UnsafeBufferPointer(mutable)
            // The second part on a worker, the first here. Nothing here waits for the worker to
            // start: the first part gives the second up if it arrives before the worker has
            // counted, and `close` waits only for a worker that has started using the bytes.
            let start = options.start ?? { DispatchQueue.global(qos: .userInitiated).async(execute: $0) }
            start { work.readSecond() }
            work.readFirst()
            work.rendezvous.close()
            return work.finish()
        }
        handler = work.handler
        report?(work.joined ? .split(secondFrom: work.secondMarks) : .readOn)
        return result
    }

    /// The first `<element` followed by a space, `>` or `/` at or after `start`, else the last
    /// before it; not at the very start (there would be no first part).
    static func splitPlace(_ raw: UnsafeRawBufferPointer, near start: Int, element: StaticString) -> Int? {
        var index = max(start, 1)
        while index < raw.count {
            guard let found = nextOpen(raw, from: index) else { break }
            if startsTag(raw, at: found, element) { return found }
            index = found + 1
        }
        index = min(start, raw.count) - 1
        while index >= 1 {
            if raw[index] == UInt8(ascii: "<"), startsTag(raw, at: index, element) { return index }
            index -= 1
        }
        return nil
    }

    /// Where the next `<` is, from `index`.
    private static func nextOpen(_ raw: UnsafeRawBufferPointer, from index: Int) -> Int? {
        let found = ByteWords.firstMarked(raw, from: index) { ByteWords.equal($0, UInt8(ascii: "<")) }
        var at = found
        while at < raw.count {
            if raw[at] == UInt8(ascii: "<") { return at }
            at += 1
        }
        return nil
    }

    /// Whether `raw[index...]` is `<` + `element` and then a space, `>` or `/` (a start tag of
    /// exactly that name; `<days` is not `<day`).
    @inline(__always)
    static func startsTag(_ raw: UnsafeRawBufferPointer, at index: Int, _ element: StaticString) -> Bool {
        let count = element.utf8CodeUnitCount
        guard index + count + 1 < raw.count else { return false }
        let name = element.utf8Start
        for offset in 0..<count where raw[index + 1 + offset] != name[offset] { return false }
        let after = raw[index + 1 + count]
        return XMLReader.isSpace(after) || after == UInt8(ascii: ">") || after == UInt8(ascii: "/")
    }

    /// The line breaks before `end`, where the line `end` is on starts, and the `<element` start
    /// tags before `end` (as `startsTag` tells them): what the second part starts with.
    static func before(_ raw: UnsafeRawBufferPointer, _ end: Int, element: StaticString)
        -> (lineBreaks: Int, lineStart: Int, marks: Int) {
        var lineBreaks = 0, lastBreak = -1, marks = 0
        var index = 0
        #if arch(x86_64)
        // Sixteen bytes at a time with SSE2, and only a `<` followed by the element's first letter
        // is looked at further (every tag's `<` was; issue 13). Reads up to the byte at `end`.
        if let base = raw.baseAddress, element.utf8CodeUnitCount > 0, end < raw.count {
            let first = _mm_set1_epi8(CChar(bitPattern: element.utf8Start[0]))
            let newline = _mm_set1_epi8(0x0A), open = _mm_set1_epi8(0x3C)
            while index + 17 <= end {
                let here = _mm_loadu_si128((base + index).assumingMemoryBound(to: __m128i.self))
                let next = _mm_loadu_si128((base + index + 1).assumingMemoryBound(to: __m128i.self))
                let breaks = UInt32(truncatingIfNeeded: _mm_movemask_epi8(_mm_cmpeq_epi8(here, newline)))
                if breaks != 0 {
                    lineBreaks += breaks.nonzeroBitCount
                    lastBreak = index + (31 - breaks.leadingZeroBitCount)
                }
                var opens = UInt32(truncatingIfNeeded: _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(here, open), _mm_cmpeq_epi8(next, first))))
                while opens != 0 {
                    if startsTag(raw, at: index + opens.trailingZeroBitCount, element) { marks += 1 }
                    opens &= opens - 1
                }
                index += 16
            }
        }
        #endif
        while index + 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let breaks = ByteWords.equal(word, 0x0A)
            if breaks != 0 {
                lineBreaks += breaks.nonzeroBitCount
                lastBreak = index + (63 - breaks.leadingZeroBitCount) / 8
            }
            var opens = ByteWords.equal(word, UInt8(ascii: "<"))
            while opens != 0 {
                if startsTag(raw, at: index + opens.trailingZeroBitCount / 8, element) { marks += 1 }
                opens &= opens - 1
            }
            index += 8
        }
        while index < end {
            if raw[index] == 0x0A {
                lineBreaks += 1
                lastBreak = index
            } else if raw[index] == UInt8(ascii: "<"), startsTag(raw, at: index, element) {
                marks += 1
            }
            index += 1
        }
        // The first line starts after a byte order mark, as the sequential reading has it.
        let bom = raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF ? 3 : 0
        return (lineBreaks, lastBreak >= 0 ? lastBreak + 1 : bom, marks)
    }

    /// What the two checks found.
    private final class CleanParts: @unchecked Sendable {
        private let lock = NSLock()
        private var results = [false, false]
        func set(_ index: Int, _ clean: Bool) { lock.withLock { results[index] = clean } }
        var both: Bool { lock.withLock { results[0] && results[1] } }
    }

    /// The bytes the checks share: only read.
    private struct Parts: @unchecked Sendable {
        let raw: UnsafeRawBufferPointer
        let split: Int
        let clean: CleanParts
    }

    /// Both parts' reading and what each leaves. Unchecked: each part's fields are written by
    /// its own thread only, and read by the caller after `concurrentPerform` has returned; the
    /// bytes are only read (the released pages of each part are ones the other never reads,
    /// see `XMLSplitPart`).
    private final class Work<Handler: XMLSplitHandler>: @unchecked Sendable {
        var handler: Handler
        let split: Int
        var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        let rendezvous: XMLSplitRendezvous
        private var first: XMLScanner<Handler>?
        private var firstResult: Result<Void, XMLSyntaxError> = .success(())
        private var second: XMLScanner<Handler>?
        private var secondResult: Result<Void, XMLSyntaxError> = .success(())
        /// Whether the second part's reading was used.
        private(set) var joined = false
        /// The `splitElement`s before the second part.
        private(set) var secondMarks = 0

        init(first handler: Handler, split: Int, waitsForWorker: Bool) {
            self.handler = handler
            self.split = split
            rendezvous = XMLSplitRendezvous(waitsForWorker: waitsForWorker)
        }

        func readFirst() {
            var scanner = XMLScanner(firstPartOf: bytes, handler: handler, releasing: true,
                                     part: XMLSplitPart(rendezvous, offset: split, isSecond: false))
            do throws(XMLSyntaxError) {
                try scanner.document()
            } catch {
                firstResult = .failure(error)
            }
            rendezvous.firstEnded()
            first = scanner
        }

        func readSecond() {
            guard rendezvous.enter() else { return }
            defer { rendezvous.leave() }
            let place = XMLSplitScan.before(UnsafeRawBufferPointer(bytes), split, element: Handler.splitElement)
            rendezvous.counted(marks: place.marks)
            secondMarks = place.marks
            guard let root = rendezvous.root(),
                  let handler = Handler(continuingInside: root.name, after: place.marks),
                  rendezvous.secondBegins() else { return }
            var scanner = XMLScanner(secondPartOf: bytes, handler: handler, releasing: true,
                                     part: XMLSplitPart(rendezvous, offset: split, isSecond: true),
                                     root: root.name, rootLine: root.line, line: place.lineBreaks + 1, lineStart: place.lineStart)
            do throws(XMLSyntaxError) {
                try scanner.document()
            } catch {
                secondResult = .failure(error)
            }
            second = scanner
        }

        /// The result of the whole reading, on the calling thread once both parts are done.
        func finish() -> Result<[XMLWarning], XMLSyntaxError> {
            guard var first else { return .failure(XMLSplitPart.cancelled) }
            defer { handler = first.handler }
            // After `close`: the worker is done with everything below.
            if case .failure(let error) = firstResult { return .failure(error) }
            guard first.stoppedAtSplit else { return .success(first.warnings) }
            guard let second else {
                // Confirmed, but the second part never ran (and so released nothing): the first reads on.
                do throws(XMLSyntaxError) {
                    try first.document()
                    return .success(first.warnings)
                } catch {
                    return .failure(error)
                }
            }
            joined = true
            if case .failure(let error) = secondResult { return .failure(error) }
            first.handler.join(second.handler)
            // A warning given once per kind (an unknown entity) is not given again for the second part.
            let given = Set(first.warningKeys.compactMap { $0 })
            var warnings = first.warnings
            for (warning, key) in zip(second.warnings, second.warningKeys) where key.map({ !given.contains($0) }) ?? true {
                warnings.append(warning)
            }
            return .success(warnings)
        }
    }
}

/// What the two parts of a split read tell each other (`XMLSplitScan`). Only the second part's
/// worker ever waits for the first part (for the root's name, which the first part meets within
/// its first bytes, or its end); the first part waits for the worker only once the worker has
/// started, and the worker never waits for anything while it reads. So neither can wait for the
/// other at once, however late the worker starts.
final class XMLSplitRendezvous: @unchecked Sendable {
    enum Decision { case undecided, confirmed, abandoned }

    private let condition = NSCondition()
    private let waitsForWorker: Bool
    private var decision = Decision.undecided
    private var rootSeen: (name: String, line: Int)?
    private var firstDone = false
    private var marks: Int?
    /// The worker is using the bytes (from `enter` to `leave`).
    private var inside = false
    /// The worker has entered (it may have left since: its reading is then complete).
    private var entered = false
    /// The worker has come and gone, or will not come (`close`).
    private var closed = false

    init(waitsForWorker: Bool = false) { self.waitsForWorker = waitsForWorker }

    var current: Decision { condition.withLock { decision } }

    /// The worker starts using the bytes, unless it comes too late (the first part gave it up
    /// or everything is over).
    func enter() -> Bool {
        condition.withLock {
            guard !closed && decision != .abandoned else { return false }
            inside = true
            entered = true
            return true
        }
    }

    func leave() {
        condition.withLock {
            inside = false
            closed = true
            condition.broadcast()
        }
    }

    /// No worker may start from now on; waits for one that has started to leave.
    func close() {
        condition.withLock {
            closed = true
            while inside { condition.wait() }
        }
    }

    /// The first part opened the root element.
    func rootOpened(_ name: String, line: Int) {
        condition.withLock {
            rootSeen = (name, line)
            condition.broadcast()
        }
    }

    /// The worker's wait for the root's name and line; nil when the first part ended without
    /// one, or gave the second part up (it may be waiting for the worker to leave).
    func root() -> (name: String, line: Int)? {
        condition.withLock {
            while rootSeen == nil && !firstDone && decision != .abandoned { condition.wait() }
            return decision == .abandoned ? nil : rootSeen
        }
    }

    /// The worker counted the `splitElement` tags before its place.
    func counted(marks: Int) {
        condition.withLock {
            self.marks = marks
            condition.broadcast()
        }
    }

    /// The second part starts reading, unless the first part has given it up.
    func secondBegins() -> Bool {
        condition.withLock { decision != .abandoned }
    }

    /// The first part is where the second started, or past it: whether it stops there
    /// (`exactly`: at that very place, between two children of the root, with a handler whose
    /// mark is the one the second part started with). When it does not, it waits for the worker
    /// to stop using the bytes before it reads on over them.
    func arrived(exactly: Bool, mark: Int?) -> Bool {
        condition.withLock {
            guard decision == .undecided else { return decision == .confirmed }
            // A worker that has started is counting; one that has not may never come.
            while marks == nil && (inside || waitsForWorker && !entered) { condition.wait() }
            if exactly, let mark, mark == marks, entered {
                decision = .confirmed
                condition.broadcast()
                return true
            }
            decision = .abandoned
            condition.broadcast()
            while inside { condition.wait() }
            return false
        }
    }

    /// The first part ended (the whole document read, or an error): a second part that has not
    /// been confirmed will not be.
    func firstEnded() {
        condition.withLock {
            firstDone = true
            if decision == .undecided { decision = .abandoned }
            condition.broadcast()
        }
    }
}

/// One part's side of a split read, as its scanner sees it.
struct XMLSplitPart {
    /// Thrown by a second part the first has given up: never a result.
    static let cancelled = XMLSyntaxError(message: "the split read was given up", position: JSONPosition(line: 0, column: 0))

    let rendezvous: XMLSplitRendezvous
    /// Where the second part starts.
    let offset: Int
    let isSecond: Bool

    init(_ rendezvous: XMLSplitRendezvous, offset: Int, isSecond: Bool) {
        self.rendezvous = rendezvous
        self.offset = offset
        self.isSecond = isSecond
    }

    var decision: XMLSplitRendezvous.Decision { rendezvous.current }

    func rootOpened(_ name: String, line: Int) {
        rendezvous.rootOpened(name, line: line)
    }

    /// See `XMLSplitRendezvous.arrived`.
    func arrived<Handler: XMLHandler>(exactly: Bool, handler: Handler) -> Bool {
        rendezvous.arrived(exactly: exactly, mark: exactly ? handler.splitMark : nil)
    }
}

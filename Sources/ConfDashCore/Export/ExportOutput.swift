/// Where an export's bytes go: one growing buffer of UTF-8, handed to a sink in large chunks.
///
/// Every exporter appends its bytes here as it walks the sessions: no String per record, no
/// whole-document String. With a sink (`confdash export` to a file or stdout), the buffer is
/// handed over at the end of a record once it holds `chunkSize` bytes, so an export of 100,000
/// sessions holds about one chunk at a time instead of the whole file (several copies of it, as
/// a String, its UTF-8 array and the written Data). Without a sink (the dashboard's `:export`,
/// tests) the buffer is the whole file.
public struct ExportOutput {
    /// Receives each chunk, in order; every chunk ends where a record (a line) ends.
    public typealias Sink = (UnsafeBufferPointer<UInt8>) -> Void

    /// The bytes not handed on yet (without a sink: the whole export). A buffer of the export's
    /// own (`ExportBytes`), not a `[UInt8]`: a piece costs a capacity check and a copy.
    var bytes: ExportBytes
    private let sink: Sink?
    private let chunkSize: Int
    /// Room for a piece being reworked (an iCalendar line being folded), kept from use to use.
    var scratch: [UInt8] = []
    /// Markdown is read in terminals, and every format may be written to one (standard output):
    /// then every chunk goes through `TerminalText.safeBytes` before the sink. Chunks are handed
    /// over only after a line feed, so making each chunk safe gives the bytes of making the whole
    /// text safe.
    var terminalSafe = false

    /// Everything stays in the buffer (`text` gives it), which starts with room for `capacity` bytes.
    init(capacity: Int = 256) {
        bytes = ExportBytes(capacity: capacity)
        sink = nil
        chunkSize = .max
    }

    init(chunkSize: Int, sink: @escaping Sink) {
        bytes = ExportBytes(capacity: chunkSize + chunkSize / 4)
        self.sink = sink
        self.chunkSize = chunkSize
    }

    /// How the sessions are rendered: on this thread, or in batches by several workers (`ExportItems`).
    var concurrency = ExportConcurrency.serial
    /// Sessions added but not rendered yet: their bytes are spliced in before any bytes go on.
    var pendingItems: (any PendingExportItems)? { didSet { hasPendingItems = pendingItems != nil } }
    /// Whether there are `pendingItems`, and whether a batch of them is full (set by
    /// `ExportItems.add` and `render`): read where every record ends, as two flags, instead of
    /// asking the items through their protocol (a retain, a call and an exclusivity check each).
    private var hasPendingItems = false
    var pendingItemsFull = false
    /// How many bytes have been handed to the sink: `position` counts from the export's start.
    private(set) var handedOn = 0
    /// Where the first session still being rendered goes (a `position`): the bytes from there on
    /// wait in the buffer until its batch is spliced in (`ExportItems`).
    var heldFrom = Int.max

    /// Where the next byte goes, counted from the export's first byte (bytes handed on included):
    /// a place that stays put while the bytes before it are handed on.
    var position: Int { handedOn + bytes.count }

    /// The bytes written so far (without a sink: the whole export).
    var text: String {
        let text = bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
        return terminalSafe ? TerminalText.safe(text) : text
    }

    /// Called where a record ends (the buffer ends with a line feed): hands the buffer to the sink
    /// once it is large enough.
    /// With sessions waiting (`ExportItems`), a full batch is handed to the renderers (and the
    /// one before it spliced in) first; the bytes of a batch still being rendered stay.
    @inline(__always)
    mutating func recordEnded() {
        if hasPendingItems {
            guard pendingItemsFull, let pendingItems else { return }
            pendingItems.render(into: &self)
            handOnIfFull()
            return
        }
        if bytes.count >= chunkSize { handOn() }
    }

    /// Hands whatever is left to the sink. The last call of every export with a sink.
    mutating func flush() {
        pendingItems?.drain(into: &self)
        handOn()
    }

    /// Once the buffer holds a chunk, hands on its bytes up to its last line feed and keeps the
    /// rest (the start of a line). Called by `ExportItems` after each session it splices in, so
    /// that a batch spliced into a buffer nearly a chunk long does not grow it (a batch of
    /// schedule.json talks was 2.4 MB: the buffer grew to 5 MiB). A session's bytes need not end
    /// a line (schedule.json's comma follows it), hence the search for the line feed.
    @inline(__always)
    mutating func handOnIfFull() {
        if sink != nil && bytes.count >= chunkSize { handOnLines() }
    }

    /// Up to the last line feed before `heldFrom`.
    @inline(never)
    private mutating func handOnLines() {
        let end = min(bytes.count, heldFrom - handedOn)
        guard end > 0, let lineFeed = bytes.withUnsafeBufferPointer({ UnsafeBufferPointer(rebasing: $0[..<end]).lastIndex(of: 0x0A) }) else { return }
        handOn(count: lineFeed + 1)
    }

    /// Hands the buffer (or its first `count` bytes) to the sink (with one; otherwise the bytes
    /// stay), made safe as bytes when asked, and copied only when something is replaced.
    private mutating func handOn(count: Int? = nil) {
        guard let sink, !bytes.isEmpty else { return }
        let count = count ?? bytes.count
        bytes.withUnsafeBufferPointer { bytes in
            let bytes = UnsafeBufferPointer(rebasing: bytes[..<count])
            if terminalSafe, let safe = TerminalText.safeBytes(bytes) {
                safe.withUnsafeBufferPointer(sink)
            } else {
                sink(bytes)
            }
        }
        handedOn += count
        if count == bytes.count {
            bytes.removeAll(keepingCapacity: true)
        } else {
            bytes.removeSubrange(0..<count)
        }
    }

    // MARK: Appending

    @inline(__always)
    mutating func byte(_ byte: UInt8) { bytes.append(byte) }

    /// Disfavoured, so that a literal goes to the `StaticString` overload (a String literal
    /// would otherwise be preferred, and each of a talk's thirty static pieces paid for a String).
    @_disfavoredOverload
    @inline(__always)
    mutating func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            var text = text
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }
    }

    @inline(__always)
    mutating func append(_ text: StaticString) { bytes.append(text) }

    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }

    /// A line feed and `count` spaces, in one copy: every member of schedule.json starts so.
    mutating func newline(indent count: Int) {
        let run: StaticString = "\n                                                                "
        guard count < run.utf8CodeUnitCount else { byte(0x0A); spaces(count); return }
        bytes.append(contentsOf: UnsafeBufferPointer(start: run.utf8Start, count: 1 + count))
    }

    /// `count` spaces (indents): copied from a run of spaces, not appended one by one (a
    /// schedule.json talk is indented sixteen spaces or more on each of its thirty lines).
    mutating func spaces(_ count: Int) {
        let run: StaticString = "                                                                "
        var left = count
        while left > 0 {
            let piece = min(left, run.utf8CodeUnitCount)
            bytes.append(contentsOf: UnsafeBufferPointer(start: run.utf8Start, count: piece))
            left -= piece
        }
    }

    /// `value` in decimal, at least `width` digits, zero-padded (as `DateText.digits`).
    mutating func digits(_ value: Int, _ width: Int = 1) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            digits(-value, width)
            return
        }
        bytes.digits(value, width)
    }

    /// `2024-12-27` (`DateText.iso`).
    mutating func isoDate(_ date: CalendarDate) {
        digits(date.year, 4); byte(UInt8(ascii: "-")); digits(date.month, 2); byte(UInt8(ascii: "-")); digits(date.day, 2)
    }

    /// `10:30` (`DateText.time`).
    mutating func time(_ time: ClockTime) {
        digits(time.hour, 2); byte(UInt8(ascii: ":")); digits(time.minute, 2)
    }

    /// `2024-12-27T10:30` (`DateText.local`).
    mutating func local(_ local: LocalDateTime) {
        isoDate(local.date); byte(UInt8(ascii: "T")); time(local.time)
    }

    /// `+01:00` (`EventZone.offsetText`).
    mutating func offset(_ seconds: Int) {
        byte(seconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let minutes = abs(seconds) / 60
        digits(minutes / 60, 2); byte(UInt8(ascii: ":")); digits(minutes % 60, 2)
    }

    /// `2024-12-27T10:30:00+01:00` (`EventZone.isoWithOffset`).
    mutating func isoWithOffset(_ local: LocalDateTime, offset: Int) {
        self.local(local); append(":00"); self.offset(offset)
    }
}

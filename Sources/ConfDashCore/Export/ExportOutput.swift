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

    var bytes: [UInt8] = []
    private let sink: Sink?
    private let chunkSize: Int
    /// Markdown is read in terminals: every chunk goes through `TerminalText.safe`. A chunk ends
    /// after a line feed, so making each chunk safe gives the bytes of making the whole text safe.
    var terminalSafe = false

    /// Everything stays in the buffer (`text` gives it).
    init() { sink = nil; chunkSize = .max }

    init(chunkSize: Int, sink: @escaping Sink) {
        self.sink = sink
        self.chunkSize = chunkSize
        bytes.reserveCapacity(chunkSize + chunkSize / 4)
    }

    /// The bytes written so far (without a sink: the whole export).
    var text: String {
        let text = String(decoding: bytes, as: UTF8.self)
        return terminalSafe ? TerminalText.safe(text) : text
    }

    /// Called where a record ends (the buffer ends with a line feed): hands the buffer to the sink
    /// once it is large enough.
    @inline(__always)
    mutating func recordEnded() {
        if bytes.count >= chunkSize { flush() }
    }

    /// Hands whatever is left to the sink. The last call of every export with a sink.
    mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        if terminalSafe {
            var safe = TerminalText.safe(String(decoding: bytes, as: UTF8.self))
            safe.withUTF8(sink)
        } else {
            bytes.withUnsafeBufferPointer(sink)
        }
        bytes.removeAll(keepingCapacity: true)
    }

    // MARK: Appending

    @inline(__always)
    mutating func byte(_ byte: UInt8) { bytes.append(byte) }

    @inline(__always)
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }

    mutating func spaces(_ count: Int) {
        for _ in 0..<count { bytes.append(0x20) }
    }

    /// `value` in decimal, at least `width` digits, zero-padded (as `DateText.digits`).
    mutating func digits(_ value: Int, _ width: Int = 1) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            digits(-value, width)
            return
        }
        DateText.digits(value, width, &bytes)
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

/// A growing buffer of UTF-8 bytes handed to a sink in large pieces, for output written as it is
/// made: the exports (`ExportOutput`, 1 MiB pieces). A piece is handed over only where the writer says the output is whole so far (the
/// end of a line or of a list item), once it holds `chunkSize` bytes, so a large output is never
/// held whole and never split inside a line. Without a sink the buffer is the whole output.
public struct ChunkedBytes {
    /// Receives each piece, in order.
    public typealias Sink = (UnsafeBufferPointer<UInt8>) -> Void

    public var bytes: [UInt8] = []
    private let sink: Sink?
    private let chunkSize: Int
    /// Every piece goes through `TerminalText.safeBytes` before the sink: for output a terminal
    /// may show. The writer hands pieces over only after a line feed, so making each piece safe
    /// gives the bytes of making the whole text safe.
    public var terminalSafe = false

    /// Everything stays in the buffer.
    public init(reserving capacity: Int = 0) {
        sink = nil
        chunkSize = .max
        bytes.reserveCapacity(capacity)
    }

    public init(chunkSize: Int, sink: @escaping Sink) {
        self.sink = sink
        self.chunkSize = chunkSize
        bytes.reserveCapacity(chunkSize + chunkSize / 4)
    }

    public var hasSink: Bool { sink != nil }

    /// Called where the output is whole so far: hands the buffer to the sink once it is large enough.
    @inline(__always)
    public mutating func pieceEnded() {
        if bytes.count >= chunkSize { flush() }
    }

    /// Hands whatever is left to the sink (with one; otherwise the bytes stay). The last call of
    /// every writer with a sink.
    public mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        // Made safe as bytes, and copied only when something is replaced.
        if terminalSafe, let safe = bytes.withUnsafeBufferPointer({ TerminalText.safeBytes($0) }) {
            safe.withUnsafeBufferPointer(sink)
        } else {
            bytes.withUnsafeBufferPointer(sink)
        }
        bytes.removeAll(keepingCapacity: true)
    }
}

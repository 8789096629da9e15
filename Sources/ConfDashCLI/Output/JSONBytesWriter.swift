import ConfDashCore

/// The CLI's pretty-printed JSON written straight into bytes by records that list their own
/// fields: byte for byte what `PrettyJSONEncoder` writes for the same value (two-space indents,
/// `"key" : value`, keys in the order of their UTF-8 bytes, an empty array or object on three
/// lines), without `Encodable`'s boxes, a tree of slots, its release, or a `String` of the whole.
///
/// `agenda --format json` spent three times as long encoding 38C3 through the tree as writing it
/// (93 M instructions building slots, 59 M writing, 22 M for the `String`, ~70 M releasing).
/// Here a record writes its fields in sorted order itself (`JSONBytesWritable`); in a debug
/// build the writer checks that order, and `JSONBytesWriterTests` checks the bytes against
/// `PrettyJSONEncoder` on real schedules.
///
/// Given a sink, the writer hands it the bytes in pieces of about 64 KB as it goes, so a large
/// agenda is never held whole (`ChunkedBytes`, the exports' buffer too).
struct JSONBytesWriter {
    /// The buffer and its sink, shared with the exports (`ChunkedBytes`).
    private var output: ChunkedBytes
    var bytes: [UInt8] {
        _read { yield output.bytes }
        _modify { yield &output.bytes }
    }
    private var depth = 0
    /// Whether the object or array just opened has no member yet.
    private var opened = false
    private static let chunk = 1 << 16
    #if DEBUG
    /// The last key written in each open object, to check the order.
    private var lastKeys: [[UInt8]] = []
    #endif

    init(sink: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil) {
        output = sink.map { sink in ChunkedBytes(chunkSize: Self.chunk, sink: sink) } ?? ChunkedBytes(reserving: 4096)
    }

    /// The rest of the bytes to the sink (with a sink; otherwise they stay in `bytes`).
    mutating func finish() { output.flush() }

    mutating func object(_ fields: (inout JSONBytesWriter) -> Void) {
        open(UInt8(ascii: "{"))
        #if DEBUG
        lastKeys.append([])
        #endif
        fields(&self)
        #if DEBUG
        lastKeys.removeLast()
        #endif
        close(UInt8(ascii: "}"))
    }

    mutating func array<Items: Sequence>(_ items: Items) where Items.Element: JSONBytesWritable {
        open(UInt8(ascii: "["))
        for item in items {
            member()
            item.write(to: &self)
            // Between two items of a list the output is whole so far: a place to hand it on.
            output.pieceEnded()
        }
        close(UInt8(ascii: "]"))
    }

    /// One member of the object being written. Keys come in the order of their UTF-8 bytes.
    mutating func field<Value: JSONBytesWritable>(_ key: StaticString, _ value: Value) {
        #if DEBUG
        let keyBytes = Array(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        let plain = keyBytes.allSatisfy { (byte: UInt8) -> Bool in byte > 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C }
        precondition(plain, "JSON key \(key) needs escaping")
        precondition(lastKeys[lastKeys.count - 1].lexicographicallyPrecedes(keyBytes), "JSON key \(key) out of order")
        lastKeys[lastKeys.count - 1] = keyBytes
        #endif
        keyPrefix(key)
        value.write(to: &self)
    }

    /// What comes before a member's value, in one copy: the comma after the previous member, the
    /// line feed and indent, the quoted key and ` : ` (five appends of a few bytes each were a
    /// third of the cost of a short field).
    private mutating func keyPrefix(_ key: StaticString) {
        let comma = opened ? 0 : 1
        opened = false
        let width = 2 * depth, count = key.utf8CodeUnitCount
        let total = comma + 1 + width + 1 + count + 4
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: total) { out in
            var at = 0
            if comma == 1 { out[0] = UInt8(ascii: ","); at = 1 }
            out[at] = 0x0A
            at += 1
            (out.baseAddress! + at).initialize(repeating: 0x20, count: width)
            at += width
            out[at] = UInt8(ascii: "\"")
            (out.baseAddress! + at + 1).initialize(from: key.utf8Start, count: count)
            at += 1 + count
            out[at] = UInt8(ascii: "\"")
            out[at + 1] = 0x20
            out[at + 2] = UInt8(ascii: ":")
            out[at + 3] = 0x20
            bytes.append(contentsOf: UnsafeBufferPointer(out))
        }
    }

    /// A date as `CalendarDate.iso` writes it, and with a time as `LocalDateTime.description`
    /// does (`"2024-12-27T10:30"`), quoted, digit by digit. False (nothing written) for a year
    /// outside 0...9999, which `iso` writes otherwise.
    mutating func appendDigitsQuoted(date: CalendarDate, time: ClockTime?) -> Bool {
        guard (0...9999).contains(date.year) else { return false }
        let year = date.year, month = date.month, day = date.day
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 18) { out in
            func two(_ value: Int, at place: Int) {
                out[place] = UInt8(ascii: "0") + UInt8(value / 10 % 10)
                out[place + 1] = UInt8(ascii: "0") + UInt8(value % 10)
            }
            out[0] = UInt8(ascii: "\"")
            two(year / 100, at: 1)
            two(year % 100, at: 3)
            out[5] = UInt8(ascii: "-")
            two(month, at: 6)
            out[8] = UInt8(ascii: "-")
            two(day, at: 9)
            var end = 11
            if let time {
                out[11] = UInt8(ascii: "T")
                two(time.hour, at: 12)
                out[14] = UInt8(ascii: ":")
                two(time.minute, at: 15)
                end = 17
            }
            out[end] = UInt8(ascii: "\"")
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: out[0...end]))
        }
        return true
    }

    mutating func string(_ text: String) { JSONQuoting.appendQuoted(text, to: &bytes) }

    mutating func integer(_ value: Int) {
        // Digits from the right into a small buffer; Int.min's magnitude fits a UInt.
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }

    mutating func boolean(_ value: Bool) { literal(value ? "true" : "false") }

    mutating func null() { literal("null") }

    private mutating func literal(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        opened = true
    }

    private mutating func member() {
        if !opened { bytes.append(UInt8(ascii: ",")) }
        opened = false
        newLineAndIndent()
    }

    private mutating func close(_ bracket: UInt8) {
        // An empty one on three lines, as the encoder writes it: the bracket, an empty line, the bracket.
        if opened { bytes.append(0x0A) }
        depth -= 1
        newLineAndIndent()
        bytes.append(bracket)
        opened = false
    }

    /// A line feed and the indent of `depth`, in one copy (they were one append per space).
    private mutating func newLineAndIndent() {
        let line: StaticString = "\n                                                                "
        var width = 2 * depth
        let first = min(width, line.utf8CodeUnitCount - 1)
        bytes.append(contentsOf: UnsafeBufferPointer(start: line.utf8Start, count: first + 1))
        width -= first
        while width > 0 {
            bytes.append(0x20)
            width -= 1
        }
    }
}

/// A value that writes itself as the CLI's JSON.
protocol JSONBytesWritable {
    func write(to writer: inout JSONBytesWriter)
}

extension String: JSONBytesWritable {
    func write(to writer: inout JSONBytesWriter) { writer.string(self) }
}

extension Int: JSONBytesWritable {
    func write(to writer: inout JSONBytesWriter) { writer.integer(self) }
}

extension Bool: JSONBytesWritable {
    func write(to writer: inout JSONBytesWriter) { writer.boolean(self) }
}

/// `null` when missing, as `@Null` encodes it.
extension Optional: JSONBytesWritable where Wrapped: JSONBytesWritable {
    func write(to writer: inout JSONBytesWriter) {
        if let self { self.write(to: &writer) } else { writer.null() }
    }
}

extension Array: JSONBytesWritable where Element: JSONBytesWritable {
    func write(to writer: inout JSONBytesWriter) { writer.array(self) }
}

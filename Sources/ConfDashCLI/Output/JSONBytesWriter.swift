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
/// agenda is never held whole.
///
/// The bytes go into a pointer buffer of its own: each piece is a capacity check and stores (an
/// `Array`'s `append(contentsOf:)`, with its uniqueness and capacity checks, was ~90 instructions
/// a call and a third of the writer's cost on 38C3); a member's comma, line feed, indent, quoted
/// key and ` : ` are one check and a few stores; a string is escaped straight into the buffer
/// (`JSONQuoting.writeEscaped`), its clean runs copied whole. Not copyable: it owns the buffer.
struct JSONBytesWriter: ~Copyable {
    typealias Sink = (UnsafeBufferPointer<UInt8>) -> Void

    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private let sink: Sink?
    /// With a sink, the buffer is handed on between list items once it holds this many bytes.
    private let chunkSize: Int
    /// How deep the writer is: 1 inside the outermost object or array.
    private(set) var depth = 0
    /// Whether the object or array just opened has no member yet.
    private var opened = false
    private static let chunk = 1 << 16
    #if DEBUG
    /// The last key written in each open object, to check the order.
    private var lastKeys: [[UInt8]] = []
    #endif

    init(sink: Sink? = nil) {
        self.init(sink: sink, capacity: sink == nil ? 4096 : Self.chunk + Self.chunk / 4)
    }

    private init(sink: Sink?, capacity: Int) {
        self.sink = sink
        chunkSize = sink == nil ? .max : Self.chunk
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// What is written and not yet handed to the sink (without a sink, everything).
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The rest of the bytes to the sink (with a sink; otherwise they stay in `bytes`).
    mutating func finish() { flush() }

    private mutating func flush() {
        guard let sink, count > 0 else { return }
        sink(UnsafeBufferPointer(start: base, count: count))
        count = 0
    }

    /// Where to write `needed` more bytes, with room for them; `count` moves on once written.
    @inline(__always)
    private mutating func reserve(_ needed: Int) -> UnsafeMutablePointer<UInt8> {
        if capacity - count < needed { grow(needed) }
        return base + count
    }

    @inline(never)
    private mutating func grow(_ needed: Int) {
        let larger = max(capacity * 2, count + needed)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

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
            if count >= chunkSize { flush() }
        }
        close(UInt8(ascii: "]"))
    }

    /// An array whose items are written one by one with `item`, or by other writers
    /// (`itemsWriter`, `appendItems`), then closed with `closeArray`.
    mutating func openArray() { open(UInt8(ascii: "[")) }

    mutating func closeArray() { close(UInt8(ascii: "]")) }

    /// One item of the array open here (`openArray`, or a writer from `itemsWriter`).
    mutating func item<Value: JSONBytesWritable>(_ value: Value) {
        member()
        value.write(to: &self)
        // Between two items of a list the output is whole so far: a place to hand it on.
        if count >= chunkSize { flush() }
    }

    /// A writer, without a sink, for items of the array open here written apart (on another
    /// thread), then added in order with `appendItems`: its items are at this array's depth,
    /// each after a comma unless it holds the array's first.
    func itemsWriter(first: Bool) -> JSONBytesWriter {
        var writer = JSONBytesWriter()
        writer.depth = depth
        writer.opened = first
        return writer
    }

    /// Empties a writer from `itemsWriter` for more items, keeping its buffer and depth.
    mutating func restartItems(first: Bool) {
        count = 0
        opened = first
    }

    /// The items `other` (from `itemsWriter`) holds, after what this writer has written: handed
    /// to the sink as they are, or copied in without one.
    mutating func appendItems(_ other: borrowing JSONBytesWriter) {
        guard other.count > 0 else { return }
        opened = false
        if let sink {
            flush()
            sink(UnsafeBufferPointer(start: other.base, count: other.count))
        } else {
            reserve(other.count).update(from: other.base, count: other.count)
            count += other.count
        }
    }

    /// Members as `write` writes them at this writer's depth, kept as bytes to be repeated with
    /// `appendMembers` at the same depth (`depth`): for members that many records share, such as
    /// a session's event and its title, escaped once instead of once per record. Without the
    /// comma before the first: `appendMembers` writes it when it is due.
    func membersFragment(_ write: (inout JSONBytesWriter) -> Void) -> [UInt8] {
        var scratch = JSONBytesWriter(sink: nil, capacity: 256)
        scratch.depth = depth
        scratch.opened = true
        #if DEBUG
        scratch.lastKeys = [[]]
        #endif
        write(&scratch)
        return scratch.bytes
    }

    /// Members from `membersFragment`, made at this writer's depth, as if written here.
    mutating func appendMembers(_ fragment: [UInt8]) {
        if !opened {
            reserve(1)[0] = UInt8(ascii: ",")
            count += 1
        }
        opened = false
        appendRaw(fragment)
    }

    /// A value as `write` writes it at this writer's depth (after a member's key), kept as bytes
    /// to be repeated with `appendValue` at the same depth: a person's record, a track's.
    func valueFragment(_ write: (inout JSONBytesWriter) -> Void) -> [UInt8] {
        var scratch = JSONBytesWriter(sink: nil, capacity: 256)
        scratch.depth = depth
        write(&scratch)
        return scratch.bytes
    }

    /// A value from `valueFragment`, made at this writer's depth, as if written here.
    mutating func appendValue(_ fragment: [UInt8]) { appendRaw(fragment) }

    @inline(__always)
    private mutating func appendRaw(_ fragment: [UInt8]) {
        fragment.withUnsafeBufferPointer { bytes in
            guard let source = bytes.baseAddress else { return }
            ByteCopy.copy(source, to: reserve(bytes.count), count: bytes.count)
            count += bytes.count
        }
    }

    /// One member of the object being written. Keys come in the order of their UTF-8 bytes.
    mutating func field<Value: JSONBytesWritable>(_ key: StaticString, _ value: Value) {
        #if DEBUG
        checkOrder(key)
        #endif
        keyPrefix(key)
        value.write(to: &self)
    }

    /// A member whose value `write` writes (one value).
    mutating func field(_ key: StaticString, _ write: (inout JSONBytesWriter) -> Void) {
        #if DEBUG
        checkOrder(key)
        #endif
        keyPrefix(key)
        write(&self)
    }

    /// A member whose value is an array of `items`, each written by `write`: for lists made
    /// from the model as they are written, without a lazy sequence (whose closure is allocated
    /// on the heap for each list).
    mutating func field<Items: Collection>(_ key: StaticString, each items: Items,
                                           _ write: (inout JSONBytesWriter, Items.Element) -> Void) {
        #if DEBUG
        checkOrder(key)
        #endif
        keyPrefix(key)
        open(UInt8(ascii: "["))
        for item in items {
            member()
            write(&self, item)
        }
        close(UInt8(ascii: "]"))
    }

    #if DEBUG
    private mutating func checkOrder(_ key: StaticString) {
        let keyBytes = Array(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        let plain = keyBytes.allSatisfy { (byte: UInt8) -> Bool in byte > 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C }
        precondition(plain, "JSON key \(key) needs escaping")
        precondition(lastKeys[lastKeys.count - 1].lexicographicallyPrecedes(keyBytes), "JSON key \(key) out of order")
        lastKeys[lastKeys.count - 1] = keyBytes
    }
    #endif

    /// What comes before a member's value: the comma after the previous member, the line feed
    /// and indent, the quoted key and ` : `, behind one capacity check.
    @inline(__always)
    private mutating func keyPrefix(_ key: StaticString) {
        let width = 2 * depth, length = key.utf8CodeUnitCount
        // The indent is written eight spaces at a time: up to seven more, overwritten after.
        let out = reserve(1 + 1 + width + 8 + 1 + length + 4)
        var at = 0
        if !opened {
            out[0] = UInt8(ascii: ",")
            at = 1
        }
        opened = false
        out[at] = 0x0A
        at += 1
        Self.spaces(out + at, width)
        at += width
        out[at] = UInt8(ascii: "\"")
        ByteCopy.copy(key.utf8Start, to: out + at + 1, count: length)
        at += 1 + length
        // `" : ` as one four-byte store.
        UnsafeMutableRawPointer(out + at).storeBytes(of: UInt32(littleEndian: 0x203A_2022), as: UInt32.self)
        count += at + 4
    }

    /// `width` spaces at `out`, in eight-byte stores: up to seven bytes after them are written
    /// too, which the caller has room for and writes over.
    @inline(__always)
    private static func spaces(_ out: UnsafeMutablePointer<UInt8>, _ width: Int) {
        let raw = UnsafeMutableRawPointer(out)
        var offset = 0
        while offset < width {
            raw.storeBytes(of: 0x2020_2020_2020_2020 as UInt64, toByteOffset: offset, as: UInt64.self)
            offset += 8
        }
    }

    /// A date as `CalendarDate.iso` writes it, and with a time as `LocalDateTime.description`
    /// does (`"2024-12-27T10:30"`), quoted, digit by digit. False (nothing written) for a year
    /// outside 0...9999, which `iso` writes otherwise.
    mutating func appendDigitsQuoted(date: CalendarDate, time: ClockTime?) -> Bool {
        guard (0...9999).contains(date.year) else { return false }
        let year = date.year, month = date.month, day = date.day
        let out = reserve(18)
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
        count += end + 1
        return true
    }

    mutating func string(_ text: String) {
        // A native string lends its own bytes; a small one is copied to the stack first.
        var text = text
        text.withUTF8 { quoted($0) }
    }

    /// `utf8` quoted and escaped (`JSONQuoting`), straight into the buffer.
    private mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        // A short string with nothing to escape (most of them) is checked and copied here.
        if let base = utf8.baseAddress, utf8.count <= 16, JSONQuoting.needsNoEscape(base, count: utf8.count) {
            let out = reserve(utf8.count + 2)
            out[0] = UInt8(ascii: "\"")
            ByteCopy.copy(base, to: out + 1, count: utf8.count)
            out[utf8.count + 1] = UInt8(ascii: "\"")
            count += utf8.count + 2
            return
        }
        let out = reserve(JSONQuoting.escapedCapacity(utf8.count) + 2)
        out[0] = UInt8(ascii: "\"")
        let written = JSONQuoting.writeEscaped(utf8, to: out + 1)
        out[written + 1] = UInt8(ascii: "\"")
        count += written + 2
    }

    mutating func integer(_ value: Int) {
        // Digits from the right, at most 20 and a sign; Int.min's magnitude fits a UInt.
        var magnitude = value.magnitude
        var digits = 0
        var rest = magnitude
        repeat {
            digits += 1
            rest /= 10
        } while rest > 0
        let sign = value < 0 ? 1 : 0
        let out = reserve(sign + digits)
        if sign == 1 { out[0] = UInt8(ascii: "-") }
        var place = sign + digits
        repeat {
            place -= 1
            out[place] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        count += sign + digits
    }

    mutating func boolean(_ value: Bool) { literal(value ? "true" : "false") }

    mutating func null() { literal("null") }

    private mutating func literal(_ text: StaticString) {
        let out = reserve(text.utf8CodeUnitCount)
        ByteCopy.copy(text.utf8Start, to: out, count: text.utf8CodeUnitCount)
        count += text.utf8CodeUnitCount
    }

    private mutating func open(_ bracket: UInt8) {
        reserve(1)[0] = bracket
        count += 1
        depth += 1
        opened = true
    }

    private mutating func member() {
        if !opened {
            reserve(1)[0] = UInt8(ascii: ",")
            count += 1
        }
        opened = false
        newLineAndIndent()
    }

    private mutating func close(_ bracket: UInt8) {
        // An empty one on three lines, as the encoder writes it: the bracket, an empty line, the bracket.
        if opened {
            reserve(1)[0] = 0x0A
            count += 1
        }
        depth -= 1
        newLineAndIndent()
        reserve(1)[0] = bracket
        count += 1
        opened = false
    }

    /// A line feed and the indent of `depth`.
    private mutating func newLineAndIndent() {
        let width = 2 * depth
        let out = reserve(1 + width + 8)
        out[0] = 0x0A
        Self.spaces(out + 1, width)
        count += 1 + width
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

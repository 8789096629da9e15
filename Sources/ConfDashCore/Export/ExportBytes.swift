/// The growing buffer of bytes under `ExportOutput`: a block of memory, a count, and appends that
/// copy a piece in with one capacity check and a `memcpy`.
///
/// `[UInt8].append(contentsOf:)` cost ~95 instructions per piece (the generic sequence path, a
/// uniqueness and a capacity check, the count updated through the array's header), and an export
/// appends some thirty static pieces, a dozen digits and a dozen escaped runs per session. Here a
/// piece costs its capacity check and its copy. A value type, copied on write like an array: the
/// storage is shared by copies until one of them appends (`isKnownUniquelyReferenced`, a load and
/// a compare).
struct ExportBytes: JSONByteSink {
    private final class Storage {
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        deinit { base.deallocate() }
    }

    private var storage: Storage
    private(set) var count = 0

    init(capacity: Int = 256) { storage = Storage(capacity: max(16, capacity)) }

    var isEmpty: Bool { count == 0 }
    var capacity: Int { storage.capacity }

    /// Room for `extra` more bytes in storage of this value's own; returns where they go.
    @inline(__always)
    private mutating func room(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        if _slowPath(count + extra > storage.capacity || !isKnownUniquelyReferenced(&storage)) { grow(extra) }
        return storage.base + count
    }

    @inline(never)
    private mutating func grow(_ extra: Int) {
        let capacity = max(count + extra, storage.capacity * 2)
        let new = Storage(capacity: capacity)
        new.base.initialize(from: storage.base, count: count)
        storage = new
    }

    mutating func reserveCapacity(_ capacity: Int) {
        if capacity > storage.capacity { _ = room(capacity - count) }
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        room(1).initialize(to: byte)
        count += 1
    }

    @inline(__always)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        room(bytes.count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func append(_ text: StaticString) {
        let length = text.utf8CodeUnitCount
        room(length).update(from: text.utf8Start, count: length)
        count += length
    }

    /// Room for up to `maxCount` bytes, filled by `write`, which returns how many it wrote: a
    /// line made of several small pieces with one capacity check.
    @inline(__always)
    mutating func write(upTo maxCount: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int) {
        let at = room(maxCount)
        let written = write(at)
        precondition(written >= 0 && written <= maxCount, "wrote more than it asked room for")
        count += written
    }

    mutating func append(contentsOf bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    mutating func append(contentsOf other: ExportBytes) {
        other.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    /// `value` in decimal, at least `width` digits, zero-padded; `value` ≥ 0 (`DateText.digits`).
    @inline(__always)
    mutating func digits(_ value: Int, _ width: Int) {
        if value < 100 && width <= 2 {
            // Clock times, days, months: one or two digits, no division loop.
            if value >= 10 || width == 2 {
                let at = room(2)
                at[0] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 10)
                at[1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
                count += 2
            } else {
                append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
            }
            return
        }
        if width == 4 && value < 10_000 {
            // Years: four digits.
            let at = room(4)
            at[0] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 1000)
            at[1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 100 % 10)
            at[2] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 10 % 10)
            at[3] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
            count += 4
            return
        }
        var length = 1
        var divisor = 1
        while value / divisor >= 10 { divisor *= 10; length += 1 }
        let padded = max(length, width)
        let at = room(padded)
        var rest = value
        for offset in stride(from: padded - 1, through: 0, by: -1) {
            at[offset] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
        count += padded
    }

    subscript(index: Int) -> UInt8 {
        precondition(index >= 0 && index < count, "index out of range")
        return storage.base[index]
    }

    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage.base, count: count))
    }

    /// Forgets the bytes from `start` on.
    mutating func removeSubrange(_ range: PartialRangeFrom<Int>) {
        precondition(range.lowerBound >= 0 && range.lowerBound <= count, "range out of bounds")
        count = range.lowerBound
    }

    /// Removes the bytes of `range`, moving those after it down.
    mutating func removeSubrange(_ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range out of bounds")
        let base = room(0)  // storage of this value's own
        let start = base - count
        (start + range.lowerBound).update(from: start + range.upperBound, count: count - range.upperBound)
        count -= range.count
    }

    /// Inserts one byte at `index`, moving those after it up.
    mutating func insert(_ byte: UInt8, at index: Int) {
        precondition(index >= 0 && index <= count, "index out of range")
        let start = room(1) - count
        (start + index + 1).update(from: start + index, count: count - index)
        start[index] = byte
        count += 1
    }

    mutating func removeAll(keepingCapacity: Bool) {
        count = 0
        if !keepingCapacity { storage = Storage(capacity: 16) }
    }

    /// The bytes as an array (tests, and the dashboard's whole-text exports).
    var array: [UInt8] { withUnsafeBufferPointer { Array($0) } }
}

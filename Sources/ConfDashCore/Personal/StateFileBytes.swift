/// The state file's bytes, written straight into one buffer: the same text `PersonalStateFile`
/// documents (keys in a fixed order, sessions sorted by key, two-space indents), without the
/// JSONText tree and without `String(format:)` for the change times, which together were most of
/// a save of 1,000 stars.
enum StateFileBytes {
    static func encode(_ state: PersonalState) -> [UInt8] {
        // Sorted as positions, and each mark read in place: copying whole marks around (six
        // strings each) was a third of a save of 1,000 stars.
        let marks = state.marks.values.filter { !$0.isBlank }
        let markOrder = KeyOrder.sortedIndices(marks.map(\.ref.key))
        let exports = Array(state.exports.values)
        let exportOrder = KeyOrder.sortedIndices(exports.map(\.key))
        var out = Writer(capacity: 160 + marks.count * 320 + exports.count * 260)
        out.raw("{")
        out.field("format", depth: 1, first: true); out.string(PersonalState.formatName)
        out.field("version", depth: 1); out.raw(String(PersonalState.currentVersion))
        out.field("schedule", depth: 1); out.string(state.schedule)
        out.field("sessions", depth: 1)
        out.list(markOrder.count) { out, position in out.mark(marks[markOrder[position]]) }
        out.field("calendarExport", depth: 1)
        out.list(exportOrder.count) { out, position in out.record(exports[exportOrder[position]]) }
        out.raw("\n}\n")
        return out.bytes
    }

    /// Appends go through a pointer buffer (`ByteBuffer`): an Array's `append(contentsOf:)` cost
    /// about 90 instructions a call, and a state file is thousands of short pieces.
    private struct Writer {
        var buffer: ByteBuffer

        init(capacity: Int) { buffer = ByteBuffer(capacity: capacity) }

        var bytes: [UInt8] { buffer.bytes }

        mutating func raw(_ text: StaticString) { buffer.append(text) }

        mutating func raw(_ text: String) {
            var text = text
            text.withUTF8 { buffer.append(contentsOf: $0) }
        }

        mutating func string(_ text: String) { JSONQuoting.appendQuoted(text, into: &buffer) }

        mutating func time(_ milliseconds: Int64) {
            buffer.append(UInt8(ascii: "\""))
            StateTime.append(milliseconds, to: &buffer)
            buffer.append(UInt8(ascii: "\""))
        }

        /// `"name": ` on a line of its own at `depth`, after a comma unless it is the object's first.
        /// (A state file of 1,000 stars has 9,000 of these: every append here is inlined.)
        mutating func field(_ name: StaticString, depth: Int, first: Bool = false) {
            if !first { buffer.append(UInt8(ascii: ",")) }
            buffer.append(0x0A)
            indent(depth)
            buffer.append(UInt8(ascii: "\""))
            buffer.append(name)
            buffer.append("\": ")
        }

        mutating func mark(_ mark: SessionMark) {
            field("key", depth: 3, first: true); string(mark.ref.key)
            field("event", depth: 3); string(mark.ref.event)
            field("id", depth: 3); string(mark.ref.id)
            field("title", depth: 3); string(mark.ref.title)
            field("start", depth: 3)
            if let start = mark.ref.start { string(start) } else { raw("null") }
            field("starred", depth: 3); raw(mark.starred ? "true" as StaticString : "false")
            if mark.starChanged != 0 { field("starChanged", depth: 3); time(mark.starChanged) }
            if let note = mark.note { field("note", depth: 3); string(note) }
            if mark.noteChanged != 0 { field("noteChanged", depth: 3); time(mark.noteChanged) }
        }

        mutating func record(_ record: CalendarExportRecord) {
            field("key", depth: 3, first: true); string(record.key)
            field("uid", depth: 3); string(record.uid)
            field("sequence", depth: 3); raw(String(record.sequence))
            field("fingerprint", depth: 3); string(record.fingerprint)
            field("title", depth: 3); string(record.title)
            field("dtstart", depth: 3); string(record.dtstart)
            field("cancelled", depth: 3); raw(record.cancelled ? "true" as StaticString : "false")
        }

        /// A list of `count` objects, the `n`th written by `body(n)`, or `[]` when there is none.
        mutating func list(_ count: Int, _ body: (inout Writer, Int) -> Void) {
            guard count > 0 else { raw("[]"); return }
            raw("[\n")
            for position in 0..<count {
                indent(2)
                buffer.append(UInt8(ascii: "{"))
                body(&self, position)
                buffer.append(0x0A)
                indent(2)
                buffer.append(UInt8(ascii: "}"))
                if position < count - 1 { buffer.append(UInt8(ascii: ",")) }
                buffer.append(0x0A)
            }
            indent(1)
            buffer.append(UInt8(ascii: "]"))
        }

        /// Two spaces a level, in one copy (the file goes three levels deep).
        private mutating func indent(_ depth: Int) {
            let spaces: StaticString = "        "
            let count = 2 * depth
            guard count <= spaces.utf8CodeUnitCount else {
                for _ in 0..<count { buffer.append(0x20) }
                return
            }
            buffer.append(contentsOf: UnsafeBufferPointer(start: spaces.utf8Start, count: count))
        }
    }
}

/// A growing byte buffer written through a pointer: appending a byte is a capacity check and a
/// store, appending a run a capacity check and a copy.
final class ByteBuffer: JSONByteSink {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// What was written, as an array.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    @inline(__always) func append(_ byte: UInt8) {
        if count == capacity { grow(1) }
        storage[count] = byte
        count += 1
    }

    @inline(__always) func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(bytes.count) }
        (storage + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    @inline(__always) func append(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private func grow(_ needed: Int) {
        let larger = max(capacity * 2, count + needed)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: storage, count: count)
        storage.deallocate()
        storage = moved
        capacity = larger
    }
}

extension StateTime {
    /// `text(milliseconds)`'s bytes, appended: `2026-11-30T09:40:12.345Z`.
    static func append<Sink: JSONByteSink>(_ milliseconds: Int64, to bytes: inout Sink) {
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : -((-milliseconds + 999) / 1000)
        let millis = Int(milliseconds - seconds * 1000)
        let local = TimeZones.localDateTime(naiveSeconds: Int(seconds))
        let second = Int(seconds - (seconds >= 0 ? seconds / 60 : -((-seconds + 59) / 60)) * 60)
        let date = local.date
        // Outside four-digit years (no clock or file gives those) the slow path writes it as it always did.
        guard (0...9999).contains(date.year) else {
            var slow = text(milliseconds)
            slow.withUTF8 { bytes.append(contentsOf: $0) }
            return
        }
        // Fixed widths, so the digits go straight in (DateText.digits' general loop was most of it).
        func digit(_ value: Int) -> UInt8 { UInt8(truncatingIfNeeded: value) &+ UInt8(ascii: "0") }
        let year = date.year
        bytes.append(digit(year / 1000)); bytes.append(digit(year / 100 % 10)); bytes.append(digit(year / 10 % 10)); bytes.append(digit(year % 10))
        bytes.append(UInt8(ascii: "-"))
        func two(_ value: Int, then separator: Unicode.Scalar) {
            bytes.append(digit(value / 10)); bytes.append(digit(value % 10)); bytes.append(UInt8(ascii: separator))
        }
        two(date.month, then: "-"); two(date.day, then: "T")
        two(local.time.hour, then: ":"); two(local.time.minute, then: ":"); two(second, then: ".")
        bytes.append(digit(millis / 100)); bytes.append(digit(millis / 10 % 10)); bytes.append(digit(millis % 10))
        bytes.append(UInt8(ascii: "Z"))
    }

    /// `parse`'s format read from bytes with no intermediate strings: `YYYY-MM-DDTHH:MM:SS` (or a
    /// space for the `T`), then `.` and 1–3 digits or nothing, then `Z`; ASCII digits only, and a
    /// real date (years 2 to 9998, as every date read from a file) and time.
    static func parse<Bytes: Collection<UInt8>>(bytes text: Bytes) -> Int64? where Bytes.Index == Int {
        let count = text.count
        guard count >= 20, text[text.startIndex + count - 1] == UInt8(ascii: "Z") else { return nil }
        let base = text.startIndex
        func number(_ from: Int, _ length: Int) -> Int? {
            var value = 0
            for index in from..<(from + length) {
                let byte = text[base + index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        func at(_ index: Int, _ ascii: Unicode.Scalar) -> Bool { text[base + index] == UInt8(ascii: ascii) }
        guard at(4, "-"), at(7, "-"), at(10, "T") || at(10, " "), at(13, ":"), at(16, ":"),
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2), second <= 59,
              let date = CalendarDate(readingYear: year, month: month, day: day), let time = ClockTime(hour: hour, minute: minute)
        else { return nil }
        var millis: Int64 = 0
        if count > 20 {
            let fraction = count - 21
            guard at(19, "."), (1...3).contains(fraction), let value = number(20, fraction) else { return nil }
            millis = Int64(value) * [1, 100, 10, 1][fraction]
        }
        return Int64(TimeZones.naiveSeconds(LocalDateTime(date: date, time: time)) + second) * 1000 + millis
    }
}

/// The state file's bytes, written straight into one buffer: the same text `PersonalStateFile`
/// documents (keys in a fixed order, sessions sorted by key, two-space indents), without the
/// JSONText tree and without `String(format:)` for the change times, which together were most of
/// a save of 1,000 stars.
enum StateFileBytes {
    static func encode(_ state: PersonalState) -> [UInt8] {
        let marks = state.marks.values.filter { !$0.isBlank }.sorted { $0.ref.key < $1.ref.key }
        let exports = state.exports.values.sorted { $0.key < $1.key }
        var out = Writer(capacity: 160 + marks.count * 320 + exports.count * 260)
        out.raw("{")
        out.field("format", depth: 1, first: true); out.string(PersonalState.formatName)
        out.field("version", depth: 1); out.raw(String(PersonalState.currentVersion))
        out.field("schedule", depth: 1); out.string(state.schedule)
        out.field("sessions", depth: 1)
        out.list(marks) { out, mark in
            out.field("key", depth: 3, first: true); out.string(mark.ref.key)
            out.field("event", depth: 3); out.string(mark.ref.event)
            out.field("id", depth: 3); out.string(mark.ref.id)
            out.field("title", depth: 3); out.string(mark.ref.title)
            out.field("start", depth: 3)
            if let start = mark.ref.start { out.string(start) } else { out.raw("null") }
            out.field("starred", depth: 3); out.raw(mark.starred ? "true" : "false")
            if mark.starChanged != 0 { out.field("starChanged", depth: 3); out.time(mark.starChanged) }
            if let note = mark.note { out.field("note", depth: 3); out.string(note) }
            if mark.noteChanged != 0 { out.field("noteChanged", depth: 3); out.time(mark.noteChanged) }
        }
        out.field("calendarExport", depth: 1)
        out.list(exports) { out, record in
            out.field("key", depth: 3, first: true); out.string(record.key)
            out.field("uid", depth: 3); out.string(record.uid)
            out.field("sequence", depth: 3); out.raw(String(record.sequence))
            out.field("fingerprint", depth: 3); out.string(record.fingerprint)
            out.field("title", depth: 3); out.string(record.title)
            out.field("dtstart", depth: 3); out.string(record.dtstart)
            out.field("cancelled", depth: 3); out.raw(record.cancelled ? "true" : "false")
        }
        out.raw("\n}\n")
        return out.bytes
    }

    private struct Writer {
        var bytes: [UInt8] = []

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        mutating func raw(_ text: StaticString) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }

        mutating func raw(_ text: String) {
            var text = text
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }

        mutating func string(_ text: String) { JSONQuoting.appendQuoted(text, to: &bytes) }

        mutating func time(_ milliseconds: Int64) {
            bytes.append(UInt8(ascii: "\""))
            StateTime.append(milliseconds, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }

        /// `"name": ` on a line of its own at `depth`, after a comma unless it is the object's first.
        mutating func field(_ name: StaticString, depth: Int, first: Bool = false) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            bytes.append(0x0A)
            indent(depth)
            bytes.append(UInt8(ascii: "\""))
            raw(name)
            raw("\": ")
        }

        /// A list of objects, one per `body`, or `[]` when there is none.
        mutating func list<Item>(_ items: [Item], _ body: (inout Writer, Item) -> Void) {
            guard !items.isEmpty else { raw("[]"); return }
            raw("[\n")
            for (offset, item) in items.enumerated() {
                indent(2)
                bytes.append(UInt8(ascii: "{"))
                body(&self, item)
                bytes.append(0x0A)
                indent(2)
                bytes.append(UInt8(ascii: "}"))
                if offset < items.count - 1 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(0x0A)
            }
            indent(1)
            bytes.append(UInt8(ascii: "]"))
        }

        private mutating func indent(_ depth: Int) {
            for _ in 0..<(2 * depth) { bytes.append(0x20) }
        }
    }
}

extension StateTime {
    /// `text(milliseconds)`'s bytes, appended: `2026-11-30T09:40:12.345Z`.
    static func append(_ milliseconds: Int64, to bytes: inout [UInt8]) {
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : -((-milliseconds + 999) / 1000)
        let millis = Int(milliseconds - seconds * 1000)
        let local = TimeZones.localDateTime(naiveSeconds: Int(seconds))
        let second = Int(seconds - (seconds >= 0 ? seconds / 60 : -((-seconds + 59) / 60)) * 60)
        let date = local.date
        // Outside four-digit years (no clock or file gives those) the slow path writes it as it always did.
        guard (0...9999).contains(date.year) else { bytes.append(contentsOf: text(milliseconds).utf8); return }
        DateText.digits(date.year, 4, &bytes); bytes.append(UInt8(ascii: "-"))
        DateText.digits(date.month, 2, &bytes); bytes.append(UInt8(ascii: "-"))
        DateText.digits(date.day, 2, &bytes); bytes.append(UInt8(ascii: "T"))
        DateText.digits(local.time.hour, 2, &bytes); bytes.append(UInt8(ascii: ":"))
        DateText.digits(local.time.minute, 2, &bytes); bytes.append(UInt8(ascii: ":"))
        DateText.digits(second, 2, &bytes); bytes.append(UInt8(ascii: "."))
        DateText.digits(millis, 3, &bytes); bytes.append(UInt8(ascii: "Z"))
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

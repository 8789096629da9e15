/// Reads a state file laid out exactly as `StateFileBytes` writes it (same keys, order, spacing
/// and line breaks) straight into a `PersonalState`, without the generic JSON tree, which was
/// most of what a state file added to opening the dashboard. Anything else, including any file a
/// person edited by hand or any damage, gives nil, and `PersonalStateFile.read` then reads it the
/// general way, which names the line of each problem. So for every file this reader accepts,
/// the state is the one the general reader gives (tested on hostile text and on mutated files).
enum StateFileFastReader {
    static func read(_ bytes: [UInt8]) -> PersonalState? {
        guard UTF8Check.firstError(in: bytes) == nil else { return nil }
        var cursor = Cursor(bytes: bytes)
        return cursor.document()
    }

    private struct Cursor {
        let bytes: [UInt8]
        var offset = 0
        /// One scanner for every string of the file (making one per string was a tenth of the read).
        var scanner: JSONScanner

        init(bytes: [UInt8]) {
            self.bytes = bytes
            scanner = JSONScanner(bytes: bytes)
        }

        mutating func document() -> PersonalState? {
            guard literal("{"), field("format", depth: 1, first: true), string() == PersonalState.formatName,
                  field("version", depth: 1), literalText(String(PersonalState.currentVersion)),
                  field("schedule", depth: 1), let schedule = string(),
                  field("sessions", depth: 1) else { return nil }
            var state = PersonalState(schedule: schedule)
            guard list({ cursor in
                guard let mark = cursor.mark() else { return false }
                state.marks[mark.ref.key] = state.marks[mark.ref.key].map { $0.merged(with: mark) } ?? mark
                return true
            }) else { return nil }
            guard field("calendarExport", depth: 1), list({ cursor in
                guard let record = cursor.record() else { return false }
                state.exports[record.key] = record
                return true
            }) else { return nil }
            guard literal("\n}\n"), offset == bytes.count else { return nil }
            return state
        }

        /// What `PersonalStateFile.mark` makes of a session object written by `StateFileBytes`.
        mutating func mark() -> SessionMark? {
            guard field("key", depth: 3, first: true), let key = string(), !key.isEmpty,
                  field("event", depth: 3), let event = string(),
                  field("id", depth: 3), let id = string(),
                  field("title", depth: 3), let title = string(),
                  field("start", depth: 3) else { return nil }
            let start: String?
            if literal("null") { start = nil } else {
                guard let text = string() else { return nil }
                start = text
            }
            guard field("starred", depth: 3), let starred = bool() else { return nil }
            var mark = SessionMark(ref: SessionRef(key: key, event: event, id: id, title: title, start: start), starred: starred)
            if field("starChanged", depth: 3) {
                guard let stamp = time() else { return nil }
                mark.starChanged = stamp
            }
            if field("note", depth: 3) {
                guard let note = string() else { return nil }
                if !note.isEmpty { mark.note = String(note.prefix(SessionMark.maximumNoteLength)) }
            }
            if field("noteChanged", depth: 3) {
                guard let stamp = time() else { return nil }
                mark.noteChanged = stamp
            }
            return mark
        }

        /// What `PersonalStateFile.record` makes of a calendar export record.
        mutating func record() -> CalendarExportRecord? {
            guard field("key", depth: 3, first: true), let key = string(), !key.isEmpty,
                  field("uid", depth: 3), let uid = string(), !uid.isEmpty,
                  field("sequence", depth: 3), let sequence = digits(),
                  field("fingerprint", depth: 3), let fingerprint = string(),
                  field("title", depth: 3), let title = string(),
                  field("dtstart", depth: 3), let dtstart = string(),
                  dtstart.count <= 16, dtstart.utf8.allSatisfy({ $0.isASCIIDigit || $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "Z") }),
                  field("cancelled", depth: 3), let cancelled = bool() else { return nil }
            return CalendarExportRecord(key: key, uid: uid, sequence: sequence, fingerprint: fingerprint, title: title,
                                        dtstart: dtstart, cancelled: cancelled)
        }

        /// `[]`, or objects at depth 2 one per line group, as `StateFileBytes.Writer.list` writes them.
        mutating func list(_ item: (inout Cursor) -> Bool) -> Bool {
            if literal("[]") { return true }
            guard literal("[\n") else { return false }
            while true {
                guard indent(2), literal("{"), item(&self), literal("\n"), indent(2), literal("}") else { return false }
                if literal(",\n") { continue }
                guard literal("\n"), indent(1), literal("]") else { return false }
                return true
            }
        }

        /// `"name": ` on a new line at `depth`, after a comma unless first; false (nothing read) when not there.
        mutating func field(_ name: StaticString, depth: Int, first: Bool = false) -> Bool {
            let start = offset
            guard first || literal(","), literal("\n"), indent(depth), literal("\""), literal(name), literal("\": ") else {
                offset = start
                return false
            }
            return true
        }

        mutating func indent(_ depth: Int) -> Bool {
            let count = 2 * depth
            guard offset + count <= bytes.count else { return false }
            for index in offset..<(offset + count) where bytes[index] != 0x20 { return false }
            offset += count
            return true
        }

        mutating func literal(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard offset + count <= bytes.count else { return false }
            for index in 0..<count where bytes[offset + index] != text.utf8Start[index] { return false }
            offset += count
            return true
        }

        mutating func literalText(_ text: String) -> Bool {
            let utf8 = Array(text.utf8)
            guard offset + utf8.count <= bytes.count, Array(bytes[offset..<(offset + utf8.count)]) == utf8 else { return false }
            offset += utf8.count
            return true
        }

        mutating func bool() -> Bool? {
            if literal("true") { return true }
            if literal("false") { return false }
            return nil
        }

        /// A whole number as the state file writes a sequence: digits, no sign, no leading zero.
        mutating func digits() -> Int? {
            let start = offset
            while offset < bytes.count, bytes[offset].isASCIIDigit { offset += 1 }
            guard offset > start, offset - start <= 18, bytes[start] != UInt8(ascii: "0") || offset - start == 1 else { return nil }
            return bytes[start..<offset].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }

        /// A quoted change time, read by `StateTime.parse`.
        mutating func time() -> Int64? {
            guard literal("\"") else { return nil }
            let start = offset
            while offset < bytes.count, bytes[offset] != UInt8(ascii: "\"") {
                guard bytes[offset] >= 0x20, bytes[offset] != UInt8(ascii: "\\") else { return nil }
                offset += 1
            }
            guard offset < bytes.count else { return nil }
            let stamp = StateTime.parse(bytes: bytes[start..<offset])
            offset += 1
            return stamp
        }

        /// A JSON string, decoded by the general reader's own `JSONScanner.parseString` (escapes,
        /// surrogate pairs, control characters refused), so both readers agree on every string;
        /// nil on anything it refuses. Only the tree is skipped, not the lexing.
        mutating func string() -> String? {
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { return nil }
            scanner.offset = offset
            guard let text = try? scanner.parseString() else { return nil }
            offset = scanner.offset
            return text
        }
    }
}

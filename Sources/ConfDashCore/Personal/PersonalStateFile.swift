import Foundation

/// The state file's text: JSON a person can read, keys in a fixed order and sessions sorted by
/// key, so that saving the same state twice gives the same bytes.
///
/// ```json
/// {
///   "format": "confdash-state",
///   "version": 1,
///   "schedule": "38C3 from /home/me/38c3-schedule.xml",
///   "sessions": [
///     { "key": "…guid…", "event": "38c3", "id": "12345", "title": "…", "start": "2024-12-27T11:00",
///       "starred": true, "starChanged": "2026-11-30T09:40:12.345Z", "note": "…", "noteChanged": "…" }
///   ],
///   "calendarExport": [
///     { "key": "…", "uid": "…", "sequence": 1, "fingerprint": "…", "title": "…", "dtstart": "20241227T100000Z", "cancelled": false }
///   ]
/// }
/// ```
public enum PersonalStateFile {
    /// A file that cannot be used as it is, with where and why ("line 3, column 7: …").
    public struct Damage: Error, Equatable, Sendable {
        public var line: Int?
        public var reason: String
        public var description: String { (line.map { "line \($0): " } ?? "") + reason }
    }

    public enum Reading: Equatable, Sendable {
        /// Read whole.
        case intact(PersonalState)
        /// Read in part: `state` holds what could be read, `damage` says what could not (first problem first).
        case damaged(PersonalState, [Damage])
        /// Written by a newer confdash: readable perhaps, but not ours to rewrite.
        case newer(version: Int)
    }

    // MARK: Writing

    public static func text(of state: PersonalState) -> String {
        String(decoding: StateFileBytes.encode(state), as: UTF8.self)
    }

    /// `text(of:)` as the UTF-8 bytes written to disk.
    public static func bytes(of state: PersonalState) -> [UInt8] { StateFileBytes.encode(state) }

    // MARK: Reading

    public static func read(_ data: Data) -> Reading {
        let bytes = [UInt8](data)
        // A file as confdash writes it is read without the JSON tree; any other goes the general way.
        if let state = StateFileFastReader.read(bytes) { return .intact(state) }
        return readTree(bytes)
    }

    /// Any JSON text, through the generic tree: every problem located by line.
    static func readTree(_ bytes: [UInt8]) -> Reading {
        let root: JSONValue
        switch JSONParser.parse(bytes: bytes) {
        case .success(let value): root = value
        case .failure(let error): return .damaged(PersonalState(), [Damage(line: error.line, reason: "column \(error.column): \(error.message)")])
        }
        guard case .object = root.content else {
            return .damaged(PersonalState(), [Damage(line: root.position.line, reason: "expected an object, found \(root.kindDescription)")])
        }
        var damage: [Damage] = []
        func problem(_ value: JSONValue?, _ reason: String) { damage.append(Damage(line: value?.position.line ?? root.position.line, reason: reason)) }

        if root["format"]?.stringValue != PersonalState.formatName {
            problem(root["format"], "\"format\" should be \"\(PersonalState.formatName)\"")
        }
        if let versionValue = root["version"], case .number(let digits) = versionValue.content, let version = Int(digits) {
            if version > PersonalState.currentVersion { return .newer(version: version) }
        } else {
            problem(root["version"], "\"version\" should be a whole number")
        }
        var state = PersonalState(schedule: root["schedule"]?.stringValue ?? "")
        if let sessions = root["sessions"] {
            if case .array(let items) = sessions.content {
                for item in items {
                    switch mark(item) {
                    case .success(let mark): state.marks[mark.ref.key] = state.marks[mark.ref.key].map { $0.merged(with: mark) } ?? mark
                    case .failure(let reason): problem(item, reason.reason)
                    }
                }
            } else {
                problem(sessions, "\"sessions\" should be a list")
            }
        }
        if let exports = root["calendarExport"] {
            if case .array(let items) = exports.content {
                for item in items {
                    switch record(item) {
                    case .success(let record): state.exports[record.key] = record
                    case .failure(let reason): problem(item, reason.reason)
                    }
                }
            } else {
                problem(exports, "\"calendarExport\" should be a list")
            }
        }
        return damage.isEmpty ? .intact(state) : .damaged(state, damage)
    }

    private static func mark(_ value: JSONValue) -> Result<SessionMark, Damage> {
        guard case .object = value.content else { return .failure(Damage(reason: "a session should be an object, found \(value.kindDescription)")) }
        guard let key = nonEmpty(value["key"]) else { return .failure(Damage(reason: "a session without a \"key\"")) }
        let ref = SessionRef(key: key, event: value["event"]?.stringValue ?? "", id: value["id"]?.stringValue ?? key,
                             title: value["title"]?.stringValue ?? "", start: value["start"]?.stringValue)
        var mark = SessionMark(ref: ref)
        switch value["starred"]?.content {
        case .bool(let starred): mark.starred = starred
        case nil: break
        default: return .failure(Damage(reason: "\"starred\" of \(quoted(key)) should be true or false"))
        }
        if let text = value["starChanged"]?.stringValue {
            guard let stamp = StateTime.parse(text) else { return .failure(Damage(reason: "\"starChanged\" of \(quoted(key)) is not a time: \(quoted(text))")) }
            mark.starChanged = stamp
        }
        if let note = value["note"]?.stringValue, !note.isEmpty { mark.note = String(note.prefix(SessionMark.maximumNoteLength)) }
        if let text = value["noteChanged"]?.stringValue {
            guard let stamp = StateTime.parse(text) else { return .failure(Damage(reason: "\"noteChanged\" of \(quoted(key)) is not a time: \(quoted(text))")) }
            mark.noteChanged = stamp
        }
        return .success(mark)
    }

    private static func record(_ value: JSONValue) -> Result<CalendarExportRecord, Damage> {
        guard let key = nonEmpty(value["key"]), let uid = nonEmpty(value["uid"]),
              case .number(let digits)? = value["sequence"]?.content, let sequence = Int(digits), sequence >= 0 else {
            return .failure(Damage(reason: "a calendar export record needs \"key\", \"uid\" and a \"sequence\" of 0 or more"))
        }
        // Written into calendars as it is: only the characters a DTSTART value has.
        let dtstart = value["dtstart"]?.stringValue ?? ""
        guard dtstart.count <= 16, dtstart.utf8.allSatisfy({ $0.isASCIIDigit || $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "Z") }) else {
            return .failure(Damage(reason: "\"dtstart\" of \(quoted(key)) is not an iCalendar date or time"))
        }
        var cancelled = false
        if case .bool(let value)? = value["cancelled"]?.content { cancelled = value }
        return .success(CalendarExportRecord(key: key, uid: uid, sequence: sequence, fingerprint: value["fingerprint"]?.stringValue ?? "",
                                             title: value["title"]?.stringValue ?? "", dtstart: dtstart,
                                             cancelled: cancelled))
    }

    private static func nonEmpty(_ value: JSONValue?) -> String? {
        guard let text = value?.stringValue, !text.isEmpty else { return nil }
        return text
    }

    private static func quoted(_ text: String) -> String { "\"\(text.prefix(80))\"" }
}

/// Change times in the state file: UTC with milliseconds, `2026-11-30T09:40:12.345Z`.
public enum StateTime {
    public static func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }

    public static func text(_ milliseconds: Int64) -> String {
        let seconds = Int(floorDivide(milliseconds, 1000))
        let local = TimeZones.localDateTime(naiveSeconds: seconds)
        guard (0...9999).contains(local.date.year) else {
            // Beyond four-digit years (no clock or file gives those): as always, with Foundation's formatting.
            let millis = Int(milliseconds - Int64(seconds) * 1000)
            let second = seconds - Int(floorDivide(Int64(seconds), 60)) * 60
            return "\(local.date.iso)T\(local.time):" + twoDigits(second) + "." + String(format: "%03d", millis) + "Z"
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        append(milliseconds, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads `text`'s own format; also without milliseconds (see `parse(bytes:)`).
    public static func parse(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
}

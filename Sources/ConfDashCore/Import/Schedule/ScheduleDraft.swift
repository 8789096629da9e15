/// A frab/pretalx schedule in one shape whether it came as schedule.xml or schedule.json, with
/// every value still as written and its place in the file. `ScheduleResolver` reads the values
/// (times, zones, durations) the same way for both.
struct ScheduleDraft {
    var title: DraftValue?
    var acronym: DraftValue?
    /// The program that wrote the file (`<generator name="…">`, `"generator": {"name": …}`).
    var generator: String?
    /// The schedule's `<version>` / `"version"` label, as written.
    var version: String?
    var url: String?
    var baseURL: String?
    var timeZoneName: DraftValue?
    var start: DraftValue?
    var end: DraftValue?
    /// Pentabarf's `<day_change>04:00</day_change>`: times before it belong to the previous day.
    var dayChange: DraftValue?
    var tracks: [ImportedTrack] = []
    /// In the order the file lists them (its room list, else first appearance in the days).
    private(set) var rooms: [String] = []
    private var roomSet: Set<String> = []
    var days: [DraftDay] = []

    mutating func noteRoom(_ name: String) {
        if !name.isEmpty && roomSet.insert(name).inserted { rooms.append(name) }
    }
}

/// A value as written, with where it is.
struct DraftValue {
    enum Location {
        case path(String)
        /// `/schedule/day[1]/room[2]/event[3]` + `/duration`
        case xmlChild(of: String, String)
        /// `….rooms["Saal 1"][3]` + `.duration`
        case jsonMember(of: String, String)
    }

    var text: String
    var position: JSONPosition?
    /// Kept in parts: the full path is made only for the few values a problem is reported about.
    var location: Location

    init(text: String, position: JSONPosition?, path: String) {
        self.init(text: text, position: position, location: .path(path))
    }

    init(text: String, position: JSONPosition?, location: Location) {
        self.text = text
        self.position = position
        self.location = location
    }

    var path: String {
        switch location {
        case .path(let path): return path
        case .xmlChild(let parent, let name): return "\(parent)/\(name)"
        case .jsonMember(let parent, let key): return ProblemPath.member(parent, key)
        }
    }
}

struct DraftDay {
    var path: String
    var position: JSONPosition?
    var index: Int?
    var date: DraftValue?
    /// When the conference day starts and ends (`2024-12-28T06:00:00+01:00`): a session whose
    /// clock time is earlier than the start belongs to the night after this day.
    var start: DraftValue?
    var end: DraftValue?
    var sessions: [DraftSession] = []
}

struct DraftSession {
    var path: String
    var position: JSONPosition?
    /// The room the file lists the session under (`<room name="…">`, a key of `rooms`).
    var parentRoom: String?
    /// The values the readers look for, absent when not written; anything else is ignored.
    var fields: DraftFields
    var persons: [ImportedPerson] = []
    var links: [ImportedLink] = []

    init(path: String, position: JSONPosition?, parentRoom: String?) {
        self.path = path
        self.fields = DraftFields(parent: path)
        self.position = position
        self.parentRoom = parentRoom
    }

    /// What takes a session's place once it is resolved: nothing of its own to hold.
    static let released = DraftSession(path: "", position: nil, parentRoom: nil)

    /// The value's text, trimmed; nil when absent or blank.
    subscript(_ field: DraftField) -> String? {
        guard let text = fields.text(field)?.trimmingWhitespace, !text.isEmpty else { return nil }
        return text
    }
}

/// The fields of a frab/pretalx event that confdash reads, named as in the files.
enum DraftField: Int, CaseIterable {
    case date, start, end, duration, room, title, subtitle, type, track, language, abstract, description, url, id, guid, code, slug

    /// The element or member name the field is read from.
    var name: String {
        switch self {
        case .date: return "date"
        case .start: return "start"
        case .end: return "end"
        case .duration: return "duration"
        case .room: return "room"
        case .title: return "title"
        case .subtitle: return "subtitle"
        case .type: return "type"
        case .track: return "track"
        case .language: return "language"
        case .abstract: return "abstract"
        case .description: return "description"
        case .url: return "url"
        case .id: return "id"
        case .guid: return "guid"
        case .code: return "code"
        case .slug: return "slug"
        }
    }

    /// A switch rather than a dictionary: each session has some twenty fields, and hashing their
    /// names was most of the time spent reading a large schedule into this shape.
    init?(name: String) {
        switch name {
        case "date": self = .date
        case "start": self = .start
        case "end": self = .end
        case "duration": self = .duration
        case "room": self = .room
        case "title": self = .title
        case "subtitle": self = .subtitle
        case "type": self = .type
        case "track": self = .track
        case "language": self = .language
        case "abstract": self = .abstract
        case "description": self = .description
        case "url": self = .url
        case "id": self = .id
        case "guid": self = .guid
        case "code": self = .code
        case "slug": self = .slug
        default: return nil
        }
    }
}

/// The fields a session has, by `DraftField`.
///
/// Kept compact because every session of a schedule holds one until the schedule is resolved:
/// one full `DraftValue` slot per field (each with its own location) came to 1.2 KB a session,
/// 120 MB for 100,000 sessions. Here only the fields present are stored, each as its text and
/// position; the location is rebuilt from the session's path and the field's name, which is
/// what the readers give it (`…/event[3]/title`, `…/event[3]/@guid`, `….title`). A value given
/// any other location is kept whole.
struct DraftFields {
    private enum Kind: UInt8 { case xmlChild, xmlAttribute, jsonMember }
    private struct Entry {
        var field: DraftField
        var kind: Kind
        var line: Int32
        var column: Int32
        var text: String
    }

    private let parent: String
    private var entries: [Entry] = []
    private var others: [(field: DraftField, value: DraftValue)] = []
    /// One bit per field held (by `rawValue`): the resolver asks for about twenty fields a
    /// session, many absent, and a search of the entries for each was a fifth of resolving.
    private var present: UInt32 = 0

    init(parent: String) { self.parent = parent }

    private func holds(_ field: DraftField) -> Bool { present & (1 << UInt32(field.rawValue)) != 0 }

    /// Where `field` is in `entries`, by a plain loop (no closure, no copy of an entry).
    private func entryIndex(_ field: DraftField) -> Int? {
        guard holds(field) else { return nil }
        var index = 0
        while index < entries.count {
            if entries[index].field == field { return index }
            index += 1
        }
        return nil
    }

    /// The text of `field`, without building its `DraftValue` (what the resolver mostly asks).
    func text(_ field: DraftField) -> String? {
        guard holds(field) else { return nil }
        if let index = entryIndex(field) { return entries[index].text }
        return others.first { $0.field == field }?.value.text
    }

    subscript(_ field: DraftField) -> DraftValue? {
        get {
            guard holds(field) else { return nil }
            if let index = entryIndex(field) {
                let entry = entries[index]
                let position = entry.line == 0 ? nil : JSONPosition(line: Int(entry.line), column: Int(entry.column))
                return DraftValue(text: entry.text, position: position, location: location(entry.kind, field))
            }
            return others.first { $0.field == field }?.value
        }
        set {
            if let index = entryIndex(field) { entries.remove(at: index) }
            if !others.isEmpty { others.removeAll { $0.field == field } }
            present &= ~(1 << UInt32(field.rawValue))
            guard let newValue else { return }
            present |= 1 << UInt32(field.rawValue)
            if let entry = Self.entry(field, newValue, parent: parent) {
                entries.append(entry)
            } else {
                others.append((field, newValue))
            }
        }
    }

    /// Sets a value read from schedule.xml, the child element `field.name` of the session or its
    /// attribute, as the subscript would store it, without building the `DraftValue` and its location.
    mutating func set(_ field: DraftField, text: String, position: JSONPosition, attribute: Bool) {
        set(field, kind: attribute ? .xmlAttribute : .xmlChild, text: text, position: position)
    }

    /// Sets a value read from schedule.json, the session's member `field.name`, the same way.
    mutating func set(_ field: DraftField, jsonText text: String, position: JSONPosition) {
        set(field, kind: .jsonMember, text: text, position: position)
    }

    private mutating func set(_ field: DraftField, kind: Kind, text: String, position: JSONPosition) {
        guard position.line > 0, position.line <= Int(Int32.max), position.column >= 0, position.column <= Int(Int32.max) else {
            self[field] = DraftValue(text: text, position: position, location: location(kind, field))
            return
        }
        // A field not yet held is in neither list: nothing to remove (the usual case).
        if holds(field) {
            if let index = entryIndex(field) { entries.remove(at: index) }
            if !others.isEmpty { others.removeAll { $0.field == field } }
        }
        present |= 1 << UInt32(field.rawValue)
        // An event has a dozen or so fields: room for sixteen at once, where growing by doubling
        // reached the same sixteen through five allocations.
        if entries.isEmpty { entries.reserveCapacity(16) }
        entries.append(Entry(field: field, kind: kind, line: Int32(position.line), column: Int32(position.column), text: text))
    }

    private func location(_ kind: Kind, _ field: DraftField) -> DraftValue.Location {
        switch kind {
        case .xmlChild: .xmlChild(of: parent, field.name)
        case .xmlAttribute: .xmlChild(of: parent, "@" + field.name)
        case .jsonMember: .jsonMember(of: parent, field.name)
        }
    }

    private static func entry(_ field: DraftField, _ value: DraftValue, parent: String) -> Entry? {
        let kind: Kind
        switch value.location {
        case let .xmlChild(of, name) where of == parent && name == field.name: kind = .xmlChild
        case let .xmlChild(of, name) where of == parent && name.utf8.first == UInt8(ascii: "@") && name.utf8.dropFirst().elementsEqual(field.name.utf8):
            kind = .xmlAttribute
        case let .jsonMember(of, key) where of == parent && key == field.name: kind = .jsonMember
        default: return nil
        }
        guard let position = value.position else { return Entry(field: field, kind: kind, line: 0, column: 0, text: value.text) }
        guard position.line > 0, position.line <= Int(Int32.max), position.column >= 0, position.column <= Int(Int32.max) else { return nil }
        return Entry(field: field, kind: kind, line: Int32(position.line), column: Int32(position.column), text: value.text)
    }
}

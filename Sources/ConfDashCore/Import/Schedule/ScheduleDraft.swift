/// A frab/pretalx schedule in one shape whether it came as schedule.xml or schedule.json, with
/// every value still as written and its place in the file. `ScheduleResolver` reads the values
/// (times, zones, durations) the same way for both.
struct ScheduleDraft {
    var title: DraftValue?
    var acronym: DraftValue?
    /// The program that wrote the file (`<generator name="…">`, `"generator": {"name": …}`).
    var generator: String?
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
    var fields = DraftFields()
    var persons: [ImportedPerson] = []
    var links: [ImportedLink] = []

    init(path: String, position: JSONPosition?, parentRoom: String?) {
        self.path = path
        self.position = position
        self.parentRoom = parentRoom
    }

    /// The value's text, trimmed; nil when absent or blank.
    subscript(_ field: DraftField) -> String? {
        guard let text = fields[field]?.text.trimmingWhitespace, !text.isEmpty else { return nil }
        return text
    }
}

/// The fields of a frab/pretalx event that confdash reads, named as in the files.
enum DraftField: Int, CaseIterable {
    case date, start, end, duration, room, title, subtitle, type, track, language, abstract, description, url, id, guid, code, slug

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

/// One slot per `DraftField`.
struct DraftFields {
    private var values = [DraftValue?](repeating: nil, count: DraftField.allCases.count)

    subscript(_ field: DraftField) -> DraftValue? {
        get { values[field.rawValue] }
        set { values[field.rawValue] = newValue }
    }
}

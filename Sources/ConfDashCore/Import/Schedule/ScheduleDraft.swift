/// A frab/pretalx schedule in one shape whether it came as schedule.xml or schedule.json, with
/// every value still as written and its place in the file. `ScheduleResolver` reads the values
/// (times, zones, durations) the same way for both.
struct ScheduleDraft {
    var title: DraftValue?
    var acronym: DraftValue?
    var url: String?
    var baseURL: String?
    var timeZoneName: DraftValue?
    var start: DraftValue?
    var end: DraftValue?
    /// Pentabarf's `<day_change>04:00</day_change>`: times before it belong to the previous day.
    var dayChange: DraftValue?
    var tracks: [ImportedTrack] = []
    /// In the order the file lists them (its room list, else first appearance in the days).
    var rooms: [String] = []
    var days: [DraftDay] = []

    mutating func noteRoom(_ name: String) {
        if !name.isEmpty && !rooms.contains(name) { rooms.append(name) }
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
    /// `date`, `start`, `end`, `duration`, `room`, `title`, `subtitle`, `type`, `track`, `language`,
    /// `abstract`, `description`, `url`, `id`, `guid`, `code`, `slug`; absent when not written.
    var fields: [String: DraftValue] = [:]
    var persons: [ImportedPerson] = []
    var links: [ImportedLink] = []

    subscript(_ key: String) -> String? {
        guard let text = fields[key]?.text.trimmingWhitespace, !text.isEmpty else { return nil }
        return text
    }

    /// The fields every reader looks for; anything else a file carries is ignored.
    static let fieldNames: Set<String> = [
        "date", "start", "end", "duration", "room", "title", "subtitle", "type", "track", "language", "abstract",
        "description", "url", "id", "guid", "code", "slug",
    ]
}

/// The c3voc "schedule v2" event list, as the congress hub publishes it
/// (validator/json/schema2.json in voc/schedule): the sessions in one list, each with a full
/// `start` and `end` date-time, its `room` and `track` as objects, and `participants` for persons.
/// Each is put under the conference day whose `start`…`end` holds it, so a talk at 00:15 stays on
/// the day whose night it ends, as the v1 form's rooms-under-days say.
extension ScheduleJSONReader {
    static func readEventList(_ list: JSONValue, path listPath: String, tracks: JSONValue?, into draft: inout ScheduleDraft, log: ProblemLog) {
        var trackNames: [String: String] = [:]
        for track in elements(tracks) {
            if let slug = text(track["slug"]), let name = text(track["name"]) { trackNames[slug] = name }
        }
        let days = DayFinder(draft.days)
        var leftOut = LeftOutParticipants()
        var undated = DraftDay(path: listPath, position: list.position, index: nil, date: nil, start: nil, end: nil)
        for (number, event) in elements(list).enumerated() {
            let path = ProblemPath.element(listPath, number)
            var session = readEvent(event, path: path, room: nil)
            adoptV2Shapes(event, path: path, trackNames: trackNames, into: &session, leftOut: &leftOut)
            if let room = session[.room]?.trimmingWhitespace { draft.noteRoom(room) }
            let instant = session[.date].flatMap { ScheduleValues.dateTime($0)?.instant }
            if let instant, let day = days.day(holding: instant) {
                draft.days[day].sessions.append(session)
            } else {
                undated.sessions.append(session)
            }
        }
        if !undated.sessions.isEmpty { draft.days.append(undated) }
        leftOut.report(to: log)
    }

    /// Reads the members v2 writes differently from v1 into the fields the resolver knows.
    private static func adoptV2Shapes(_ event: JSONValue, path: String, trackNames: [String: String], into session: inout DraftSession,
                                      leftOut: inout LeftOutParticipants) {
        // `start` is a full date-time in v2 (v1: a clock time beside a `date`).
        if session.fields[.date] == nil, let start = session.fields[.start], ScheduleValues.dateTime(start.text.trimmingWhitespace) != nil {
            session.fields[.date] = start
            session.fields[.start] = nil
        }
        if session.fields[.room] == nil, let room = event["room"],
           let name = text(room["name"]) ?? text(room["slug"]) {
            session.fields[.room] = DraftValue(text: name, position: room.position, path: ProblemPath.member(path, "room"))
        }
        if session.fields[.track] == nil, let track = event["track"],
           let name = text(track["name"]) ?? text(track["slug"]).map({ trackNames[$0] ?? $0 }) {
            session.fields[.track] = DraftValue(text: name, position: track.position, path: ProblemPath.member(path, "track"))
        }
        for (number, person) in elements(event["participants"]).enumerated() {
            guard let name = text(person["name"]) ?? text(person["public_name"]) ?? text(person) else { continue }
            let written = text(person["role"])?.trimmingWhitespace
            guard let role = participantRole(written) else {
                leftOut.add(name: name, role: written ?? "", path: ProblemPath.element(path + ".participants", number), position: person.position)
                continue
            }
            session.persons.append(ImportedPerson(idHint: text(person["guid"]) ?? text(person["code"]) ?? text(person["id"]), name: name, role: role))
        }
    }

    /// The schema's roles (SPEAKER by default) that confdash has a word for. CONTRIBUTOR and GUEST
    /// have none: calling them speakers would say something the file does not.
    private static func participantRole(_ written: String?) -> SessionPerson.Role? {
        switch written?.uppercased() {
        case nil, "", "SPEAKER": return .speaker
        case "MODERATOR": return .moderator
        case "HOST": return .host
        default: return nil
        }
    }

    /// One warning for the file, not one per participant.
    private struct LeftOutParticipants {
        private var count = 0
        private var first: (name: String, role: String, path: String, position: JSONPosition?)?

        mutating func add(name: String, role: String, path: String, position: JSONPosition?) {
            count += 1
            if first == nil { first = (name, role, path, position) }
        }

        func report(to log: ProblemLog) {
            guard let first else { return }
            let more = count > 1 ? " (and \(count - 1) more)" : ""
            log.warning("participants whose role confdash has no word for are left out of the sessions' people: "
                        + "\(quoted(first.name)) as \(quoted(first.role))\(more)", at: first.path, first.position)
        }
    }

    /// The conference day whose start…end holds an instant, by binary search over the days sorted
    /// by start: linear in events × log(days), whatever a file's numbers of each.
    private struct DayFinder {
        private let spans: [(start: Int, end: Int, index: Int)]

        init(_ days: [DraftDay]) {
            spans = days.enumerated().compactMap { index, day in
                guard let start = day.start.flatMap({ ScheduleValues.dateTime($0.text.trimmingWhitespace)?.instant }),
                      let end = day.end.flatMap({ ScheduleValues.dateTime($0.text.trimmingWhitespace)?.instant }),
                      start < end else { return nil }
                return (start, end, index)
            }.sorted { $0.start < $1.start }
        }

        func day(holding instant: Int) -> Int? {
            var low = 0, high = spans.count
            while low < high {
                let middle = (low + high) / 2
                if spans[middle].start <= instant { low = middle + 1 } else { high = middle }
            }
            guard low > 0, instant < spans[low - 1].end else { return nil }
            return spans[low - 1].index
        }
    }
}

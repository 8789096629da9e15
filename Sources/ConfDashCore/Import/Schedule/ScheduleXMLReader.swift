/// Reads frab/pretalx/Pentabarf **schedule.xml** into a `ScheduleDraft`.
///
/// Follows what real files contain rather than the XSD alone: elements the reader does not use
/// (`recording`, `answers`, `do_not_stream`, …) are skipped without a word, and missing optional
/// ones are simply absent. Paths in problems are XPath-like: `/schedule/day[2]/room[5]/event[3]`.
enum ScheduleXMLReader {
    /// `events`: the sessions `ScheduleXMLHandler` already read while the document was scanned
    /// (their elements are then not in the tree); without them, they are read from the tree.
    static func read(_ root: XMLElement, events: EventCollector? = nil, log: ProblemLog) -> ScheduleDraft? {
        guard root.name == "schedule" else {
            let name = XMLReader.short(root.name)
            log.error("the root element is <\(name)>; a schedule.xml starts with <schedule>", at: "/\(name)", root.position)
            return nil
        }
        var draft = ScheduleDraft()
        draft.generator = root.child("generator")?.attribute("name")?.trimmingWhitespace
        draft.version = root.child("version")?.text
        if let conference = root.child("conference") {
            readConference(conference, into: &draft)
        } else {
            log.warning("no <conference> element: the schedule has no title, dates or time zone", at: "/schedule", root.position)
        }
        for (dayNumber, day) in root.children(named: "day").enumerated() {
            draft.days.append(readDay(day, path: "/schedule/day[\(dayNumber + 1)]", events: events, into: &draft))
        }
        // Some generators wrap the days in <days>, as schedule.json has them in "days".
        for (wrapperNumber, wrapper) in root.children(named: "days").enumerated() {
            for (dayNumber, day) in wrapper.children(named: "day").enumerated() {
                draft.days.append(readDay(day, path: "/schedule/days[\(wrapperNumber + 1)]/day[\(dayNumber + 1)]", into: &draft))
            }
        }
        return draft
    }

    private static func value(_ element: XMLElement?, _ path: String) -> DraftValue? {
        guard let element else { return nil }
        return DraftValue(text: element.text, position: element.position, path: path)
    }

    private static func readConference(_ conference: XMLElement, into draft: inout ScheduleDraft) {
        let path = "/schedule/conference"
        draft.title = value(conference.child("title"), path + "/title")
        draft.acronym = value(conference.child("acronym"), path + "/acronym")
        draft.start = value(conference.child("start"), path + "/start")
        draft.end = value(conference.child("end"), path + "/end")
        draft.timeZoneName = value(conference.child("time_zone_name"), path + "/time_zone_name")
        draft.dayChange = value(conference.child("day_change"), path + "/day_change")
        draft.url = conference.child("url")?.text.trimmingWhitespace
        draft.baseURL = conference.child("base_url")?.text.trimmingWhitespace
        for track in conference.children(named: "track") {
            // frab writes <track name="…" color="…" slug="…"/>; older files <track>Name</track>.
            let name = (track.attribute("name") ?? track.text).trimmingWhitespace
            guard !name.isEmpty else { continue }
            draft.tracks.append(ImportedTrack(name: name, slug: track.attribute("slug"), color: track.attribute("color"),
                                              position: track.position))
        }
        for room in conference.child("rooms")?.children(named: "room") ?? [] {
            draft.noteRoom((room.attribute("name") ?? room.text).trimmingWhitespace)
        }
    }

    private static func readDay(_ day: XMLElement, path: String, events: EventCollector? = nil, into draft: inout ScheduleDraft) -> DraftDay {
        func attribute(_ name: String) -> DraftValue? {
            day.attribute(name).map { DraftValue(text: $0, position: day.position, path: "\(path)/@\(name)") }
        }
        var result = DraftDay(path: path, position: day.position, index: day.attribute("index").flatMap { Int($0) },
                              date: attribute("date"), start: attribute("start"), end: attribute("end"))
        for (roomNumber, room) in day.children(named: "room").enumerated() {
            let roomName = room.attribute("name")?.trimmingWhitespace
            if let roomName { draft.noteRoom(roomName) }
            result.sessions += events?.take(room) ?? []
            for (eventNumber, event) in room.children(named: "event").enumerated() {
                let eventPath = "\(path)/room[\(roomNumber + 1)]/event[\(eventNumber + 1)]"
                result.sessions.append(readEvent(event, path: eventPath, room: roomName))
            }
        }
        // An <event> straight under <day>, outside any <room>: its own <room> child names the room.
        for (eventNumber, event) in day.children(named: "event").enumerated() {
            let session = readEvent(event, path: "\(path)/event[\(eventNumber + 1)]", room: nil)
            if let roomName = session[.room]?.trimmingWhitespace { draft.noteRoom(roomName) }
            result.sessions.append(session)
        }
        return result
    }

    fileprivate static func readEvent(_ event: XMLElement, path: String, room: String?) -> DraftSession {
        var session = DraftSession(path: path, position: event.position, parentRoom: room)
        for (field, name) in [(DraftField.id, "id"), (.guid, "guid"), (.code, "code")] {
            if let text = event.attribute(name) {
                session.fields[field] = DraftValue(text: text, position: event.position, location: .xmlChild(of: path, "@" + name))
            }
        }
        for child in event.children {
            switch child.name {
            case "persons":
                for person in child.children(named: "person") {
                    session.persons.append(ImportedPerson(idHint: person.attribute("guid") ?? person.attribute("id"), name: person.text))
                }
            case "links", "attachments":
                for link in child.children where link.name == "link" || link.name == "attachment" {
                    guard let href = link.attribute("href") else { continue }
                    let title = link.text.trimmingWhitespace
                    session.links.append(ImportedLink(url: href, title: title.isEmpty ? nil : title))
                }
            default:
                if let field = DraftField(name: child.name) {
                    session.fields[field] = DraftValue(text: child.text, position: child.position, location: .xmlChild(of: path, child.name))
                }
            }
        }
        return session
    }
}

extension ScheduleXMLReader {
    /// The sessions `ScheduleXMLHandler` read from each room's events while the document was
    /// scanned, handed over room by room (and let go as they are).
    final class EventCollector {
        private var sessions: [ObjectIdentifier: [DraftSession]]

        init(_ sessions: [ObjectIdentifier: [DraftSession]]) { self.sessions = sessions }

        /// The sessions read from `room`'s events, handed over once.
        func take(_ room: XMLElement) -> [DraftSession] {
            sessions.removeValue(forKey: ObjectIdentifier(room)) ?? []
        }
    }
}

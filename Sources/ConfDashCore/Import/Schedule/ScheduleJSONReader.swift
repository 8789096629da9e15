/// Reads frab and pretalx **schedule.json** (`{"schedule": {"conference": {…, "days": […]}}}`)
/// into a `ScheduleDraft`.
///
/// Lenient about types the way real exports need: ids may be numbers or strings, most text
/// fields may be null, keys the reader does not use are ignored. Paths in problems follow the
/// JSON: `schedule.conference.days[1].rooms["Saal 1"][3]`.
enum ScheduleJSONReader {
    static func read(_ root: JSONValue, log: ProblemLog, taken: TakenSessions? = nil) -> ScheduleDraft? {
        guard case .object = root.content, let schedule = root["schedule"], case .object = schedule.content else {
            log.error("not a schedule.json: expected an object with a \"schedule\" object", at: "", root.position)
            return nil
        }
        guard let conference = schedule["conference"], case .object = conference.content else {
            log.error("the schedule has no \"conference\" object", at: "schedule", schedule.position)
            return nil
        }
        let path = "schedule.conference"
        var draft = ScheduleDraft()
        draft.generator = text((root["generator"] ?? schedule["generator"])?["name"])?.trimmingWhitespace
        draft.version = text(schedule["version"])
        draft.title = value(conference, "title", path)
        draft.acronym = value(conference, "acronym", path)
        draft.start = value(conference, "start", path)
        draft.end = value(conference, "end", path)
        draft.timeZoneName = value(conference, "time_zone_name", path)
        draft.dayChange = value(conference, "day_change", path)
        draft.url = text(conference["url"])
        draft.baseURL = text(schedule["base_url"]) ?? text(conference["base_url"])
        for track in elements(conference["tracks"]) {
            guard let name = text(track["name"]) ?? text(track) else { continue }
            // v2 gives a colour per theme (`colors.light`, `colors.dark`); confdash has one per track.
            let color = text(track["color"]) ?? text(track["colors"]?["light"]) ?? text(track["colors"]?["dark"])
            draft.tracks.append(ImportedTrack(name: name, slug: text(track["slug"]), color: color, position: track.position))
        }
        for room in elements(conference["rooms"]) {
            if let name = text(room["name"]) ?? text(room) { draft.noteRoom(name.trimmingWhitespace) }
        }
        let days = conference["days"]
        for (number, day) in elements(days).enumerated() {
            draft.days.append(readDay(day, path: ProblemPath.element(path + ".days", number), into: &draft, taken: taken))
        }
        // The c3voc "schedule v2" form (the congress hub): sessions in one list, `schedule.events`
        // (or `conference.events`), each with its own date and room rather than under days and rooms.
        for (list, listPath) in [(schedule["events"], "schedule.events"), (conference["events"], path + ".events")] {
            guard case .array = list?.content else { continue }
            readEventList(list!, path: listPath, tracks: conference["tracks"], into: &draft, log: log)
        }
        if draft.days.isEmpty {
            log.warning("the conference has no \"days\" (and the schedule no \"events\" list): there are no sessions", at: path, conference.position)
        }
        return draft
    }

    private static func readDay(_ day: JSONValue, path: String, into draft: inout ScheduleDraft, taken: TakenSessions?) -> DraftDay {
        var result = DraftDay(path: path, position: day.position, index: text(day["index"]).flatMap { Int($0) },
                              date: value(day, "date", path),
                              // v1 names them day_start and day_end; v2 start and end.
                              start: value(day, "day_start", path) ?? value(day, "start", path),
                              end: value(day, "day_end", path) ?? value(day, "end", path))
        guard case let .object(rooms)? = day["rooms"]?.content else { return result }
        for room in rooms {
            let roomName = room.key.trimmingWhitespace
            draft.noteRoom(roomName)
            for (number, event) in elements(room.value).enumerated() {
                if let session = taken?.take(at: event.position) {
                    result.sessions.append(session)
                    continue
                }
                let eventPath = ProblemPath.element(ProblemPath.member(path + ".rooms", room.key), number)
                result.sessions.append(readEvent(event, path: eventPath, room: roomName))
            }
        }
        return result
    }

    static func readEvent(_ event: JSONValue, path: String, room: String?) -> DraftSession {
        var session = DraftSession(path: path, position: event.position, parentRoom: room)
        guard case let .object(members) = event.content else { return session }
        // One pass over the members; for persons, links and attachments the first member of that
        // name counts, as `event["persons"]` would give it.
        var persons: JSONValue?, links: JSONValue?, attachments: JSONValue?
        for member in members {
            switch MemberNames.meaning(of: member.key) {
            case .persons: if persons == nil { persons = member.value }
            case .links: if links == nil { links = member.value }
            case .attachments: if attachments == nil { attachments = member.value }
            case .field(let field):
                if let text = text(member.value) {
                    session.fields[field] = DraftValue(text: text, position: member.value.position, location: .jsonMember(of: path, member.key))
                }
            case .other: break
            }
        }
        for person in elements(persons) {
            // frab: public_name; the schema's newer form: name; a bare string in some exports.
            guard let name = text(person["public_name"]) ?? text(person["name"]) ?? text(person) else { continue }
            session.persons.append(ImportedPerson(idHint: text(person["guid"]) ?? text(person["code"]) ?? text(person["id"]), name: name))
        }
        for link in elements(links) + elements(attachments) {
            guard let url = text(link["url"]) ?? text(link["href"]) ?? text(link) else { continue }
            session.links.append(ImportedLink(url: url, title: text(link["title"])))
        }
        return session
    }

    // MARK: Lenient value access

    /// A string as it is, a number as written; nil for null, booleans, arrays, objects or a missing value.
    static func text(_ value: JSONValue?) -> String? {
        switch value?.content {
        case let .string(text)?: return text
        case let .number(text)?: return text
        default: return nil
        }
    }

    private static func value(_ object: JSONValue, _ key: String, _ path: String) -> DraftValue? {
        guard let member = object[key], let text = text(member) else { return nil }
        return DraftValue(text: text, position: member.position, path: ProblemPath.member(path, key))
    }

    static func elements(_ value: JSONValue?) -> [JSONValue] {
        if case let .array(items)? = value?.content { return items }
        return []
    }
}

/// What a session's member name means to the reader, matched on the name's UTF-8 bytes by its
/// length and first byte, then compared whole: no String is made or hashed for it
/// (`DraftField(name:)`, a switch over Strings, was 5 % of reading 10k sessions).
enum MemberNames {
    enum Meaning {
        case field(DraftField), persons, links, attachments, other
    }

    static func meaning(of name: String) -> Meaning {
        var name = name
        return name.withUTF8 { meaning(ofUTF8: UnsafeRawBufferPointer($0)) }
    }

    static func meaning(ofUTF8 name: UnsafeRawBufferPointer) -> Meaning {
        guard name.count >= 2 else { return .other }
        let meaning: Meaning, spelled: StaticString
        switch (name.count, name[0]) {
        case (2, UInt8(ascii: "i")): (meaning, spelled) = (.field(.id), "id")
        case (3, UInt8(ascii: "e")): (meaning, spelled) = (.field(.end), "end")
        case (3, UInt8(ascii: "u")): (meaning, spelled) = (.field(.url), "url")
        case (4, UInt8(ascii: "d")): (meaning, spelled) = (.field(.date), "date")
        case (4, UInt8(ascii: "r")): (meaning, spelled) = (.field(.room), "room")
        case (4, UInt8(ascii: "t")): (meaning, spelled) = (.field(.type), "type")
        case (4, UInt8(ascii: "g")): (meaning, spelled) = (.field(.guid), "guid")
        case (4, UInt8(ascii: "c")): (meaning, spelled) = (.field(.code), "code")
        case (4, UInt8(ascii: "s")): (meaning, spelled) = (.field(.slug), "slug")
        case (5, UInt8(ascii: "s")): (meaning, spelled) = (.field(.start), "start")
        case (5, UInt8(ascii: "t")) where name[1] == UInt8(ascii: "i"): (meaning, spelled) = (.field(.title), "title")
        case (5, UInt8(ascii: "t")): (meaning, spelled) = (.field(.track), "track")
        case (5, UInt8(ascii: "l")): (meaning, spelled) = (.links, "links")
        case (7, UInt8(ascii: "p")): (meaning, spelled) = (.persons, "persons")
        case (8, UInt8(ascii: "d")): (meaning, spelled) = (.field(.duration), "duration")
        case (8, UInt8(ascii: "s")): (meaning, spelled) = (.field(.subtitle), "subtitle")
        case (8, UInt8(ascii: "l")): (meaning, spelled) = (.field(.language), "language")
        case (8, UInt8(ascii: "a")): (meaning, spelled) = (.field(.abstract), "abstract")
        case (11, UInt8(ascii: "d")): (meaning, spelled) = (.field(.description), "description")
        case (11, UInt8(ascii: "a")): (meaning, spelled) = (.attachments, "attachments")
        default: return .other
        }
        return spelled.utf8Equals(name) ? meaning : .other
    }
}

// The agenda's records written by `JSONBytesWriter`: each lists its fields in the order of their
// keys' UTF-8 bytes, exactly the keys its `Encodable` form has (`@Null` fields as `null` when
// missing). `JSONBytesWriterTests` compares these bytes with `PrettyJSONEncoder`'s.

extension IDName: JSONBytesWritable {
    func write(to writer: inout JSONBytesWriter) {
        writer.object { object in
            object.field("id", id)
            object.field("name", name)
        }
    }
}

extension DayRangeRecord: JSONBytesWritable {
    func write(to writer: inout JSONBytesWriter) {
        writer.object { object in
            object.field("from", from)
            object.field("fromIndex", fromIndex)
            object.field("to", to)
            object.field("toIndex", toIndex)
        }
    }
}

extension DayBasisRecord: JSONBytesWritable {
    func write(to writer: inout JSONBytesWriter) {
        writer.object { object in
            object.field("inferred", inferred)
            object.field("quote", quote)
            object.field("reason", reason)
        }
    }
}

extension SessionPersonRecord: JSONBytesWritable {
    func write(to writer: inout JSONBytesWriter) {
        writer.object { object in
            object.field("id", id)
            object.field("name", name)
            object.field("organisation", organisation)
            object.field("role", role)
            object.field("title", title)
        }
    }
}

extension SessionOrganisationRecord: JSONBytesWritable {
    func write(to writer: inout JSONBytesWriter) {
        writer.object { object in
            object.field("id", id)
            object.field("name", name)
            object.field("note", note)
            object.field("role", role)
        }
    }
}

extension LinkRecord: JSONBytesWritable {
    func write(to writer: inout JSONBytesWriter) {
        writer.object { object in
            object.field("title", title)
            object.field("url", url)
        }
    }
}

extension SessionRecord: JSONBytesWritable {
    func write(to writer: inout JSONBytesWriter) {
        writer.object { object in
            object.field("abstract", abstract)
            object.field("count", count)
            object.field("day", day)
            object.field("dayBasis", dayBasis)
            object.field("dayIndex", dayIndex)
            object.field("description", description)
            object.field("durationMinutes", durationMinutes)
            object.field("end", end)
            object.field("event", event)
            object.field("eventShortTitle", eventShortTitle)
            object.field("eventTitle", eventTitle)
            object.field("groupTopic", groupTopic)
            object.field("id", id)
            object.field("kind", kind)
            object.field("kindLabel", kindLabel)
            object.field("language", language)
            object.field("links", links)
            object.field("officialTitle", officialTitle)
            object.field("organisations", organisations)
            object.field("partOfDay", partOfDay)
            object.field("people", people)
            object.field("possibleDays", possibleDays)
            object.field("room", room)
            object.field("sources", sources)
            object.field("start", start)
            object.field("technologies", technologies)
            object.field("timeZone", timeZone)
            object.field("title", title)
            object.field("titleTranslated", titleTranslated)
            object.field("tracks", tracks)
        }
    }
}

extension EventMatchRecord: JSONBytesWritable {
    func write(to writer: inout JSONBytesWriter) {
        writer.object { object in
            object.field("event", event)
            object.field("eventTitle", eventTitle)
            object.field("fields", fields)
        }
    }
}

/// `AgendaOutput` as it is written, its sessions written as they are made (`AgendaSessionsJSON`,
/// straight from the model): the records of a 100,000-session agenda are never all held at once.
struct AgendaOutputStream<Sessions: JSONBytesWritable>: JSONBytesWritable {
    var lang: String
    var count: Int
    var sessions: Sessions
    var eventMatches: [EventMatchRecord]

    func write(to writer: inout JSONBytesWriter) {
        writer.object { object in
            object.field("count", count)
            object.field("eventMatches", eventMatches)
            object.field("lang", lang)
            object.field("sessions", sessions)
        }
    }
}

/// Any sequence of writable values, written as an array.
struct JSONBytesSequence<Items: Sequence>: JSONBytesWritable where Items.Element: JSONBytesWritable {
    let items: Items
    init(_ items: Items) { self.items = items }
    func write(to writer: inout JSONBytesWriter) { writer.array(items) }
}

extension AgendaOutput: JSONBytesWritable {
    func write(to writer: inout JSONBytesWriter) {
        AgendaOutputStream(lang: lang, count: count, sessions: JSONBytesSequence(sessions), eventMatches: eventMatches).write(to: &writer)
    }
}

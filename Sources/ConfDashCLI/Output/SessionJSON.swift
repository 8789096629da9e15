import ConfDashCore

/// `agenda --format json`'s session records written straight from the model: the bytes of
/// `RecordBuilder.session(_:of:)`'s `SessionRecord` (same keys in the same order, same texts,
/// same nulls), without first making the record's Strings and arrays.
///
/// On 38C3 the record made per session (its times and dates as Strings, eight arrays, a
/// `SessionRecord` copied and released) was 16 M instructions of the 54 M the JSON cost, for
/// bytes the writer then copied again. `SessionJSONTests` checks these bytes against the
/// record's on real schedules and awkward ones, in both languages and with --tz.
struct SessionJSON: JSONBytesWritable {
    let session: Session
    let part: EventPart

    /// What every session of one event shares: the event's own fields and its clock, worked out
    /// once per event, not per session; and what sessions repeat (their room's name, their
    /// sources' files) looked up once. Holds caches: one per thread.
    final class EventPart {
        let builder: RecordBuilder
        let event: Event
        let eventTitle: String
        let eventShortTitle: String?
        let zoneName: String?
        /// The event's zone resolved once and its offsets remembered (`ClockDisplay.times`'s answers).
        let clock: EventClockTimes
        /// `builder.roomName(id, in: event)` by room id, as asked.
        private var roomNames: [String: String] = [:]
        /// The last list of source ids seen and its files (`index.sourceFiles`): a schedule's
        /// sessions share one list.
        private var lastSources: [String] = []
        private var lastSourceFiles: [String] = []

        init(_ event: Event, builder: RecordBuilder) {
            self.builder = builder
            self.event = event
            eventTitle = event.title.text(in: builder.language)
            eventShortTitle = builder.text(event.shortTitle)
            zoneName = builder.clock.zoneName(for: event)
            clock = EventClockTimes(builder.clock, event: event)
        }

        func roomName(_ id: String?) -> String? {
            guard let id else { return nil }
            if let name = roomNames[id] { return name }
            let name = builder.roomName(id, in: event) ?? id
            roomNames[id] = name
            return name
        }

        func sourceFiles(_ ids: [String]) -> [String] {
            // Equal arrays that share their storage compare at once.
            if ids != lastSources {
                lastSources = ids
                lastSourceFiles = builder.index.sourceFiles(ids)
            }
            return lastSourceFiles
        }
    }

    func write(to writer: inout JSONBytesWriter) {
        let builder = part.builder, event = part.event, session = session
        let times = part.clock.times(of: session)
        writer.object { object in
            object.field("abstract", builder.text(session.abstract))
            object.field("count", session.count)
            object.field("day", session.day.map(ISODate.init))
            object.field("dayBasis", session.dayBasis.map {
                DayBasisRecord(quote: $0.quote, inferred: $0.inferred, reason: builder.text($0.reason))
            })
            object.field("dayIndex", session.day.flatMap(event.dayIndex(of:)))
            object.field("description", builder.text(session.description))
            object.field("durationMinutes", session.durationMinutes)
            object.field("end", times?.end.map(ISODateTime.init))
            object.field("event", event.id)
            object.field("eventShortTitle", part.eventShortTitle)
            object.field("eventTitle", part.eventTitle)
            object.field("groupTopic", session.groupTopic)
            object.field("id", session.id)
            object.field("kind", session.kind.rawValue)
            object.field("kindLabel", session.groupTopic ? builder.labels.topicKind(session.kind) : builder.labels.sessionKind(session.kind))
            object.field("language", session.language)
            // The lists below write `LinkRecord`, `SessionOrganisationRecord`, `SessionPersonRecord`,
            // `IDName` and the sources' files as `RecordBuilder.session` makes them, field by field.
            object.field("links", each: session.links) { writer, link in
                writer.object { record in
                    record.field("title", builder.text(link.title))
                    record.field("url", link.url)
                }
            }
            object.field("officialTitle", session.officialTitle)
            object.field("organisations", each: session.organisations) { writer, organisation in
                writer.object { record in
                    record.field("id", organisation.organisation)
                    record.field("name", builder.organisationName(organisation.organisation))
                    record.field("note", builder.text(organisation.note))
                    record.field("role", organisation.role.rawValue)
                }
            }
            object.field("partOfDay", session.partOfDay?.rawValue)
            object.field("people", each: session.people) { writer, link in
                let person = builder.index.peopleByID[link.person]
                writer.object { record in
                    record.field("id", link.person)
                    record.field("name", person?.name ?? link.person)
                    record.field("organisation", builder.idName(organisation: person?.organisation))
                    record.field("role", link.role.rawValue)
                    record.field("title", builder.text(person?.role))
                }
            }
            object.field("possibleDays", session.possibleDays.map { PossibleDays(range: $0, event: event) })
            object.field("room", part.roomName(session.room))
            object.field("sources", each: part.sourceFiles(session.sources)) { writer, file in writer.string(file) }
            object.field("start", times.map { ISODateTime($0.start) })
            object.field("technologies", each: session.technologies) { writer, id in builder.idName(technology: id).write(to: &writer) }
            object.field("timeZone", times == nil ? nil : part.zoneName)
            object.field("title", session.title.text(in: builder.language))
            object.field("titleTranslated", session.titleIsTranslated(in: builder.language))
            object.field("tracks", each: session.tracks) { writer, id in builder.idName(track: id).write(to: &writer) }
        }
    }

    /// `DayRangeRecord` of the span, its dates written as digits.
    private struct PossibleDays: JSONBytesWritable {
        let range: DateRange
        let event: Event
        func write(to writer: inout JSONBytesWriter) {
            writer.object { object in
                object.field("from", ISODate(range.from))
                object.field("fromIndex", event.dayIndex(of: range.from))
                object.field("to", ISODate(range.to))
                object.field("toIndex", event.dayIndex(of: range.to))
            }
        }
    }
}

/// A date as `CalendarDate.iso` writes it, quoted: `"2024-12-27"`.
struct ISODate: JSONBytesWritable {
    let date: CalendarDate
    init(_ date: CalendarDate) { self.date = date }
    func write(to writer: inout JSONBytesWriter) {
        if !writer.appendDigitsQuoted(date: date, time: nil) { writer.string(date.iso) }
    }
}

/// A date and time as `LocalDateTime.description` writes it, quoted: `"2024-12-27T10:30"`.
struct ISODateTime: JSONBytesWritable {
    let local: LocalDateTime
    init(_ local: LocalDateTime) { self.local = local }
    func write(to writer: inout JSONBytesWriter) {
        if !writer.appendDigitsQuoted(date: local.date, time: local.time) { writer.string(local.description) }
    }
}

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
    /// sources' files) looked up and escaped once. Holds caches: one per thread.
    final class EventPart {
        let builder: RecordBuilder
        let event: Event
        let eventTitle: String
        let eventShortTitle: String?
        let zoneName: String?
        /// The event's zone resolved once and its offsets remembered (`ClockDisplay.times`'s answers).
        let clock: EventClockTimes
        /// The members `event`, `eventShortTitle` and `eventTitle` as bytes, and the depth they
        /// were made at (-1: not yet).
        @exclusivity(unchecked) private var eventMembers: [UInt8] = []
        @exclusivity(unchecked) private var eventMembersDepth = -1
        /// The member `timeZone` with the zone's name, as bytes.
        @exclusivity(unchecked) private var zoneMember: [UInt8] = []
        @exclusivity(unchecked) private var zoneMemberDepth = -1
        /// `builder.roomName(id, in: event)` by room id, as asked.
        @exclusivity(unchecked) private var roomNames: [String: String] = [:]
        /// The day last asked and its index (`event.dayIndex(of:)`): sessions come by day.
        @exclusivity(unchecked) private var lastDay: (day: CalendarDate, index: Int?)?
        /// The last list of source ids seen and its files (`index.sourceFiles`) as an array
        /// value: a schedule's sessions share one list.
        @exclusivity(unchecked) private var lastSources: [String] = []
        @exclusivity(unchecked) private var lastSourcesValue: [UInt8] = []
        @exclusivity(unchecked) private var lastSourcesDepth = -1

        init(_ event: Event, builder: RecordBuilder) {
            self.builder = builder
            self.event = event
            eventTitle = event.title.text(in: builder.language)
            eventShortTitle = builder.text(event.shortTitle)
            zoneName = builder.clock.zoneName(for: event)
            clock = EventClockTimes(builder.clock, event: event)
        }

        /// The members `event`, `eventShortTitle`, `eventTitle`, escaped once per event.
        func writeEventMembers(to writer: inout JSONBytesWriter) {
            if eventMembersDepth != writer.depth {
                eventMembers = writer.membersFragment { members in
                    members.field("event", event.id)
                    members.field("eventShortTitle", eventShortTitle)
                    members.field("eventTitle", eventTitle)
                }
                eventMembersDepth = writer.depth
            }
            writer.appendMembers(eventMembers)
        }

        /// The member `timeZone`: the zone's name for a session with times, else null.
        func writeZoneMember(hasTimes: Bool, to writer: inout JSONBytesWriter) {
            guard hasTimes, let zoneName else { return writer.field("timeZone", String?.none) }
            if zoneMemberDepth != writer.depth {
                zoneMember = writer.membersFragment { $0.field("timeZone", zoneName) }
                zoneMemberDepth = writer.depth
            }
            writer.appendMembers(zoneMember)
        }

        func roomName(_ id: String?) -> String? {
            guard let id else { return nil }
            if let name = roomNames[id] { return name }
            let name = builder.roomName(id, in: event) ?? id
            roomNames[id] = name
            return name
        }

        /// `event.dayIndex(of: day)`, remembered for the last day asked.
        func dayIndex(_ day: CalendarDate?) -> Int? {
            guard let day else { return nil }
            if let lastDay, lastDay.day == day { return lastDay.index }
            let index = event.dayIndex(of: day)
            lastDay = (day, index)
            return index
        }

        /// The sources' files (`index.sourceFiles`) as an array.
        func writeSources(_ ids: [String], to writer: inout JSONBytesWriter) {
            // Equal arrays that share their storage compare at once.
            if ids != lastSources || lastSourcesDepth != writer.depth {
                let files = builder.index.sourceFiles(ids)
                lastSourcesValue = writer.valueFragment { value in
                    value.openArray()
                    for file in files { value.item(file) }
                    value.closeArray()
                }
                lastSources = ids
                lastSourcesDepth = writer.depth
            }
            writer.appendValue(lastSourcesValue)
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
            object.field("dayIndex", part.dayIndex(session.day))
            object.field("description", builder.text(session.description))
            object.field("durationMinutes", session.durationMinutes)
            object.field("end", times?.end.map(ISODateTime.init))
            part.writeEventMembers(to: &object)
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
            object.field("sources") { part.writeSources(session.sources, to: &$0) }
            object.field("start", times.map { ISODateTime($0.start) })
            object.field("technologies", each: session.technologies) { writer, id in builder.idName(technology: id).write(to: &writer) }
            part.writeZoneMember(hasTimes: times != nil, to: &object)
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

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
    /// once per event, not per session.
    final class EventPart {
        let builder: RecordBuilder
        let event: Event
        let eventTitle: String
        let eventShortTitle: String?
        let zoneName: String?
        /// The event's zone resolved once and its offsets remembered (`ClockDisplay.times`'s answers).
        let clock: EventClockTimes

        init(_ event: Event, builder: RecordBuilder) {
            self.builder = builder
            self.event = event
            eventTitle = event.title.text(in: builder.language)
            eventShortTitle = builder.text(event.shortTitle)
            zoneName = builder.clock.zoneName(for: event)
            clock = EventClockTimes(builder.clock, event: event)
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
            object.field("links", JSONBytesSequence(session.links.lazy.map { LinkRecord(url: $0.url, title: builder.text($0.title)) }))
            object.field("officialTitle", session.officialTitle)
            object.field("organisations", JSONBytesSequence(session.organisations.lazy.map {
                SessionOrganisationRecord(id: $0.organisation, name: builder.organisationName($0.organisation),
                                          role: $0.role.rawValue, note: builder.text($0.note))
            }))
            object.field("partOfDay", session.partOfDay?.rawValue)
            object.field("people", JSONBytesSequence(session.people.lazy.map { link in
                let person = builder.index.peopleByID[link.person]
                return SessionPersonRecord(id: link.person, name: person?.name ?? link.person, role: link.role.rawValue,
                                           title: builder.text(person?.role), organisation: builder.idName(organisation: person?.organisation))
            }))
            object.field("possibleDays", session.possibleDays.map { PossibleDays(range: $0, event: event) })
            object.field("room", builder.roomName(session.room, in: event))
            object.field("sources", JSONBytesSequence(session.sources.lazy.compactMap { builder.index.sourcesByID[$0] }.map { $0.file ?? $0.id }))
            object.field("start", times.map { ISODateTime($0.start) })
            object.field("technologies", JSONBytesSequence(session.technologies.lazy.map { builder.idName(technology: $0) }))
            object.field("timeZone", times == nil ? nil : part.zoneName)
            object.field("title", session.title.text(in: builder.language))
            object.field("titleTranslated", session.titleIsTranslated(in: builder.language))
            object.field("tracks", JSONBytesSequence(session.tracks.lazy.map { builder.idName(track: $0) }))
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

/// iCalendar (RFC 5545): one VEVENT per session.
///
/// When a session happens is written exactly as precisely as the source says it:
/// - a clock time in a zoned event: `DTSTART;TZID=<zone>` with a VTIMEZONE built from the zone's
///   real offset changes, and `DTEND` when the duration is known (else no end: nothing is made up);
/// - a clock time in an event with no time zone: a floating local time (no TZID, no `Z`);
/// - a day only: an all-day entry (`VALUE=DATE`, DTEND the next day), never a made-up time;
/// - only a span of days, or no day at all: an all-day entry over the days it may fall on (the span,
///   or the whole event), `TRANSP:TRANSPARENT` so it does not block the calendar, with
///   `X-CONFDASH-DAY:NOT-STATED` and a description that says the day is not stated.
struct ICSExporter {
    let context: ExportContext
    private var notes = NoteTally()

    /// DTSTAMP must be a UTC date-time. A clock reading would make every export differ; the newest
    /// publication date of the data does not (midnight UTC, or 1970-01-01 when no source has a date).
    let stamp: String

    init(_ request: ExportRequest, concurrency: ExportConcurrency = .serial) {
        context = ExportContext(request, concurrency: concurrency)
        stamp = ICSText.date(context.dataDate ?? CalendarDate(year: 1970, month: 1, day: 1)!) + "T000000Z"
    }

    mutating func write(to ics: inout ExportOutput) -> ExportSummary {
        ics.icsRaw("BEGIN", "VCALENDAR")
        ics.icsRaw("VERSION", "2.0")
        ics.icsText("PRODID", "-//confdash//confdash \(context.request.generatorVersion)//EN")
        ics.icsRaw("CALSCALE", "GREGORIAN")
        ics.icsRaw("METHOD", "PUBLISH")
        let name = context.events.count == 1 ? context.title(context.events[0].event)
            : context.index.dataset.title.text(in: context.language)
        ics.icsText("X-WR-CALNAME", name)
        for zone in VTimeZone.zones(of: context.sessions) { VTimeZone.write(zone, to: &ics) }
        let sessions = context.sessions
        // The notes first, in the order of the sessions: the sessions may be rendered on several threads.
        for item in sessions { note(item) }
        let exporter = self
        let events = ExportItems(&ics, sessions: sessions.count) { (position: Int, ics) in exporter.event(sessions[position], to: &ics) }
        for position in sessions.indices {
            events.add(position, to: &ics)
            ics.recordEnded()
        }
        events.finish(&ics)
        for record in context.request.calendarUpdate?.cancelled ?? [] where !record.dtstart.isEmpty { cancelled(record, to: &ics) }
        ics.icsRaw("END", "VCALENDAR")
        return ExportSummary(notes: notes.lines.map { "ics: " + $0 }, exportedSessions: sessions.count)
    }

    /// What the session's entry leaves out or approximates, counted for stderr.
    private mutating func note(_ item: ExportSession) {
        let session = item.session
        switch item.timing {
        case .clock(_, let duration, let zone):
            if zone == nil {
                notes.add("with a clock time in an event that states no time zone",
                          "each is written in floating local time (no TZID): calendars show it at that clock time in any zone",
                          session: session)
            }
            if duration == nil {
                notes.add("with a start time but no duration", "each is written with no DTEND: the end is not stated", session: session)
            }
        case .day:
            notes.add("with a day but no clock time", "each is an all-day entry on its day: no time is made up",
                      session: session)
        case .possibleDays(let range), .duringEvent(let range):
            let (condition, span, says) = item.timing == .possibleDays(range)
                ? ("with only a span of possible days", "its whole span", "names the possible days")
                : ("with no day stated in the source", "the whole event", "says the day is not stated")
            notes.add(condition, "each is an all-day entry over \(span), marked TRANSP:TRANSPARENT and X-CONFDASH-DAY:NOT-STATED, with a description that \(says)",
                      session: session)
        }
    }

    /// The session's VEVENT (`note` counts what it leaves out).
    private func event(_ item: ExportSession, to ics: inout ExportOutput) {
        let session = item.session
        ics.icsRaw("BEGIN", "VEVENT")
        if let update = context.request.calendarUpdate {
            let uid = update.uids[item.uid] ?? item.uid
            ics.icsText("UID", uid)
            ics.icsRaw("DTSTAMP", stamp)
            if let sequence = update.sequences[uid] { ics.icsRaw("SEQUENCE", String(sequence)) }
        } else {
            // The UID written in its parts: `session@event.confdash`, escaped as one TEXT value.
            ics.icsLine { out in
                out.append("UID:")
                var afterCR = false
                out.icsEscaped(session.id, afterCR: &afterCR)
                out.byte(UInt8(ascii: "@"))
                out.icsEscaped(item.event.id, afterCR: &afterCR)
                out.append(".confdash")
            }
            ics.icsRaw("DTSTAMP", stamp)
        }
        switch item.timing {
        case .clock(let start, _, let zone):
            if let zone {
                let id = VTimeZone.identifier(zone)
                ics.icsLine { $0.append("DTSTART;TZID="); $0.append(id); $0.byte(UInt8(ascii: ":")); $0.icsDateTime(start) }
                if let (end, utc, offset) = item.zonedEnd {
                    // An end in the hour the clocks repeat, the second time round, would be read as the
                    // first (RFC 5545 §3.3.5): it is written in UTC instead, which means one instant only.
                    // (`EventZone.localReadsBack(atUTC:)`, with the end's wall clock and offset known.)
                    if zone.offsetSeconds(at: end) == offset {
                        ics.icsLine { $0.append("DTEND;TZID="); $0.append(id); $0.byte(UInt8(ascii: ":")); $0.icsDateTime(end) }
                    } else {
                        ics.icsLine { $0.append("DTEND:"); $0.icsDateTime(LocalDateTime(utcSeconds: utc)); $0.byte(UInt8(ascii: "Z")) }
                    }
                }
            } else {
                ics.icsLine { $0.append("DTSTART:"); $0.icsDateTime(start) }
                if let end = item.end { ics.icsLine { $0.append("DTEND:"); $0.icsDateTime(end) } }
            }
        case .day(let day):
            allDay(DateRange(from: day, to: day), to: &ics)
        case .possibleDays(let range), .duringEvent(let range):
            // The days it may fall on; transparent, so it does not block the calendar, and marked.
            allDay(range, to: &ics)
            ics.icsRaw("TRANSP", "TRANSPARENT")
            ics.icsRaw("X-CONFDASH-DAY", "NOT-STATED")
        }
        ics.icsText("SUMMARY", context.title(item))
        writeDescription(item, to: &ics)
        if let location = context.roomName(item) ?? context.whereabouts(item.event) { ics.icsText("LOCATION", location) }
        let tracks = context.trackNames(session)
        if !tracks.isEmpty { ics.icsList("CATEGORIES", tracks) }
        if let url = session.links.first?.url { ics.icsRaw("URL", url) }
        if let language = session.language { ics.icsRaw("X-CONFDASH-LANGUAGE", language) }
        ics.icsRaw("X-CONFDASH-KIND", session.kind.rawValue)
        ics.icsRaw("END", "VEVENT")
    }

    /// A starred session that left the schedule: its entry as last exported, cancelled, so that
    /// calendars which imported it remove it (RFC 5546: same UID, higher SEQUENCE).
    private mutating func cancelled(_ record: CalendarExportRecord, to ics: inout ExportOutput) {
        ics.icsRaw("BEGIN", "VEVENT")
        ics.icsText("UID", record.uid)
        ics.icsRaw("DTSTAMP", stamp)
        ics.icsRaw(record.dtstart.count == 8 ? "DTSTART;VALUE=DATE" : "DTSTART", record.dtstart)
        ics.icsRaw("SEQUENCE", String(record.sequence))
        ics.icsRaw("STATUS", "CANCELLED")
        ics.icsText("SUMMARY", record.title)
        ics.icsRaw("END", "VEVENT")
        notes.add("starred but no longer in the schedule", "each is written once as STATUS:CANCELLED, so calendars remove it",
                  session: record.key)
    }

    private func allDay(_ range: DateRange, to ics: inout ExportOutput) {
        ics.icsLine { $0.append("DTSTART;VALUE=DATE:"); $0.icsDate(range.from) }
        // DTEND is exclusive: the day after the last day.
        ics.icsLine { $0.append("DTEND;VALUE=DATE:"); $0.icsDate(range.to.adding(days: 1)) }
    }
}

extension ICSExporter {
    /// `DESCRIPTION:`, what the session is about, then who takes part, then what the source leaves
    /// unstated, in paragraphs; escaped and written piece by piece without joining them into one
    /// String first. No line when there is nothing to say.
    func writeDescription(_ item: ExportSession, to ics: inout ExportOutput) {
        let words = context.words
        let session = item.session
        let about = context.about(session)
        let people = session.people
        let organisations = session.organisations.isEmpty ? [] : context.organisations(session)
        let technologies = session.technologies.isEmpty ? [] : context.technologyNames(session)
        let timing = words.timingNotes(item)
        let hasFacts = !people.isEmpty || !organisations.isEmpty || !technologies.isEmpty || session.count != nil
        guard about != nil || hasFacts || !timing.isEmpty else { return }
        ics.icsLine { out in
            out.append("DESCRIPTION:")
            var afterCR = false
            var paragraphs = 0
            func paragraphBreak() {
                if paragraphs > 0 { out.icsLineFeeds(2, afterCR: &afterCR) }
                paragraphs += 1
            }
            if let about {
                paragraphBreak()
                out.icsEscaped(about, afterCR: &afterCR)
            }
            if hasFacts {
                paragraphBreak()
                var facts = 0
                func fact(_ label: String, _ values: [String]) {
                    guard !values.isEmpty else { return }
                    if facts > 0 { out.icsLineFeeds(1, afterCR: &afterCR) }
                    facts += 1
                    out.icsEscaped(label, afterCR: &afterCR)
                    out.icsEscaped(words.colon, afterCR: &afterCR)
                    for (index, value) in values.enumerated() {
                        if index > 0 { out.icsEscapedLiteral("\\, ", afterCR: &afterCR) }
                        out.icsEscaped(value, afterCR: &afterCR)
                    }
                }
                if !people.isEmpty {
                    // The first fact when there are people: no line break before it.
                    facts += 1
                    out.icsEscaped(words.people, afterCR: &afterCR)
                    out.icsEscaped(words.colon, afterCR: &afterCR)
                    for (index, link) in people.enumerated() {
                        if index > 0 { out.icsEscapedLiteral("\\, ", afterCR: &afterCR) }
                        out.icsEscaped(context.personName(link.person), afterCR: &afterCR)
                        out.icsEscapedLiteral(" (", afterCR: &afterCR)
                        out.icsEscaped(context.labels.personRole(link.role), afterCR: &afterCR)
                        out.icsEscapedLiteral(")", afterCR: &afterCR)
                    }
                }
                fact(words.organisations, organisations)
                fact(words.technologies, technologies)
                if let count = session.count {
                    if facts > 0 { out.icsLineFeeds(1, afterCR: &afterCR) }
                    out.icsEscaped(words.grouped(count), afterCR: &afterCR)
                }
            }
            if !timing.isEmpty {
                paragraphBreak()
                out.icsEscaped(timing.joined(separator: " "), afterCR: &afterCR)
            }
        }
    }
}

/// VTIMEZONE components (RFC 5545 §3.6.5) built from the system's time zone data, covering the
/// years of the exported sessions, so that calendars need no zone database of their own.
enum VTimeZone {
    struct Use: Hashable {
        let zone: EventZone
        /// The UTC years the zone is needed for.
        let firstYear: Int
        let lastYear: Int
    }

    /// The zones of the timed sessions, in the order they first appear, with the years each needs.
    static func zones(of sessions: [ExportSession]) -> [Use] {
        var order: [EventZone] = []
        var years: [EventZone: (Int, Int)] = [:]
        // The current zone's years are kept apart: sessions come event by event, so the zone's name
        // is hashed when the zone changes, not for every session.
        var last: (zone: EventZone, first: Int, last: Int)?
        for item in sessions {
            guard case .clock(let start, _, let zone?) = item.timing else { continue }
            if let current = last, current.zone == zone {
                last = (zone, min(current.first, start.date.year), max(current.last, start.date.year))
                continue
            }
            if let current = last { years[current.zone] = (current.first, current.last) }
            if let known = years[zone] {
                years[zone] = (min(known.0, start.date.year), max(known.1, start.date.year))
            } else {
                order.append(zone)
                years[zone] = (start.date.year, start.date.year)
            }
            last = (zone, years[zone]!.0, years[zone]!.1)
        }
        if let current = last { years[current.zone] = (current.first, current.last) }
        return order.map { Use(zone: $0, firstYear: years[$0]!.0, lastYear: years[$0]!.1) }
    }

    /// The TZID: the IANA name, or `UTC+0100` for a fixed offset (a TZID may not contain `:`).
    static func identifier(_ zone: EventZone) -> String {
        zone.fixedOffsetSeconds.map { "UTC" + ICSText.offset($0) } ?? zone.name
    }

    static func write(_ use: Use, to ics: inout ExportOutput) {
        let zone = use.zone
        // From a year before the first session to the end of the last one (sessions may cross New Year).
        let from = CalendarDate(year: max(use.firstYear - 1, 1), month: 1, day: 1)!.dayNumber * 86_400
        let to = CalendarDate(year: min(use.lastYear + 1, 9999), month: 12, day: 31)!.dayNumber * 86_400
        ics.icsRaw("BEGIN", "VTIMEZONE")
        ics.icsRaw("TZID", identifier(zone))
        var offset = zone.offsetSeconds(atUTC: from)
        observance(dst: zone.isDaylightSaving(atUTC: from), start: from + offset, from: offset, to: offset, ics: &ics)
        for change in zone.transitions(from: from, to: to) {
            let next = zone.offsetSeconds(atUTC: change)
            // An observance starts at the local time of the change, read in the offset before it.
            observance(dst: zone.isDaylightSaving(atUTC: change), start: change + offset, from: offset, to: next, ics: &ics)
            offset = next
        }
        ics.icsRaw("END", "VTIMEZONE")
    }

    private static func observance(dst: Bool, start: Int, from: Int, to: Int, ics: inout ExportOutput) {
        let kind = dst ? "DAYLIGHT" : "STANDARD"
        ics.icsRaw("BEGIN", kind)
        ics.icsRaw("DTSTART", ICSText.dateTime(LocalDateTime(utcSeconds: start)))
        ics.icsRaw("TZOFFSETFROM", ICSText.offset(from))
        ics.icsRaw("TZOFFSETTO", ICSText.offset(to))
        ics.icsRaw("END", kind)
    }
}

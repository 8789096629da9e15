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

    init(_ request: ExportRequest) { context = ExportContext(request) }

    /// DTSTAMP must be a UTC date-time. A clock reading would make every export differ; the newest
    /// publication date of the data does not (midnight UTC, or 1970-01-01 when no source has a date).
    var stamp: String { ICSText.date(context.dataDate ?? CalendarDate(year: 1970, month: 1, day: 1)!) + "T000000Z" }

    mutating func export() -> ExportResult {
        var ics = ICSText()
        ics.raw("BEGIN", "VCALENDAR")
        ics.raw("VERSION", "2.0")
        ics.text("PRODID", "-//confdash//confdash \(context.request.generatorVersion)//EN")
        ics.raw("CALSCALE", "GREGORIAN")
        ics.raw("METHOD", "PUBLISH")
        let name = context.events.count == 1 ? context.title(context.events[0].event)
            : context.index.dataset.title.text(in: context.language)
        ics.text("X-WR-CALNAME", name)
        for zone in VTimeZone.zones(of: context.sessions) { VTimeZone.write(zone, to: &ics) }
        let sessions = context.sessions
        for item in sessions { event(item, to: &ics) }
        for record in context.request.calendarUpdate?.cancelled ?? [] where !record.dtstart.isEmpty { cancelled(record, to: &ics) }
        ics.raw("END", "VCALENDAR")
        return ExportResult(text: ics.text, notes: notes.lines.map { "ics: " + $0 }, exportedSessions: sessions.count)
    }

    private mutating func event(_ item: ExportSession, to ics: inout ICSText) {
        let session = item.session
        ics.raw("BEGIN", "VEVENT")
        let uid = context.request.calendarUpdate?.uids[item.uid] ?? item.uid
        ics.text("UID", uid)
        ics.raw("DTSTAMP", stamp)
        if let sequence = context.request.calendarUpdate?.sequences[uid] { ics.raw("SEQUENCE", String(sequence)) }
        switch item.timing {
        case .clock(let start, let duration, let zone):
            if let zone {
                let id = VTimeZone.identifier(zone)
                ics.raw("DTSTART;TZID=\(id)", ICSText.dateTime(start))
                if let end = item.end, let utc = item.endUTC {
                    // An end in the hour the clocks repeat, the second time round, would be read as the
                    // first (RFC 5545 §3.3.5): it is written in UTC instead, which means one instant only.
                    if zone.localReadsBack(atUTC: utc) {
                        ics.raw("DTEND;TZID=\(id)", ICSText.dateTime(end))
                    } else {
                        ics.raw("DTEND", ICSText.dateTime(LocalDateTime(utcSeconds: utc)) + "Z")
                    }
                }
            } else {
                ics.raw("DTSTART", ICSText.dateTime(start))
                if let end = item.end { ics.raw("DTEND", ICSText.dateTime(end)) }
                notes.add("with a clock time in an event that states no time zone",
                          "each is written in floating local time (no TZID): calendars show it at that clock time in any zone",
                          session: session)
            }
            if duration == nil {
                notes.add("with a start time but no duration", "each is written with no DTEND: the end is not stated", session: session)
            }
        case .day(let day):
            allDay(DateRange(from: day, to: day), to: &ics)
            notes.add("with a day but no clock time", "each is an all-day entry on its day: no time is made up",
                      session: session)
        case .possibleDays(let range), .duringEvent(let range):
            // The days it may fall on; transparent, so it does not block the calendar, and marked.
            allDay(range, to: &ics)
            ics.raw("TRANSP", "TRANSPARENT")
            ics.raw("X-CONFDASH-DAY", "NOT-STATED")
            let (condition, span, says) = item.timing == .possibleDays(range)
                ? ("with only a span of possible days", "its whole span", "names the possible days")
                : ("with no day stated in the source", "the whole event", "says the day is not stated")
            notes.add(condition, "each is an all-day entry over \(span), marked TRANSP:TRANSPARENT and X-CONFDASH-DAY:NOT-STATED, with a description that \(says)",
                      session: session)
        }
        ics.text("SUMMARY", context.title(item))
        let description = self.description(item)
        if !description.isEmpty { ics.text("DESCRIPTION", description) }
        if let location = context.roomName(item) ?? context.whereabouts(item.event) { ics.text("LOCATION", location) }
        let tracks = context.trackNames(session)
        if !tracks.isEmpty { ics.list("CATEGORIES", tracks) }
        if let url = session.links.first?.url { ics.raw("URL", url) }
        if let language = session.language { ics.raw("X-CONFDASH-LANGUAGE", language) }
        ics.raw("X-CONFDASH-KIND", session.kind.rawValue)
        ics.raw("END", "VEVENT")
    }

    /// A starred session that left the schedule: its entry as last exported, cancelled, so that
    /// calendars which imported it remove it (RFC 5546: same UID, higher SEQUENCE).
    private mutating func cancelled(_ record: CalendarExportRecord, to ics: inout ICSText) {
        ics.raw("BEGIN", "VEVENT")
        ics.text("UID", record.uid)
        ics.raw("DTSTAMP", stamp)
        ics.raw(record.dtstart.count == 8 ? "DTSTART;VALUE=DATE" : "DTSTART", record.dtstart)
        ics.raw("SEQUENCE", String(record.sequence))
        ics.raw("STATUS", "CANCELLED")
        ics.text("SUMMARY", record.title)
        ics.raw("END", "VEVENT")
        notes.add("starred but no longer in the schedule", "each is written once as STATUS:CANCELLED, so calendars remove it",
                  session: record.key)
    }

    private func allDay(_ range: DateRange, to ics: inout ICSText) {
        ics.raw("DTSTART;VALUE=DATE", ICSText.date(range.from))
        // DTEND is exclusive: the day after the last day.
        ics.raw("DTEND;VALUE=DATE", ICSText.date(range.to.adding(days: 1)))
    }

    /// What the session is about, then who takes part, then what the source leaves unstated.
    func description(_ item: ExportSession) -> String {
        let words = context.words
        var paragraphs: [String] = []
        if let about = context.about(item.session) { paragraphs.append(about) }
        var facts: [String] = []
        let people = context.people(item.session)
        if !people.isEmpty { facts.append(words.people + words.colon + people.joined(separator: ", ")) }
        let organisations = context.organisations(item.session)
        if !organisations.isEmpty { facts.append(words.organisations + words.colon + organisations.joined(separator: ", ")) }
        let technologies = context.technologyNames(item.session)
        if !technologies.isEmpty { facts.append(words.technologies + words.colon + technologies.joined(separator: ", ")) }
        if let count = item.session.count { facts.append(words.grouped(count)) }
        if !facts.isEmpty { paragraphs.append(facts.joined(separator: "\n")) }
        let timing = words.timingNotes(item)
        if !timing.isEmpty { paragraphs.append(timing.joined(separator: " ")) }
        return paragraphs.joined(separator: "\n\n")
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
        for item in sessions {
            guard case .clock(let start, _, let zone?) = item.timing else { continue }
            if let known = years[zone] {
                years[zone] = (min(known.0, start.date.year), max(known.1, start.date.year))
            } else {
                order.append(zone)
                years[zone] = (start.date.year, start.date.year)
            }
        }
        return order.map { Use(zone: $0, firstYear: years[$0]!.0, lastYear: years[$0]!.1) }
    }

    /// The TZID: the IANA name, or `UTC+0100` for a fixed offset (a TZID may not contain `:`).
    static func identifier(_ zone: EventZone) -> String {
        zone.fixedOffsetSeconds.map { "UTC" + ICSText.offset($0) } ?? zone.name
    }

    static func write(_ use: Use, to ics: inout ICSText) {
        let zone = use.zone
        // From a year before the first session to the end of the last one (sessions may cross New Year).
        let from = CalendarDate(year: max(use.firstYear - 1, 1), month: 1, day: 1)!.dayNumber * 86_400
        let to = CalendarDate(year: min(use.lastYear + 1, 9999), month: 12, day: 31)!.dayNumber * 86_400
        ics.raw("BEGIN", "VTIMEZONE")
        ics.raw("TZID", identifier(zone))
        var offset = zone.offsetSeconds(atUTC: from)
        observance(dst: zone.isDaylightSaving(atUTC: from), start: from + offset, from: offset, to: offset, ics: &ics)
        for change in zone.transitions(from: from, to: to) {
            let next = zone.offsetSeconds(atUTC: change)
            // An observance starts at the local time of the change, read in the offset before it.
            observance(dst: zone.isDaylightSaving(atUTC: change), start: change + offset, from: offset, to: next, ics: &ics)
            offset = next
        }
        ics.raw("END", "VTIMEZONE")
    }

    private static func observance(dst: Bool, start: Int, from: Int, to: Int, ics: inout ICSText) {
        let kind = dst ? "DAYLIGHT" : "STANDARD"
        ics.raw("BEGIN", kind)
        ics.raw("DTSTART", ICSText.dateTime(LocalDateTime(utcSeconds: start)))
        ics.raw("TZOFFSETFROM", ICSText.offset(from))
        ics.raw("TZOFFSETTO", ICSText.offset(to))
        ics.raw("END", kind)
    }
}

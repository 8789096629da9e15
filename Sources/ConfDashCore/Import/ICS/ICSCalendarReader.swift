/// Reads an **iCalendar** file (RFC 5545) into an `ImportedEvent`: the calendar is the
/// conference, each VEVENT (each occurrence, for repeating ones) a session.
///
/// Mapped: SUMMARY → title, DESCRIPTION → abstract, LOCATION → room, CATEGORIES → tracks, URL →
/// link, DTSTART/DTEND/DURATION → day, start and length, X-WR-CALNAME (or NAME) → the event's
/// title. Times are shown in one event zone: X-WR-TIMEZONE, else the TZID most events use (or its
/// UTC offset, for a zone only its VTIMEZONE defines), else UTC when times are written in UTC.
/// Floating times stay as written. Everything else (alarms, attendees, to-dos) is ignored.
enum ICSCalendarReader {
    /// Most sessions a calendar may give, repeats expanded: far beyond any conference.
    static let maximumSessions = 100_000

    /// Empties `bytes` once they are parsed, and each VEVENT once its sessions are read, so that a
    /// large calendar is not held as text, as components and as sessions all at once.
    static func read(_ bytes: inout [UInt8], log: ProblemLog) -> ImportedEvent? {
        let parsed = ICSParser.parse(bytes, log: log)
        bytes = []
        guard let calendar = parsed else { return nil }
        let vevents = calendar.children("VEVENT")
        let wrTimeZone = calendar.property("X-WR-TIMEZONE").map { ICSValues.text($0.value).trimmingWhitespace }
        var tzids = Set(vevents.flatMap { $0.properties.compactMap { $0.parameter("TZID") } })
        if let wrTimeZone { tzids.insert(wrTimeZone) }
        var resolver = ICSZoneResolver(calendar: calendar, tzids: tzids)
        reportUnknownZones(resolver, vevents, wrTimeZone, log: log)

        let zoneName = eventZone(vevents, wrTimeZone: wrTimeZone, resolver: resolver, log: log)
        if let zoneName {
            resolver = ICSZoneResolver(calendar: calendar, tzids: tzids.union([zoneName]))
        }
        var event = ImportedEvent()
        event.title = (calendar.property("X-WR-CALNAME") ?? calendar.property("NAME")).map { ICSValues.text($0.value) }
        event.idHint = event.title
        event.timeZone = zoneName
        event.url = calendar.property("URL")?.value.trimmingWhitespace

        var reader = ICSEventReader(resolver: resolver, eventFrame: zoneName.map(ICSFrame.zone) ?? .floating, log: log)
        reader.collectOverrides(vevents)
        for (index, vevent) in vevents.enumerated() {
            let entries = reader.entries(for: vevent, path: "VEVENT[\(index + 1)]")
            guard event.entries.count + entries.count <= maximumSessions else {
                log.warning("the calendar makes more than \(maximumSessions) sessions; the events from here on are left out",
                            at: "VEVENT[\(index + 1)]", JSONPosition(line: vevent.line, column: 1))
                break
            }
            event.entries += entries
            vevent.dropContents()
        }
        reader.reportSummaries()
        if vevents.isEmpty { log.warning("the calendar has no events (VEVENT)", at: "", JSONPosition(line: calendar.line, column: 1)) }
        return event
    }

    /// The zone the sessions are shown in; see the type's comment for the order of choices.
    private static func eventZone(_ vevents: [ICSComponent], wrTimeZone: String?, resolver: ICSZoneResolver, log: ProblemLog) -> String? {
        if let wrTimeZone, let zone = ICSZoneResolver.systemZone(wrTimeZone) { return zone.identifier }
        var counts: [String: Int] = [:]
        var utc = false
        var starts: [String: [LocalDateTime]] = [:]
        for vevent in vevents {
            guard let property = vevent.property("DTSTART"),
                  case let .dateTime(local, frame)? = ICSValues.time(property.value, parameters: property.parameters) else { continue }
            switch frame {
            case .zone(let tzid) where resolver.clock(tzid) != nil:
                counts[tzid, default: 0] += 1
                starts[tzid, default: []].append(local)
            case .utc: utc = true
            default: break
            }
        }
        guard let tzid = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return utc ? "UTC" : nil }
        switch resolver.clock(tzid) {
        case .system(let zone)?:
            return zone.identifier
        case .rules(let rules)?:
            // A zone only its VTIMEZONE defines has no IANA name to store. Outlook's Windows names
            // map to one when its rules agree at every start; else the most common offset stands for it.
            if let zone = WindowsZoneNames.zone(for: tzid, rules: rules, at: starts[tzid] ?? []) { return zone.identifier }
            var offsets: [Int: Int] = [:]
            for local in starts[tzid] ?? [] { offsets[rules.offset(atLocal: local), default: 0] += 1 }
            let chosen = offsets.max { ($0.value, $1.key) < ($1.value, $0.key) }
            if let chosen, offsets.count > 1 {
                let others = offsets.values.reduce(0, +) - chosen.value
                log.warning("TZID \(quoted(tzid)) is defined only by its VTIMEZONE and is not a zone confdash can name; its offset "
                            + "changes within the calendar, and times are shown at \(TimeZones.offsetText(seconds: chosen.key)): "
                            + "\(Plural.count(others, "event", "events", .en)) at another offset "
                            + "\(Plural.word(others, "shows", "show", .en)) at another hour than the file's clock", at: "", nil)
            }
            return chosen.map { TimeZones.offsetText(seconds: $0.key) }
        case nil:
            return utc ? "UTC" : nil
        }
    }

    private static func reportUnknownZones(_ resolver: ICSZoneResolver, _ vevents: [ICSComponent], _ wrTimeZone: String?, log: ProblemLog) {
        for tzid in resolver.unknown.sorted() {
            if tzid == wrTimeZone && !vevents.contains(where: { $0.properties.contains { $0.parameter("TZID") == tzid } }) {
                log.warning("X-WR-TIMEZONE \(quoted(tzid)) is not a time zone confdash knows; ignored", at: "", nil)
                continue
            }
            let line = vevents.lazy.flatMap(\.properties).first { $0.parameter("TZID") == tzid }?.position
            log.warning("unknown time zone \(quoted(tzid)) (not an IANA name, and no VTIMEZONE defines it); "
                        + "its times are read as written, with no zone", at: "", line)
        }
    }
}

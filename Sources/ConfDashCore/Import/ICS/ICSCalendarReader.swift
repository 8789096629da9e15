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

    /// Reads `bytes` in two passes: the scan (the calendar, its time zones, and where each event
    /// is), then each event on its own, from the bytes, into its sessions. `bytes` are taken, and
    /// their pages handed back as the second pass leaves them, so that a large calendar is not
    /// held as text and as sessions at once, and it is never held as a tree of components.
    static func read(_ bytes: inout [UInt8], log: ProblemLog) -> ImportedEvent? {
        guard let scan = ICSParser.scan(bytes, log: log) else {
            bytes = []
            return nil
        }
        let calendar = scan.calendar
        let wrTimeZone = calendar.property("X-WR-TIMEZONE").map { ICSValues.text($0.value).trimmingWhitespace }
        var tzids = Set(scan.tzidLines.keys)
        if let wrTimeZone { tzids.insert(wrTimeZone) }
        var resolver = ICSZoneResolver(calendar: calendar, tzids: tzids)
        reportUnknownZones(resolver, scan, wrTimeZone, log: log)

        let zoneName = eventZone(scan, wrTimeZone: wrTimeZone, resolver: resolver, log: log)
        if let zoneName {
            resolver = ICSZoneResolver(calendar: calendar, tzids: tzids.union([zoneName]))
        }
        var event = ImportedEvent()
        event.title = (calendar.property("X-WR-CALNAME") ?? calendar.property("NAME")).map { ICSValues.text($0.value) }
        event.idHint = event.title
        event.timeZone = zoneName
        event.url = calendar.property("URL")?.value.trimmingWhitespace

        var reader = ICSEventReader(resolver: resolver, eventFrame: zoneName.map(ICSFrame.zone) ?? .floating, log: log)
        reader.collectOverrides(scan.overrides)
        // Nothing is freed while the events are read: the entries are kept in batch-sized pieces,
        // each handed back whole once its sessions are built.
        event.entries = ImportedEntries(inBatches: true)
        event.entries.reserveCapacity(scan.events.count)
        scan.forEachEvent(taking: &bytes, wanted: ICSEventReader.propertiesRead) { index, vevent in
            let entries = reader.entries(for: vevent, path: "VEVENT[\(index + 1)]")
            guard event.entries.count + entries.count <= maximumSessions else {
                log.warning("the calendar makes more than \(maximumSessions) sessions; the events from here on are left out",
                            at: "VEVENT[\(index + 1)]", JSONPosition(line: vevent.line, column: 1))
                return false
            }
            event.entries += entries
            return true
        }
        reader.reportSummaries()
        if scan.events.isEmpty { log.warning("the calendar has no events (VEVENT)", at: "", JSONPosition(line: calendar.line, column: 1)) }
        return event
    }

    /// The zone the sessions are shown in; see the type's comment for the order of choices.
    private static func eventZone(_ scan: ICSScan, wrTimeZone: String?, resolver: ICSZoneResolver, log: ProblemLog) -> String? {
        if let wrTimeZone, let zone = ICSZoneResolver.systemZone(wrTimeZone) { return zone.identifier }
        let starts = scan.zonedStarts.filter { resolver.clock($0.key) != nil }
        let counts = starts.mapValues(\.count)
        let utc = scan.anyUTCStart
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

    private static func reportUnknownZones(_ resolver: ICSZoneResolver, _ scan: ICSScan, _ wrTimeZone: String?, log: ProblemLog) {
        for tzid in resolver.unknown.sorted() {
            if tzid == wrTimeZone && scan.tzidLines[tzid] == nil {
                log.warning("X-WR-TIMEZONE \(quoted(tzid)) is not a time zone confdash knows; ignored", at: "", nil)
                continue
            }
            let line = scan.tzidLines[tzid].map { JSONPosition(line: $0, column: 1) }
            log.warning("unknown time zone \(quoted(tzid)) (not an IANA name, and no VTIMEZONE defines it); "
                        + "its times are read as written, with no zone", at: "", line)
        }
    }
}

/// Turns one VEVENT into its sessions: one per occurrence of a repeating event, one per day of a
/// multi-day all-day entry, with times moved into the event's zone.
struct ICSEventReader {
    let resolver: ICSZoneResolver
    /// The frame sessions are shown in (the event's zone), or floating when it has none.
    let eventFrame: ICSFrame
    let log: ProblemLog

    /// RECURRENCE-IDs by UID: occurrences that another VEVENT replaces (or cancels).
    private var overrides: [String: [ICSTime]] = [:]
    private var cancelled = 0
    private var firstCancelled: JSONPosition?

    init(resolver: ICSZoneResolver, eventFrame: ICSFrame, log: ProblemLog) {
        self.resolver = resolver
        self.eventFrame = eventFrame
        self.log = log
    }

    /// The properties `entries(for:path:)` reads; the others of an event are not kept.
    static let propertiesRead: [StaticString] = [
        "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "LOCATION", "CATEGORIES", "UID", "DURATION", "URL", "ATTACH",
        "STATUS", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID", "X-CONFDASH-DAY",
    ]

    /// The occurrences that events with a RECURRENCE-ID replace, by the UID they share.
    mutating func collectOverrides(_ replaced: [(uid: String, time: ICSTime)]) {
        for (uid, time) in replaced { overrides[uid, default: []].append(time) }
    }

    func reportSummaries() {
        guard cancelled > 0 else { return }
        log.warning(cancelled == 1 ? "1 cancelled event (STATUS:CANCELLED) is left out"
                    : "\(cancelled) cancelled events (STATUS:CANCELLED) are left out", at: "", firstCancelled)
    }

    mutating func entries(for vevent: ICSComponent, path: String) -> [ImportedEntry] {
        let position = JSONPosition(line: vevent.line, column: 1)
        if vevent.property("STATUS")?.value.uppercased().trimmingWhitespace == "CANCELLED" {
            cancelled += 1
            if firstCancelled == nil { firstCancelled = position }
            return []
        }
        var template = ImportedEntry(position: position, path: path)
        let uid = vevent.property("UID").map { ICSValues.text($0.value).trimmingWhitespace }
        // confdash writes `<session id>@<event id>.confdash`: the session's id comes back as it was.
        template.idHint = uid.map(Self.idHint(uid:))
        template.uid = uid
        template.title = vevent.property("SUMMARY").map { ICSValues.text($0.value) }
        template.texts = vevent.property("DESCRIPTION").map { [ICSValues.text($0.value)] } ?? []
        template.room = vevent.property("LOCATION").map { ICSValues.text($0.value) }
        template.tracks = vevent.properties("CATEGORIES").flatMap { ICSValues.list($0.value) }
        template.language = (vevent.property("SUMMARY") ?? vevent.property("DESCRIPTION"))?.parameter("LANGUAGE")
        template.links = (vevent.properties("URL") + vevent.properties("ATTACH")).map { ImportedLink(url: $0.value.trimmingWhitespace) }

        guard let startProperty = vevent.property("DTSTART") else {
            log.warning("the event has no DTSTART; it is kept with no date", at: path, position)
            return [template]
        }
        guard let start = ICSValues.time(startProperty.value, parameters: startProperty.parameters) else {
            log.warning("DTSTART \(quoted(startProperty.value)) is not a date or date-time; the event is kept with no date",
                        at: path + ".DTSTART", startProperty.position)
            return [template]
        }
        let length = self.length(vevent, start: start, path: path)
        var (starts, repeating) = occurrences(vevent, start: start, path: path)
        if vevent.property("RECURRENCE-ID") == nil, let uid, let replaced = overrides[uid] {
            starts.removeAll { occurrence in replaced.contains { matches($0, occurrence) } }
        }
        // One session per date: those of a repeating event, or of an override, carry the date in their id.
        let dated = repeating || vevent.property("RECURRENCE-ID") != nil
        // confdash's mark for a session whose source gives only the days it may fall on (or none):
        // the all-day span is those possible days, not a session on each of them.
        if !dated, starts.count == 1, case .date(let first) = starts[0], case .days(let count) = length,
           vevent.property("X-CONFDASH-DAY")?.value.trimmingWhitespace.uppercased() == "NOT-STATED" {
            var entry = template
            entry.possibleDays = DateRange(from: first, to: first.adding(days: min(count, Event.maximumDayCount) - 1))
            return [entry]
        }
        // Occurrences times days is bounded too: a year-long all-day event repeated daily would
        // otherwise make hundreds of thousands of sessions from a few lines.
        var result: [ImportedEntry] = []
        for occurrence in starts {
            let more = sessions(template, at: occurrence, length: length, datedID: dated)
            guard result.count + more.count <= Self.maximumSessionsPerEvent else {
                log.warning("the event makes more than \(Self.maximumSessionsPerEvent) sessions (occurrences times days); only the "
                            + "first \(result.count) are kept", at: path, position)
                break
            }
            result += more
        }
        return result
    }

    /// `ImportIDs.hint(uid:)`, the same answer, with the `@` found on bytes when the UID is ASCII
    /// (where each byte is a character, and `@` is never part of a CR LF pair): the character
    /// loop over a long UID was a fifth of reading an event.
    static func idHint(uid: String) -> String {
        var bytes = uid
        let found: Int?? = bytes.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return .some(bytes.firstIndex(of: UInt8(ascii: "@")))
        }
        guard let ascii = found else { return ImportIDs.hint(uid: uid) }
        guard let offset = ascii else { return uid }
        let local = uid[..<uid.utf8.index(uid.utf8.startIndex, offsetBy: offset)]
        return ImportIDs.isValid(local) ? String(local) : uid
    }

    /// Most sessions one VEVENT may give, all its occurrences and days together.
    static let maximumSessionsPerEvent = 10_000

    // MARK: When

    private enum Length {
        case days(Int)
        case minutes(Int?)
    }

    /// All-day entries last whole days (DTEND is exclusive); timed ones a number of minutes, known or not.
    private func length(_ vevent: ICSComponent, start: ICSTime, path: String) -> Length {
        let endProperty = vevent.property("DTEND")
        let end = endProperty.flatMap { ICSValues.time($0.value, parameters: $0.parameters) }
        let durationProperty = vevent.property("DURATION")
        var seconds = durationProperty.flatMap { ICSValues.durationSeconds($0.value) }
        if let endProperty, end == nil {
            log.warning("DTEND \(quoted(endProperty.value)) is not a date or date-time; the length is unknown", at: path + ".DTEND", endProperty.position)
        }
        if let durationProperty, endProperty == nil {
            // Said, never cut silently: a length that cannot be read or makes no sense is left out.
            if seconds == nil {
                log.warning("DURATION \(quoted(durationProperty.value)) is not a duration confdash reads (such as PT1H30M, at most "
                            + "a year); the length is unknown", at: path + ".DURATION", durationProperty.position)
            } else if let value = seconds, value <= 0 {
                log.warning("DURATION \(quoted(durationProperty.value)) is not positive; the length is unknown",
                            at: path + ".DURATION", durationProperty.position)
                seconds = nil
            } else if let value = seconds, case .dateTime = start, value / 60 > ScheduleValues.maximumDurationMinutes {
                log.warning(Self.tooLong(value / 60), at: path + ".DURATION", durationProperty.position)
                seconds = nil
            }
        }
        switch (start, end) {
        case (.date(let first), .date(let last)?):
            return .days(max(1, last.days(since: first)))
        case (.date, _):
            return .days(max(1, (seconds ?? 86_400) / 86_400))
        case (.dateTime(let local, let frame), .dateTime(let endLocal, let endFrame)?):
            let from = resolver.instant(of: local, in: frame) ?? TimeZones.naiveSeconds(local)
            let to = resolver.instant(of: endLocal, in: endFrame) ?? TimeZones.naiveSeconds(resolver.local(endLocal, from: endFrame, to: frame))
            guard to > from else {
                if to < from { log.warning("DTEND is before DTSTART; the length is unknown", at: path + ".DTEND", endProperty?.position) }
                return .minutes(nil)
            }
            guard (to - from) / 60 <= ScheduleValues.maximumDurationMinutes else {
                log.warning(Self.tooLong((to - from) / 60), at: path + ".DTEND", endProperty?.position)
                return .minutes(nil)
            }
            return .minutes((to - from) / 60)
        default:
            return .minutes(seconds.flatMap { $0 > 0 ? $0 / 60 : nil })
        }
    }

    static func tooLong(_ minutes: Int) -> String {
        let days = minutes / 1440
        return "a timed event of \(days > 0 ? "\(days) days" : "\(minutes) minutes"), longer than the 14 days confdash believes "
            + "of one session; the length is unknown (an all-day event, DTSTART;VALUE=DATE, can span longer)"
    }

    /// The start of every occurrence, in DTSTART's own frame: DTSTART itself, the dates its RRULE
    /// and RDATEs add, minus its EXDATEs.
    private func occurrences(_ vevent: ICSComponent, start: ICSTime, path: String) -> (starts: [ICSTime], repeating: Bool) {
        var result = [start]
        if let property = vevent.property("RRULE") {
            switch RecurrenceRule.parse(property.value) {
            case .failure(.unsupported(let part)):
                log.warning("RRULE \(quoted(property.value)) is not expanded (\(quoted(part, limit: 40))): confdash expands FREQ=DAILY and WEEKLY with "
                            + "COUNT, UNTIL, INTERVAL and BYDAY; the event is shown once, on its first date", at: path + ".RRULE", property.position)
            case .failure(.endless):
                log.warning("RRULE repeats without end (no COUNT or UNTIL); the event is shown once, on its first date",
                            at: path + ".RRULE", property.position)
            case .success(let rule):
                let expansion = rule.dates(from: start.date, lastDate: rule.until.map { lastDate($0, start: start) })
                if expansion.capped {
                    log.warning("RRULE gives more than \(RecurrenceRule.maximumOccurrences) occurrences; only the first "
                                + "\(RecurrenceRule.maximumOccurrences) are kept", at: path + ".RRULE", property.position)
                }
                result = expansion.dates.map { date in
                    if case let .dateTime(local, frame) = start { return .dateTime(LocalDateTime(date: date, time: local.time), frame) }
                    return .date(date)
                }
            }
        }
        for property in vevent.properties("RDATE") {
            // VALUE=PERIOD (Lotus Notes, Domino): `start/end` or `start/duration`; the start is the occurrence.
            let isPeriod = property.parameter("VALUE")?.uppercased() == "PERIOD"
            var parameters = property.parameters
            if isPeriod { parameters["VALUE"] = nil }
            for value in property.value.split(separator: ",") {
                let text = isPeriod ? String(value.prefix { $0 != "/" }) : String(value)
                guard let time = ICSValues.time(text, parameters: parameters) else {
                    log.warning("RDATE value \(quoted(String(value))) is not a date, date-time or period; left out", at: path + ".RDATE", property.position)
                    continue
                }
                guard result.count < RecurrenceRule.maximumOccurrences else {
                    log.warning("RRULE and RDATE give more than \(RecurrenceRule.maximumOccurrences) occurrences; only the first "
                                + "\(RecurrenceRule.maximumOccurrences) are kept", at: path + ".RDATE", property.position)
                    break
                }
                if !result.contains(where: { matches(time, $0) }) { result.append(time) }
            }
        }
        for property in vevent.properties("EXDATE") {
            for value in property.value.split(separator: ",") {
                guard let excluded = ICSValues.time(String(value), parameters: property.parameters) else { continue }
                result.removeAll { matches(excluded, $0) }
            }
        }
        return (result, repeating: result.count > 1 || vevent.property("EXDATE") != nil)
    }

    /// The last date an UNTIL allows, in the frame of DTSTART (an UNTIL is usually written in UTC).
    private func lastDate(_ until: ICSTime, start: ICSTime) -> CalendarDate {
        guard case let .dateTime(untilLocal, untilFrame) = until, case let .dateTime(startLocal, startFrame) = start else { return until.date }
        let local = resolver.local(untilLocal, from: untilFrame, to: startFrame)
        return local.time >= startLocal.time ? local.date : local.date.adding(days: -1)
    }

    /// Whether `reference` (an EXDATE, RDATE or RECURRENCE-ID) names `occurrence`.
    private func matches(_ reference: ICSTime, _ occurrence: ICSTime) -> Bool {
        switch (reference, occurrence) {
        case let (.dateTime(local, frame), .dateTime(occurrenceLocal, occurrenceFrame)):
            return resolver.local(local, from: frame, to: occurrenceFrame) == occurrenceLocal
        default:
            return reference.date == occurrence.date
        }
    }

    private func sessions(_ template: ImportedEntry, at occurrence: ICSTime, length: Length, datedID: Bool) -> [ImportedEntry] {
        switch (occurrence, length) {
        case (.date(let first), .days(let count)):
            if count > Event.maximumDayCount {
                log.warning("an all-day event of \(count) days; only its first \(Event.maximumDayCount) are kept", at: template.path, template.position)
            }
            let days = min(count, Event.maximumDayCount)
            return (0..<days).map { offset in
                var entry = template
                entry.day = first.adding(days: offset)
                // Each day of each occurrence has its own id: a repeated multi-day entry names the
                // occurrence and the day (`expo-20240101-20240102`), so repeats never collide. One UID
                // for several entries names none of them: each keeps its own id instead.
                if datedID && days > 1 { entry.idHint = dated(dated(template.idHint, first), entry.day!); entry.uid = nil }
                else if datedID || days > 1 { entry.idHint = dated(template.idHint, entry.day!); entry.uid = nil }
                return entry
            }
        case (.dateTime(let local, let frame), _):
            var entry = template
            let shown = resolver.shown(local, from: frame, in: eventFrame)
            entry.start = shown
            entry.day = shown.date
            if case .minutes(let minutes) = length { entry.durationMinutes = minutes }
            if datedID { entry.idHint = dated(template.idHint, local.date); entry.uid = nil }
            return [entry]
        case (.date(let date), .minutes):
            var entry = template
            entry.day = date
            return [entry]
        }
    }

    private func dated(_ id: String?, _ date: CalendarDate) -> String {
        (id ?? "event") + "-" + date.iso.filter { $0 != "-" }
    }
}

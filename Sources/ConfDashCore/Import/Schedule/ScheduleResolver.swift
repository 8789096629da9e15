import Foundation

/// Reads the values of a `ScheduleDraft` into an `ImportedEvent`: which zone the event is in,
/// when each session starts in that zone's wall clock, which conference day it belongs to, and
/// how long it lasts.
///
/// Times: a session's `date` (`2024-12-27T23:30:00+01:00`) is the instant; it is shown in the
/// event's zone (`time_zone_name`, else the offset most dates carry). A date without an offset is
/// read as written. Without a `date`, `start` (`23:30`) on the day's date is used, moved to the
/// next calendar day when it is before the day's start (`day_start`, `<day start>`, or Pentabarf's
/// `day_change`): that is the night after the conference day.
struct ScheduleResolver {
    let log: ProblemLog

    private struct Zone {
        var name: String?
        var clock: ZoneClock?
    }

    /// Takes the draft (`consuming`): each day's drafts are let go once its entries are made, so a
    /// large schedule is not held twice, as drafts and as entries.
    func resolve(_ draft: consuming ScheduleDraft) -> ImportedEvent {
        resolve(draft, secondPart: nil)
    }

    /// `resolve(_:)`.
    ///
    /// `secondPart`: the days from `from` on are resolved on `worker`'s thread meanwhile (a
    /// schedule.xml read in two parts, whose second part `worker` read: see `SplitWorker`);
    /// the result is the same, in the same order.
    func resolve(_ draft: consuming ScheduleDraft, secondPart: (from: Int, worker: SplitWorker)?) -> ImportedEvent {
        let zone = eventZone(draft)
        var event = ImportedEvent(title: clean(draft.title), shortTitle: clean(draft.acronym), idHint: clean(draft.acronym),
                                  timeZone: zone.name, url: draft.url, baseURL: draft.baseURL ?? draft.url,
                                  tracks: draft.tracks, rooms: draft.rooms)
        event.version = draft.version.map(MarkupCleaner.cleanLine).flatMap { $0.isEmpty ? nil : $0 }
        let conferenceStart = draft.start.flatMap { date(of: $0, in: zone) }
        // The day list is the schedule's own account of its days; the conference's start and end
        // are used only without one (frab writes CCCamp 2019's end as the morning after its last day).
        if draft.days.isEmpty {
            event.dates += [conferenceStart, draft.end.flatMap { date(of: $0, in: zone) }].compactMap { $0 }
        }
        let dayChange = draft.dayChange.flatMap { ScheduleValues.clock($0.text.trimmingWhitespace) }
        // A schedule confdash wrote keeps each session's own id in its slug; other files' ids are their frab ids or codes.
        let idsInSlugs = draft.generator == "confdash"
        let context = DayContext(zone: zone, conferenceStart: conferenceStart, dayChange: dayChange, idsInSlugs: idsInSlugs)
        var resolved = ResolvedDays()
        if let (from, worker) = secondPart, from > 0, from < draft.days.count {
            // The later days go to the worker with a log and a zone clock of their own (neither
            // is shared between threads); their entries, dates, disagreements and problems come
            // after the earlier days', as they would one thread.
            let later = Later(days: Array(draft.days[from...]), context: context.copied, log: ProblemLog(file: log.file))
            draft.days.removeSubrange(from...)
            worker.run { later.resolve() }
            resolved = resolveDays(&draft.days, context)
            worker.wait()
            resolved.append(later.result)
            log.append(later.log)
        } else {
            resolved = resolveDays(&draft.days, context)
        }
        event.entries = resolved.entries
        event.dates += resolved.dates
        reportDisagreements(resolved.disagreements, zone: zone)
        return event
    }

    /// What the resolver works out for days once the event's zone and start are known.
    private struct DayContext {
        var zone: Zone
        var conferenceStart: CalendarDate?
        var dayChange: ClockTime?
        var idsInSlugs: Bool

        /// The same for another thread: a zone clock of its own (it keeps what it looked up).
        var copied: DayContext {
            var copy = self
            copy.zone.clock = zone.clock.map { ZoneClock($0.zone) }
            return copy
        }
    }

    /// Entries, dates and start-time disagreements of some days, in order.
    private struct ResolvedDays {
        var entries = ImportedEntries()
        var dates: [CalendarDate] = []
        var disagreements: [(DraftValue, LocalDateTime)] = []

        mutating func append(_ later: ResolvedDays) {
            entries.append(contentsOf: later.entries)
            dates += later.dates
            disagreements += later.disagreements
        }
    }

    /// The later days of a split resolve, handed to the worker and back. Unchecked: the worker
    /// alone touches it between `run` and `wait`, the caller alone before and after.
    private final class Later: @unchecked Sendable {
        var days: [DraftDay]
        let context: DayContext
        let log: ProblemLog
        var result = ResolvedDays()

        init(days: [DraftDay], context: DayContext, log: ProblemLog) {
            self.days = days
            self.context = context
            self.log = log
        }

        func resolve() {
            result = ScheduleResolver(log: log).resolveDays(&days, context)
            days = []
        }
    }

    private func resolveDays(_ days: inout [DraftDay], _ context: DayContext) -> ResolvedDays {
        let zone = context.zone, conferenceStart = context.conferenceStart, dayChange = context.dayChange
        let idsInSlugs = context.idsInSlugs
        var resolved = ResolvedDays()
        resolved.entries.reserveCapacity(days.reduce(0) { $0 + $1.sessions.count })
        for dayIndex in days.indices {
            // The day's sessions are moved out, and each let go as soon as its entry is made: the
            // entry (a piece of its own, see `ImportedEntries`) takes the place its draft (field
            // list and values) leaves, so that resolving a large schedule does not add the
            // entries on top of the drafts.
            var sessions: [DraftSession] = []
            swap(&sessions, &days[dayIndex].sessions)
            let day = days[dayIndex]
            let dayDate = day.date.flatMap { ScheduleValues.date($0.text.trimmingWhitespace) }
                ?? day.start.flatMap { date(of: $0, in: zone) }
                ?? day.index.flatMap { index in conferenceStart.map { $0.adding(days: index - 1) } }
            if let dayDate { resolved.dates.append(dayDate) }
            // When the conference day begins; earlier clock times are the night after it.
            let dayBegins = day.start.flatMap { wallClock($0, in: zone) }?.time ?? dayChange
            for index in sessions.indices {
                // Moved out rather than read in place and then overwritten: reading it was a copy
                // (every field retained, then released), on drafts long out of the cache (issue 13).
                var session = DraftSession.released
                swap(&session, &sessions[index])
                resolved.entries.append(entry(session, dayDate: dayDate, dayBegins: dayBegins, zone: zone, idsInSlugs: idsInSlugs,
                                              disagreements: &resolved.disagreements))
            }
        }
        return resolved
    }

    // MARK: Zone

    private func eventZone(_ draft: ScheduleDraft) -> Zone {
        if let written = draft.timeZoneName {
            let name = written.text.trimmingWhitespace
            if let timeZone = TimeZones.zone(named: name) { return Zone(name: name, clock: ZoneClock(timeZone)) }
            log.warning("unknown time zone \(quoted(name)); times are read with the UTC offsets their dates carry",
                        at: written.path, written.position)
        }
        // No usable name: the offset most session dates carry stands for the zone.
        var counts: [Int: Int] = [:]
        var firstAt: [Int: DraftValue] = [:]
        for day in draft.days {
            for session in day.sessions {
                guard let value = session.fields[.date], let offset = ScheduleValues.dateTime(value.text)?.offsetSeconds else { continue }
                counts[offset, default: 0] += 1
                if firstAt[offset] == nil { firstAt[offset] = value }
            }
        }
        guard let offset = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key else { return Zone() }
        if counts.count > 1, let (other, count) = counts.filter({ $0.key != offset }).max(by: { $0.value < $1.value }),
           let first = firstAt[other] {
            // Most likely a change of summer time inside the schedule: one offset cannot stand for both.
            let others = counts.values.reduce(0, +) - counts[offset]!
            log.warning("no time zone name, and the dates carry several UTC offsets (\(TimeZones.offsetText(seconds: offset)) "
                        + "for \(counts[offset]!), \(TimeZones.offsetText(seconds: other)) for \(count)): times are shown at "
                        + "\(TimeZones.offsetText(seconds: offset)), so \(others) sessions show at another hour than written; "
                        + "time_zone_name would say which zone", at: first.path, first.position)
        }
        return Zone(name: TimeZones.offsetText(seconds: offset), clock: TimeZone(secondsFromGMT: offset).map(ZoneClock.init))
    }

    /// The wall clock in the event's zone of a written date-time; floating times stay as written.
    private func wallClock(_ value: DraftValue, in zone: Zone) -> LocalDateTime? {
        guard let written = ScheduleValues.dateTime(value.text.trimmingWhitespace) else { return nil }
        guard let instant = written.instant, let clock = zone.clock else { return written.local }
        return clock.local(at: instant)
    }

    private func date(of value: DraftValue, in zone: Zone) -> CalendarDate? {
        wallClock(value, in: zone)?.date ?? ScheduleValues.date(value.text.trimmingWhitespace)
    }

    // MARK: Sessions

    private func entry(_ session: DraftSession, dayDate: CalendarDate?, dayBegins: ClockTime?, zone: Zone, idsInSlugs: Bool,
                       disagreements: inout [(DraftValue, LocalDateTime)]) -> ImportedEntry {
        var entry = ImportedEntry(position: session.position, path: session.path)
        entry.idHint = (idsInSlugs ? session[.slug].flatMap(ImportIDs.hint(confdashSlug:)) : nil)
            ?? session[.id] ?? session[.code] ?? session[.guid] ?? session[.slug]
        entry.uid = session[.guid]?.trimmingWhitespace
        entry.title = session[.title]
        entry.type = session[.type]
        entry.room = session[.room] ?? session.parentRoom
        entry.language = session[.language]
        // Made at their size: an array literal compacted, and one added to another, were three
        // allocations a session more (issue 13).
        let subtitle = session[.subtitle], abstract = session[.abstract], description = session[.description]
        let textCount = (subtitle == nil ? 0 : 1) + (abstract == nil ? 0 : 1) + (description == nil ? 0 : 1)
        if textCount > 0 {
            entry.texts.reserveCapacity(textCount)
            if let subtitle { entry.texts.append(subtitle) }
            if let abstract { entry.texts.append(abstract) }
            if let description { entry.texts.append(description) }
        }
        entry.tracks = session[.track].map { [$0] } ?? []
        entry.people = session.persons
        if let url = session[.url] {
            entry.links.reserveCapacity(1 + session.links.count)
            entry.links.append(ImportedLink(url: url, title: nil))
            entry.links.append(contentsOf: session.links)
        } else {
            entry.links = session.links
        }

        let startClock = session[.start].flatMap(ScheduleValues.clock)
        if let dateValue = session.fields[.date], let start = wallClock(dateValue, in: zone) {
            entry.start = start
            if let startClock, startClock != start.time { disagreements.append((dateValue, start)) }
        } else if let startClock {
            // Only a clock time: on the day's date, or the next one for the night after it.
            let base = session[.date].flatMap(ScheduleValues.date) ?? dayDate
            if let base {
                let night = session[.date] == nil && dayBegins.map { startClock < $0 } == true
                entry.start = LocalDateTime(date: night ? base.adding(days: 1) : base, time: startClock)
            }
        } else if let written = session.fields[.date], ScheduleValues.date(written.text.trimmingWhitespace) == nil {
            log.warning("date \(quoted(written.text)) is not a date or date-time; the session has no time", at: written.path, written.position)
        }
        if session[.start] != nil && startClock == nil, let value = session.fields[.start] {
            log.warning("start \(quoted(value.text)) is not a time (HH:MM)", at: value.path, value.position)
        }
        // An entry with only a date and no time is an all-day entry: on its day, with no clock time.
        // (`start` read first: `entry` itself in the `??` would be copied whole for the closure.)
        let start = entry.start
        entry.day = dayDate ?? start?.date ?? session[.date].flatMap(ScheduleValues.date)
        // Listed under a day it is not on, nor in the night after it: the date the session carries wins.
        if let start = entry.start, let listed = dayDate, !(0...1).contains(start.date.days(since: listed)) {
            log.warning("the session is dated \(start.date) but listed under the day \(listed); it is shown on \(start.date)",
                        at: session.path, session.position)
            entry.day = start.date
        }
        entry.durationMinutes = duration(session, start: entry.start, zone: zone)
        return entry
    }

    /// From `end` when the file gives one (the schema's newer field), else from `duration`.
    private func duration(_ session: DraftSession, start: LocalDateTime?, zone: Zone) -> Int? {
        if let start, let endValue = session.fields[.end], let end = wallClock(endValue, in: zone) {
            // Through UTC when both dates carry an offset: across a change of clocks the wall clock
            // gains or loses an hour that the session does not last.
            let from = session.fields[.date].flatMap { ScheduleValues.dateTime($0.text.trimmingWhitespace)?.instant }
            let to = ScheduleValues.dateTime(endValue.text.trimmingWhitespace)?.instant
            let minutes = from.flatMap { from in to.map { ($0 - from) / 60 } }
                ?? (TimeZones.naiveSeconds(end) - TimeZones.naiveSeconds(start)) / 60
            if minutes > 0 && minutes <= ScheduleValues.maximumDurationMinutes { return minutes }
        }
        guard let value = session.fields[.duration], !value.text.trimmingWhitespace.isEmpty else { return nil }
        guard let minutes = ScheduleValues.durationMinutes(value.text) else {
            log.warning("duration \(quoted(value.text)) is not HH:MM, HH:MM:SS or D:HH:MM (at most 14 days); left out",
                        at: value.path, value.position)
            return nil
        }
        return minutes
    }

    /// One warning for a file whose dates and start times disagree (a pretalx export whose server
    /// zone differs from the event's): the dates win, because they carry their offset.
    private func reportDisagreements(_ disagreements: [(DraftValue, LocalDateTime)], zone: Zone) {
        guard let (first, shown) = disagreements.first else { return }
        let subject = disagreements.count == 1 ? "the start time of 1 session differs from its date"
            : "the start times of \(disagreements.count) sessions differ from their dates"
        log.warning("\(subject) in the event's time zone \(zone.name ?? "(none)"): date \(quoted(first.text)) is \(shown.time) there; "
                    + "the times shown follow the dates", at: first.path, first.position)
    }

    private func clean(_ value: DraftValue?) -> String? {
        guard let value else { return nil }
        let text = MarkupCleaner.cleanLine(value.text)
        return text.isEmpty ? nil : text
    }
}

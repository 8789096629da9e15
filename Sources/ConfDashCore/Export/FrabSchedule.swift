/// A frab/pretalx schedule (the model behind schedule.xml and schedule.json), built once and
/// written by `FrabXMLExporter` and `FrabJSONExporter`, so both formats leave out the same sessions
/// for the same reasons.
///
/// One export is one schedule. With one event, the conference is that event; with several, the
/// conference is the dataset, running from the first event's first day to the last event's last
/// day, and its days are the events' days (never the gaps between them).
///
/// The layout (days, rooms, which session goes where, in which order) is made of numbers: each
/// talk is the position of its session and the instants worked out once for it. Its text (guid,
/// dates, slug, names) is written straight into the output by `FrabTalkWriter`, so no String per
/// field and no record per talk is made (issue 13: building them was two thirds of the export).
struct FrabSchedule {
    struct Person { var name: String; var guid: String }
    struct Link { var url: String; var title: String? }

    /// A frab "event" as text: what `FrabTalkWriter` writes for one talk, for tests and readers of
    /// the model (`talks`). The exporters never build it.
    struct Talk {
        /// The confdash session id (not written as such: slug and guid derive from it).
        var sessionID: String
        var id: Int
        var guid: String
        /// `2024-12-27T10:30:00+01:00`.
        var date: String
        var start: String
        var duration: String
        var end: String
        var room: String
        var title: String
        var type: String
        var track: String?
        var language: String?
        var abstract: String?
        var description: String?
        var slug: String
        var url: String?
        var persons: [Person]
        var links: [Link]
    }

    /// One scheduled session: its position in `context.sessions` and its times as numbers. Only
    /// sessions with a start, a duration and a zone become one.
    struct Entry {
        var item: Int
        /// The UTC offset at the start (seconds), as the start's wall clock reads (`EventZone.offsetSeconds(at:)`).
        var startOffset: Int
        /// The end as an instant, and the offset in force then.
        var endUTC: Int
        var endOffset: Int
        /// Orders a room's talks as their `date` texts compare: the local start, then the offset's
        /// sign (`+` before `-`) and size.
        var order: Int

        var endLocal: LocalDateTime { LocalDateTime(utcSeconds: endUTC + endOffset) }
    }

    /// A day's start or end: a wall-clock time and the UTC offset written with it.
    struct Bound: Equatable {
        var local: LocalDateTime
        var offset: Int
        /// `2024-12-27T00:00:00+01:00`.
        var text: String {
            var out = ExportOutput()
            out.isoWithOffset(local, offset: offset)
            return out.text
        }
    }

    struct Room { var name: String; var guid: String?; var entries: [Entry] }
    struct Day {
        var index: Int; var date: CalendarDate; var startBound: Bound; var endBound: Bound; var rooms: [Room]
        var start: String { startBound.text }
        var end: String { endBound.text }
    }
    struct Track { var name: String; var color: String?; var slug: String }

    let context: ExportContext
    var version: String
    var generatorVersion: String
    var title: String
    var acronym: String
    var start: CalendarDate
    var end: CalendarDate
    var timeZoneName: String?
    var timeslotMinutes: Int
    var url: String?
    var tracks: [Track]
    var rooms: [(name: String, guid: String)]
    var days: [Day]
    /// Omissions the format forced, for stderr.
    var notes: NoteTally
    var exportedSessions: Int
    /// "schedule.xml" or "schedule.json": used in notes.
    var formatName: String

    /// Every talk as text, in the order written.
    var talks: [Talk] {
        var writer = FrabTalkWriter(context)
        return days.flatMap { day in day.rooms.flatMap { room in room.entries.map { writer.talk($0, room: room.name) } } }
    }
}

/// Builds a `FrabSchedule` from the selected sessions, leaving out what the format cannot hold
/// without inventing something, and counting each omission.
struct FrabScheduleBuilder {
    let context: ExportContext
    let formatName: String
    private var notes = NoteTally()

    init(_ request: ExportRequest, formatName: String) {
        context = ExportContext(request)
        self.formatName = formatName
    }

    mutating func build() -> FrabSchedule {
        let events = context.events.map(\.event)
        let single = events.count == 1 ? events.first : nil
        let dataset = context.index.dataset
        var days = listedDays(events)
        // Where each listed date is in `days`.
        var dayPositions: [CalendarDate: Int] = [:]
        for (position, day) in days.enumerated() { dayPositions[day.date] = position }
        var exported = 0
        var timeslot = 0
        // Where each (day, room name) is in `days`: a scan of a day's rooms per session was quadratic.
        var roomPlaces: [CalendarDate: [String: Int]] = [:]
        for (position, item) in context.sessions.enumerated() {
            guard let entry = entry(position, item), let date = dayDate(for: item, among: days, positions: dayPositions) else { continue }
            exported += 1
            if case .clock(let start, let duration?, _) = item.timing {
                timeslot = gcd(gcd(timeslot, start.time.minutesSinceMidnight), duration)
            }
            let place = dayPositions[date]!
            let roomName = context.roomName(item) ?? ""
            if let room = roomPlaces[date]?[roomName] {
                days[place].rooms[room].entries.append(entry)
            } else {
                let guid = item.session.room.map { StableID.roomGUID(room: $0, event: item.event.id) }
                roomPlaces[date, default: [:]][roomName] = days[place].rooms.count
                days[place].rooms.append(FrabSchedule.Room(name: roomName, guid: guid, entries: [entry]))
            }
            extendDay(&days[place], toCover: entry)
        }
        for position in days.indices {
            days[position].rooms = sortedRooms(days[position].rooms)
            days[position].index = position + 1
        }
        noteZonelessDays(events)
        let zones = Set(events.map { $0.timeZone ?? "" })
        if zones.count > 1 {
            notes.add(general: "the events have different time zones (\(zones.sorted().map { $0.isEmpty ? "none" : $0 }.joined(separator: ", "))): time_zone_name is left out; every date carries its own UTC offset")
        }
        let usedTracks = Set(context.sessions.compactMap { $0.session.tracks.first })
        return FrabSchedule(
            context: context,
            version: (context.dataDate?.iso).map { "confdash \($0)" } ?? "confdash",
            generatorVersion: context.request.generatorVersion,
            title: single.map(context.title) ?? dataset.title.text(in: context.language),
            acronym: single.map { StableID.acronym(event: $0.id) } ?? "confdash",
            start: events.map(\.startDate).min() ?? days.first?.date ?? CalendarDate(year: 1970, month: 1, day: 1)!,
            end: events.map(\.endDate).max() ?? days.last?.date ?? CalendarDate(year: 1970, month: 1, day: 1)!,
            timeZoneName: zones.count == 1 ? events.first?.timeZone.flatMap { EventZone($0)?.isFixedOffset == false ? $0 : nil } : nil,
            // The largest step that divides every start time and duration, so grid views line up;
            // frab's usual 15 minutes when nothing is timed, capped at an hour.
            timeslotMinutes: timeslot == 0 ? 15 : min(timeslot, 60),
            url: single?.links.first?.url,
            tracks: dataset.tracks.filter { usedTracks.contains($0.id) }.map {
                FrabSchedule.Track(name: context.text($0.name) ?? $0.id, color: $0.color?.lowercased(), slug: $0.id)
            },
            rooms: roomList(),
            days: days, notes: notes, exportedSessions: exported, formatName: formatName)
    }

    // MARK: Sessions

    /// The session as a frab event (its place and times), or nil (and a note) when the format
    /// would need something the source does not state.
    private mutating func entry(_ position: Int, _ item: ExportSession) -> FrabSchedule.Entry? {
        let session = item.session
        guard case .clock(let start, let duration, let zone) = item.timing else {
            notes.add("with no clock time in the source",
                      "left out: \(formatName) requires a start time and a duration for every event, and none is made up (ics, csv and md export them)",
                      session: session)
            return nil
        }
        guard let zone else {
            notes.add("with a clock time in an event that states no time zone",
                      "left out: \(formatName) requires dates with a UTC offset, and none is made up",
                      session: session)
            return nil
        }
        guard let duration else {
            notes.add("with a start time but no duration",
                      "left out: \(formatName) requires a duration, and none is made up (ics, csv and md export them)",
                      session: session)
            return nil
        }
        if session.room == nil {
            notes.add("with no room stated", "each is written under a room with an empty name, since \(formatName) requires a room",
                      session: session)
        }
        if session.tracks.count > 1 {
            notes.add("with more than one track", "each is written with its first track only: \(formatName) has one track per event",
                      session: session)
        }
        // The end from the instant (`ExportSession.endUTC`): in the hour the clocks repeat, the
        // end's wall clock alone has two offsets.
        let startOffset = zone.offsetSeconds(at: start)
        let endUTC = EventZone.naiveSeconds(start) - startOffset + duration * 60
        let minutes = abs(startOffset) / 60
        let order = (start.date.dayNumber * 1440 + start.time.minutesSinceMidnight) << 16 | (startOffset < 0 ? 1 << 15 : 0) | minutes
        return FrabSchedule.Entry(item: position, startOffset: startOffset, endUTC: endUTC, endOffset: zone.offsetSeconds(atUTC: endUTC),
                                  order: order)
    }

    /// `<acronym>-<session id>`: fits both schemas' slug patterns and gives the session id back
    /// (the importer reads it from a schedule confdash wrote). An id shorter than the 4 characters
    /// the XSD requires is padded in front with `_`, which ids never contain (frab's `2` from an
    /// imported schedule: `38c3-___2`); one ending in a hyphen, which schedule.json's pattern
    /// refuses, falls back to the number. (`FrabTalkWriter.slug` writes the same as bytes.)
    static func slug(_ item: ExportSession) -> String {
        let id = item.session.id
        let tail = id.hasSuffix("-") ? "session-\(item.ordinal)" : String(repeating: "_", count: max(0, 4 - id.utf8.count)) + id
        return StableID.acronym(event: item.event.id) + "-" + tail
    }

    // MARK: Days

    /// Every day of the selected events (only the chosen day with --day), each date once.
    private func listedDays(_ events: [Event]) -> [FrabSchedule.Day] {
        var seen = Set<CalendarDate>()
        var days: [FrabSchedule.Day] = []
        for event in events {
            let dates = context.request.filter.day == nil ? event.dates : context.request.filter.selectedDate(in: event).map { [$0] } ?? []
            for date in dates where seen.insert(date).inserted {
                let (start, end) = dayBounds(date, zone: EventZone(event.timeZone))
                days.append(FrabSchedule.Day(index: 0, date: date, startBound: start, endBound: end, rooms: []))
            }
        }
        return days.sorted { $0.date < $1.date }
    }

    /// Midnight to midnight in the event's zone. With no zone, no offset is made up: the day runs
    /// from 00:00 at UTC+14:00 to 24:00 at UTC−12:00, which is that calendar day wherever it is.
    private func dayBounds(_ date: CalendarDate, zone: EventZone?) -> (FrabSchedule.Bound, FrabSchedule.Bound) {
        let midnight = LocalDateTime(date: date, time: ClockTime(hour: 0, minute: 0)!)
        let next = LocalDateTime(date: date.adding(days: 1), time: ClockTime(hour: 0, minute: 0)!)
        guard let zone else { return (FrabSchedule.Bound(local: midnight, offset: 14 * 3600), FrabSchedule.Bound(local: next, offset: -12 * 3600)) }
        return (FrabSchedule.Bound(local: midnight, offset: zone.offsetSeconds(at: midnight)),
                FrabSchedule.Bound(local: next, offset: zone.offsetSeconds(at: next)))
    }

    /// The schedule day a timed session belongs to: its stated day when it starts on it or in the
    /// night after it (a real schedule's session at 00:30 on the second conference day's night),
    /// else its start date, or, for a session after midnight past the event's last listed day, the
    /// event's last listed day before it (frab's day change).
    private func dayDate(for item: ExportSession, among days: [FrabSchedule.Day], positions: [CalendarDate: Int]) -> CalendarDate? {
        guard case .clock(let start, _, _) = item.timing else { return nil }
        if let day = item.session.day, (0...1).contains(start.date.days(since: day)), positions[day] != nil { return day }
        if positions[start.date] != nil { return start.date }
        return days.map(\.date).filter { $0 <= start.date && item.event.dayIndex(of: $0) != nil }.max()
    }

    /// Lengthens a day whose sessions run past its midnight.
    private func extendDay(_ day: inout FrabSchedule.Day, toCover entry: FrabSchedule.Entry) {
        let end = entry.endLocal
        let dayEnd = LocalDateTime(date: day.date.adding(days: 1), time: ClockTime(hour: 0, minute: 0)!)
        if end > dayEnd, end > day.endBound.local {
            day.endBound = FrabSchedule.Bound(local: end, offset: entry.endOffset)
        }
    }

    private mutating func noteZonelessDays(_ events: [Event]) {
        let zoneless = events.filter { EventZone($0.timeZone) == nil }.map(\.id)
        guard !zoneless.isEmpty else { return }
        let count = zoneless.count
        notes.add(general: "\(count) \(count == 1 ? "event states" : "events state") no time zone (\(zoneless.prefix(3).joined(separator: ", "))\(count > 3 ? " and \(count - 3) more" : "")): \(count == 1 ? "its" : "their") days are written from 00:00 at UTC+14:00 to 24:00 at UTC-12:00, the whole calendar day wherever it is, since \(formatName) requires day bounds with a UTC offset and none is made up")
    }

    // MARK: Rooms

    /// Rooms in the order their event lists them; the unnamed room last.
    private func sortedRooms(_ rooms: [FrabSchedule.Room]) -> [FrabSchedule.Room] {
        let order = Dictionary(context.events.flatMap { part in part.event.rooms.map { context.text($0.name) ?? $0.id } }
            .enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        return rooms.enumerated().sorted { a, b in
            let ka = a.element.name.isEmpty ? Int.max : order[a.element.name] ?? Int.max - 1
            let kb = b.element.name.isEmpty ? Int.max : order[b.element.name] ?? Int.max - 1
            return (ka, a.offset) < (kb, b.offset)
        }.map { var room = $0.element; room.entries.sort { $0.order < $1.order }; return room }
    }

    /// Every named room of the selected events, each name once.
    private func roomList() -> [(name: String, guid: String)] {
        var seen = Set<String>()
        var rooms: [(name: String, guid: String)] = []
        for part in context.events {
            for room in part.event.rooms {
                let name = context.text(room.name) ?? room.id
                if seen.insert(name).inserted { rooms.append((name, StableID.roomGUID(room: room.id, event: part.event.id))) }
            }
        }
        return rooms
    }
}

extension FrabScheduleBuilder {
    /// `HH:MM`; from 100 hours on, pretalx's `D:HH:MM` (`4:09:00` is 105 hours): the schema allows
    /// at most two digits of hours, and a session may last up to 14 days.
    static func durationText(_ minutes: Int) -> String {
        guard minutes >= 100 * 60 else { return twoDigits(minutes / 60) + ":" + twoDigits(minutes % 60) }
        return "\(minutes / 1440):" + twoDigits(minutes % 1440 / 60) + ":" + twoDigits(minutes % 60)
    }
}

private func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

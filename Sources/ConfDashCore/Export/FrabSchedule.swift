import Dispatch

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
    /// The notes that may be added for session after session, made once (not a String
    /// interpolated per session).
    private let noRoomNote: String
    private let tracksNote: String

    init(_ request: ExportRequest, formatName: String, concurrency: ExportConcurrency = .serial) {
        context = ExportContext(request, ordinals: true, concurrency: concurrency)
        self.formatName = formatName
        noRoomNote = "each is written under a room with an empty name, since \(formatName) requires a room"
        tracksNote = "each is written with its first track only: \(formatName) has one track per event"
    }

    /// The schedule. With several workers (`concurrency`, for an export as large as its
    /// `minimumSessions`), the sessions are laid out in one contiguous part per worker at once,
    /// and the parts joined in order (`Layout.append`): the same schedule as one part gives.
    mutating func build(concurrency: ExportConcurrency = .serial) -> FrabSchedule {
        let events = context.events.map(\.event)
        let single = events.count == 1 ? events.first : nil
        let dataset = context.index.dataset
        var days = listedDays(events)
        // Where each listed date is in `days`.
        var dayPositions: [CalendarDate: Int] = [:]
        for (position, day) in days.enumerated() { dayPositions[day.date] = position }
        let count = context.sessions.count
        let parts = count >= concurrency.minimumSessions ? max(1, min(concurrency.workers, count / 16)) : 1
        let empty = Layout(days)
        var layouts = [Layout](repeating: empty, count: parts)
        let builder = self
        context.sessions.withUnsafeBufferPointer { sessions in
            guard parts > 1 else {
                layouts[0].add(sessions, 0..<count, builder: builder, days: days, positions: dayPositions)
                return
            }
            layouts.withUnsafeMutableBufferPointer { layouts in
                let work = LayoutWork(sessions: sessions, layouts: layouts.baseAddress!, builder: builder, days: days,
                                      positions: dayPositions)
                let size = (count + parts - 1) / parts
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    let range = min(count, part * size)..<min(count, (part + 1) * size)
                    work.layouts[part].add(work.sessions, range, builder: work.builder, days: work.days, positions: work.positions)
                }
            }
        }
        var layout = layouts[0]
        for part in layouts.dropFirst() { layout.append(part) }
        notes.append(layout.notes)
        let exported = layout.exported
        let timeslot = layout.timeslot
        for place in days.indices {
            days[place].rooms = layout.rooms[place]
            if let bound = layout.endBounds[place] { days[place].endBound = bound }
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
        let usedTracks = layout.usedTracks
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
    fileprivate func entry(_ position: Int, _ item: ExportSession, notes: inout NoteTally) -> FrabSchedule.Entry? {
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
            notes.add("with no room stated", noRoomNote, session: session)
        }
        if session.tracks.count > 1 {
            notes.add("with more than one track", tracksNote, session: session)
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
    static func slug(_ item: ExportSession, ordinal: Int) -> String {
        let id = item.session.id
        let tail = id.hasSuffix("-") ? "session-\(ordinal)" : String(repeating: "_", count: max(0, 4 - id.utf8.count)) + id
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
    fileprivate func dayDate(for item: ExportSession, among days: [FrabSchedule.Day], positions: [CalendarDate: Int]) -> CalendarDate? {
        guard case .clock(let start, _, _) = item.timing else { return nil }
        if let day = item.session.day, (0...1).contains(start.date.days(since: day)), positions[day] != nil { return day }
        if positions[start.date] != nil { return start.date }
        return days.map(\.date).filter { $0 <= start.date && item.event.dayIndex(of: $0) != nil }.max()
    }

    /// A wall-clock time as minutes since 1970-01-01 00:00: ordered as `LocalDateTime`s are.
    static func minutes(_ local: LocalDateTime) -> Int { local.date.dayNumber * 1440 + local.time.minutesSinceMidnight }

    /// The minutes of `LocalDateTime(utcSeconds:)`: whole minutes, rounded down.
    static func minutes(afterUTC seconds: Int) -> Int { seconds >= 0 ? seconds / 60 : (seconds - 59) / 60 }

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

/// The sessions of one contiguous part of `ExportContext.sessions` laid out in the schedule's
/// days: each day's rooms in the order they first appear, each room's talks in session order.
/// Parts laid out apart and joined in order (`append`) give what one pass over all gives.
private struct Layout {
    /// Per day (its place in the listed days).
    var rooms: [[FrabSchedule.Room]]
    /// Where each room name is in `rooms[day]`: a scan of a day's rooms per session was quadratic.
    var roomPlaces: [[String: Int]]
    /// A day's end when a session runs past its midnight and its bound (nil: as listed), and
    /// that end as minutes since 1970 (`FrabScheduleBuilder.minutes`).
    var endBounds: [FrabSchedule.Bound?]
    var endMinutes: [Int]
    var notes = NoteTally()
    var exported = 0
    /// The largest step dividing every start time and duration so far (0: none yet).
    var timeslot = 0
    /// The first track of every session (exported or not): the tracks the schedule lists.
    var usedTracks = Set<String>()

    init(_ days: [FrabSchedule.Day]) {
        rooms = Array(repeating: [], count: days.count)
        roomPlaces = Array(repeating: [:], count: days.count)
        endBounds = Array(repeating: nil, count: days.count)
        endMinutes = days.map { FrabScheduleBuilder.minutes($0.endBound.local) }
    }

    mutating func add(_ sessions: UnsafeBufferPointer<ExportSession>, _ range: Range<Int>, builder: FrabScheduleBuilder,
                      days: [FrabSchedule.Day], positions: [CalendarDate: Int]) {
        let context = builder.context
        // Sessions come day by day and, within a day, mostly room by room: the last session's
        // day and room are kept, and a session with the same event, stated day, start date and
        // room id goes to the same place with no look-up (room names, dates and ids were hashed
        // four times a session).
        var lastDay: (event: ObjectIdentifier, stated: CalendarDate?, start: CalendarDate, date: CalendarDate?, place: Int)?
        // Each (event, room id) met so far, numbered by its room's name (two ids may share a
        // name, and a frab day has one room per name); per day, the place of each name's room
        // in `rooms[day]` (-1: none yet). One hash of a short id per session, where the room's
        // name was looked up by event and id and then hashed by day and name.
        var names: [RoomKey: Int] = [:]
        var nameNumbers: [String: Int] = [:]
        var byName: [[Int]] = Array(repeating: [], count: days.count)
        // The next midnight of each day, as minutes since 1970.
        let midnights = days.map { ($0.date.dayNumber + 1) * 1440 }
        for position in range {
            let item = sessions[position]
            if let track = item.session.tracks.first { usedTracks.insert(track) }
            guard let entry = builder.entry(position, item, notes: &notes), case .clock(let start, let duration?, _) = item.timing else { continue }
            let date: CalendarDate?
            let place: Int
            if let last = lastDay, last.event == item.eventIdentity, last.stated == item.session.day, last.start == start.date {
                (date, place) = (last.date, last.place)
            } else {
                date = builder.dayDate(for: item, among: days, positions: positions)
                place = date.map { positions[$0]! } ?? -1
                lastDay = (item.eventIdentity, item.session.day, start.date, date, place)
            }
            guard date != nil else { continue }
            exported += 1
            timeslot = gcd(gcd(timeslot, start.time.minutesSinceMidnight), duration)
            let key = RoomKey(event: item.eventIdentity, id: item.session.room)
            let name: Int
            if let known = names[key] {
                name = known
            } else {
                let roomName = context.roomName(item) ?? ""
                if let known = nameNumbers[roomName] {
                    name = known
                } else {
                    name = nameNumbers.count
                    nameNumbers[roomName] = name
                }
                names[key] = name
            }
            if byName[place].count <= name { byName[place].append(contentsOf: repeatElement(-1, count: name + 1 - byName[place].count)) }
            let room = byName[place][name]
            if room >= 0 {
                rooms[place][room].entries.append(entry)
            } else {
                // The room's first talk that day: its name, and its guid from this session's room id.
                let roomName = context.roomName(item) ?? ""
                let guid = item.session.room.map { StableID.roomGUID(room: $0, event: item.event.id) }
                byName[place][name] = rooms[place].count
                roomPlaces[place][roomName] = rooms[place].count
                rooms[place].append(FrabSchedule.Room(name: roomName, guid: guid, entries: [entry]))
            }
            // Lengthens a day whose sessions run past its midnight (to the first latest end).
            let end = FrabScheduleBuilder.minutes(afterUTC: entry.endUTC + entry.endOffset)
            if end > midnights[place], end > endMinutes[place] {
                endBounds[place] = FrabSchedule.Bound(local: entry.endLocal, offset: entry.endOffset)
                endMinutes[place] = end
            }
        }
    }

    /// The next part's sessions after these: its talks after these in each room, its new rooms
    /// after these, the first of the latest ends, the notes counted on.
    mutating func append(_ next: Layout) {
        for place in rooms.indices {
            for room in next.rooms[place] {
                if let known = roomPlaces[place][room.name] {
                    rooms[place][known].entries.append(contentsOf: room.entries)
                } else {
                    roomPlaces[place][room.name] = rooms[place].count
                    rooms[place].append(room)
                }
            }
            if let bound = next.endBounds[place], next.endMinutes[place] > endMinutes[place] {
                endBounds[place] = bound
                endMinutes[place] = next.endMinutes[place]
            }
        }
        notes.append(next.notes)
        usedTracks.formUnion(next.usedTracks)
        exported += next.exported
        timeslot = gcd(timeslot, next.timeslot)
    }
}

/// What the workers laying out parts share. Unchecked: the sessions, builder, days and
/// positions are only read, and each worker writes only its own part's layout.
/// A session's room as the sessions name it: its event, and its room id (nil: none stated).
private struct RoomKey: Hashable {
    var event: ObjectIdentifier
    var id: String?
}

private struct LayoutWork: @unchecked Sendable {
    let sessions: UnsafeBufferPointer<ExportSession>
    let layouts: UnsafeMutablePointer<Layout>
    let builder: FrabScheduleBuilder
    let days: [FrabSchedule.Day]
    let positions: [CalendarDate: Int]
}

private func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

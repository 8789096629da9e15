import Dispatch
import Foundation

/// When a session happens, exactly as precisely as its source says. Every exporter maps these
/// cases to its format; none of them turns a day into a clock time.
enum ExportTiming: Equatable {
    /// A stated clock time. `zone` is nil when the event states no time zone: the time is floating.
    case clock(start: LocalDateTime, durationMinutes: Int?, zone: EventZone?)
    /// A stated day, and no clock time.
    case day(CalendarDate)
    /// The source gives only a span of days ("on day 2 or 3").
    case possibleDays(DateRange)
    /// The source gives no day: it may be any day of the event.
    case duringEvent(DateRange)

    /// The days the session may fall on.
    var days: DateRange {
        switch self {
        case .clock(let start, _, _): return DateRange(from: start.date, to: start.date)
        case .day(let date): return DateRange(from: date, to: date)
        case .possibleDays(let range), .duringEvent(let range): return range
        }
    }

    var dayIsStated: Bool {
        switch self {
        case .clock, .day: return true
        case .possibleDays, .duringEvent: return false
        }
    }
}

/// One session ready to export: the session, its event and what every format derives from them.
struct ExportSession {
    /// The event, shared by its sessions: `Event` is a struct of some thirty references, and
    /// every copy of an ExportSession (one per session and per exporter's loop) retained and
    /// released each of them.
    private let eventBox: EventBox
    var event: Event { _read { yield eventBox.event } }
    /// The event's rooms by id.
    var eventRooms: [String: Room] { _read { yield eventBox.rooms } }
    /// Which event (the same for all its sessions), compared without reading the event.
    var eventIdentity: ObjectIdentifier { ObjectIdentifier(eventBox) }
    /// The session, read in place in the agenda's array, which the event's box keeps alive: a
    /// `Session` is 224 bytes and some fifteen references, and a copy per exported session made
    /// the sessions' array ~22 MB at 100,000 sessions (what schedule.xml and schedule.json held
    /// at their peak besides the data) and cost its retains and releases.
    private let sessionAddress: UnsafePointer<Session>
    var session: Session { unsafeAddress { sessionAddress } }
    let timing: ExportTiming
    let zone: EventZone?

    /// `session` must point into one of `event.sessions`' arrays.
    init(event: EventBox, session: UnsafePointer<Session>, timing: ExportTiming, zone: EventZone?) {
        eventBox = event; sessionAddress = session; self.timing = timing; self.zone = zone
    }

    var uid: String { StableID.uid(session: session.id, event: event.id) }

    /// The local end when start and duration are stated. Counted through UTC, so that a session
    /// across a daylight-saving change ends at the right hour on the wall clock.
    var end: LocalDateTime? {
        guard case .clock(let start, let duration?, let zone) = timing else { return nil }
        guard let zone else { return start.adding(minutes: duration) }
        return zone.local(atUTC: zone.utcSeconds(of: start) + duration * 60)
    }

    /// The end as an instant (seconds since 1970 UTC), when start, duration and zone are stated.
    var endUTC: Int? {
        guard case .clock(let start, let duration?, let zone?) = timing else { return nil }
        return zone.utcSeconds(of: start) + duration * 60
    }
    var guid: String { StableID.guid(session: session.id, event: event.id) }

    /// `end` and `endUTC` together, with the zone asked once for the start's offset instead of
    /// once for each (an export writing both did the same look-ups twice), and the end's offset.
    var zonedEnd: (local: LocalDateTime, utc: Int, offset: Int)? {
        guard case .clock(let start, let duration?, let zone?) = timing else { return nil }
        let utc = zone.utcSeconds(of: start) + duration * 60
        let offset = zone.offsetSeconds(atUTC: utc)
        return (LocalDateTime(utcSeconds: utc + offset), utc, offset)
    }
}

/// What the sessions of one event share in the export.
private struct EventParts: Sendable {
    let box: EventBox
    let zone: EventZone?
    /// The event's days: when a session may be, when its source gives no day.
    let days: DateRange
}

/// One agenda group's sessions (in place in the array its event's box holds), and where the
/// first goes among all the export's sessions.
private struct SessionRun: @unchecked Sendable {
    let event: Int
    let sessions: UnsafeBufferPointer<Session>
    let start: Int
}

/// Makes the `ExportSession`s of a range of positions, in place in the array being made.
/// Unchecked: each worker initializes only its own range of the buffer.
private struct SessionFill: @unchecked Sendable {
    let events: [EventParts]
    let runs: [SessionRun]
    let buffer: UnsafeMutableBufferPointer<ExportSession>

    func fill(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        // The last run starting at or before the range: runs are in position order.
        var low = 0, high = runs.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if runs[middle].start <= range.lowerBound { low = middle } else { high = middle - 1 }
        }
        var run = low
        var position = range.lowerBound
        while position < range.upperBound {
            let current = runs[run]
            let event = events[current.event]
            let end = min(range.upperBound, current.start + current.sessions.count)
            while position < end {
                let session = current.sessions.baseAddress! + (position - current.start)
                (buffer.baseAddress! + position).initialize(to: ExportSession(
                    event: event.box, session: session,
                    timing: ExportContext.timing(session.pointee, eventDays: event.days, zone: event.zone), zone: event.zone))
                position += 1
            }
            run += 1
        }
    }
}

/// An event, held once for all its exported sessions, with the agenda's arrays of them: each
/// `ExportSession` reads its session in place there, and holds this box.
final class EventBox: Sendable {
    let event: Event
    let groups: [[Session]]
    /// The event's rooms by id (`DatasetIndex.rooms(of:)`): a session's room is then one look-up.
    let rooms: [String: Room]
    init(_ event: Event, groups: [[Session]], rooms: [String: Room]) { self.event = event; self.groups = groups; self.rooms = rooms }

    /// Each group's sessions, where they stay as long as this box does (the arrays are never
    /// changed: a box holds the only copies it reads through).
    func withGroups(_ body: (Int, UnsafeBufferPointer<Session>) -> Void) {
        for (index, group) in groups.enumerated() {
            group.withUnsafeBufferPointer { body(index, $0) }
        }
    }
}

/// What all exporters share: the selected sessions with their stable ids, and the dataset's words
/// for them in the chosen language.
///
/// A class, never changed once made: every exporter, talk writer and rendering closure holds it,
/// and copying a struct of a dozen references (the request, the words, the sessions…) retained
/// each of them, once per iCalendar description for instance.
final class ExportContext {
    let request: ExportRequest
    let labels: Labels
    let words: ExportWords
    /// The agenda's events, oldest first, each with its selected sessions (slot by slot, as the
    /// agenda groups them): a slice of `sessions`, not a copy.
    let events: [(event: Event, sessions: ArraySlice<ExportSession>)]

    var index: DatasetIndex { request.index }
    var language: Language { request.language }
    /// Every selected session, in the order of `events`.
    let sessions: [ExportSession]

    /// The sessions' numbers (frab's `id`), for schedule.xml and schedule.json only: the other
    /// formats skip a table of every session id of the dataset.
    let ordinals: ExportOrdinals?

    /// `ordinals`: number the sessions (`ordinal(of:)`), with the request's table if it has one,
    /// else one made on another thread while the sessions are prepared and laid out. With
    /// several workers (`concurrency`, for an export as large as its `minimumSessions`), the
    /// sessions are prepared in one contiguous part per worker at once.
    init(_ request: ExportRequest, ordinals numbered: Bool = false, concurrency: ExportConcurrency = .serial) {
        self.request = request
        labels = Labels(request.language)
        words = ExportWords(language: request.language)
        ordinals = numbered ? request.ordinals ?? ExportOrdinals(request.index.dataset) : nil
        // Each agenda group's sessions and where they start among all: what a worker needs to
        // find its part's first session.
        var events: [EventParts] = []
        var runs: [SessionRun] = []
        var ranges: [Range<Int>] = []
        var count = 0
        for part in request.agenda {
            let first = count
            let box = EventBox(part.event, groups: part.groups.map(\.sessions).filter { !$0.isEmpty },
                               rooms: request.index.rooms(of: part.event))
            events.append(EventParts(box: box,
                                     zone: EventZone(part.event.timeZone, days: DateRange(from: part.event.startDate, to: part.event.endDate)),
                                     days: DateRange(from: part.event.startDate, to: part.event.endDate)))
            box.withGroups { _, sessions in
                runs.append(SessionRun(event: events.count - 1, sessions: sessions, start: count))
                count += sessions.count
            }
            ranges.append(first..<count)
        }
        let total = count
        let workers = total >= concurrency.minimumSessions ? max(1, min(concurrency.workers, total / 64)) : 1
        let sessions = [ExportSession](unsafeUninitializedCapacity: total) { buffer, initialized in
            let fill = SessionFill(events: events, runs: runs, buffer: buffer)
            if workers == 1 {
                fill.fill(0..<total)
            } else {
                let size = (total + workers - 1) / workers
                DispatchQueue.concurrentPerform(iterations: workers) { part in
                    fill.fill(min(total, part * size)..<min(total, (part + 1) * size))
                }
            }
            initialized = total
        }
        self.sessions = sessions
        self.events = zip(request.agenda, ranges).map { ($0.event, sessions[$1]) }
    }

    /// 1-based position of the session in the whole dataset: frab's numeric `id`. It does not
    /// change with the filters, so the same session keeps its number in every export of the
    /// dataset. 0 in a context made without ordinals.
    func ordinal(of item: ExportSession) -> Int { ordinals?.table[item.session.id] ?? 0 }

    fileprivate static func timing(_ session: Session, eventDays: DateRange, zone: EventZone?) -> ExportTiming {
        if let start = session.start { return .clock(start: start, durationMinutes: session.checkedDurationMinutes, zone: zone) }
        if let day = session.day { return .day(day) }
        if let range = session.possibleDays { return .possibleDays(range) }
        return .duringEvent(eventDays)
    }

    // MARK: The dataset's words, in the chosen language

    func text(_ value: LocalizedText?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        let text = value.text(in: language)
        return text.isEmpty ? nil : text
    }

    func title(_ event: Event) -> String { event.title.text(in: language) }
    func title(_ item: ExportSession) -> String { item.session.title.text(in: language) }

    func roomName(_ item: ExportSession) -> String? {
        guard let id = item.session.room else { return nil }
        return text(item.eventRooms[id]?.name) ?? id
    }

    /// "Rio de Janeiro, Brazil", "Online", or nil when the dataset names no place.
    func whereabouts(_ event: Event) -> String? {
        if event.online { return labels.online }
        let parts = [text(index.place(of: event)?.name), text(index.country(of: event)?.name)].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    func trackNames(_ session: Session) -> [String] { session.tracks.map { text(index.tracksByID[$0]?.name) ?? $0 } }
    func technologyNames(_ session: Session) -> [String] {
        session.technologies.map { text(index.technologiesByID[$0]?.name) ?? $0 }
    }
    func personName(_ id: String) -> String { index.peopleByID[id]?.name ?? id }

    /// "Cláudia Thomaz (speaker)".
    func people(_ session: Session) -> [String] {
        session.people.map { "\(personName($0.person)) (\(labels.personRole($0.role)))" }
    }

    /// "Example Customs Administration (visited: its central laboratory)".
    func organisations(_ session: Session) -> [String] {
        session.organisations.map { link in
            let name = text(index.organisationsByID[link.organisation]?.name) ?? link.organisation
            let note = text(link.note).map { ": \($0)" } ?? ""
            return "\(name) (\(labels.organisationRole(link.role))\(note))"
        }
    }

    /// The text that says what a session is about: our description, else the published abstract.
    func about(_ session: Session) -> String? { text(session.description) ?? text(session.abstract) }

    /// The newest publication date among the dataset's sources: the day the data speaks for.
    /// Exports use it where a format wants a timestamp (iCalendar DTSTAMP, schedule version), so the
    /// same data always gives the same file. Nil when no source gives a date.
    var dataDate: CalendarDate? { index.dataset.sources.compactMap(\.published).max() }
}

import ConfDashTestSupport
import Foundation
@testable import ConfDashCore

/// Random small schedules for property tests. Seeded (SplitMix64), so a failure names its seed
/// and replays the same way. They mix everything exporters must get right: zones with and
/// without daylight saving (also half-hour and 45-minute offsets), fixed offsets, no zone;
/// starts with and without durations, after midnight and in spring-forward gaps; days only, spans,
/// no day; missing rooms; several tracks; text full of characters each format must escape.
struct ScheduleGenerator {
    private var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(state: seed) }

    static let zones: [String?] = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe",
                                   "Pacific/Chatham", "UTC", "+05:30", "-03:00", nil]
    private static let pieces = ["Opening", "panel", "Risk, data; and \"AI\"", "<b>bold</b> & co", "*stars* _under_ [link](x)",
                                 "=SUM(A1)", "+33 1 23", "-dash", "@user", "back\\slash", "Sécurité à Hanoï", "日本語のセッション",
                                 "👩‍👩‍👧 family", "tab\there", "two\nlines", "# hash", "1. item", "&amp; entity", "|pipe|",
                                 String(repeating: "long words go on ", count: 6)]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }

    /// The next day on or after `date` that the clocks of `zone` change on, within a year; nil for
    /// a zone without daylight saving (or a fixed offset).
    static func clockChange(after date: CalendarDate, in zone: String) -> CalendarDate? {
        guard let timeZone = TimeZone(identifier: zone),
              let change = timeZone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: TimeInterval(date.dayNumber * 86_400))),
              change.timeIntervalSince1970 < TimeInterval((date.dayNumber + 366) * 86_400) else { return nil }
        return TimeZones.local(at: Int(change.timeIntervalSince1970), in: timeZone).date
    }

    mutating func text() -> String {
        (1...int(1...3)).map { _ in pick(Self.pieces) }.joined(separator: " ")
    }

    mutating func dataset() -> Dataset {
        let tracks = (0..<int(0...3)).map { Track(id: "track-\($0)", name: LocalizedText(en: text())) }
        let events = (0..<int(1...3)).map { event(number: $0, tracks: tracks) }
        return Dataset(title: LocalizedText(en: text()), tracks: tracks, events: events)
    }

    private mutating func event(number: Int, tracks: [Track]) -> Event {
        var start = CalendarDate(year: int(2020...2030), month: int(1...12), day: int(1...28))!
        var end = start.adding(days: int(0...4))
        let rooms = (0..<int(0...3)).map { Room(id: "room-\($0)", name: LocalizedText(en: text())) }
        let zone = pick(Self.zones)
        // A third of the events in a zone with daylight saving take in a day its clocks change on,
        // so that sessions near 02:00 fall in the skipped hour, the repeated one, or across them.
        var changeDay: CalendarDate?
        if chance(33), let name = zone, let change = Self.clockChange(after: start, in: name) {
            let length = end.days(since: start)
            start = change.adding(days: -int(0...length))
            end = start.adding(days: length)
            changeDay = change
        }
        let id = "event-\(number)"
        let sessions = (0..<int(0...8)).map { index -> Session in
            let day = changeDay.flatMap { chance(50) ? $0 : nil } ?? start.adding(days: int(0...end.days(since: start)))
            var session = Session(id: "\(id)-session-\(index)", kind: pick(Session.Kind.allCases), title: LocalizedText(en: text()))
            switch int(0...5) {
            case 0, 1:
                // Some near 02:00, where clocks change.
                let hour = day == changeDay || chance(30) ? int(1...3) : int(0...23)
                session.start = LocalDateTime(date: day, time: ClockTime(hour: hour, minute: pick([0, 15, 30, 45, 5]))!)
                session.day = day
                if chance(80) { session.durationMinutes = pick([5, 30, 45, 60, 90, 120, 600]) }
            case 2: session.day = day; if chance(50) { session.partOfDay = pick(Session.PartOfDay.allCases) }
            case 3:
                let from = start.adding(days: int(0...end.days(since: start)))
                session.possibleDays = DateRange(from: from, to: from.adding(days: int(0...end.days(since: from))))
            default: break
            }
            if !rooms.isEmpty && chance(70) { session.room = pick(rooms).id }
            session.tracks = tracks.filter { _ in chance(40) }.map(\.id)
            if chance(50) { session.description = LocalizedText(en: text()) }
            if chance(20) { session.links = [Link(url: "https://example.org/\(id)/\(index)?a=1&b=2")] }
            return session
        }
        return Event(id: id, kind: .conference, title: LocalizedText(en: text()), startDate: start, endDate: end,
                     timeZone: zone, rooms: rooms, sessions: sessions)
    }
}

/// What the checker scripts in scripts/ read: the agenda and events JSON of `confdash agenda
/// --format json` and `confdash events --format json`, reduced to the keys they use, so that
/// generated datasets are checked by the same scripts as the CLI's output.
enum AgendaManifest {
    static func agenda(_ request: ExportRequest) -> [String: Any] {
        let sessions: [[String: Any]] = request.agenda.flatMap { part in
            part.allSessions.map { session in
                [
                    "id": session.id, "event": part.event.id, "title": session.title.text(in: request.language),
                    "day": session.day?.iso ?? NSNull(), "start": session.start?.description ?? NSNull(),
                    "possibleDays": session.possibleDays.map { ["from": $0.from.iso, "to": $0.to.iso] } ?? NSNull(),
                    "durationMinutes": session.durationMinutes ?? NSNull(),
                    "room": session.room.flatMap { id in part.event.rooms.first { $0.id == id }?.name.text(in: request.language) }
                        ?? NSNull(),
                ]
            }
        }
        return ["count": sessions.count, "sessions": sessions]
    }

    static func events(_ request: ExportRequest) -> [String: Any] {
        ["events": request.agenda.map { ["id": $0.event.id, "startDate": $0.event.startDate.iso, "endDate": $0.event.endDate.iso] }]
    }
}

import ConfDashBundledData
import ConfDashCore
import ConfDashUI
import Foundation

/// Inputs shared by the benchmarks, built once per process (outside any measurement).
public enum Fixtures {
    /// The bundled dataset, loaded and checked the way the binary does it.
    public static let bundledDataset: Dataset = {
        let result = DatasetLoader.load(json: BundledData.datasetJSON, name: BundledData.datasetName)
        guard let dataset = result.dataset else { fatalError("bundled dataset does not load: \(result.problems)") }
        return dataset
    }()

    public static let bundled = DatasetIndex(bundledDataset)
    public static let worldMap: WorldMap = {
        do { return try WorldMap(parsing: BundledData.worldMapText) } catch { fatalError("world map: \(error)") }
    }()

    /// The bundled dataset cloned `factor` times: every event and its sessions copied with new
    /// ids and shifted by whole weeks, so the timeline, the search and every index grow `factor`-fold.
    /// 10x: 50 events / 470 sessions; 100x: 500 events / 4,700 sessions.
    public static let x10 = DatasetIndex(scaled(bundledDataset, factor: 10))
    public static let x100 = DatasetIndex(scaled(bundledDataset, factor: 100))
    /// The bundled dataset plus one one-day event holding 1,200 sessions, made the most recent
    /// event so that the dashboard opens on it.
    public static let bigDay = DatasetIndex(withBigDay(bundledDataset, sessions: 1_200))

    /// A schedule the size and shape of 38C3 (issue 4), built in memory until the schedule.xml
    /// importer is on main: 4 days in Europe/Berlin, 1,007 timed talks in 24 rooms with a track,
    /// two speakers and a paragraph each, the last slots running past midnight.
    public static let c38Dataset = congressSized(sessions: 1_007)
    public static let c38 = DatasetIndex(c38Dataset)

    /// The real 38C3 schedule.xml (issue 4): `../shared/fixtures/schedules/38c3-schedule.xml`
    /// beside the repository, or the file CONFDASH_38C3_SCHEDULE names.
    public static let real38C3URL: URL = {
        if let path = ProcessInfo.processInfo.environment["CONFDASH_38C3_SCHEDULE"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        // Benchmarks/Sources/BenchmarkSupport/Fixtures.swift -> the repository -> its sibling shared/.
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/fixtures/schedules/38c3-schedule.xml")
    }()

    /// Opens a schedule the way `--data FILE` does (format detected from the content).
    public static func open(_ url: URL) -> Dataset {
        let result: LoadResult
        do { result = try DatasetImporter.load(contentsOf: url) } catch {
            fatalError("cannot read \(url.path) (set CONFDASH_38C3_SCHEDULE): \(error)")
        }
        guard let dataset = result.dataset else { fatalError("\(url.path) does not import: \(result.problems.prefix(5))") }
        return dataset
    }

    public static let real38C3Dataset = open(real38C3URL)

    /// A later version of the real 38C3 for change detection (issue 12: ≤ 20 ms): every session
    /// id renumbered (guids kept), one session moved an hour, one removed, one added, one retitled.
    public static let real38C3Edited: Dataset = {
        var dataset = real38C3Dataset
        var sessions = dataset.events[0].sessions
        for index in sessions.indices { sessions[index].id = "r" + sessions[index].id }
        sessions[10].start = sessions[10].start?.adding(minutes: 60)
        sessions[20].title = LocalizedText(en: (sessions[20].title.en ?? "") + " (updated)")
        var added = sessions[30]
        added.id = "late-addition"
        added.uid = "11111111-2222-5333-8444-555555555555"
        added.title = LocalizedText(en: "A late addition")
        sessions.remove(at: 40)
        sessions.append(added)
        dataset.events[0].sessions = sessions
        return dataset
    }()
    public static let real38C3 = DatasetIndex(real38C3Dataset)

    public static func index(_ name: DatasetName) -> DatasetIndex {
        switch name {
        case .real38C3: return real38C3
        case .bundled: return bundled
        case .x10: return x10
        case .x100: return x100
        case .bigDay: return bigDay
        case .c38: return c38
        case .generated1k: return GeneratedSchedules.index(.k1)
        case .generated10k: return GeneratedSchedules.index(.k10)
        case .generated100k: return GeneratedSchedules.index(.k100)
        }
    }

    public static func congressSized(sessions count: Int) -> Dataset {
        let start = CalendarDate(year: 2024, month: 12, day: 27)!
        let last = start.adding(days: 3)
        let rooms = (1...24).map { Room(id: "room-\($0)", name: LocalizedText(en: "Saal \($0)")) }
        let people = (1...400).map { Person(id: "person-\($0)", name: "Speaker \($0)") }
        let tracks = ["art", "ethics", "hardware", "science", "security", "entertainment", "ccc"].map {
            Track(id: $0, name: LocalizedText(en: $0.capitalized), color: "#336699")
        }
        let sessions = (0..<count).map { n -> Session in
            let day = start.adding(days: n % 4)
            let minutes = 10 * 60 + (n / 4 % 60) * 15          // 10:00 .. 24:45
            let time = LocalDateTime(date: day, time: ClockTime(hour: 0, minute: 0)!).adding(minutes: minutes)!
            return Session(
                id: "c38-\(n)", kind: .talk,
                title: LocalizedText(en: "Talk \(n): hardware, ethics & <markup> — ünïcödé"),
                day: time.date <= last ? time.date : nil, start: time, durationMinutes: [20, 40, 60][n % 3],
                room: rooms[n % rooms.count].id, language: n % 2 == 0 ? "en" : "de",
                description: LocalizedText(en: String(repeating: "A paragraph about the talk, with commas; and line breaks.\n", count: 4)),
                tracks: [tracks[n % tracks.count].id],
                people: [SessionPerson(person: people[n % 400].id, role: .speaker),
                         SessionPerson(person: people[(n * 7) % 400].id, role: .speaker)],
                links: [Link(url: "https://events.example.org/c38/talk-\(n)")])
        }
        let event = Event(id: "congress-sized", kind: .conference, title: LocalizedText(en: "Congress-sized schedule"),
                          startDate: start, endDate: last, timeZone: "Europe/Berlin",
                          days: (0..<4).map { EventDay(date: start.adding(days: $0)) }, rooms: rooms, sessions: sessions)
        return Dataset(title: LocalizedText(en: "Congress-sized schedule"), people: people, tracks: tracks, events: [event])
    }

    public static func scaled(_ dataset: Dataset, factor: Int) -> Dataset {
        var result = dataset
        result.events = []
        for copy in 0..<factor {
            for event in dataset.events {
                result.events.append(copy == 0 ? event : shifted(event, copy: copy, days: -7 * copy))
            }
        }
        return result
    }

    public static func withBigDay(_ dataset: Dataset, sessions count: Int, secondDay: Int = 20) -> Dataset {
        var result = dataset
        guard let template = dataset.events.max(by: { $0.startDate < $1.startDate }) else { return result }
        let date = template.endDate.adding(days: 60)
        var event = template
        event.id = "bench-big-day"
        event.title = LocalizedText(en: "Benchmark: \(count) sessions in one day", fr: "Banc d'essai : \(count) sessions en un jour")
        event.shortTitle = nil
        event.startDate = date
        event.endDate = date.adding(days: 1)
        event.days = [EventDay(date: date), EventDay(date: date.adding(days: 1))]
        let allSessions = dataset.events.flatMap(\.sessions)
        event.sessions = (0..<(count + secondDay)).map { i in
            var session = allSessions[i % allSessions.count]
            let day = i < count ? date : date.adding(days: 1)
            let slot = i < count ? i * 600 / count : (i - count) * 600 / max(secondDay, 1)
            session.id = "bench-big-day-s\(i)"
            session.day = day
            session.possibleDays = nil
            session.partOfDay = nil
            let minutes = 8 * 60 + slot        // spread 08:00 .. 18:00
            session.start = LocalDateTime(date: day, time: ClockTime(hour: minutes / 60, minute: minutes % 60)!)
            session.durationMinutes = 30
            return session
        }
        result.events.append(event)
        return result
    }

    private static func shifted(_ event: Event, copy: Int, days: Int) -> Event {
        var event = event
        event.id += "-c\(copy)"
        event.startDate = event.startDate.adding(days: days)
        event.endDate = event.endDate.adding(days: days)
        event.days = event.days.map { day in
            var day = day
            day.date = day.date.adding(days: days)
            return day
        }
        event.sessions = event.sessions.map { session in
            var session = session
            session.id += "-c\(copy)"
            session.day = session.day?.adding(days: days)
            session.possibleDays = session.possibleDays.map { DateRange(from: $0.from.adding(days: days), to: $0.to.adding(days: days)) }
            session.start = session.start.map { LocalDateTime(date: $0.date.adding(days: days), time: $0.time) }
            return session
        }
        return event
    }
}

public enum DatasetName: String, CaseIterable, Sendable {
    case bundled, x10, x100, bigDay, c38, real38C3
    /// scripts/generate-schedule.py's schedules (issue 13), imported from schedule.xml.
    case generated1k, generated10k, generated100k

    public var label: String {
        switch self {
        case .bundled: return "bundled"
        case .x10: return "x10"
        case .x100: return "x100"
        case .bigDay: return "1200-in-a-day"
        case .c38: return "38c3-sized"
        case .real38C3: return "38C3"
        case .generated1k: return "generated 1k"
        case .generated10k: return "generated 10k"
        case .generated100k: return "generated 100k"
        }
    }
}

/// One keystroke to measure: reach `prefix` first, then each sample is `key` + render from
/// that state; `undo` (not measured) brings the state back for the next sample.
public struct KeyCase: Sendable {
    public var name: String
    public var prefix: String
    public var key: Key
    public var undo: String

    /// The congress schedules have one event and no regions: `[`, `]` and Enter on a region
    /// have nothing to do there (the benchmarks check that every measured key changes the state).
    public func applies(to dataset: DatasetName) -> Bool {
        let congress = Self.singleEvent.contains(dataset)
        // The room grid needs clock times, which the WCO data (and its clones) do not state.
        if name.contains("room grid") { return ![.bundled, .x10, .x100].contains(dataset) }
        // The rooms pane (Places without WCO regions) exists only on the congress-shaped schedules.
        if name.hasPrefix("Right in rooms pane") || name.hasPrefix("Enter in rooms pane") { return congress }
        // The generated schedules have no tracks: nothing to narrow to.
        if name.hasPrefix("Enter in topics pane") { return ![.generated1k, .generated10k, .generated100k].contains(dataset) }
        // The days × hours timeline is drawn for one event with clock times.
        if name.hasSuffix("in timeline (next hour)") || name.hasSuffix("in timeline (next day)") { return congress }
        return !congress || !(name.hasPrefix("[") || name.hasPrefix("]") || name.hasPrefix("Enter on regions"))
    }

    /// The congress-shaped schedules: one event, no regions.
    static let singleEvent: Set<DatasetName> = [.c38, .real38C3, .generated1k, .generated10k, .generated100k]

    public static let all: [KeyCase] = [
        KeyCase(name: "j", prefix: "", key: .character("j"), undo: "k"),
        KeyCase(name: "k", prefix: "j", key: .character("k"), undo: "j"),
        KeyCase(name: "Right (next day)", prefix: "", key: .right, undo: "Left"),
        KeyCase(name: "Left (previous day)", prefix: "Right", key: .left, undo: "Right"),
        KeyCase(name: "Tab", prefix: "", key: .tab, undo: "BTab"),
        KeyCase(name: "[ (previous event)", prefix: "", key: .character("["), undo: "]"),
        KeyCase(name: "] (next event)", prefix: "[", key: .character("]"), undo: "["),
        KeyCase(name: "/ type 1st char", prefix: "/", key: .character("c"), undo: "BSpace"),
        KeyCase(name: "/ type 7th char", prefix: "/ custom", key: .character("s"), undo: "BSpace"),
        KeyCase(name: "Enter on regions", prefix: "3", key: .enter, undo: "Escape"),
        KeyCase(name: "Enter (agenda detail)", prefix: "", key: .enter, undo: "Escape"),
        KeyCase(name: "t (track picker)", prefix: "", key: .character("t"), undo: "Escape"),
        KeyCase(name: "? (help)", prefix: "", key: .character("?"), undo: "Escape"),
        KeyCase(name: "PageDown", prefix: "", key: .pageDown, undo: "PageUp"),
        KeyCase(name: "End (last session)", prefix: "", key: .end, undo: "Home"),
        KeyCase(name: "L (language)", prefix: "", key: .character("L"), undo: "L"),
        // Issue 13's other keys: room grid, filters, stars.
        KeyCase(name: "r (room grid)", prefix: "", key: .character("r"), undo: "r"),
        KeyCase(name: "j in the room grid", prefix: "r", key: .character("j"), undo: "k"),
        KeyCase(name: "Enter in the track picker (apply a filter)", prefix: "t Space", key: .enter, undo: "Escape t Space"),
        KeyCase(name: "Escape (remove the track filter)", prefix: "t Space Enter", key: .escape, undo: "t Space Enter"),
        // Issue 11's star toggle: star then unstar first, so that undoing leaves the same message.
        KeyCase(name: "s (star toggle)", prefix: "ss", key: .character("s"), undo: "s"),
        // Issue 10: the rooms and tracks panes (Places and Topics on a congress), z.
        KeyCase(name: "j in places pane", prefix: "3", key: .character("j"), undo: "k"),
        KeyCase(name: "Right in rooms pane (next day)", prefix: "3", key: .right, undo: "Left"),
        KeyCase(name: "j in topics pane", prefix: "4", key: .character("j"), undo: "k"),
        KeyCase(name: "z (maximise)", prefix: "", key: .character("z"), undo: "z"),
        // Issue 10, round 2: the other keys of those panes and of the days × hours timeline.
        KeyCase(name: "Enter in rooms pane (room filter)", prefix: "3", key: .enter, undo: "Enter"),
        KeyCase(name: "Enter in topics pane (filter)", prefix: "4", key: .enter, undo: "Enter"),
        // Issue 13: a room filter on top of a track filter (the lanes and counts of both).
        KeyCase(name: "Enter in rooms pane under a track filter", prefix: "t Space Enter 3", key: .enter, undo: "Enter"),
        KeyCase(name: "Right in timeline (next hour)", prefix: "2", key: .right, undo: "Left"),
        KeyCase(name: "j in timeline (next day)", prefix: "2", key: .character("j"), undo: "k"),
    ]
}

extension DashboardStore {
    public func press(_ keys: String) {
        for key in Key.parseSequence(keys) { _ = handle(key) }
    }
}

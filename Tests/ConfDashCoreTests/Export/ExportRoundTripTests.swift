import Foundation
import Testing
@testable import ConfDashCore

/// Round trip: export, import what was exported, and get the same sessions back (issue 4).
///
/// One file is one conference: the importers read a schedule or calendar into one event, so the
/// round trip is taken one event at a time (an export of several events is one file whose
/// sessions the importer puts in one event, in one zone).
enum RoundTrip {
    /// Reads an export back into a dataset.
    static let importer: @Sendable (_ text: String, _ format: ExportFormat) throws -> Dataset = { text, format in
        let input: InputFormat = format == .ics ? .ics : (format == .xml ? .xml : .json)
        let result = DatasetImporter.load(data: Data(text.utf8), name: "round-trip.\(format)", format: input)
        guard let dataset = result.dataset else { throw ImportFailed(problems: result.problems) }
        return dataset
    }

    struct ImportFailed: Error, CustomStringConvertible {
        var problems: [LoadProblem]
        var description: String { problems.map(\.description).joined(separator: "\n") }
    }

    /// The formats the importers read.
    static let formats: [ExportFormat] = [.ics, .xml, .json]

    /// The export of one event of `request`'s dataset, as `confdash export --event` selects it.
    static func request(_ request: ExportRequest, event: String) -> ExportRequest {
        let filter = AgendaFilter(events: [event])
        return ExportRequest(index: request.index, agenda: AgendaQuery(index: request.index).agenda(filter), language: request.language,
                             filter: filter, generatorVersion: request.generatorVersion)
    }

    /// What a format carries of a session, compared before and after the round trip.
    struct Facts: Equatable, CustomStringConvertible {
        var title: String
        var start: LocalDateTime?
        var durationMinutes: Int?
        /// The days the session may fall on, and whether the source says which one.
        var days: DateRange
        var dayStated: Bool
        var room: String?
        var tracks: [String]

        var description: String { "\(title) \(start.map { "\($0)" } ?? "-") \(durationMinutes ?? 0)min \(days.from)…\(days.to) \(dayStated) \(room ?? "-") \(tracks)" }
    }

    /// The facts `format` keeps, by session id, for the sessions it exports.
    static func facts(_ request: ExportRequest, format: ExportFormat) -> [String: Facts] {
        let context = ExportContext(request)
        var result: [String: Facts] = [:]
        for item in context.sessions {
            var facts = Facts(title: line(context.title(item)), start: nil, durationMinutes: nil, days: item.timing.days,
                              dayStated: item.timing.dayIsStated, room: context.roomName(item).map(MarkupCleaner.cleanLine).flatMap { $0.isEmpty ? nil : $0 },
                              tracks: names(context.trackNames(item.session)))
            if case .clock(let start, let duration, let zone) = item.timing {
                // A start in the hour the clocks skip is the instant RFC 5545 makes of it (the offset
                // before the gap), which every format writes; read back, it shows as the clock does then.
                facts.start = zone.map { $0.local(atUTC: $0.utcSeconds(of: start)) } ?? start
                facts.durationMinutes = duration
                if format != .ics && (duration == nil || zone == nil) { continue }  // left out of schedules
            } else if format != .ics {
                continue
            }
            if format != .ics { facts.tracks = Array(facts.tracks.prefix(1)) }  // one track per frab event
            // iCalendar puts the event's place in LOCATION when no room is stated.
            if format == .ics && facts.room == nil { facts.room = context.whereabouts(item.event) }
            result[item.session.id] = facts
        }
        return result
    }

    /// A title or name as every importer keeps it: one line, entities decoded (MarkupCleanerTests),
    /// so the facts of an imported session are compared with the clean line of the original.
    static func line(_ text: String) -> String {
        let clean = MarkupCleaner.cleanLine(text)
        return clean.isEmpty ? "(untitled)" : clean
    }

    /// Track names as sessions name them in a file: one each, compared without case (`Security` and
    /// `security` are one track to an importer), in the session's order.
    static func names(_ tracks: [String]) -> [String] {
        var seen = Set<String>()
        return tracks.map(MarkupCleaner.cleanLine).filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }
}

@Suite("Export: round trip through the importers")
struct ExportRoundTripTests {
    @Test("export → import gives back the same sessions", arguments: ExportPropertyTests.seeds)
    func roundTrip(seed: UInt64) throws {
        try Self.roundTrip(ExportPropertyTests.request(seed: seed), "seed \(seed)")
    }

    /// The export fixture has what the generator only reaches now and then: a session across the
    /// change to summer time, a fixed offset, floating time, a day only, a span of days, no day.
    @Test("export → import gives back the fixture's sessions, across the change to summer time too")
    func fixture() throws {
        try Self.roundTrip(ExportFixture.request(), "fixture")
        let imported = try RoundTrip.importer(ExportFixture.export(.xml, filter: AgendaFilter(events: ["zoned-conf"])).text, .xml)
        let summer = try #require(imported.events.first?.sessions.first { $0.id == "z-summer-time" })
        #expect(summer.start == LocalDateTime(iso: "2025-03-30T01:30") && summer.durationMinutes == 120, "01:30 CET to 04:30 CEST is 2 hours")
    }

    @Test("export → import: sessions at the hours clocks change keep their instants and lengths")
    func clockChanges() throws {
        try Self.roundTrip(ExportFixture.request(ExportFixture.clockChanges), "clock changes")
        let ics = ExportFixture.export(.ics, ExportFixture.clockChanges).text
        #expect(ics.contains("DTEND:20241103T060000Z\r\n"), "01:00 EST, the second time round, is written in UTC")
        for format in RoundTrip.formats {
            let text = ExportFixture.export(format, ExportFixture.clockChanges, filter: AgendaFilter(events: ["spring-night"])).text
            let skipped = try #require(RoundTrip.importer(text, format).events.first?.sessions.first { $0.id == "in-skipped-hour" })
            #expect(skipped.start == LocalDateTime(iso: "2025-03-30T03:30") && skipped.durationMinutes == 30, "\(format)")
        }
    }

    static func roundTrip(_ whole: ExportRequest, _ name: String) throws {
        for event in whole.index.dataset.events {
            let request = RoundTrip.request(whole, event: event.id)
            for format in RoundTrip.formats {
                let place = "\(name), \(event.id), \(format)"
                let expected = RoundTrip.facts(request, format: format)
                let imported = try RoundTrip.importer(Exporter.export(request, as: format).text, format)
                let back = RoundTrip.facts(ExportRequest(index: DatasetIndex(imported), language: .en, generatorVersion: "test"), format: .ics)
                // Each session comes back under its own id: iCalendar UIDs and frab slugs carry it
                // (`<id>@<event>.confdash`, `<acronym>-<id>`).
                let unknown = Set(back.keys).subtracting(expected.keys)
                #expect(unknown.isEmpty, "\(place): \(unknown.sorted()) came from nowhere")
                #expect(back.count == expected.count, "\(place)")
                for (id, facts) in expected {
                    var got = back[id]
                    if format != .ics, var facts = got {
                        facts.tracks = Array(facts.tracks.prefix(1))
                        got = facts
                    }
                    #expect(got == facts, "\(place), \(id)")
                }
            }
        }
    }
}

/// The real 38C3 schedule.xml, imported, exported in each format the importers read and imported
/// again: the same 1007 sessions, with their ids, titles, starts, durations and rooms.
@Suite("Export: round trip of a real schedule")
struct RealScheduleRoundTripTests {
    struct Kept: Equatable, CustomStringConvertible {
        var title: String
        var start: LocalDateTime?
        var durationMinutes: Int?
        var room: String?
        /// The conference day; iCalendar has no field for it (a session after midnight is on its date there).
        var day: CalendarDate?
        var description: String { "\(title) \(start.map { "\($0)" } ?? "-") \(durationMinutes ?? 0)min \(room ?? "-") \(day.map { "\($0)" } ?? "-")" }
    }

    static func kept(_ dataset: Dataset) -> [String: Kept] {
        var result: [String: Kept] = [:]
        for event in dataset.events {
            for session in event.sessions {
                result[session.id] = Kept(title: session.title.text(in: .en), start: session.start, durationMinutes: session.durationMinutes,
                                          room: event.roomName(session.room), day: session.day)
            }
        }
        return result
    }

    @Test("38C3: schedule.xml → xml, json, ics → the same 1007 sessions")
    func chaosCommunicationCongress() throws {
        guard let loaded = try RealSchedules.load("38c3-schedule.xml") else { return }  // says loudly that it did not run
        let original = try #require(loaded.dataset, "\(loaded.problems.prefix(3))")
        let expected = Self.kept(original)
        try #require(expected.count == 1007)
        let request = ExportRequest(index: DatasetIndex(original), language: .en, generatorVersion: "test")
        for format in RoundTrip.formats {
            let result = Exporter.export(request, as: format)
            #expect(result.exportedSessions == 1007, "\(format): \(result.notes)")
            let back = try Self.kept(RoundTrip.importer(result.text, format))
            #expect(back.count == 1007, "\(format)")
            var differing = 0
            for (id, session) in expected {
                var got = back[id]
                if format == .ics { got?.day = session.day }
                if got != session {
                    differing += 1
                    if differing <= 5 { Issue.record("\(format), \(id): \(got.map { "\($0)" } ?? "missing") instead of \(session)") }
                }
            }
            #expect(differing == 0, "\(format): \(differing) sessions differ")
        }
    }
}

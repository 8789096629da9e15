import ConfDashCore
import ConfDashTestSupport
import Foundation
import Testing
@testable import ConfDashCLI

/// `SessionJSON` writes a session's record straight from the model: its bytes must be those of
/// the `SessionRecord` that `RecordBuilder.session(_:of:)` makes, for every session, in both
/// languages, on the event's clock and converted (--tz), on real schedules and awkward ones.
@Suite("Session JSON written from the model")
struct SessionJSONTests {
    private static let clocks: [ClockDisplay] = [
        .eventZone, .zone(TimeZone(identifier: "America/New_York")!), .zone(TimeZone(identifier: "Pacific/Kiritimati")!),
    ]

    private func written<T: JSONBytesWritable>(_ value: T) -> [UInt8] {
        var writer = JSONBytesWriter()
        value.write(to: &writer)
        return writer.bytes
    }

    /// Every session of `index`, each clock and language: the two writings agree byte for byte.
    private func expectSameBytes(_ index: DatasetIndex, clocks: [ClockDisplay] = clocks) {
        var compared = 0
        for language in Language.allCases {
            for clock in clocks {
                var builder = RecordBuilder(index: index, language: language)
                builder.clock = clock
                for event in index.dataset.events {
                    let part = SessionJSON.EventPart(event, builder: builder)
                    for session in event.sessions {
                        let direct = written(SessionJSON(session: session, part: part))
                        let record = written(builder.session(session, of: event))
                        if direct != record {
                            Issue.record("\(event.id)/\(session.id) \(language) \(clock): \(String(decoding: direct, as: UTF8.self))")
                            return
                        }
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 0)
    }

    @Test func bundledData() throws {
        expectSameBytes(try DataOptions.parse([]).loadIndex(CommandIO(out: { _ in }, err: { _ in })))
    }

    @Test(arguments: ["38c3-schedule.xml"])
    func realSchedule(name: String) throws {
        guard let path = ImportCommandTests.schedule(name) else { return }
        expectSameBytes(DatasetIndex(try #require(DatasetImporter.load(contentsOf: URL(fileURLWithPath: path)).dataset)))
    }

    @Test func generatedSchedule() throws {
        guard let path = JSONBytesWriterTests.generatedSchedule else { return }
        expectSameBytes(DatasetIndex(try #require(DatasetImporter.load(contentsOf: URL(fileURLWithPath: path)).dataset)),
                        clocks: [.eventZone, .zone(TimeZone(identifier: "Asia/Kolkata")!)])
    }

    /// The bundled sessions made awkward, seeded: dates at the ends of the years (and past year
    /// 9999, which `iso` writes its own way), spans, day bases, times near midnight and at a
    /// change of the clocks, unknown people, organisations, sources, rooms and tracks, hostile
    /// text, empty lists, no zone at all.
    @Test func awkwardSessions() throws {
        let bundled = try DataOptions.parse([]).loadIndex(CommandIO(out: { _ in }, err: { _ in }))
        var random = SeededGenerator(state: 13)
        let hostile = JSONBytesWriterTests.hostile
        let dates = [CalendarDate(dayNumber: 0), CalendarDate(dayNumber: 3_000_000), CalendarDate(dayNumber: -800_000),
                     CalendarDate(year: 1, month: 1, day: 1)!, CalendarDate(year: 9999, month: 12, day: 31)!,
                     CalendarDate(year: 2024, month: 3, day: 31)!, CalendarDate(year: 2024, month: 10, day: 27)!]
        let times = [ClockTime(hour: 0, minute: 0)!, ClockTime(hour: 23, minute: 59)!, ClockTime(hour: 2, minute: 30)!,
                     ClockTime(hour: 12, minute: 5)!]
        var dataset = bundled.dataset
        for e in dataset.events.indices {
            if random.next() % 4 == 0 { dataset.events[e].timeZone = nil }
            if random.next() % 5 == 0 { dataset.events[e].timeZone = "Europe/Berlin" }
            for s in dataset.events[e].sessions.indices {
                var session = dataset.events[e].sessions[s]
                func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
                if random.next() % 2 == 0 { session.day = random.next() % 3 == 0 ? nil : pick(dates) }
                if random.next() % 3 == 0 {
                    session.possibleDays = random.next() % 3 == 0 ? nil : DateRange(from: pick(dates), to: pick(dates))
                }
                if random.next() % 3 == 0 {
                    session.start = random.next() % 4 == 0 ? nil : LocalDateTime(date: pick(dates), time: pick(times))
                    session.durationMinutes = pick([nil, 0, 30, 90, 24 * 60 * 3, -40, Int.max / 2])
                }
                if random.next() % 3 == 0 {
                    session.dayBasis = DayBasis(quote: pick([nil, hostile, ""]), inferred: random.next() % 2 == 0,
                                                reason: pick([nil, LocalizedText(en: hostile, fr: "r"), LocalizedText(en: "", fr: "")]))
                }
                if random.next() % 3 == 0 {
                    session.people += [SessionPerson(person: "nobody-\(hostile)", role: .speaker)]
                    session.organisations += [SessionOrganisation(organisation: "no-org", role: .host, note: LocalizedText(en: hostile, fr: ""))]
                    session.sources += ["no-source", hostile]
                    session.tracks += ["no-track", session.tracks.first ?? "x"]
                    session.technologies += ["no-tech"]
                    session.room = pick([nil, "no-room", hostile])
                    session.links += [Link(url: hostile, title: pick([nil, LocalizedText(en: hostile, fr: "l")]))]
                }
                if random.next() % 4 == 0 {
                    session.tracks = []; session.technologies = []; session.people = []; session.organisations = []
                    session.links = []; session.sources = []
                }
                if random.next() % 4 == 0 {
                    session.title = LocalizedText(en: hostile, fr: "")
                    session.abstract = LocalizedText(en: hostile, fr: hostile + "é")
                    session.description = LocalizedText(en: "", fr: "")
                    session.language = hostile
                    session.count = pick([nil, 0, -1, Int.max, Int.min])
                }
                dataset.events[e].sessions[s] = session
            }
        }
        expectSameBytes(DatasetIndex(dataset))
    }
}

import ConfDashTestSupport
import Foundation
import Testing
@testable import ConfDashCore

@Suite("Loading never crashes")
struct RobustnessTests {
    @Test func everyTruncationIsReportedNotCrashed() {
        let bytes = Array(LoaderFixture.valid.utf8)
        let lineCount = bytes.filter { $0 == 0x0A }.count + 1
        for end in 0..<bytes.count {
            let result = DatasetLoader.load(data: Data(bytes[..<end]), name: "cut.json")
            checkLoadInvariants(result, lineCount: lineCount, "cut at \(end)")
            #expect(result.dataset == nil, "cut at \(end)")
        }
    }

    @Test func randomByteMutations() {
        var random = SeededGenerator(state: 20241112)
        let original = Array(LoaderFixture.valid.utf8)
        let interesting = Array("{}[]\",:\\/0123456789eE-+.tfnu \n\t".utf8) + [0x00, 0x80, 0xC3, 0xE2, 0xED, 0xF4, 0xFF]
        for round in 0..<400 {
            var bytes = original
            mutate(&bytes, edits: 1...3, interesting: interesting, longestCopy: 40, using: &random)
            checkLoadInvariants(DatasetLoader.load(data: Data(bytes), name: "mutated.json"), lineCount: lineCount(of: bytes), "round \(round)")
        }
    }

    /// Byte noise mostly breaks the syntax; swapping whole values for values of other types reaches
    /// every reader instead.
    @Test func randomValueSwaps() throws {
        var random = SeededGenerator(state: 42)
        guard case let .success(tree) = JSONParser.parse(LoaderFixture.valid) else {
            Issue.record("fixture does not parse")
            return
        }
        let replacements: [JSONValue.Content] = [
            .null, .bool(true), .number("0"), .number("-1"), .number("2.5"), .number("1e999"), .string(""), .string("x"),
            .string("2024-11-13"), .array([]), .object([]), .array([JSONValue(.string("s1"), at: JSONPosition(line: 1, column: 1))]),
        ]
        var reported = 0
        for round in 0..<300 {
            var count = 0
            let mutated = tree.mapNodes { node in
                count += 1
                guard Int.random(in: 0..<40, using: &random) == 0 else { return node }
                return JSONValue(replacements.randomElement(using: &random)!, at: node.position)
            }
            let text = mutated.serialized()
            let result = DatasetLoader.load(json: text, name: "swapped.json")
            checkLoadInvariants(result, lineCount: 1, "round \(round): \(text)")
            reported += result.problems.count
        }
        #expect(reported > 300)
    }

    @Test func pathologicalObjectsStayLinear() throws {
        let unknown = (0..<20_000).map { "\"unknownKey\($0)\": 1" }.joined(separator: ",")
        let duplicated = (0..<20_000).map { _ in "\"title\": {\"en\": \"x\"}" }.joined(separator: ",")
        let json = #"{"format": "confdash-dataset", "version": 1, "events": [], "#
            + unknown + "," + duplicated + "}"
        let clock = ContinuousClock()
        var result: LoadResult?
        let elapsed = clock.measure { result = DatasetLoader.load(json: json, name: "big.json") }
        #expect(result?.warnings.count == 20_000)
        #expect(result?.errors.count == 19_999)
        #expect(elapsed < .seconds(10 * testTimeoutScale), "took \(elapsed)")
    }

    @Test func largeDatasetRoundTripsQuickly() throws {
        let dataset = LargeDataset.make(events: 24, sessionsPerEvent: 20)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(dataset)
        #expect(data.count > 200_000)

        let clock = ContinuousClock()
        var result: LoadResult?
        let elapsed = clock.measure { result = DatasetLoader.load(data: data, name: "large.json") }
        #expect(result?.problems.isEmpty == true, "\(result?.problems.prefix(5) ?? [])")
        #expect(result?.dataset == dataset)
        // Generous, for unoptimised builds on slow machines; a release build takes a few milliseconds.
        #expect(elapsed < .seconds(5 * testTimeoutScale), "loading \(data.count) bytes took \(elapsed)")
    }
}

extension JSONValue {
    /// Rebuilds the tree bottom-up, letting `transform` replace any node.
    func mapNodes(_ transform: (JSONValue) -> JSONValue) -> JSONValue {
        var copy = self
        switch content {
        case let .array(items): copy.content = .array(items.map { $0.mapNodes(transform) })
        case let .object(members):
            copy.content = .object(members.map { JSONMember(key: $0.key, keyPosition: $0.keyPosition, value: $0.value.mapNodes(transform)) })
        default: break
        }
        return transform(copy)
    }

    func serialized() -> String {
        switch content {
        case .null: return "null"
        case let .bool(flag): return flag ? "true" : "false"
        case let .number(text): return text
        case let .string(text): return Self.quote(text)
        case let .array(items): return "[" + items.map { $0.serialized() }.joined(separator: ",") + "]"
        case let .object(members):
            return "{" + members.map { Self.quote($0.key) + ":" + $0.value.serialized() }.joined(separator: ",") + "}"
        }
    }

    private static func quote(_ text: String) -> String {
        let data = try! JSONEncoder().encode(text)
        return String(decoding: data, as: UTF8.self)
    }
}

/// A dataset the size of a real one, with every field used.
enum LargeDataset {
    static func make(events eventCount: Int, sessionsPerEvent: Int) -> Dataset {
        func text(_ base: String) -> LocalizedText { LocalizedText(en: "\(base) (en)", fr: "\(base) (fr) — é") }
        let day0 = CalendarDate(year: 2024, month: 1, day: 8)!
        var dataset = Dataset(title: text("WCO events"), description: text("All of them"))
        dataset.sources = (0..<20).map { Source(id: "src-\($0)", kind: .seed, file: "00\($0).txt", title: text("Source \($0)"),
                                                published: day0, language: "en", note: text("note")) }
        dataset.regions = (0..<6).map { Region(id: "region-\($0)", name: text("Region \($0)"), abbreviation: text("R\($0)"), sources: ["src-1"]) }
        dataset.countries = (0..<26).map { index in
            let letter = String(UnicodeScalar(UInt8(65 + index)))
            return Country(code: "X" + letter, code3: "XX" + letter, name: text("Country \(index)"), region: "region-\(index % 6)",
                           sources: ["src-2"])
        }
        dataset.places = (0..<26).map { Place(id: "place-\($0)", name: text("City \($0)"), country: dataset.countries[$0].code,
                                              latitude: Double($0) * 3.25 - 40, longitude: Double($0) * 6.5 - 80, sources: ["src-3"]) }
        dataset.organisations = (0..<60).map { Organisation(id: "org-\($0)", name: text("Org \($0)"), acronym: text("O\($0)"),
                                                            kind: .customsAdministration, country: dataset.countries[$0 % 26].code,
                                                            region: "region-\($0 % 6)", parent: $0 == 0 ? nil : "org-0", sources: ["src-4"]) }
        dataset.people = (0..<150).map { Person(id: "person-\($0)", name: "Person \($0)", role: text("Director"), organisation: "org-\($0 % 60)",
                                                sources: ["src-5"]) }
        dataset.tracks = (0..<8).map { Track(id: "track-\($0)", name: text("Track \($0)"), description: text("About"), color: "#A0B1C\($0)") }
        dataset.technologies = (0..<12).map { Technology(id: "tech-\($0)", name: text("Tech \($0)"), aliases: ["T\($0)", "t\($0)"],
                                                         description: text("What")) }
        dataset.events = (0..<eventCount).map { number in
            let start = day0.adding(days: number * 30)
            let sessions = (0..<sessionsPerEvent).map { index in
                Session(id: "e\(number)-s\(index)", kind: .panel, title: text("Session \(index)"), officialTitle: index % 2 == 0,
                        count: index % 5 == 0 ? 3 : nil, day: index % 3 == 0 ? start.adding(days: index % 3) : nil,
                        possibleDays: index % 3 == 1 ? DateRange(from: start, to: start.adding(days: 1)) : nil,
                        partOfDay: .afternoon,
                        start: index % 3 == 0 ? LocalDateTime(date: start.adding(days: index % 3), time: ClockTime(hour: 14, minute: 30)!) : nil,
                        durationMinutes: 45, room: "room-\(index % 2)", language: "fr", description: text("Description \(index)"),
                        abstract: text("Abstract"), tracks: ["track-\(index % 8)"], technologies: ["tech-\(index % 12)"],
                        people: [SessionPerson(person: "person-\(index % 150)", role: .panellist)],
                        organisations: [SessionOrganisation(organisation: "org-\(index % 60)", role: .contributor, note: text("rep"))],
                        links: [Link(url: "https://example.org/\(number)/\(index)", title: text("Slides"))], sources: ["src-\(index % 20)"])
            }
            return Event(id: "event-\(number)", kind: .conference, series: text("Series"), title: text("Event \(number)"),
                         shortTitle: text("E\(number)"), theme: text("Theme"), startDate: start, endDate: start.adding(days: 2),
                         timeZone: "+01:00", online: number % 4 == 0, place: "place-\(number % 26)",
                         country: dataset.countries[number % 26].code, region: "region-\(number % 6)",
                         organisations: [EventOrganisation(organisation: "org-\(number % 60)", role: .host, sources: ["src-6"])],
                         figures: [Figure(measure: .participants, value: 1000 + number, qualifier: .about, note: text("registered"),
                                          sources: ["src-7"])],
                         technologies: ["tech-\(number % 12)"], description: text("About the event"),
                         days: [EventDay(date: start.adding(days: 1), theme: text("AI Day"), sources: ["src-8"])],
                         rooms: [Room(id: "room-0", name: text("Hall")), Room(id: "room-1", name: text("Room B"))],
                         links: [Link(url: "https://example.org/\(number)", title: text("Site"))], sessions: sessions, sources: ["src-9"])
        }
        return dataset
    }
}

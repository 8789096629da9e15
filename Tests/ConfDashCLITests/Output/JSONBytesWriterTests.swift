import ConfDashCore
import ConfDashTestSupport
import Foundation
import Testing
@testable import ConfDashCLI

/// `agenda --format json` writes its records straight into bytes (`JSONBytesWriter`); the bytes
/// must be `PrettyJSONEncoder`'s for the same records, on every shape and on real schedules.
@Suite("JSON bytes writer")
struct JSONBytesWriterTests {
    private func written<T: JSONBytesWritable>(_ value: T) -> String {
        var writer = JSONBytesWriter()
        value.write(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private func encoded<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try PrettyJSONEncoder.encode(value), as: UTF8.self)
    }

    static let hostile = PrettyJSONEncoderTests.hostile

    static func session(_ text: String, full: Bool) -> SessionRecord {
        SessionRecord(
            event: "e-\(text)", eventTitle: "Event \(text)", eventShortTitle: full ? "E\(text)" : nil, id: "s\(text)",
            title: "Title \(text)", officialTitle: full, titleTranslated: !full, groupTopic: full, kind: "talk",
            kindLabel: "Talk \(text)", count: full ? 12 : nil, day: full ? "2024-12-28" : nil, dayIndex: full ? 1 : nil,
            possibleDays: full ? DayRangeRecord(from: "2024-12-27", to: "2024-12-28", fromIndex: 0, toIndex: nil) : nil,
            dayBasis: full ? DayBasisRecord(quote: text, inferred: true, reason: nil) : nil,
            partOfDay: full ? "afternoon" : nil, start: full ? "11:00" : nil, end: full ? "11:40" : nil,
            timeZone: full ? "Europe/Berlin" : nil, durationMinutes: full ? -40 : nil, room: full ? "Saal \(text)" : nil,
            tracks: full ? [IDName(id: "t", name: text), IDName(id: "u", name: "")] : [],
            technologies: full ? [IDName(id: "x", name: "X")] : [],
            people: full ? [SessionPersonRecord(id: "p", name: text, role: "speaker", title: nil,
                                                organisation: IDName(id: "o", name: text)),
                            SessionPersonRecord(id: "q", name: "Q", role: "moderator", title: "Dr \(text)", organisation: nil)] : [],
            organisations: full ? [SessionOrganisationRecord(id: "o", name: text, role: "host", note: text)] : [],
            description: full ? text : nil, abstract: full ? "Abstract \(text)\n\nmore" : nil, language: full ? "de" : nil,
            links: full ? [LinkRecord(url: "https://example.org/\(text)", title: nil), LinkRecord(url: "u", title: text)] : [],
            sources: full ? ["a.txt", text] : [])
    }

    @Test func sameBytesAsTheEncoderOnEveryRecordShape() throws {
        let sessions = [Self.session(Self.hostile, full: true), Self.session("", full: false), Self.session("plain", full: true)]
        let matches = [EventMatchRecord(event: "e", eventTitle: Self.hostile, fields: ["theme", "place"]),
                       EventMatchRecord(event: "f", eventTitle: "", fields: [])]
        for output in [AgendaOutput(lang: "fr", count: 3, sessions: sessions, eventMatches: matches),
                       AgendaOutput(lang: "en", count: 0, sessions: [], eventMatches: [])] {
            #expect(written(output) == (try encoded(output)))
        }
        for session in sessions { #expect(written(session) == (try encoded(session))) }
    }

    @Test func integersAndLiterals() throws {
        let numbers = [0, 1, -1, 9, 10, -10, 1_234_567_890, Int.max, Int.min]
        #expect(written(numbers) == (try encoded(numbers)))
        #expect(written([true, false]) == (try encoded([true, false])))
        #expect(written([String?.none, "a"]) == (try encoded([String?.none, "a"])))
        #expect(written([[String]]()) == (try encoded([[String]]())))
        #expect(written([[String](), ["a"]]) == (try encoded([[String](), ["a"]])))
    }

    /// Given a sink, the writer hands on pieces between list items; together they are the whole.
    @Test func piecesMakeTheWhole() throws {
        let sessions = (0..<400).map { Self.session("\($0) \(Self.hostile)", full: $0 % 3 != 0) }
        let output = AgendaOutput(lang: "en", count: sessions.count, sessions: sessions, eventMatches: [])
        var pieces: [[UInt8]] = []
        var writer = JSONBytesWriter { pieces.append(Array($0)) }
        output.write(to: &writer)
        writer.finish()
        #expect(pieces.count > 2)
        #expect(writer.bytes.isEmpty)
        #expect(String(decoding: pieces.joined(), as: UTF8.self) == (try encoded(output)))
    }

    /// `agenda --format json` on real data: the bytes `AgendaOutput` encodes to, and nothing in
    /// them that `TerminalText.safe` would change (the JSON goes to stdout without that pass).
    @Test(arguments: ["bundled", "38c3-schedule.xml", "generated"])
    func agendaCommandWritesTheRecordsBytes(data: String) throws {
        var arguments = ["agenda", "--format", "json"]
        var index: DatasetIndex
        switch data {
        case "bundled":
            index = try DataOptions.parse([]).loadIndex(CommandIO(out: { _ in }, err: { _ in }))
        case "generated":
            guard let path = Self.generatedSchedule else { return }
            arguments += ["--data", path]
            index = DatasetIndex(try #require(DatasetImporter.load(contentsOf: URL(fileURLWithPath: path)).dataset))
        default:
            guard let path = ImportCommandTests.schedule(data) else { return }
            arguments += ["--data", path]
            index = DatasetIndex(try #require(DatasetImporter.load(contentsOf: URL(fileURLWithPath: path)).dataset))
        }
        let run = CLIRun.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let builder = RecordBuilder(index: index, language: .en)
        let sessions = AgendaQuery(index: index).agenda(AgendaFilter()).flatMap { part in
            part.allSessions.map { builder.session($0, of: part.event) }
        }
        let expected = JSONOutput.encode(AgendaOutput(lang: "en", count: sessions.count, sessions: sessions, eventMatches: []))
        #expect(sessions.count > 20)
        #expect(run.stdout == expected)
        #expect(TerminalText.safe(run.stdout) == run.stdout)
    }

    /// scripts/generate-schedule.py's schedule of 1,000 sessions, or nil (said) without python3.
    static let generatedSchedule: String? = {
        switch GeneratedSchedule.xml(sessions: 1000, folderName: "confdash-jsonbytes") {
        case .file(let url): return url.path
        case .noPython: print("⚠️  python3 not found: generated schedule not checked"); return nil
        case .failed: Issue.record("scripts/generate-schedule.py --sessions 1000 failed"); return nil
        }
    }()
}

import Foundation
import Testing
@testable import ConfDashCore

/// The importer reads a schedule.json's sessions while the file is parsed (`ScheduleJSONReader.sessionTap`),
/// leaving `{}` in their place in the tree. The draft must be the one read from the whole tree,
/// field for field (texts, positions, paths, rooms, persons, links, order), and the import the same.
@Suite("Import: schedule.json sessions taken while parsing equal those read from the tree")
struct ScheduleJSONTapTests {
    /// The draft read from the whole tree, and the one read with the tap, as dumps.
    private func drafts(_ text: String) -> (tree: String, tapped: String, taken: Bool)? {
        drafts(Array(text.utf8))
    }

    private func drafts(_ bytes: [UInt8]) -> (tree: String, tapped: String, taken: Bool)? {
        guard case .success(let whole) = JSONParser.parse(bytes: bytes) else { return nil }
        let treeLog = ProblemLog(file: "f")
        var tree = ""
        dump(Self.visible(ScheduleJSONReader.read(whole, log: treeLog)), to: &tree)

        let taken = TakenSessions()
        guard case .success(let root) = JSONParser.parse(bytes: bytes, tap: ScheduleJSONReader.sessionTap(into: taken)) else {
            Issue.record("the whole tree parsed but the tapped one did not")
            return nil
        }
        let wasTaken = !taken.isEmpty
        let tappedLog = ProblemLog(file: "f")
        var tapped = ""
        dump(Self.visible(ScheduleJSONReader.read(root, log: tappedLog, taken: taken)), to: &tapped)
        #expect(treeLog.sorted() == tappedLog.sorted())
        return (tree, tapped, wasTaken)
    }

    /// Everything a draft says, without its room set (whose order is hashing's, not the file's).
    private static func visible(_ draft: ScheduleDraft?) -> Any {
        guard let draft else { return "no draft" }
        return (draft.title, draft.acronym, draft.generator, draft.version, draft.url, draft.baseURL, draft.timeZoneName,
                draft.start, draft.end, draft.dayChange, draft.tracks, draft.rooms, draft.days)
    }

    private func expectSame(_ text: String, taken: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let (tree, tapped, wasTaken) = drafts(text) else {
            Issue.record("did not parse", sourceLocation: sourceLocation)
            return
        }
        #expect(tree == tapped, sourceLocation: sourceLocation)
        #expect(wasTaken == taken, sourceLocation: sourceLocation)
        if taken { #expect(tree.contains("DraftSession"), "no session read: the case tests nothing", sourceLocation: sourceLocation) }
    }

    private static func schedule(_ rooms: String, days: String? = nil) -> String {
        """
        {"schedule": {"version": "1", "conference": {"title": "T", "acronym": "t", "start": "2024-05-01", "end": "2024-05-02",
          "time_zone_name": "Europe/Berlin",
          "days": \(days ?? "[{\"index\": 1, \"date\": \"2024-05-01\", \"rooms\": \(rooms)}]")}}}
        """
    }

    @Test func thePretalxFixture() {
        expectSame(ScheduleFixtures.pretalxJSON)
    }

    @Test("the real schedule.json files", arguments: ["camp2019-frab.json", "democon-pretalx.json"])
    func realFiles(_ name: String) {
        guard let bytes = RealSchedules.bytes(name) else { return }
        guard let (tree, tapped, taken) = drafts(bytes) else { Issue.record("did not parse"); return }
        #expect(tree == tapped)
        #expect(taken)
    }

    @Test("odd places and shapes", arguments: [
        // Room keys that need quoting in a path, with spaces to trim; an event that is not an object.
        #"{" Saal 1 ": [{"title": "A", "start": "10:00", "duration": "00:30", "date": "2024-05-01T10:00:00+02:00"}, 3, null, "x", []], "": [{}]}"#,
        // Persons and links of every shape, a field given twice (the first object member counts).
        #"{"R": [{"title": "A", "title": "B", "persons": [{"public_name": "P", "guid": "g"}, "Q", {"name": "N", "code": "c"}], "links": [{"url": "u", "title": "t"}, "v"], "attachments": [{"href": "h"}]}]}"#,
        // Rooms given twice, nested objects inside an event.
        #"{"R": [{"title": "A", "x": {"rooms": {"R": [{"title": "inner"}]}}}], "R": [{"title": "B"}]}"#,
    ])
    func oddShapes(_ rooms: String) {
        expectSame(Self.schedule(rooms))
    }

    @Test func duplicateKeysOnTheWay() {
        // Only the first "days" counts for the reader; the second's sessions are taken and never asked for.
        let text = #"{"schedule": {"conference": {"title": "T", "days": [{"date": "2024-05-01", "rooms": {"R": [{"title": "first"}]}}], "#
            + #""days": [{"date": "2024-05-02", "rooms": {"R": [{"title": "second"}]}}]}}}"#
        expectSame(text)
        // A second "schedule": the first one is read.
        expectSame(#"{"schedule": {"conference": {"days": [{"rooms": {"R": [{"title": "a"}]}}]}}, "schedule": {"conference": {"days": [{"rooms": {"R": [{"title": "b"}]}}]}}}"#)
    }

    @Test func nothingTakenElsewhere() {
        // The v2 event list, days that are not objects, rooms that are not lists: nothing at the place.
        expectSame(#"{"schedule": {"conference": {"title": "T", "days": [[{"rooms": {"R": [{}]}}], {"rooms": [[{"title": "x"}]]}]}}}"#, taken: false)
        expectSame(#"{"schedule": {"conference": {"title": "T", "days": [{"rooms": {"R": {"0": {"title": "x"}}}}]}}}"#, taken: false)
    }

    @Test func theTreeKeepsAnEmptyObjectWhereASessionWas() {
        let taken = TakenSessions()
        let text = Self.schedule(#"{"R": [{"title": "A", "abstract": "long text"}]}"#)
        guard case .success(let root) = JSONParser.parse(bytes: Array(text.utf8), tap: ScheduleJSONReader.sessionTap(into: taken)) else {
            Issue.record("did not parse")
            return
        }
        let days = ScheduleJSONReader.elements(root["schedule"]?["conference"]?["days"])
        let events = ScheduleJSONReader.elements(days.first?["rooms"]?["R"])
        guard let event = events.first, case .object(let members) = event.content else { Issue.record("no object there"); return }
        #expect(members.isEmpty)
        #expect(taken.take(at: event.position)?.fields.text(.title) == "A")
        #expect(taken.take(at: event.position) == nil, "taken once")
    }

    @Test func aConfdashDatasetWithSuchAPlaceIsReadWhole() {
        // "format" says it is a confdash dataset: the dataset reader must see the file as
        // written (here: refusing the unknown member), although the tap took the session (the
        // importer no longer parses it again: the file's pages go as the parser passes them).
        let text = #"{"format": "confdash-dataset", "version": 1, "schedule": {"conference": {"days": [{"rooms": {"R": [{"title": "a"}]}}]}}}"#
        let tapped = importText(text)
        let whole = DatasetLoader.load(json: text, name: "test-file")
        #expect(tapped.problems == whole.problems)
        #expect(tapped.dataset == whole.dataset)
    }

    @Test func importsEqualWithAndWithoutTheTap() {
        // The whole import (resolver, assembler) from the tapped draft equals that from the tree.
        for text in [ScheduleFixtures.pretalxJSON, Self.schedule(#"{"R": [{"title": "A", "start": "10:00", "duration": "00:30", "date": "2024-05-01T10:00:00+02:00", "guid": "g1"}]}"#)] {
            let viaImporter = importText(text, format: .json)
            guard case .success(let whole) = JSONParser.parse(bytes: Array(text.utf8)) else { Issue.record("did not parse"); continue }
            let log = ProblemLog(file: "test-file")
            let dataset = ScheduleJSONReader.read(whole, log: log).map(ScheduleResolver(log: log).resolve)
                .map { DatasetAssembler(file: "test-file", log: log).assemble($0) }
            #expect(viaImporter.dataset == (log.hasErrors ? nil : dataset))
            #expect(viaImporter.problems == log.sorted())
        }
    }

    /// Files larger than the parser's release step (4 MiB) lose their passed pages while being
    /// read: the import must still equal the one from the whole tree, pretty-printed or on one
    /// line (released in the middle of the line), and a late syntax error must be reported as is.
    @Test func aLargeFileWhosePagesGoImportsTheSame() {
        let description = String(repeating: #"Long text with ünïcödé and \"escapes\" 😀. "#, count: 60)
        let sessions = (0..<3200).map { number in
            #"{"guid": "g\#(number)", "id": \#(number), "title": "Talk \#(number)", "date": "2024-05-01T10:00:00+02:00", "start": "10:00", "#
                + #""duration": "00:30", "room": "R", "description": "\#(description)", "persons": [{"public_name": "P \#(number % 50)"}]}"#
        }
        let compact = Self.schedule(#"{"R": ["# + sessions.joined(separator: ",") + "]}")
        let pretty = compact.replacingOccurrences(of: #", ""#, with: ",\n      \"")
        let broken = String(compact.dropLast(40)) + "?" + String(compact.suffix(39))
        for text in [compact, pretty, broken] {
            #expect(text.utf8.count > 2 * PassedPages.step)
            let viaImporter = importText(text)
            switch JSONParser.parse(bytes: Array(text.utf8)) {
            case .failure(let error):
                #expect(viaImporter.dataset == nil)
                #expect(viaImporter.problems == LoadResult(syntaxError: error, file: "test-file").problems)
            case .success(let whole):
                let log = ProblemLog(file: "test-file")
                let dataset = ScheduleJSONReader.read(whole, log: log).map(ScheduleResolver(log: log).resolve)
                    .map { DatasetAssembler(file: "test-file", log: log).assemble($0) }
                #expect(viaImporter.dataset == (log.hasErrors ? nil : dataset))
                #expect(viaImporter.problems == log.sorted())
                #expect(viaImporter.dataset?.events.first?.sessions.count == 3200)
            }
        }
    }
}

import Foundation
import Testing
@testable import ConfDashCore

/// Each export read by the program it is for, on the bundled data, the timed example and
/// generated schedules. The same scripts run in .ci/run on the CLI's own output.
@Suite("Export: read back by real consumers", .serialized)
struct ExternalConsumerTests {
    typealias Tools = ExternalConsumers

    /// The bundled data, the fixture and the documented timed example, in both languages.
    static func requests() throws -> [(String, ExportRequest)] {
        let example = try #require(DatasetLoader.load(
            contentsOf: Tools.repository.appendingPathComponent("docs/examples/timed-dataset.json")).dataset)
        return [
            ("bundled", ExportRequest(index: Bundled.index, language: .en, generatorVersion: "test")),
            ("bundled-fr", ExportRequest(index: Bundled.index, language: .fr, generatorVersion: "test")),
            ("fixture", ExportFixture.request()),
            ("clock-changes", ExportFixture.request(ExportFixture.clockChanges)),
            ("timed-example", ExportRequest(index: DatasetIndex(example), language: .en, generatorVersion: "test")),
        ]
    }

    /// Generated schedules: fewer than the in-process property tests, as each costs a Python start.
    static func generated() -> [(String, ExportRequest)] {
        // Six that select something: with nothing selected `confdash export` writes no file (exit 65).
        (1...20).lazy.map { seed in
            var generator = ScheduleGenerator(seed: UInt64(seed))
            let index = DatasetIndex(generator.dataset())
            return ("seed-\(seed)", ExportRequest(index: index, language: .en, generatorVersion: "test"))
        }.filter { !$0.1.agenda.isEmpty }.prefix(6).map { $0 }
    }

    private func check(_ requests: [(String, ExportRequest)]) throws {
        guard Tools.available(Tools.hasSchemas, "../shared/fixtures/schedules (the XSD and JSON schema)"),
              Tools.available(Tools.xmllint != nil, "xmllint (apt-get install libxml2-utils)"),
              Tools.available(Tools.python != nil && Tools.hasIcalendar && Tools.hasJsonschema,
                              "python3 with icalendar and jsonschema (python3 -m pip install icalendar jsonschema)") else { return }
        try Tools.withFolder { folder in
            var xmlFiles: [String] = []
            for (name, request) in requests {
                let files = try Tools.writeAll(request, named: name, in: folder)
                let agenda = folder.appendingPathComponent("\(name).agenda.json").path
                let events = folder.appendingPathComponent("\(name).events.json").path
                let ics = try Tools.runScript("check-export-ics.py", [files[.ics]!.path, agenda, events])
                #expect(ics.status == 0, "\(name).ics: \(ics.output)")
                let csv = try Tools.runScript("check-export-csv.py", [files[.csv]!.path, agenda])
                #expect(csv.status == 0, "\(name).csv: \(csv.output)")
                let json = try Tools.runScript("check-export-schedule.py", [files[.json]!.path, agenda, "--schema", Tools.jsonSchema.path])
                #expect(json.status == 0, "\(name).json: \(json.output)")
                let xml = try Tools.runScript("check-export-schedule.py", [files[.xml]!.path, agenda])
                #expect(xml.status == 0, "\(name).xml: \(xml.output)")
                xmlFiles.append(files[.xml]!.path)
            }
            // One xmllint run for all files: it names each file it finds invalid.
            let lint = try Tools.run(Tools.xmllint!, ["--noout", "--schema", Tools.xsd.path] + xmlFiles)
            #expect(lint.status == 0, "\(lint.output)")
        }
    }

    @Test("bundled data, fixture and timed example: xmllint, jsonschema, icalendar and csv read them back")
    func knownData() throws { try check(try Self.requests()) }

    @Test("generated schedules: xmllint, jsonschema, icalendar and csv read them back")
    func generatedSchedules() throws { try check(Self.generated()) }
}

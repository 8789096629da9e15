import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ConfDashCore

/// Invariants of every export over generated schedules (seeded: a failure names its seed).
@Suite("Export: properties over generated schedules")
struct ExportPropertyTests {
    static let seeds: [UInt64] = Array(100...299)

    static func request(seed: UInt64) -> ExportRequest {
        var generator = ScheduleGenerator(seed: seed)
        return ExportRequest(index: DatasetIndex(generator.dataset()), language: .en, generatorVersion: "test")
    }

    /// Sessions schedule.xml/json can hold without inventing anything.
    static func schedulable(_ request: ExportRequest) -> [Session] {
        request.agenda.flatMap { part in
            part.allSessions.filter { $0.start != nil && $0.durationMinutes != nil && part.event.timeZone != nil }
        }
    }

    @Test("ics: one VEVENT per session, unique UIDs, folded CRLF lines, titles back whole, no made-up time", arguments: seeds)
    func ics(seed: UInt64) {
        let request = Self.request(seed: seed)
        let text = Exporter.export(request, as: .ics).text
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") && !$0.contains("\r") })
        let events = ICSReader(text).events
        let sessions = request.agenda.flatMap(\.allSessions)
        #expect(events.count == sessions.count, "seed \(seed)")
        let uids = events.compactMap { ICSReader.value("UID", in: $0) }
        #expect(Set(uids).count == sessions.count, "seed \(seed)")
        for (event, session) in zip(events, sessions) {
            #expect(ICSReader.unescape(ICSReader.value("SUMMARY", in: event) ?? "") == session.title.en, "seed \(seed)")
            let start = ICSReader.property("DTSTART", in: event)
            if session.start == nil {
                #expect(start?.parameters == "VALUE=DATE" && start?.value.count == 8, "seed \(seed): \(session.id) has no stated time")
            }
        }
    }

    @Test("xml and json: exactly the sessions with a stated time, duration and zone; well-formed; unique ids", arguments: seeds)
    func schedules(seed: UInt64) throws {
        let request = Self.request(seed: seed)
        let expected = Self.schedulable(request).count
        let xml = Exporter.export(request, as: .xml)
        #expect(xml.exportedSessions == expected, "seed \(seed)")
        let parser = XMLParser(data: Data(xml.text.utf8))
        let counter = ElementCounter(name: "event")
        parser.delegate = counter
        #expect(parser.parse(), "seed \(seed): \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.count == expected, "seed \(seed)")
        let json = Exporter.export(request, as: .json)
        let object = try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any]
        let days = ((object?["schedule"] as? [String: Any])?["conference"] as? [String: Any])?["days"] as? [[String: Any]] ?? []
        let talks = days.flatMap { ($0["rooms"] as? [String: [[String: Any]]] ?? [:]).values.flatMap { $0 } }
        #expect(talks.count == expected, "seed \(seed)")
        #expect(Set(talks.compactMap { $0["guid"] as? String }).count == expected, "seed \(seed)")
        let leftOut = request.agenda.flatMap(\.allSessions).count - expected
        let counted = xml.notes.compactMap { note -> Int? in
            guard note.contains("left out") else { return nil }
            return Int(note.dropFirst("xml: ".count).prefix { $0.isNumber })
        }.reduce(0, +)
        #expect(counted == leftOut, "seed \(seed): every session left out is counted on stderr")
    }

    @Test("csv: a header and one row per session; every field reads back", arguments: seeds)
    func csv(seed: UInt64) {
        let request = Self.request(seed: seed)
        let rows = parseCSV(Exporter.export(request, as: .csv).text)
        let sessions = request.agenda.flatMap(\.allSessions)
        #expect(rows.count == sessions.count + 1, "seed \(seed)")
        #expect(rows.allSatisfy { $0.count == CSVExporter.header.count }, "seed \(seed)")
        for (row, session) in zip(rows.dropFirst(), sessions) {
            #expect(row[0] == session.id && row[3] == CSVExporter.defused(session.title.en ?? ""), "seed \(seed)")
        }
    }

    @Test("every format: the same data gives the same bytes", arguments: Array(seeds.prefix(20)))
    func deterministic(seed: UInt64) {
        for format in ExportFormat.allCases {
            #expect(Exporter.export(Self.request(seed: seed), as: format).text == Exporter.export(Self.request(seed: seed), as: format).text)
        }
    }
}

/// Counts the elements of one name, so a test can ask how many events an XML file holds.
final class ElementCounter: NSObject, XMLParserDelegate {
    let name: String
    var count = 0
    init(name: String) { self.name = name }
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if elementName == name { count += 1 }
    }
}

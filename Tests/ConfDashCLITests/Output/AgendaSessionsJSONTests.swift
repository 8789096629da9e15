import ConfDashCore
import Foundation
import Testing
@testable import ConfDashCLI

/// `agenda --format json`'s sessions written by several threads in blocks are the bytes one
/// writer writes, session after session: for every number of workers, block sizes that cut
/// events anywhere, empty events, with and without a sink.
@Suite("Agenda sessions written on several cores")
struct AgendaSessionsJSONTests {
    private func written(_ sessions: AgendaSessionsJSON, sink: Bool) -> [UInt8] {
        let output = AgendaOutputStream(lang: "en", count: sessions.count, sessions: sessions, eventMatches: [])
        guard sink else {
            var writer = JSONBytesWriter()
            output.write(to: &writer)
            return writer.bytes
        }
        var pieces: [UInt8] = []
        var writer = JSONBytesWriter { pieces.append(contentsOf: $0) }
        output.write(to: &writer)
        writer.finish()
        return pieces
    }

    private func expectSameBytes(_ index: DatasetIndex, clock: ClockDisplay = .eventZone) {
        var builder = RecordBuilder(index: index, language: .fr)
        builder.clock = clock
        let agenda = AgendaQuery(index: index).agenda(AgendaFilter()).map { (event: $0.event, sessions: $0.allSessions) }
        // Empty events between the others, at the start and at the end: places a block can start or end.
        let empty = agenda.first.map { [(event: $0.event, sessions: [Session]())] } ?? []
        for list in [agenda, empty + agenda + empty + agenda + empty, []] {
            let one = written(AgendaSessionsJSON(agenda: list, builder: builder, workers: 1), sink: false)
            for workers in [2, 3, 4] {
                for minimum in [1, 7, 256] {
                    for sink in [false, true] {
                        let several = AgendaSessionsJSON(agenda: list, builder: builder, workers: workers, minimumSessions: minimum)
                        #expect(written(several, sink: sink) == one, "\(workers) workers, \(minimum), sink \(sink), \(list.count) events")
                    }
                }
            }
        }
    }

    @Test func bundledData() throws {
        expectSameBytes(try DataOptions.parse([]).loadIndex(CommandIO(out: { _ in }, err: { _ in })))
    }

    @Test func realSchedule() throws {
        guard let path = ImportCommandTests.schedule("38c3-schedule.xml") else { return }
        let index = DatasetIndex(try #require(DatasetImporter.load(contentsOf: URL(fileURLWithPath: path)).dataset))
        expectSameBytes(index)
        expectSameBytes(index, clock: .zone(TimeZone(identifier: "America/New_York")!))
    }

    @Test func generatedSchedule() throws {
        guard let path = JSONBytesWriterTests.generatedSchedule else { return }
        expectSameBytes(DatasetIndex(try #require(DatasetImporter.load(contentsOf: URL(fileURLWithPath: path)).dataset)))
    }
}

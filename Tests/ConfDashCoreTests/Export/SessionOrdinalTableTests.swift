import Testing
@testable import ConfDashCore

/// `SessionOrdinalTable` (frab's numeric `id`, keyed by position) gives the numbers of the
/// dictionary it replaced: 1-based in the order of events and sessions, a repeated id keeping its
/// first number, nil for an id no session has.
@Suite struct SessionOrdinalTableTests {
    static func reference(_ dataset: Dataset) -> [String: Int] {
        var table: [String: Int] = [:]
        var next = 1
        for event in dataset.events {
            for session in event.sessions where table[session.id] == nil {
                table[session.id] = next
                next += 1
            }
        }
        return table
    }

    static func dataset(_ events: [[String]]) -> Dataset {
        let events = events.enumerated().map { index, ids in
            Event(id: "e\(index)", kind: .conference, title: LocalizedText(en: "E\(index)"),
                  startDate: ExportFixture.date("2025-06-01"), endDate: ExportFixture.date("2025-06-02"), timeZone: "Europe/Paris",
                  sessions: ids.map { Session(id: $0, kind: .talk, title: LocalizedText(en: $0)) })
        }
        return Dataset(title: LocalizedText(en: "Ordinals"), sources: [], events: events)
    }

    static func expectSame(_ dataset: Dataset, _ name: String) {
        let table = SessionOrdinalTable(dataset)
        let reference = Self.reference(dataset)
        for (id, number) in reference { #expect(table[id] == number, "\(name): \(id)") }
        for id in ["", "missing", "e0", "s-1", "S1"] where reference[id] == nil { #expect(table[id] == nil, "\(name): \(id)") }
    }

    @Test func numbersAsTheDictionaryDid() {
        Self.expectSame(Self.dataset([]), "no event")
        Self.expectSame(Self.dataset([[], [], []]), "empty events")
        Self.expectSame(Self.dataset([["a", "b", "a"], [], ["b", "c"], [], ["d", "a", "é", "e\u{301}"]]), "repeats, empty events, canonical equivalence")
        // Enough ids to fill runs of buckets and wrap around the table's end.
        var generator = SystemRandomNumberGenerator()
        let events = (0..<7).map { event in (0..<(event * 113 % 500)).map { _ in "s\(Int.random(in: 0..<900, using: &generator))" } }
        Self.expectSame(Self.dataset(events), "random repeats")
        Self.expectSame(Self.dataset([(0..<5000).map { "session-\($0)" }]), "5,000 distinct")
    }

    /// The bundled data and 38C3, as the exports number them.
    @Test func realDataNumbersAsTheDictionaryDid() throws {
        Self.expectSame(Bundled.index.dataset, "bundled")
        if let loaded = try RealSchedules.load("38c3-schedule.xml"), let dataset = loaded.dataset {
            Self.expectSame(dataset, "38C3")
        }
    }
}

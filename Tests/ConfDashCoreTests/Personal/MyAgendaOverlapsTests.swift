import ConfDashTestSupport
import Foundation
import Testing
@testable import ConfDashCore

/// `MyAgenda.overlaps(of:)` (one session's overlaps, for its details) against the whole agenda's
/// `overlaps` it stands for: same overlaps, same order, on vague times and on the real 38C3.
@Suite struct MyAgendaOverlapsTests {
    static func expectSame(_ index: DatasetIndex, _ starred: Set<SessionAddress>, _ label: String) {
        let whole = MyAgenda(index: index, starred: starred).overlaps
        for address in starred {
            #expect(MyAgenda.overlaps(of: address, index: index, starred: starred) == whole[address] ?? [], "\(label): \(address)")
        }
        // A session not starred has no overlaps listed.
        if let event = index.eventsByDate.first, let session = event.sessions.first(where: { !starred.contains(SessionAddress(event: event.id, session: $0.id)) }) {
            #expect(MyAgenda.overlaps(of: SessionAddress(event: event.id, session: session.id), index: index, starred: starred).isEmpty)
        }
    }

    @Test func vagueAndExactTimes() {
        let dataset = congress([
            timed("morning", nil, nil, part: .morning), timed("at-ten", "10:00", 30), timed("day", nil, nil),
            timed("evening", nil, nil, part: .evening), timed("next-day", "10:00", 30, day: "2024-12-28"),
            timed("start-only", "10:15", nil), timed("same-start", "10:00", 60, room: "saal-gld"), timed("a", "11:00", 40),
        ])
        let all = Set(dataset.events[0].sessions.map { SessionAddress(event: "38c3", session: $0.id) })
        Self.expectSame(DatasetIndex(dataset), all, "all")
        var generator = SeededGenerator(state: 5)
        for round in 0..<30 {
            Self.expectSame(DatasetIndex(dataset), all.filter { _ in Bool.random(using: &generator) }, "round \(round)")
        }
    }

    @Test func realCongress() throws {
        guard let dataset = try RealSchedules.load("38c3-schedule.xml")?.dataset else { return }
        let index = DatasetIndex(dataset)
        let addresses = dataset.events.flatMap { event in event.sessions.map { SessionAddress(event: event.id, session: $0.id) } }
        var generator = SeededGenerator(state: 6)
        for count in [1, 40, 300] {
            Self.expectSame(index, Set(addresses.shuffled(using: &generator).prefix(count)), "\(count) stars")
        }
    }
}

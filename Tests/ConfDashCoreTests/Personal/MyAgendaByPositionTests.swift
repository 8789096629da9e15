import ConfDashTestSupport
import Foundation
import Testing
@testable import ConfDashCore

/// My agenda built from the starred sessions' positions (`SessionPositions`, what the dashboard
/// does) against the agenda query over every session it replaced, and its overlaps found row by
/// row (`OverlapSweep`) against the sweep over all pairs it replaced: the same groups, rows,
/// gaps and overlaps, in the same order.
@Suite struct MyAgendaByPositionTests {
    /// The sweep over every pair that `MyAgenda.overlaps` was before it was found row by row.
    static func allPairsSweep(_ spans: [(SessionAddress, SessionSpan)]) -> [SessionAddress: [MyAgenda.Overlap]] {
        let sorted = spans.sorted { ($0.1.start, $0.0) < ($1.1.start, $1.0) }
        var found = Array(repeating: [MyAgenda.Overlap](), count: sorted.count)
        for i in sorted.indices {
            let (a, spanA) = sorted[i]
            var j = i + 1
            while j < sorted.count, sorted[j].1.start <= spanA.end {
                let (b, spanB) = sorted[j]
                if spanA.overlaps(spanB) {
                    let certain = spanA.precision != .vague && spanB.precision != .vague
                    found[i].append(MyAgenda.Overlap(other: b, certain: certain))
                    found[j].append(MyAgenda.Overlap(other: a, certain: certain))
                }
                j += 1
            }
        }
        return Dictionary(sorted.indices.lazy.filter { !found[$0].isEmpty }.map { (sorted[$0].0, found[$0]) }, uniquingKeysWith: +)
    }

    static func rows(_ mine: MyAgenda) -> [String] {
        mine.groups.flatMap { group in
            ["# \(group.event.id) \(group.slot)"] + group.rows.map { row in
                switch row {
                case .session(let session): return session.id
                case .gap(let gap): return "free \(gap.from)–\(gap.to)"
                }
            }
        }
    }

    static func expectSame(_ dataset: Dataset, _ starred: Set<SessionAddress>, _ label: String) {
        let index = DatasetIndex(dataset)
        let scanned = MyAgenda(index: index, starred: starred)
        let direct = MyAgenda(index: index, starred: starred, positions: SessionPositions(dataset))
        #expect(rows(direct) == rows(scanned), "\(label): rows")
        #expect(direct.sessionCount == scanned.sessionCount, "\(label): count")
        // The spans of the starred sessions, as the old code made them (a zone look-up per session).
        var spans: [(SessionAddress, SessionSpan)] = []
        for event in index.eventsByDate {
            for session in event.sessions where starred.contains(SessionAddress(event: event.id, session: session.id)) {
                if let span = SessionSpan(session, in: event) { spans.append((SessionAddress(event: event.id, session: session.id), span)) }
            }
        }
        let reference = allPairsSweep(spans)
        #expect(direct.overlaps == reference, "\(label): all overlaps")
        #expect(scanned.overlaps == reference, "\(label): all overlaps, scanned")
        for address in starred {
            #expect(direct.overlaps(of: address) == reference[address] ?? [], "\(label): \(address)")
        }
    }

    @Test func vagueExactAndStartOnlyTimes() {
        let dataset = congress([
            timed("morning", nil, nil, part: .morning), timed("at-ten", "10:00", 30), timed("day", nil, nil),
            timed("evening", nil, nil, part: .evening), timed("next-day", "10:00", 30, day: "2024-12-28"),
            timed("start-only", "10:15", nil), timed("same-start", "10:00", 60, room: "saal-gld"), timed("a", "11:00", 40),
            timed("late", "23:30", 120), timed("night", "00:30", 30, day: "2024-12-28"), timed("long", "09:00", 600),
            timed("point", "10:30", 0), timed("c", "14:00", 60), timed("d", "12:45", 40),
        ])
        let all = Set(dataset.events[0].sessions.map { SessionAddress(event: "38c3", session: $0.id) })
        Self.expectSame(dataset, all, "all")
        Self.expectSame(dataset, [], "none")
        Self.expectSame(dataset, [SessionAddress(event: "38c3", session: "gone"), SessionAddress(event: "elsewhere", session: "a")], "unknown")
        var generator = SeededGenerator(state: 11)
        for round in 0..<40 {
            Self.expectSame(dataset, all.filter { _ in Bool.random(using: &generator) }, "round \(round)")
        }
        Self.expectSame(congress(dataset.events[0].sessions, zone: nil), all, "floating times")
    }

    /// A schedule that lists an id twice: an address names both sessions, and My agenda shows
    /// both, as the scan over the event did.
    @Test func repeatedIDs() {
        let dataset = congress([timed("a", "10:00", 60), timed("b", "10:30", 60), timed("a", "12:00", 30), timed("c", "12:15", 30)])
        let positions = SessionPositions(dataset)
        #expect(!positions.listsOnce("38c3"))
        #expect(positions.position(of: SessionAddress(event: "38c3", session: "b")) == nil)
        let starred: Set = [SessionAddress(event: "38c3", session: "a"), SessionAddress(event: "38c3", session: "c")]
        Self.expectSame(dataset, starred, "repeated")
        #expect(MyAgenda(index: DatasetIndex(dataset), starred: starred, positions: positions).sessionCount == 3)
    }

    @Test func positionsFindEverySession() {
        let dataset = congress([timed("a", "10:00", 60), timed("b", "10:30", 60)])
        let positions = SessionPositions(dataset)
        #expect(positions.listsOnce("38c3"))
        #expect(positions.position(of: SessionAddress(event: "38c3", session: "b")) == 1)
        #expect(positions.position(of: SessionAddress(event: "38c3", session: "z")) == nil)
        #expect(positions.position(of: SessionAddress(event: "other", session: "a")) == nil)
    }

    @Test func realCongress() throws {
        guard let dataset = try RealSchedules.load("38c3-schedule.xml")?.dataset else { return }
        let addresses = dataset.events.flatMap { event in event.sessions.map { SessionAddress(event: event.id, session: $0.id) } }
        var generator = SeededGenerator(state: 12)
        for count in [1, 40, 300, addresses.count] {
            Self.expectSame(dataset, Set(addresses.shuffled(using: &generator).prefix(count)), "\(count) stars")
        }
    }
}

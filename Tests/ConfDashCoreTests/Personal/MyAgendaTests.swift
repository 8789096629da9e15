import Foundation
import Testing
@testable import ConfDashCore

@Suite struct MyAgendaTests {
    func address(_ id: String) -> SessionAddress { SessionAddress(event: "38c3", session: id) }

    @Test func overlapsGapsAndSessionsThatFit() {
        let dataset = congress([
            timed("a", "11:00", 40), timed("b", "11:30", 60, room: "saal-gld"),  // a and b overlap
            timed("c", "14:00", 60),                                             // free 12:30–14:00 before it
            timed("d", "12:45", 40), timed("e", "13:00", 60), timed("f", "12:30", 90),
            timed("g", "16:00", 30, day: "2024-12-28"),
        ])
        let index = DatasetIndex(dataset)
        let starred: Set = [address("a"), address("b"), address("c"), address("g")]
        let mine = MyAgenda(index: index, starred: starred)
        #expect(mine.sessionCount == 4)
        #expect(mine.overlaps[address("a")] == [MyAgenda.Overlap(other: address("b"), certain: true)])
        #expect(mine.overlaps[address("b")] == [MyAgenda.Overlap(other: address("a"), certain: true)])
        #expect(mine.overlaps[address("c")] == nil)
        let gap = MyAgenda.Gap(event: "38c3", from: LocalDateTime(iso: "2024-12-27T12:30")!, to: LocalDateTime(iso: "2024-12-27T14:00")!)
        #expect(mine.gaps == [gap])
        #expect(gap.minutes == 90)
        let rows = mine.groups[0].rows.map { row -> String in
            switch row { case .session(let s): return s.id; case .gap(let g): return "free \(g.from.time)–\(g.to.time)" }
        }
        #expect(rows == ["a", "b", "free 12:30–14:00", "c"])
        #expect(mine.groups.count == 2, "one group per day")
        // d (12:45–13:25) and f (12:30–14:00) fit; e ends 14:00 and starts 13:00: fits too.
        #expect(MyAgenda.sessions(fitting: gap, in: dataset.events[0], excluding: starred).map(\.id) == ["f", "d", "e"])
    }

    @Test func shortGapsAreTheWalkBetweenRooms() {
        let dataset = congress([timed("a", "11:00", 40), timed("b", "11:45", 30)])
        #expect(MyAgenda(index: DatasetIndex(dataset), starred: [address("a"), address("b")]).gaps.isEmpty)
        #expect(MyAgenda(index: DatasetIndex(dataset), starred: [address("a"), address("b")], minimumGapMinutes: 5).gaps.count == 1)
    }

    @Test func vagueTimesMayOverlap() {
        let dataset = congress([
            timed("morning", nil, nil, part: .morning), timed("at-ten", "10:00", 30), timed("day", nil, nil),
            timed("evening", nil, nil, part: .evening), timed("next-day", "10:00", 30, day: "2024-12-28"),
            timed("start-only", "10:15", nil),
        ])
        let starred = Set(dataset.events[0].sessions.map { address($0.id) })
        let overlaps = MyAgenda(index: DatasetIndex(dataset), starred: starred).overlaps
        func others(_ id: String) -> [String: Bool] {
            Dictionary(uniqueKeysWithValues: (overlaps[address(id)] ?? []).map { ($0.other.session, $0.certain) })
        }
        #expect(others("morning") == ["at-ten": false, "day": false, "start-only": false])
        #expect(others("evening") == ["day": false])
        #expect(others("at-ten") == ["morning": false, "day": false, "start-only": true], "10:15 falls inside 10:00–10:30")
        #expect(others("next-day").isEmpty)
    }

    @Test func spansAcrossTimeZonesCompareInstants() {
        // 10:00 in Berlin is 09:00 UTC: a session at 09:30 in London overlaps it.
        let berlin = congress([timed("a", "10:00", 60)]).events[0]
        var london = congress([timed("b", "09:30", 10)], zone: "Europe/London").events[0]
        london.id = "ldn"
        let spanA = SessionSpan(berlin.sessions[0], in: berlin)!, spanB = SessionSpan(london.sessions[0], in: london)!
        #expect(spanA.overlaps(spanB))
    }

    @Test func nowAndNextPerRoomAndTrack() {
        let event = congress([
            timed("a", "11:00", 40, tracks: ["security"]), timed("b", "11:50", 40, tracks: ["security"]),
            timed("c", "11:30", 60, room: "saal-gld", tracks: ["art"]), timed("d", "23:00", 120, room: "saal-gld"),
            timed("e", "01:30", 30, room: "saal-gld", day: "2024-12-28"), timed("f", "10:00", 30, day: "2024-12-28"),
        ]).events[0]
        let at1135 = NowNext(event: event, at: LocalDateTime(iso: "2024-12-27T11:35")!)
        #expect(at1135.isOn)
        #expect(at1135.rows.map { "\($0.group ?? "-"):\($0.now?.id ?? "-")/\($0.next?.id ?? "-")" } == ["saal-1:a/b", "saal-gld:c/d"])
        #expect(at1135.soonest?.id == "b")
        let byTrack = NowNext(event: event, at: LocalDateTime(iso: "2024-12-27T11:10")!, by: .track)
        #expect(byTrack.rows.map { "\($0.group ?? "-"):\($0.now?.id ?? "-")/\($0.next?.id ?? "-")" } == ["art:-/c", "security:a/b", "-:-/d"])
        // After midnight the night goes on: e at 01:30 is still "today"; f at 10:00 the next morning is not.
        let night = NowNext(event: event, at: LocalDateTime(iso: "2024-12-28T00:30")!)
        #expect(night.rows.map { "\($0.group ?? "-"):\($0.now?.id ?? "-")/\($0.next?.id ?? "-")" } == ["saal-gld:d/e"])
        let starredOnly = NowNext(event: event, at: LocalDateTime(iso: "2024-12-27T11:35")!, only: [address("d")])
        #expect(starredOnly.rows.map { $0.next?.id } == ["d"])
        let before = NowNext(event: event, at: LocalDateTime(iso: "2024-12-20T11:35")!)
        #expect(!before.isOn && before.rows.isEmpty && before.soonest == nil)
    }

    @Test func nowSettingParsing() {
        #expect(NowSetting.parse("2024-12-28T14:00") == .eventWallClock(LocalDateTime(iso: "2024-12-28T14:00")!))
        #expect(NowSetting.parse("2024-12-28 14:00:30") == .eventWallClock(LocalDateTime(iso: "2024-12-28T14:00")!))
        #expect(NowSetting.parse("2024-12-28T13:00Z") == .instant(seconds: 1_735_390_800))
        #expect(NowSetting.parse("2024-12-28T14:00+01:00") == .instant(seconds: 1_735_390_800))
        #expect(NowSetting.parse("2024-12-28T14:00:00+0100") == .instant(seconds: 1_735_390_800))
        #expect(NowSetting.parse("2024-12-28T08:00-05:00") == .instant(seconds: 1_735_390_800))
        for bad in ["", "tomorrow", "2024-12-28", "2024-13-28T14:00", "2024-12-28T25:00", "2024-12-28T14:00+25:00"] {
            #expect(NowSetting.parse(bad) == nil, "\(bad)")
        }
        let event = congress([]).events[0]
        #expect(NowSetting.instant(seconds: 1_735_390_800).wallClock(for: event, localZone: TimeZone(identifier: "UTC")!)
            == LocalDateTime(iso: "2024-12-28T14:00")!)
        #expect(NowSetting.resolve(option: nil, environment: ["CONFDASH_NOW": "2024-12-28T14:00"]) == .success(.eventWallClock(LocalDateTime(iso: "2024-12-28T14:00")!)))
        #expect(NowSetting.resolve(option: "x", environment: [:]) == .failure(NowSettingError(source: "--now", text: "x")))
    }

    @Test func renumberedSessionsAreFoundByTitleAndStart() {
        var state = PersonalState()
        let original = congress([timed("a", "11:00", 40), timed("b", "12:00", 40)])
        for session in original.events[0].sessions { state.setStar(SessionRef(session: session, event: original.events[0]), true, at: 1) }
        var renumbered = original
        renumbered.events[0].sessions[0].id = "a2"
        renumbered.events[0].sessions[1].id = "b2"
        renumbered.events[0].sessions[1].title = LocalizedText(en: "Retitled")
        let index = PersonalIndex(state: state, dataset: renumbered)
        #expect(index.addressByKey["a"] == address("a2"))
        #expect(index.addressByKey["b"] == nil)
        #expect(index.vanished.map(\.ref.key) == ["b"])
        #expect(index.starred(in: state, dataset: renumbered) == [address("a2")])
        // With a lasting uid, a renumbered id does not matter.
        var withUID = original
        withUID.events[0].sessions[0].uid = "guid-a"
        var keyed = PersonalState()
        keyed.setStar(SessionRef(session: withUID.events[0].sessions[0], event: withUID.events[0]), true, at: 1)
        withUID.events[0].sessions[0].id = "zzz"
        withUID.events[0].sessions[0].title = LocalizedText(en: "Retitled too")
        #expect(PersonalIndex(state: keyed, dataset: withUID).addressByKey["guid-a"] == address("zzz"))
    }
}

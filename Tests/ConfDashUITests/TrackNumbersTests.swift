import ConfDashCore
import ConfDashScreen
import ConfDashTestSupport
import Foundation
import Testing
@testable import ConfDashUI

/// The tracks pane counts a session by its track's number (`SessionTrackNumbers`, issue 13,
/// round 13); the counts must be those of counting every track by name, as before, whatever the
/// sessions' track lists, filters and scope.
@Suite("Tracks pane: counting by track number equals counting by name")
struct TrackNumbersTests {
    /// The counting by name that numbers replaced, kept here as the reference.
    private func byName(_ data: DashboardData, _ state: AppState, scope: [Event]) -> TrackCounts {
        let single = scope.count == 1 ? scope.first : nil
        var filter = data.filter(for: state)
        filter.tracks = []
        let columns = single.map { $0.dayCount } ?? scope.count
        var tally = TrackTally(columns: columns)
        for (eventIndex, event) in scope.enumerated() {
            for session in event.sessions where data.query.session(session, of: event, matches: filter) && !session.groupTopic {
                let column = single != nil ? session.day.flatMap { event.dayIndex(of: $0) }.map { $0 - 1 } : eventIndex
                let inTrend = column.flatMap { $0 >= 0 && $0 < columns ? $0 : nil }
                for track in session.tracks { tally.count(track, column: inTrend) }
            }
        }
        return tally.counts
    }

    private func expectSame(_ data: DashboardData, _ state: AppState, _ label: String) {
        let scope = data.eventsInScope(state)
        let got = data.computeTrackCounts(state, scope: scope, search: nil)
        let expected = byName(data, state, scope: scope)
        #expect(got.counts == expected.counts, "\(label)")
        #expect(got.trends == expected.trends, "\(label)")
        #expect(got.columns == expected.columns, "\(label)")
    }

    private func states(_ data: DashboardData) -> [(String, AppState)] {
        var result: [(String, AppState)] = []
        let base = Reducer(data: data).initialState(size: Size(width: 120, height: 40), language: .en)
        result.append(("no filter", base))
        for event in data.events.prefix(3) {
            var state = base
            state.selectedEvent = event.typedID
            result.append(("event \(event.id)", state))
            if let room = event.rooms.first {
                state.filters = [.rooms([room.typedID])]
                result.append(("event \(event.id), room \(room.id)", state))
            }
        }
        if let region = data.regions.first {
            var state = base
            state.filters = [.region(region.typedID)]
            result.append(("region \(region.id)", state))
        }
        return result
    }

    /// The seeded awkward track lists (`AwkwardTrackLists`), with a track listed twice.
    @Test func awkwardTrackLists() {
        for (round, var dataset) in AwkwardTrackLists.datasets(rounds: 60, trackTwice: true) {
            dataset.technologies = []   // the Topics pane lists tracks
            let data = DashboardData(index: DatasetIndex(dataset))
            for (label, state) in states(data) { expectSame(data, state, "round \(round), \(label)") }
        }
    }

    @Test func congressSchedule() throws {
        guard FileManager.default.fileExists(atPath: RealScheduleTests.congressURL.path) else { return }
        let dashboard = try RealScheduleTests.dashboard(RealScheduleTests.congressURL)
        for (label, state) in states(dashboard.data) { expectSame(dashboard.data, state, label) }
        // And a few of the congress's rooms and days.
        var state = dashboard.state
        for room in (dashboard.data.events.first?.rooms ?? []).prefix(5) {
            state.filters = [.rooms([room.typedID])]
            expectSame(dashboard.data, state, "room \(room.id)")
        }
    }

    /// A track id's number is the one its name gives, whatever storage the string has: the same
    /// characters in another string, a long id and a short one, accents composed or not (equal
    /// strings for Swift), and more strings than the table keeps.
    @Test func lookupAnswersAsTheNameDoes() {
        let ids = ["security", "hardware-making", "ethics-society-politics-and-more", "café", "x"]
            + (0..<80).map { "track-number-\($0)-with-a-long-name" }
        var lookup = TrackNumberLookup(ids)
        let byName = Dictionary(ids.enumerated().map { ($1, UInt32($0)) }, uniquingKeysWith: { a, _ in a })
        var generator = SeededGenerator(state: 13)
        // The strings asked are kept, as the dataset keeps its sessions' ids while they are
        // numbered: a freed string's storage may be reused by another one at the same address.
        var held: [String] = []
        for _ in 0..<2_000 {
            let id = ids[Int(generator.next() % UInt64(ids.count))]
            let asked: String
            switch generator.next() % 3 {
            case 0: asked = id
            case 1: asked = String(decoding: Array(id.utf8), as: UTF8.self)
            default: asked = id == "café" ? "cafe\u{301}" : id + ""
            }
            held.append(asked)
            #expect(lookup.number(asked) == byName[asked], "\(asked)")
        }
        #expect(lookup.number("no-such-track") == nil)
        #expect(lookup.number("") == nil)
        #expect(TrackNumberLookup(["a", "b", "a"]).ids == ["a", "b"])
        #expect(held.count == 2_000)
    }

    /// Short names that differ only at their end ("Hall 1" to "Hall 300", the generated
    /// schedules' rooms: their digits are the high bytes of the String's first word) get the
    /// numbers their names give, past the table's first sizes, asked in any order.
    @Test func shortNamesDifferingAtTheEnd() {
        let ids = (1...300).map { "Hall \($0)" } + (1...40).map { "T\($0)" }
        var lookup = TrackNumberLookup(ids)
        #expect(lookup.ids == ids)
        for (number, id) in ids.enumerated().reversed() { #expect(lookup.number(id) == UInt32(number), "\(id)") }
        #expect(lookup.number("Hall 301") == nil)
        #expect(lookup.number("Hall 0") == nil)
    }
}

/// The technology pane's rows and usage are made when first read (issue 13, round 13): the same
/// rows as made at start, and the same screens, whichever key first needs them.
@Suite("Technology pane: made when first needed")
struct LazyTechnologyRowsTests {
    @Test func sameRowsAsMadeAtStart() {
        let index = Fixture.index
        let usage = index.technologyUsage()
        let eager = index.dataset.technologies.enumerated().sorted { a, b in
            let ua = usage[a.element.id]?.sessions ?? 0, ub = usage[b.element.id]?.sessions ?? 0
            return ua != ub ? ua > ub : a.offset < b.offset
        }.map(\.element)
        let data = DashboardData(index: index, map: Fixture.map)
        #expect(data.technologies.map(\.id) == eager.map(\.id))
        #expect(data.technologyUsage == usage)
    }

    /// Keys that change filters first, then open or use the technology pane: a dashboard whose
    /// rows were made at start (read before any key) and one that makes them on the way draw the
    /// same screens.
    @Test func firstOpenedAfterAFilterChangeGivesTheSameScreen() {
        let sequences = ["", "4", "4 j Enter", "4 j j Enter Escape", "t j Enter 4", "t j Enter 4 j Enter",
                         "/ a Enter 4 j Enter", "3 j Enter 4", "Tab Tab Tab j Enter", "L 4 j Enter", ": t e c h"]
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)] {
            for keys in sequences {
                let lazy = DashboardStore(index: DatasetIndex(Fixture.index.dataset), map: Fixture.map, size: size, language: .en, theme: .dark)
                let eager = DashboardStore(index: DatasetIndex(Fixture.index.dataset), map: Fixture.map, size: size, language: .en, theme: .dark)
                _ = eager.data.technologies
                _ = eager.data.technologyUsage
                for key in Key.parseSequence(keys) {
                    _ = lazy.handle(key)
                    _ = eager.handle(key)
                    #expect(lazy.render().textLines() == eager.render().textLines(), "\(size) '\(keys)'")
                }
                #expect(lazy.state == eager.state, "\(size) '\(keys)'")
            }
        }
    }
}

import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
@testable import ConfDashUI

/// "A pane with nothing at all gives its space to the others" (issue 10): a schedule with no
/// rooms, tracks, regions or technologies, and one event without clock times, shows the agenda
/// and the details over the whole body; a pane that has something keeps its place. Tab passes
/// the empty panes and their number keys say why nothing happens.
@Suite struct EmptyPanesTests {
    static let date = CalendarDate(iso: "2025-03-14")!

    /// One event, one day, sessions without times, rooms or tracks (`rooms`/`tracks`/`events` add them).
    static func data(rooms: Bool = false, tracks: Bool = false, events: Int = 1) -> DashboardData {
        let roomList = rooms ? [Room(id: "hall", name: LocalizedText(en: "Main hall"))] : []
        func event(_ number: Int) -> Event {
            let day = date.adding(days: 40 * (number - 1))
            let sessions = (1...3).map { index in
                Session(id: "s\(index)", kind: .talk, title: LocalizedText(en: "Talk \(index) of event \(number)"), day: day,
                        room: rooms ? "hall" : nil, tracks: tracks ? ["web"] : [])
            }
            return Event(id: "e\(number)", kind: .conference, title: LocalizedText(en: "Small Conf \(number)"), startDate: day, endDate: day,
                         rooms: roomList, sessions: sessions)
        }
        let trackList = tracks ? [Track(id: "web", name: LocalizedText(en: "Web"), color: "#3366cc")] : []
        return DashboardData(index: DatasetIndex(Dataset(title: LocalizedText(en: "Small"), tracks: trackList,
                                                         events: (1...events).map(event))))
    }

    static func store(_ data: DashboardData, size: Size) -> DashboardStore {
        DashboardStore(index: data.index, size: size, language: .en, theme: .dark, localZone: TimeZone(identifier: "UTC")!)
    }

    @Test func emptyPanesAreFoundFromTheDataAlone() {
        #expect(Self.data().emptyPanes == [.timeline, .regions, .technologies])
        #expect(Self.data(rooms: true).emptyPanes == [.timeline, .technologies])
        #expect(Self.data(tracks: true, events: 2).emptyPanes == [.regions])
        #expect(Fixture.data.emptyPanes.isEmpty, "the bundled data fills every pane")
    }

    @Test func theAgendaAndDetailsTakeTheWholeBodyWhenNothingElseHasAnything() {
        let layout = Layout.compute(size: Size(width: 120, height: 40), focus: .agenda, empty: [.timeline, .regions, .technologies])
        #expect(layout.kind == .full)
        #expect(layout.panes.keys.map { $0 } == [.agenda])
        #expect(layout.panes[.agenda]?.height == 38)
        #expect((layout.panes[.agenda]?.width ?? 0) + (layout.detail?.width ?? 0) == 120)
    }

    @Test func aPaneBesideAnEmptyOneTakesItsWidth() {
        let both = Layout.compute(size: Size(width: 120, height: 40), focus: .agenda)
        let rooms = Layout.compute(size: Size(width: 120, height: 40), focus: .agenda, empty: [.timeline, .technologies])
        #expect(rooms.panes[.regions]?.width == 120)
        #expect(rooms.panes[.regions]?.height == both.panes[.regions]?.height)
        #expect(rooms.panes[.agenda]!.height == both.panes[.agenda]!.height + both.panes[.timeline]!.height)
        let tracks = Layout.compute(size: Size(width: 120, height: 40), focus: .agenda, empty: [.regions])
        #expect(tracks.panes[.technologies]?.width == 120)
        #expect(tracks.panes[.timeline] == both.panes[.timeline])
        // No rectangle overlaps another.
        for layout in [rooms, tracks] {
            let rects = layout.allRects
            for (i, a) in rects.enumerated() { for b in rects[(i + 1)...] { #expect(!a.intersects(b)) } }
        }
    }

    @Test func tabPassesEmptyPanesAndTheirNumberKeysSayWhy() {
        let store = Self.store(Self.data(rooms: true), size: Size(width: 120, height: 40))
        CongressScreensTests.press("Tab", on: store)
        #expect(store.state.focus == .regions, "the timeline has nothing: Tab goes on to the rooms")
        CongressScreensTests.press("Tab", on: store)
        #expect(store.state.focus == .agenda)
        CongressScreensTests.press("BTab", on: store)
        #expect(store.state.focus == .regions)
        CongressScreensTests.press("4", on: store)
        #expect(store.state.focus == .regions)
        #expect(store.state.message?.text(in: .en) == "Pane 4 (Technologies) has nothing to show: this data has no technologies or tracks")
        #expect(store.state.message?.text(in: .fr) == "Le panneau 4 (Technologies) n'a rien à montrer : ces données n'ont ni technologie ni thème")
    }

    @Test func theCompactLayoutListsOnlyThePanesWithSomething() {
        let store = Self.store(Self.data(rooms: true), size: Size(width: 80, height: 24))
        let screen = store.render().textLines()
        #expect(screen[0].contains("1 Agenda") && screen[0].contains("3 Rooms"))
        #expect(!screen[0].contains("Timeline") && !screen[0].contains("Technologies"))
    }

    static let cases: [(name: String, rooms: Bool, tracks: Bool, events: Int)] = [
        ("nothing-but-the-agenda", false, false, 1), ("rooms-only", true, false, 1), ("tracks-and-timeline", false, true, 2),
    ]

    @Test(arguments: 0..<cases.count)
    func screensGiveTheEmptyPanesSpaceAway(index: Int) throws {
        let c = Self.cases[index]
        let store = Self.store(Self.data(rooms: c.rooms, tracks: c.tracks, events: c.events), size: Size(width: 120, height: 40))
        try ScreenGolden.check(store.render().textLines().joined(separator: "\n") + "\n", named: "empty-panes-\(c.name)-120x40.txt")
    }
}

import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
import ConfDashTestSupport
@testable import ConfDashUI

/// Reloading a schedule in the dashboard (R, `:reload`, `--refresh-every`), the marks, the
/// Changes view (C) and the starred-session notice, through the store as the terminal drives it:
/// keys in, background work held or run, whole states compared.
@Suite struct LiveReloadTests {
    /// Parsers moved to 15:00 in the Annex, Caches gone, Lightning talks new.
    static var second: MiniSchedule {
        var mini = MiniSchedule.first
        mini.version = "1.1"
        mini.talks[1].start = "15:00"
        mini.talks[1].room = "Annex"
        mini.talks.remove(at: 2)
        mini.talks.append(.init(guid: "aaaaaaaa-0000-5000-8000-000000000009", id: 9, title: "Lightning talks", start: "16:00"))
        return mini
    }

    /// Background work a test releases when it wants: to see the state while a reload runs.
    final class HeldRunner: @unchecked Sendable {
        private let lock = NSLock()
        private var jobs: [@Sendable () -> Void] = []
        var runner: BackgroundRunner {
            BackgroundRunner { [self] work in lock.lock(); jobs.append(work); lock.unlock() }
        }
        var pending: Int { lock.lock(); defer { lock.unlock() }; return jobs.count }
        func release() {
            lock.lock(); let taken = jobs; jobs = []; lock.unlock()
            for job in taken { job() }
        }
    }

    struct Setup {
        var file: URL
        var directory: URL
        var store: DashboardStore
        var held = HeldRunner()
    }

    static func setup(stars: Bool = false) throws -> Setup {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("confdash-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("mini.xml")
        try Data(MiniSchedule.first.xml.utf8).write(to: file)
        let dataset = try #require(try DatasetImporter.load(contentsOf: file).dataset)
        let store = DashboardStore(index: DatasetIndex(dataset), size: Size(width: 100, height: 30), language: .en, theme: .monochrome)
        if stars {
            let personal = PersonalStateStore(directory: directory.appendingPathComponent("state").path, identity: .imported(dataset, path: file.path))
            store.attach(PersonalFile(store: personal, dataset: dataset))
        }
        // A clock that stands still: the idle poll's tick changes nothing the tests compare. The
        // day before Mini Conf, so the dashboard opens on its first session, not at the time it
        // is (it opens at the current time while an event is on).
        store.clock = { 1_748_685_600 }
        store.configureClock(now: nil, remindMinutes: 10)
        let held = HeldRunner()
        store.follow(.file(file.path), runner: held.runner)
        return Setup(file: file, directory: directory, store: store, held: held)
    }

    static func press(_ keys: String, _ store: DashboardStore) {
        for key in Key.parseSequence(keys) { _ = store.handle(key) }
    }

    func selectedTitle(_ store: DashboardStore) -> String? {
        store.data.agendaRows(store.state).session(at: store.state.agenda.cursor)?.0.title.text(in: .en)
    }

    @Test func reloadRunsInTheBackgroundKeysKeepWorkingAndThePlaceIsKept() throws {
        let setup = try Self.setup()
        let store = setup.store
        Self.press("j j", store)   // on Caches (10:00 Opening, 11:00 Parsers, 12:00 Caches)
        #expect(selectedTitle(store) == "Caches")
        try Data(Self.second.xml.utf8).write(to: setup.file)

        let before = store.state
        Self.press("R", store)
        var expected = before
        expected.live.reloading = true
        expected.message = .live(.reloading("mini.xml"))
        #expect(store.state == expected, "R only says a reload runs; the work waits in the background")
        #expect(setup.held.pending == 1)

        // Keys act at once while the reload runs; a second R does not start another.
        Self.press("k R", store)
        #expect(selectedTitle(store) == "Parsers")
        #expect(store.state.message == .live(.stillReloading) && setup.held.pending == 1)

        let waiting = store.state
        setup.held.release()
        #expect(store.state == waiting, "nothing changes until the main thread takes the result")
        #expect(store.idle(), "the loop's idle poll applies it and asks for a frame")

        let counts = ChangeCounts(new: 1, moved: 1, cancelled: 1)
        var after = waiting
        after.live.reloading = false
        after.live.changes = store.state.live.changes
        after.live.marks = [
            "mini25/9": .new, "mini25/2": .moved,
        ]
        after.message = .live(.reloaded(counts, starred: nil, offline: nil))
        // Parsers moved to 15:00: the list is re-sorted and the cursor follows it.
        after.agenda.cursor = 1
        #expect(store.state == after)
        #expect(selectedTitle(store) == "Parsers")
        #expect(store.state.live.changes?.fromVersion == "1.0" && store.state.live.changes?.toVersion == "1.1")
        #expect(store.state.live.changes?.changes.map(\.title.en) == ["Lightning talks", "Parsers", "Caches"])
        #expect(UIText(.en).message(store.state.message!) == "1 new, 1 moved, 1 cancelled — C lists them")
        #expect(UIText(.fr).message(store.state.message!) == "1 nouvelle, 1 déplacée, 1 annulée — C les liste")

        // The marks are words in the list: they read without colour.
        let screen = store.render().text
        #expect(screen.contains("NEW Lightning talks"))
        #expect(screen.contains("MOVED Parsers"))
        #expect(!screen.contains("Caches"))
    }

    @Test func theChangesViewListsFromAndToAndEnterGoesToTheSession() throws {
        let setup = try Self.setup()
        let store = setup.store
        Self.press("C", store)
        #expect(store.state.overlay == .changes(cursor: 0))
        #expect(store.render().text.contains("No reload has found a change yet"))
        Self.press("Escape", store)
        #expect(store.state.overlay == nil)

        try Data(Self.second.xml.utf8).write(to: setup.file)
        Self.press("R", store)
        setup.held.release()
        _ = store.idle()
        Self.press("C", store)
        let screen = store.render().text
        #expect(screen.contains("Changes · 1 new, 1 moved, 1 cancelled · version 1.0 → 1.1"))
        #expect(screen.contains("time 11:00–11:45 → 15:00–15:45 · room Main → Annex"), "\(screen)")
        #expect(screen.contains("CANCELLED"))
        #expect(screen.contains("left the schedule"))

        // Enter on the moved session: its details in the agenda.
        Self.press("j Enter", store)
        #expect(store.state.overlay == .detail(scroll: 0))
        #expect(selectedTitle(store) == "Parsers")
        // Enter on the one that left: nowhere to go, the view stays and says so.
        Self.press("Escape C j j Enter", store)
        #expect(store.state.overlay == .changes(cursor: 2))
        #expect(store.state.message == .live(.sessionGone))
    }

    @Test func aStarredSessionThatMovedOrWasCancelledGetsANotice() throws {
        let setup = try Self.setup(stars: true)
        let store = setup.store
        Self.press("j s j s", store)   // star Parsers and Caches
        #expect(store.state.personal.starred.count == 2)
        try Data(Self.second.xml.utf8).write(to: setup.file)
        Self.press("R", store)
        setup.held.release()
        _ = store.idle()
        guard case .live(.reloaded(_, let starred?, nil))? = store.state.message else {
            Issue.record("no starred notice: \(String(describing: store.state.message))"); return
        }
        #expect(starred.kind == .moved && starred.title.en == "Parsers" && starred.others == 1)
        let text = UIText(.en).message(store.state.message!)
        #expect(text == "★ “Parsers” moved: time 11:00–11:45 → 15:00–15:45, room Main → Annex (+1 starred) · 1 new, 1 moved, 1 cancelled — C lists them")
        #expect(store.state.message?.kind == .error, "a starred change is shown as loudly as an error")
        // The star followed Parsers into the new version.
        #expect(store.state.personal.starred == [SessionAddress(event: "mini25", session: "2")])
    }

    @Test func aFailedReloadKeepsTheVersionShownAndSaysWhy() throws {
        let setup = try Self.setup()
        let store = setup.store
        let shown = store.data.index.dataset
        try Data("<schedule><day>".utf8).write(to: setup.file)
        Self.press(": r e l o a d Enter", store)
        #expect(store.state.live.reloading)
        setup.held.release()
        _ = store.idle()
        guard case .live(.failed(let failure?))? = store.state.message else {
            Issue.record("\(String(describing: store.state.message))"); return
        }
        #expect(failure.file.hasSuffix("mini.xml"))
        #expect(UIText(.en).message(store.state.message!).contains("mini.xml"))
        #expect(store.data.index.dataset == shown && store.state.live.changes == nil && !store.state.live.reloading)
    }

    @Test func nothingChangedSaysSoAndKeepsTheLastChanges() throws {
        let setup = try Self.setup()
        let store = setup.store
        try Data(Self.second.xml.utf8).write(to: setup.file)
        Self.press("R", store); setup.held.release(); _ = store.idle()
        let changes = store.state.live.changes
        Self.press("R", store); setup.held.release(); _ = store.idle()
        #expect(store.state.message == .live(.reloaded(ChangeCounts(), starred: nil, offline: nil)))
        #expect(UIText(.en).message(store.state.message!) == "No change since the version shown")
        #expect(store.state.live.changes == changes && !store.state.live.marks.isEmpty)
    }

    @Test func theBuiltInDatasetHasNothingToReload() {
        let store = DashboardStore(index: Fixture.index, size: Size(width: 80, height: 24), language: .en, theme: .monochrome)
        let before = store.state
        Self.press("R", store)
        var expected = before
        expected.message = .live(.nothingToReload)
        #expect(store.state == expected)
        // Its hint is off in the status bar: R does nothing here.
        #expect(!store.render().text.contains("R reload"))
    }

    @Test func refreshEveryReloadsOnItsOwnAndSaysOnlyWhatChanged() throws {
        let setup = try Self.setup()
        let store = setup.store
        let clock = ManualClock()
        store.follow(.file(setup.file.path), refreshEvery: 60, runner: setup.held.runner, uptime: { clock.now })
        clock.now = 59
        #expect(!store.idle() && setup.held.pending == 0)
        clock.now = 60
        _ = store.idle()
        #expect(setup.held.pending == 1 && store.state.live.reloading)
        setup.held.release()
        _ = store.idle()
        #expect(store.state.message == nil, "an automatic reload that found nothing says nothing")
        #expect(!store.state.live.reloading)

        try Data(Self.second.xml.utf8).write(to: setup.file)
        clock.now = 125
        _ = store.idle()
        setup.held.release()
        #expect(store.idle())
        #expect(store.state.message == .live(.reloaded(ChangeCounts(new: 1, moved: 1, cancelled: 1), starred: nil, offline: nil)))
    }

    final class ManualClock: @unchecked Sendable {
        var now: Double = 0
    }
}

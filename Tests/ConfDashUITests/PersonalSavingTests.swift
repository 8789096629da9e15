import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
@testable import ConfDashUI

/// Saves off the key path: the dashboard hands each change to a StateWriter and goes on; the
/// outcomes come back through the store's inbox; quitting waits for every save.
@Suite struct PersonalSavingTests {
    static var index: DatasetIndex { PersonalReducerTests.data.index }

    func address(_ id: String) -> SessionAddress { SessionAddress(event: "congress", session: id) }

    func folder() -> String {
        let path = NSTemporaryDirectory() + "confdash-saving-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func dashboard(_ store: PersonalStateStore, writer: StateWriter) -> DashboardStore {
        let dashboard = DashboardStore(index: Self.index, size: Size(width: 100, height: 30), language: .en, theme: .monochrome)
        dashboard.attach(PersonalFile(store: store, dataset: Self.index.dataset, writer: writer))
        return dashboard
    }

    func press(_ keys: String, _ dashboard: DashboardStore) {
        for key in Key.parseSequence(keys) { _ = dashboard.handle(key) }
    }

    func starredOnDisk(_ store: PersonalStateStore) -> Set<String> { store.load().state.starredKeys }

    @Test func everyStarShownIsOnDiskOnceSavingIsFinished() throws {
        let directory = folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = PersonalStateStore(directory: directory, identity: .bundled)
        let writer = StateWriter()
        let dashboard = dashboard(store, writer: writer)
        press("s j s j s j j s", dashboard)   // a, b, d, c starred
        press("k k k s", dashboard)           // b unstarred again
        #expect(dashboard.state.personal.starred == [address("a"), address("d"), address("c")])
        #expect(dashboard.finishSaving() == nil)
        #expect(starredOnDisk(store) == ["a", "d", "c"])
        // Saves were coalesced or not, but never more than one per change.
        #expect((1...5).contains(writer.savesFinished))
        // Nothing the writer reported changes what the screen shows.
        let before = dashboard.state
        dashboard.deliverBackgroundResults()
        #expect(dashboard.state == before)
    }

    @Test func anotherProgramsStarsJoinAfterABackgroundSave() throws {
        let directory = folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = PersonalStateStore(directory: directory, identity: .bundled)
        let writer = StateWriter()
        let dashboard = dashboard(store, writer: writer)
        // Another dashboard (or `confdash star`) stars e meanwhile.
        let event = Self.index.dataset.events[0]
        var theirs = PersonalState()
        theirs.setStar(SessionRef(session: event.sessions.first { $0.id == "e" }!, event: event), true, at: StateTime.now())
        _ = try store.save(theirs)

        press("s", dashboard)
        #expect(dashboard.state.personal.starred == [address("a")])
        writer.flush()
        #expect(dashboard.deliverBackgroundResults())
        #expect(dashboard.state.personal.starred == [address("a"), address("e")])
        #expect(starredOnDisk(store) == ["a", "e"])
    }

    @Test func aFailedSaveIsSaidTheStarsStayAndQuittingTriesAgain() throws {
        let directory = folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The state folder's place is taken by a file: every save fails (also as root).
        let blocked = directory + "/state"
        FileManager.default.createFile(atPath: blocked, contents: Data("not a folder".utf8))
        let store = PersonalStateStore(directory: blocked, identity: .bundled)
        let writer = StateWriter()
        let dashboard = dashboard(store, writer: writer)
        press("s", dashboard)
        writer.flush()
        dashboard.deliverBackgroundResults()
        #expect(dashboard.state.personal.starred == [address("a")])
        let message = try #require(dashboard.state.message?.text(in: .en))
        #expect(message.hasPrefix("\(blocked)/wco-bundled.json: cannot save stars and notes: "), "\(message)")
        #expect(message.hasSuffix("they are kept in memory only"), "\(message)")
        // Still failing at the end: said, for the CLI to print and exit 73.
        #expect(dashboard.finishSaving()?.contains("cannot save stars and notes") == true)
        // The folder is free again: the retry on quit writes what the screen showed.
        try FileManager.default.removeItem(atPath: blocked)
        #expect(dashboard.finishSaving() == nil)
        #expect(starredOnDisk(store) == ["a"])
    }

    @Test func reopeningTheSameFileKeepsChangesNotYetSaved() throws {
        let directory = folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let blocked = directory + "/state"
        FileManager.default.createFile(atPath: blocked, contents: Data())
        let store = PersonalStateStore(directory: blocked, identity: .bundled)
        let writer = StateWriter()
        let dashboard = dashboard(store, writer: writer)
        press("s j s", dashboard)
        writer.flush()
        // A reload reads the (unwritable) file again: the two stars are carried over, not dropped.
        let reopened = try #require(dashboard.personal).reopened(dataset: Self.index.dataset)
        dashboard.attach(reopened)
        #expect(dashboard.state.personal.starred == [address("a"), address("b")])
        #expect(reopened.writer === writer)
    }
}

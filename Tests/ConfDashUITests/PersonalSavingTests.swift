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

    /// Runs `test` on a dashboard that saves through its own writer to a state folder in a fresh
    /// directory, removed afterwards. `blockedBy`: a file with these contents takes the folder's
    /// place, so that every save fails.
    func withSavingDashboard(blockedBy contents: Data? = nil,
                             _ test: (PersonalStateStore, StateWriter, DashboardStore) throws -> Void) throws {
        let directory = folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var stateFolder = directory
        if let contents {
            stateFolder = directory + "/state"
            FileManager.default.createFile(atPath: stateFolder, contents: contents)
        }
        let store = PersonalStateStore(directory: stateFolder, identity: .bundled)
        let writer = StateWriter()
        try test(store, writer, dashboard(store, writer: writer))
    }

    func press(_ keys: String, _ dashboard: DashboardStore) {
        for key in Key.parseSequence(keys) { _ = dashboard.handle(key) }
    }

    func starredOnDisk(_ store: PersonalStateStore) -> Set<String> { store.load().state.starredKeys }

    @Test func everyStarShownIsOnDiskOnceSavingIsFinished() throws {
        try withSavingDashboard { store, writer, dashboard in
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
    }

    @Test func anotherProgramsStarsJoinAfterABackgroundSave() throws {
        try withSavingDashboard { store, writer, dashboard in
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
    }

    @Test func aFailedSaveIsSaidTheStarsStayAndQuittingTriesAgain() throws {
        // The state folder's place is taken by a file: every save fails (also as root).
        try withSavingDashboard(blockedBy: Data("not a folder".utf8)) { store, writer, dashboard in
            let blocked = store.directory
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
    }

    @Test func reopeningTheSameFileKeepsChangesNotYetSaved() throws {
        try withSavingDashboard(blockedBy: Data()) { _, writer, dashboard in
            press("s j s", dashboard)
            writer.flush()
            // A reload reads the (unwritable) file again: the two stars are carried over, not dropped.
            let reopened = try #require(dashboard.personal).reopened(dataset: Self.index.dataset)
            dashboard.attach(reopened)
            #expect(dashboard.state.personal.starred == [address("a"), address("b")])
            #expect(reopened.writer === writer)
        }
    }
}

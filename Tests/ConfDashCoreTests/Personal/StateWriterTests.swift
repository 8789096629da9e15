import ConfDashTestSupport
import Foundation
import Testing
@testable import ConfDashCore

/// The writer thread (saves off the key path) and the index kept up to date star by star.
@Suite struct StateWriterTests {
    @Test func coalescedSavesEndWithTheLastStateOnDisk() throws {
        let folder = temporaryStateFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = PersonalStateStore(directory: folder, identity: ScheduleIdentity(name: "w", description: "writer test"))
        let writer = StateWriter()
        let reports = Reports()
        var state = PersonalState()
        for number in 1...200 {
            state.setStar(ref("s\(number)"), true, at: Int64(number))
            writer.submit(state, to: store) { reports.add($0) }
        }
        writer.flush()
        #expect(store.load().state.starredCount == 200)
        // One report per save written; a state replaced while waiting was never written on its own.
        #expect(reports.count == writer.savesFinished)
        #expect((1...200).contains(writer.savesFinished))
        #expect(reports.failures == 0 && reports.adopted == 0)
    }

    @Test func aSaveThatFindsAnotherProgramsStarsReportsTheMergedState() throws {
        let folder = temporaryStateFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = PersonalStateStore(directory: folder, identity: ScheduleIdentity(name: "w", description: "writer test"))
        var theirs = PersonalState()
        theirs.setStar(ref("theirs"), true, at: 5)
        _ = try store.save(theirs)
        var mine = PersonalState()
        mine.setStar(ref("mine"), true, at: 6)
        guard case .saved(let adopt?, let messages) = StateWriter.save(mine, in: store) else {
            Issue.record("the save should report the merged state"); return
        }
        #expect(adopt.starredKeys == ["theirs", "mine"] && messages.isEmpty)
        // Saved again with what it now knows, there is nothing new to take in.
        guard case .saved(nil, _) = StateWriter.save(adopt, in: store) else { Issue.record("nothing should be new"); return }
    }

    @Test func flushWithNothingSubmittedReturnsAtOnce() {
        StateWriter().flush()
    }

    /// PersonalFile records each new mark in the index instead of building it again: the result
    /// must be the index a rebuild gives, through stars, unstars and notes on sessions whose marks
    /// were found by key, by title + start, or are new.
    @Test func indexKeptUpStarByStarEqualsARebuild() {
        let sessions = (0..<40).map { timed("t\($0)", "1\($0 % 10):00", 30, day: $0 < 20 ? "2024-12-27" : "2024-12-28") }
        let dataset = congress(sessions)
        let event = dataset.events[0]
        var state = PersonalState()
        // A mark from an older copy whose ids were renumbered: found by title and start.
        state.setStar(SessionRef(key: "old-guid", event: "38c3", id: "999", title: "Talk t3", start: "2024-12-27T13:00"), true, at: 1)
        state.setStar(SessionRef(key: "gone", event: "38c3", id: "gone", title: "Gone", start: nil), true, at: 1)
        var index = PersonalIndex(state: state, dataset: dataset)
        var generator = SeededGenerator(state: 11)
        for step in 0..<300 {
            let session = sessions[Int.random(in: 0..<sessions.count, using: &generator)]
            var sessionRef = SessionRef(session: session, event: event)
            sessionRef.key = index.key(for: session, of: event)
            if step % 7 == 0 {
                state.setNote(sessionRef, "note \(step)", at: Int64(step + 2))
            } else {
                state.setStar(sessionRef, !state.isStarred(sessionRef.key), at: Int64(step + 2))
            }
            index.record(SessionAddress(event: event.id, session: session.id), key: sessionRef.key)
            let rebuilt = PersonalIndex(state: state, dataset: dataset)
            #expect(index.keyByAddress == rebuilt.keyByAddress, "step \(step)")
            #expect(index.addressByKey == rebuilt.addressByKey, "step \(step)")
            #expect(index.vanished.map(\.ref.key) == rebuilt.vanished.map(\.ref.key), "step \(step)")
            #expect(index.starred(in: state, dataset: dataset) == rebuilt.starred(in: state, dataset: dataset))
        }
        #expect(index.keyByAddress[SessionAddress(event: "38c3", session: "t3")] == "old-guid")
    }
}

private final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [StateWriter.Outcome] = []
    func add(_ outcome: StateWriter.Outcome) { lock.lock(); outcomes.append(outcome); lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return outcomes.count }
    var failures: Int {
        lock.lock(); defer { lock.unlock() }
        return outcomes.filter { if case .failed = $0 { return true } else { return false } }.count
    }
    var adopted: Int {
        lock.lock(); defer { lock.unlock() }
        return outcomes.filter { if case .saved(_?, _) = $0 { return true } else { return false } }.count
    }
}

import Foundation
import Testing
@testable import ConfDashCore

/// A save merges with the state the store wrote last instead of reading the file again, but only
/// while the file is the one it wrote: anything another program did to it is read and merged.
@Suite struct LastWriteTests {
    /// The remembered state is exactly what reading the written file gives, on hostile text.
    @Test func rememberedStateIsWhatReadingTheFileGives() {
        var remembered = 0
        for seed in 200..<240 as Range<UInt64> {
            let state = StateFileBytesTests.state(seed: seed, marks: Int(seed - 200) * 2)
            guard case .intact(let read) = PersonalStateFile.read(Data(PersonalStateFile.bytes(of: state))) else {
                Issue.record("seed \(seed): not read back"); continue
            }
            guard let written = state.asWritten else { continue }
            remembered += 1
            #expect(written == read, "seed \(seed)")
        }
        #expect(remembered >= 30, "most hostile states are remembered (\(remembered) of 40)")
        // An empty key or an export record the reader refuses is never remembered.
        var emptyKey = PersonalState()
        emptyKey.setStar(ref(""), true, at: 1)
        #expect(emptyKey.asWritten == nil)
        var badRecord = PersonalState()
        badRecord.exports["k"] = CalendarExportRecord(key: "k", uid: "u", sequence: 1, fingerprint: "", title: "", dtstart: "2024-12-27 10:00")
        #expect(badRecord.asWritten == nil)
    }

    /// Saves in a row by one store (the dashboard starring session after session) keep every star,
    /// and the file holds them all.
    @Test func savesInARowKeepEveryStar() throws {
        let store = PersonalStateStore(directory: temporaryStateFolder(), identity: ScheduleIdentity(name: "row", description: "row"))
        var state = PersonalState()
        for number in 0..<20 {
            state.setStar(ref("s\(number)"), true, at: Int64(100 + number))
            if number == 10 { state.setStar(ref("s3"), false, at: 200) }
            state = try store.save(state).state
        }
        let expected = Set((0..<20).map { "s\($0)" }).subtracting(["s3"])
        #expect(state.starredKeys == expected)
        #expect(PersonalStateStore(directory: store.directory, identity: store.identity).load().state == state)
    }

    /// Another program replaced the file (a second dashboard, `confdash star`): its stars are merged.
    @Test func aFileReplacedByAnotherProgramIsReadAgain() throws {
        let folder = temporaryStateFolder()
        let identity = ScheduleIdentity(name: "two", description: "two")
        let mine = PersonalStateStore(directory: folder, identity: identity)
        var state = PersonalState()
        state.setStar(ref("mine"), true, at: 1)
        state = try mine.save(state).state
        let theirs = PersonalStateStore(directory: folder, identity: identity)
        var other = theirs.load().state
        other.setStar(ref("theirs"), true, at: 2)
        other.setStar(ref("mine"), false, at: 3)
        _ = try theirs.save(other)
        state.setStar(ref("again"), true, at: 4)
        #expect(try mine.save(state).state.starredKeys == ["theirs", "again"])
    }

    /// A hand edit in place, of the same size and with the modification time set back: the
    /// status-change time still tells, and the edit is read and merged, not written over.
    @Test func aSameSizeEditInPlaceWithItsTimeSetBackIsReadAgain() throws {
        let store = PersonalStateStore(directory: temporaryStateFolder(), identity: ScheduleIdentity(name: "edit", description: "edit"))
        var state = PersonalState()
        state.setStar(ref("aaaa"), true, at: 1)
        state = try store.save(state).state
        var before = stat()
        #expect(stat(store.path, &before) == 0)
        usleep(30_000)  // past the kernel clock's tick, so the edit's status-change time differs
        let text = try String(contentsOfFile: store.path, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "\"aaaa\"", with: "\"bbbb\"")
        #expect(edited.utf8.count == text.utf8.count)
        let handle = try #require(FileHandle(forWritingAtPath: store.path))
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, store.path, &times, 0) == 0)
        var after = stat()
        #expect(stat(store.path, &after) == 0)
        #expect(after.st_ino == before.st_ino && after.st_size == before.st_size && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)

        state.setStar(ref("cccc"), true, at: 5)
        let saved = try store.save(state).state
        #expect(saved.starredKeys == ["aaaa", "bbbb", "cccc"])
        #expect(store.load().state.starredKeys == ["aaaa", "bbbb", "cccc"])
    }

    /// The file removed behind our back: the save writes what this program holds, as before.
    @Test func aRemovedFileIsNotTakenForTheOneWritten() throws {
        let store = PersonalStateStore(directory: temporaryStateFolder(), identity: ScheduleIdentity(name: "gone", description: "gone"))
        var state = PersonalState()
        state.setStar(ref("a"), true, at: 1)
        state = try store.save(state).state
        try FileManager.default.removeItem(atPath: store.path)
        var fresh = PersonalState()
        fresh.setStar(ref("b"), true, at: 2)
        #expect(try store.save(fresh).state.starredKeys == ["b"])
    }
}

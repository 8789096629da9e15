import Foundation
import Testing
@testable import ConfDashCore

@Suite struct PersonalStateStoreTests {
    let identity = ScheduleIdentity(name: "38c3-test", description: "38C3 test schedule")

    @Test func roundTripKeepsStarsNotesUnstarsAndExportRecords() throws {
        let folder = temporaryStateFolder()
        let store = PersonalStateStore(directory: folder + "/deeper/confdash", identity: identity)
        var state = PersonalState()
        state.setStar(ref("a", title: "Ünïcode \"quoted\" \\ title\nsecond line"), true, at: 1_000)
        state.setStar(ref("b", start: nil), true, at: 2_000)
        state.setStar(ref("c"), false, at: 3_000)
        state.setNote(ref("b", start: nil), "bring the laptop  ", at: 4_000)
        state.exports["a"] = CalendarExportRecord(key: "a", uid: "a@38c3.confdash", sequence: 2, fingerprint: "x|y",
                                                  title: "A", dtstart: "20241227T100000Z", cancelled: true)
        let saved = try store.save(state).state
        #expect(saved.marks == state.marks && saved.exports == state.exports)
        let loaded = store.load()
        #expect(loaded.messages.isEmpty && loaded.readOnlyReason == nil)
        #expect(loaded.state.marks == state.marks)
        #expect(loaded.state.exports == state.exports)
        #expect(loaded.state.starredKeys == ["a", "b"])
        #expect(loaded.state.note("b") == "bring the laptop")
        #expect(loaded.state.schedule == "38C3 test schedule")
        // The same state gives the same bytes: nothing depends on dictionary order.
        let text = try String(contentsOfFile: store.path, encoding: .utf8)
        #expect(PersonalStateFile.text(of: loaded.state) == text)
        #expect(text.hasPrefix("{\n  \"format\": \"confdash-state\",\n  \"version\": 1,"))
        // Private to the user, and no temporary file left behind.
        let attributes = try FileManager.default.attributesOfItem(atPath: store.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.directory).filter { $0.contains(".confdash-") }
        #expect(leftovers.isEmpty)
    }

    @Test func changeTimesRoundTripToTheMillisecond() {
        for stamp: Int64 in [0, 1, 999, 1_000, 1_732_968_012_345, 4_102_444_799_999] {
            #expect(StateTime.parse(StateTime.text(stamp)) == stamp, "\(stamp) → \(StateTime.text(stamp))")
        }
        #expect(StateTime.text(1_732_968_012_345) == "2024-11-30T12:00:12.345Z")
        #expect(StateTime.parse("2024-11-30T12:00:12Z") == 1_732_968_012_000)
        #expect(StateTime.parse("2024-11-30T12:00:12") == nil)
        #expect(StateTime.parse("yesterday") == nil)
    }

    @Test func xdgPlaces() {
        #expect(PersonalStateStore.defaultDirectory(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/a"]) == "/x/state/confdash")
        #expect(PersonalStateStore.defaultDirectory(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/a"]) == "/home/a/.local/state/confdash")
        #expect(PersonalStateStore.defaultDirectory(environment: ["HOME": "/home/a"]) == "/home/a/.local/state/confdash")
        #expect(PersonalStateStore.defaultDirectory(environment: [:]) == nil)
    }

    @Test func identityNamesTheScheduleAndWhereItCameFrom() {
        let dataset = congress([])
        let first = ScheduleIdentity.imported(dataset, path: "/data/38c3-schedule.xml")
        #expect(first.name.hasPrefix("38c3-") && first.name.count == 13)
        #expect(first == ScheduleIdentity.imported(dataset, path: "/data/./38c3-schedule.xml"))
        #expect(first.name != ScheduleIdentity.imported(dataset, path: "/elsewhere/38c3-schedule.xml").name)
        #expect(first.description == "38C3 from /data/38c3-schedule.xml")
    }

    /// Two programs (two dashboards) on one file, each saving its own changes in turn: nothing
    /// either starred is lost, an unstar in one reaches the other, and a later change wins.
    @Test func twoWritersInterleavedMerge() throws {
        let folder = temporaryStateFolder()
        let one = PersonalStateStore(directory: folder, identity: identity)
        let two = PersonalStateStore(directory: folder, identity: identity)
        var first = one.load().state
        var second = two.load().state
        first.setStar(ref("a"), true, at: 100)
        first = try one.save(first).state
        second.setStar(ref("b"), true, at: 101)  // `second` never saw "a"
        second = try two.save(second).state
        #expect(second.starredKeys == ["a", "b"])
        first.setStar(ref("c"), true, at: 102)
        first.setStar(ref("a"), false, at: 103)
        first = try one.save(first).state
        #expect(first.starredKeys == ["b", "c"])
        second.setNote(ref("c"), "from two", at: 104)
        second.setStar(ref("a"), true, at: 90)  // older than the unstar: loses
        second = try two.save(second).state
        let final = one.load().state
        #expect(final.starredKeys == ["b", "c"])
        #expect(final.note("c") == "from two")
        #expect(final == second)
    }

    @Test func mergeIsOrderIndependentAndTiesKeepTheStar() {
        var a = PersonalState(), b = PersonalState()
        a.setStar(ref("x"), true, at: 5)
        b.setStar(ref("x"), false, at: 5)
        a.setStar(ref("y"), false, at: 9)
        b.setStar(ref("y"), true, at: 3)
        #expect(a.merged(with: b).starredKeys == ["x"])
        #expect(b.merged(with: a).starredKeys == ["x"])
    }

    @Test func damagedFileIsMovedAsideNamedWithItsLineAndWhatCouldBeReadIsKept() throws {
        let folder = temporaryStateFolder()
        let store = PersonalStateStore(directory: folder, identity: identity)
        var state = PersonalState()
        state.setStar(ref("good"), true, at: 1)
        state.setStar(ref("bad"), true, at: 1)
        _ = try store.save(state)
        var text = try String(contentsOfFile: store.path, encoding: .utf8)
        // A hand edit gone wrong on one session: "starred": "yes".
        let badRange = try #require(text.range(of: "\"key\": \"bad\""))
        let starredRange = try #require(text.range(of: "\"starred\": true", range: badRange.upperBound..<text.endIndex))
        text.replaceSubrange(starredRange, with: "\"starred\": \"yes\"")
        try text.write(toFile: store.path, atomically: false, encoding: .utf8)
        // The session's object starts on the line before its key.
        let line = text[..<badRange.lowerBound].filter { $0 == "\n" }.count + 1 - 1

        let now = Date(timeIntervalSince1970: 1_732_968_012)
        let loaded = store.load(now: now)
        #expect(loaded.state.starredKeys == ["good"])
        let aside = store.path + ".corrupt-20241130T120012Z"
        #expect(FileManager.default.fileExists(atPath: aside))
        #expect(!FileManager.default.fileExists(atPath: store.path))
        #expect(loaded.messages == ["\(store.path): line \(line): \"starred\" of \"bad\" should be true or false; the file is moved aside to \(aside); starting with the 1 star that could be read"])
        #expect(loaded.readOnlyReason == nil)
        #expect(try String(contentsOfFile: aside, encoding: .utf8) == text, "the damaged file is kept as it was")
        _ = try store.save(loaded.state)
        #expect(store.load().state.starredKeys == ["good"])
    }

    @Test func unparsableFileNamesLineAndColumn() throws {
        let folder = temporaryStateFolder()
        let store = PersonalStateStore(directory: folder, identity: identity)
        try "{\n  \"format\": \"confdash-state\",\n  \"version\": 1,\n  \"sessions\": [ {\"key\": \"a\",, }\n".write(toFile: store.path, atomically: false, encoding: .utf8)
        let loaded = store.load(now: Date(timeIntervalSince1970: 0))
        #expect(loaded.state.marks.isEmpty)
        #expect(loaded.messages.count == 1)
        #expect(loaded.messages[0].hasPrefix("\(store.path): line 4: column "))
        #expect(loaded.messages[0].contains("moved aside to \(store.path).corrupt-19700101T000000Z"))
        // Truncated to nothing (what a non-atomic writer leaves after a crash) is damaged too, never silently empty.
        try "".write(toFile: store.path, atomically: false, encoding: .utf8)
        let empty = store.load(now: Date(timeIntervalSince1970: 0))
        #expect(empty.messages.first?.contains("corrupt-19700101T000000Z-2") == true)
    }

    /// A concurrent program damaged the file between our load and our save: the save moves it
    /// aside too, never writes over it.
    @Test func saveOverDamagedFileMovesItAsideFirst() throws {
        let folder = temporaryStateFolder()
        let store = PersonalStateStore(directory: folder, identity: identity)
        try "garbage".write(toFile: store.path, atomically: false, encoding: .utf8)
        var state = PersonalState()
        state.setStar(ref("a"), true, at: 1)
        let (saved, messages) = try store.save(state, now: Date(timeIntervalSince1970: 0))
        #expect(saved.starredKeys == ["a"])
        #expect(messages.count == 1 && messages[0].contains("moved aside"))
        #expect(try String(contentsOfFile: store.path + ".corrupt-19700101T000000Z", encoding: .utf8) == "garbage")
    }

    @Test func newerFormatIsNeverRewritten() throws {
        let folder = temporaryStateFolder()
        let store = PersonalStateStore(directory: folder, identity: identity)
        let future = "{\"format\": \"confdash-state\", \"version\": 2, \"sessions\": []}"
        try future.write(toFile: store.path, atomically: false, encoding: .utf8)
        let loaded = store.load()
        #expect(loaded.readOnlyReason != nil)
        #expect(loaded.messages == ["\(store.path): written by a newer confdash (format version 2); it is left untouched and nothing is saved"])
        var state = loaded.state
        state.setStar(ref("a"), true, at: 1)
        #expect(throws: PersonalStateStore.SaveError.newerFormat(path: store.path, version: 2)) { try store.save(state) }
        #expect(try String(contentsOfFile: store.path, encoding: .utf8) == future)
    }

    /// A folder that cannot be written: a clear error naming the file, the state the caller holds
    /// is unchanged, and nothing on disk changes. (As root permissions do not stop writes, the
    /// folder is then made unusable by a file in its place; the real read-only folder is tested
    /// with the helper run as an unprivileged user below.)
    @Test func unwritableFolderGivesAClearErrorAndKeepsMemory() throws {
        let folder = temporaryStateFolder()
        try "not a folder".write(toFile: folder + "/confdash", atomically: false, encoding: .utf8)
        let store = PersonalStateStore(directory: folder + "/confdash", identity: identity)
        var state = PersonalState()
        state.setStar(ref("a"), true, at: 1)
        let before = state
        do {
            _ = try store.save(state)
            Issue.record("the save should fail")
        } catch {
            #expect(error.message.hasPrefix("\(store.path): cannot save stars and notes: "))
            #expect(error.message.hasSuffix("; they are kept in memory only"))
        }
        #expect(state == before)
    }

    @Test func readOnlyFolderAsAnUnprivilegedUser() throws {
        let folder = temporaryStateFolder()
        let writer = builtProduct("confdash-state-writer")
        let state = folder + "/state"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        // A first star saved while it is writable, then the folder made read-only.
        #expect(try runProgram(writer, [state, "ro", "1", "1"]).status == 0)
        let before = try String(contentsOfFile: state + "/ro.json", encoding: .utf8)
        chmod(state, 0o555)
        chmod(state + "/ro.json", 0o444)
        chmod(folder, 0o755)
        defer { chmod(state, 0o755) }
        var command = (writer, [state, "ro", "2", "1"])
        if geteuid() == 0 {
            // Root writes anywhere: run the helper as nobody, if this system can.
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
            for path in [folder, state] { chmod(path, path == state ? 0o555 : 0o755) }
            command = ("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", writer, state, "ro", "2", "1"])
            guard try runProgram("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "/bin/true"]).status == 0,
                  try runProgram("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/test", "-x", writer]).status == 0
            else { return }
        }
        let result = try runProgram(command.0, command.1)
        #expect(result.status == 73)
        #expect(result.output.contains("\(state)/ro.json: cannot save stars and notes: Permission denied; they are kept in memory only")
                || result.output.contains("cannot save stars and notes: Read-only file system"), "\(result.output)")
        #expect(try String(contentsOfFile: state + "/ro.json", encoding: .utf8) == before)
    }
}

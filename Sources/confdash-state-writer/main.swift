import ConfDashCore
import Foundation

// Test helper for the kill -9 tests (Tests/ConfDashCoreTests/Personal/StateKillTests.swift):
// stars `star-1`, `star-2`, … in the state directory given, saving after each, and prints
// "saved N" once save N has returned. Whatever moment the test kills it, every star reported
// saved must be in the file, and the file must parse.
//
//   confdash-state-writer DIRECTORY NAME FIRST COUNT
let arguments = CommandLine.arguments
guard arguments.count == 5, let first = Int(arguments[3]), let count = Int(arguments[4]) else {
    FileHandle.standardError.write(Data("usage: confdash-state-writer DIRECTORY NAME FIRST COUNT\n".utf8))
    exit(64)
}
let store = PersonalStateStore(directory: arguments[1], identity: ScheduleIdentity(name: arguments[2], description: "kill test"))
var state = store.load().state
for number in first..<(first + count) {
    let key = "star-\(number)"
    state.setStar(SessionRef(key: key, event: "test", id: key, title: "Session \(number)", start: "2024-12-27T11:00"), true,
                  at: StateTime.now())
    do {
        state = try store.save(state).state
    } catch {
        FileHandle.standardError.write(Data("\(error.message)\n".utf8))
        exit(73)
    }
    // Unbuffered, so the test sees exactly the saves that returned before the kill.
    let line = Array("saved \(number)\n".utf8)
    _ = line.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
}

import Foundation
import Testing

/// Standard output that cannot be written (a full disk) ends a command with one line on stderr
/// and status 74, never a crash: `FileHandle.write` used to stop the process with a `try!`
/// failure and a stack trace (status 132).
@Suite struct StandardOutputFailureTests {
    @Test(.enabled(if: FileManager.default.isWritableFile(atPath: "/dev/full"), "needs /dev/full"),
          arguments: [["agenda", "--format", "json"], ["agenda"], ["export", "--format", "ics"], ["tracks"], ["snapshot", "--size", "80x24"]])
    func aFullDiskIsAnErrorNotACrash(_ arguments: [String]) throws {
        // /dev/full: every write fails with ENOSPC.
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let run = try Binary.run(arguments, standardOutput: full)
        #expect(run.status == 74, "\(arguments): \(run.stderr)")
        #expect(run.stderr == "confdash: cannot write to standard output: No space left on device\n")
    }
}

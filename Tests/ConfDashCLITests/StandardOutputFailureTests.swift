import ConfDashTestSupport
import Foundation
import Testing

/// Standard output that cannot be written (a full disk) ends a command with one line on stderr
/// and status 74, never a crash: `FileHandle.write` used to stop the process with a `try!`
/// failure and a stack trace (status 132).
@Suite struct StandardOutputFailureTests {
    /// Runs the real binary with stdout on /dev/full, where every write fails with ENOSPC.
    private func runOnFullDevice(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = arguments
        process.environment = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"].merging(sanitizerEnvironment()) { old, _ in old }
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw CocoaError(.fileNoSuchFile) }
        let err = Pipe()
        process.standardOutput = full
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errData, as: UTF8.self))
    }

    @Test(.enabled(if: FileManager.default.isWritableFile(atPath: "/dev/full"), "needs /dev/full"),
          arguments: [["agenda", "--format", "json"], ["agenda"], ["export", "--format", "ics"], ["tracks"], ["snapshot", "--size", "80x24"]])
    func aFullDiskIsAnErrorNotACrash(_ arguments: [String]) throws {
        let run = try runOnFullDevice(arguments)
        #expect(run.status == 74, "\(arguments): \(run.stderr)")
        #expect(run.stderr == "confdash: cannot write to standard output: No space left on device\n")
    }
}

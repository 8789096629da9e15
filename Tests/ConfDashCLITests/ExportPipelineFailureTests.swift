import Foundation
import Testing

/// An export of 1,000 sessions or more is rendered by helper threads while the writer's thread
/// splices and writes (`ExportPipeline`). A write that fails in the middle ends it as a write
/// failure always has: no crash, no hang waiting for a helper, no file left half written.
@Suite struct ExportPipelineFailureTests {
    /// 38C3: 1,007 sessions, above the size at which the export uses its helper threads.
    static let congress = ImportCommandTests.schedule("38c3-schedule.xml")

    @Test(.enabled(if: FileManager.default.isWritableFile(atPath: "/dev/full"), "needs /dev/full"),
          arguments: ["ics", "xml", "json", "csv", "md"])
    func aFullDiskMidExportIsAnError(_ format: String) throws {
        guard let congress = Self.congress else { return }
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let run = try Binary.run(["export", "--format", format, "--data", congress], standardOutput: full)
        #expect(run.status == 74, "\(format): \(run.stderr)")
        #expect(run.stderr.hasSuffix("confdash: cannot write to standard output: No space left on device\n"), "\(format): \(run.stderr)")
        let file = try Binary.run(["export", "--format", format, "--data", congress, "-o", "/dev/full"])
        #expect(file.status == 73, "\(format): \(file.stderr)")
        #expect(file.stderr.hasSuffix("/dev/full: cannot write: No space left on device\n"), "\(format): \(file.stderr)")
    }

    /// The reader goes away after the first bytes (`confdash export … | head -c 100`): the export
    /// ends as a closed pipe ends a command (SIGPIPE, or status 141 where the signal is ignored),
    /// quietly, and soon.
    @Test(arguments: ["ics", "xml", "json", "csv", "md"])
    func aClosedPipeMidExportEndsIt(_ format: String) throws {
        guard let congress = Self.congress else { return }
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = ["export", "--format", format, "--data", congress]
        process.environment = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let first = out.fileHandleForReading.readData(ofLength: 100)
        #expect(!first.isEmpty)
        try out.fileHandleForReading.close()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let signalled = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGPIPE
        #expect(signalled || process.terminationStatus == 141, "\(format): \(process.terminationReason) \(process.terminationStatus)")
        #expect(errData.isEmpty, "\(format): \(String(decoding: errData, as: UTF8.self))")
    }
}

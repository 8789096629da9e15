import ConfDashCLI
import ConfDashTestSupport
import Foundation
import Testing

/// Runs the CLI in-process, capturing exactly what it writes.
struct CLIRun {
    var status: Int32
    var stdout: String
    var stderr: String

    /// A fixed environment, so output does not depend on the machine's locale or terminal.
    static func run(_ arguments: [String], environment: [String: String] = ["LANG": "C.UTF-8"], width: Int? = nil) -> CLIRun {
        var out = ""
        var err = ""
        let io = CommandIO(out: { out += $0 }, err: { err += $0 }, environment: environment, outputWidth: width)
        let status = ConfdashCLI.run(arguments, io: io)
        return CLIRun(status: status, stdout: out, stderr: err)
    }

    /// `arguments` are refused as bad usage: status 64, why on stderr, nothing on stdout.
    static func expectUsageError(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let run = run(arguments)
        #expect(run.status == 64, "\(arguments): \(run.stderr)", sourceLocation: sourceLocation)
        #expect(!run.stderr.isEmpty && run.stdout.isEmpty, "\(arguments)", sourceLocation: sourceLocation)
    }
}

/// Golden files live beside this source, in __Goldens__/. Set CONFDASH_RECORD_GOLDENS=1 to write them
/// anew; then read every changed file before committing it (git diff), as you would review code.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Goldens__")
    static var recording: Bool { ProcessInfo.processInfo.environment["CONFDASH_RECORD_GOLDENS"] == "1" }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name): run the tests with CONFDASH_RECORD_GOLDENS=1 and review it",
                         sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let expectedLines = expected.components(separatedBy: "\n"), actualLines = actual.components(separatedBy: "\n")
            let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
            let detail = first.map { "line \($0.offset + 1):\n  expected: \($0.element.0)\n  actual:   \($0.element.1)" }
                ?? "line counts differ: expected \(expectedLines.count), actual \(actualLines.count)"
            Issue.record("output differs from golden \(name) — \(detail)", sourceLocation: sourceLocation)
        }
    }
}

/// The built `confdash` executable next to the test bundle (swift test builds it: the test target depends on it).
enum Binary {
    static var url: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // Swift Testing runs from <products>/confdashPackageTests.xctest; XCTest may run from inside the bundle.
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("confdash").path),
              directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("confdash")
    }

    /// `standardOutput`: a file stdout goes to instead of a pipe (the run's `stdout` is then empty).
    static func run(_ arguments: [String], environment: [String: String] = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"],
                    currentDirectory: URL? = nil, standardOutput: FileHandle? = nil) throws -> CLIRun {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = environment.merging(sanitizerEnvironment()) { old, _ in old }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = standardOutput ?? out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = standardOutput == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRun(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

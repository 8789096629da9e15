import Foundation

/// Other programs the tests run (python3 with its packages, xmllint, helper executables): one
/// way to find them and one way to run them, for every test target.
public enum Programs {
    /// The first executable called `name` on `PATH` (`/usr/bin:/bin` when unset).
    public static func onPath(_ name: String) -> URL? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs a program to its end with no input (stdin is /dev/null, so nothing waits on the
    /// terminal); its exit status and its stdout and stderr together.
    public static func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// True when `python` imports `module` (icalendar, jsonschema).
    public static func python(_ python: URL, imports module: String) -> Bool {
        (try? run(python, ["-c", "import \(module)"]).status) == 0
    }
}

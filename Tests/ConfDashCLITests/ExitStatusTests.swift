import Foundation
import Testing

@Suite("CLI exit statuses and error messages")
struct ExitStatusTests {
    /// A file in a fresh folder, removed when the test ends.
    private func withTemporaryFile(_ contents: String, _ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("confdash-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("data.json")
        try contents.write(to: url, atomically: true, encoding: .utf8)
        try body(url)
    }

    @Test("0: success")
    func success() {
        #expect(CLIRun.run(["events"]).status == 0)
        #expect(CLIRun.run(["validate", "--bundled"]).status == 0)
    }

    @Test("64: bad usage", arguments: [
        ["agenda", "--no-such-option"],
        ["agenda", "--format", "yaml"],
        ["agenda", "--lang", "de"],
        ["agenda", "--track", "no-such-track"],
        ["agenda", "--tech", "quantum"],
        ["agenda", "--day", "tomorrow"],
        ["agenda", "--day", "0"],
        ["no-such-command"],
        ["validate"],
        ["snapshot", "--refresh-every", "15m"],
        ["snapshot", "--data", "docs/examples/timed-dataset.json", "--refresh-every", "5s"],
        ["snapshot", "--data", "docs/examples/timed-dataset.json", "--refresh-every", "soon"],
    ])
    func usage(arguments: [String]) {
        CLIRun.expectUsageError(arguments)
    }

    @Test("an unknown track names the known ones")
    func unknownTrackMessage() {
        let run = CLIRun.run(["agenda", "--track", "no-such-track"])
        #expect(run.stderr == "confdash: unknown track 'no-such-track'; known: opening-closing, strategy, emerging-tech, data-exchange, detection-risk, facilitation, e-commerce, people-skills, sustainability, cyber-resilience, partnerships\n")
    }

    @Test("65: bad data names the file, the place and the problem")
    func badData() throws {
        try withTemporaryFile("{\n  \"format\": \"confdash-dataset\",\n  \"version\": 1,\n  \"title\": {\"en\": \"x\"},\n  \"events\": [\n    {\"id\": \"e\", \"kind\": \"party\"}\n  ]\n}\n") { url in
        let run = CLIRun.run(["agenda", "--data", url.path])
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("\(url.path):6:"), "\(run.stderr)")
        #expect(run.stderr.contains("events[0].kind"), "\(run.stderr)")
        #expect(run.stderr.contains("events[0]") && run.stderr.contains("startDate"), "every problem is listed: \(run.stderr)")
        let validate = CLIRun.run(["validate", url.path])
        #expect(validate.status == 65)
        #expect(validate.stdout.contains("invalid"))
        }
    }

    @Test("65: a syntax error gives line and column")
    func syntaxError() throws {
        try withTemporaryFile("{\n  \"format\": \"confdash-dataset\",\n  \"version\": 1,,\n}\n") { url in
        let run = CLIRun.run(["validate", url.path])
        #expect(run.status == 65)
        #expect(run.stdout.hasPrefix("\(url.path):3:16: error"), "\(run.stdout)")
        }
    }

    @Test("66: file not found or unreadable")
    func missingFile() throws {
        let run = CLIRun.run(["events", "--data", "/nonexistent/confdash.json"])
        #expect(run.status == 66)
        #expect(run.stderr == "confdash: /nonexistent/confdash.json: no such file\n")
        #expect(CLIRun.run(["validate", "/nonexistent/confdash.json"]).status == 66)
        let directory = FileManager.default.temporaryDirectory.path
        #expect(CLIRun.run(["validate", directory]).status == 66)
    }

    @Test("another valid dataset with --data")
    func otherDataset() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/examples/minimal-dataset.json")
        let run = CLIRun.run(["events", "--data", example.path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("wco-tech-conf-2024"))
    }
}

@Suite("The real binary")
struct BinaryTests {
    @Test("--version and --help")
    func versionAndHelp() throws {
        let version = try Binary.run(["--version"])
        // The version and the git revision the binary was built from (this test runs in a checkout).
        #expect(version.status == 0)
        #expect(version.stdout.wholeMatch(of: /confdash 0\.1\.0 \(git [0-9a-f]{12}(-dirty)?\)\n/) != nil, "\(version.stdout)")
        let help = try Binary.run(["--help"])
        #expect(help.status == 0)
        for command in ["events", "agenda", "tracks", "technologies", "regions", "validate"] {
            #expect(help.stdout.contains(command), "help lists \(command)")
        }
        for command in ["events", "agenda", "tracks", "technologies", "regions", "validate"] {
            for arguments in [[command, "--help"], ["help", command]] {
                let sub = try Binary.run(arguments)
                #expect(sub.status == 0, "\(arguments)")
                #expect(sub.stdout.contains("USAGE: confdash \(command)"), "\(arguments) shows that command's own help")
                #expect(sub.stdout.contains("Examples:\n  confdash \(command)"), "\(arguments) has examples of that command")
            }
        }
    }

    @Test("no subcommand without a terminal: one line on stderr suggesting agenda, status 1, nothing on stdout")
    func noSubcommandWithoutTerminal() throws {
        for environment in [["TERM": "xterm-256color"], ["TERM": "dumb"], [:]] {
            let run = try Binary.run([], environment: environment)
            #expect(run.status == 1)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.hasPrefix("confdash: the dashboard needs a terminal ("))
            #expect(run.stderr.contains("confdash agenda"))
            #expect(run.stderr.filter { $0 == "\n" }.count == 1)
            #expect(!run.stderr.contains("\u{1B}"))
        }
        let explicit = try Binary.run(["dashboard", "--lang", "fr"])
        #expect(explicit.status == 1 && explicit.stderr.contains("confdash agenda"))
    }

    @Test("output into a pipe has no escape codes and whole lines")
    func pipeIsPlain() throws {
        let run = try Binary.run(["agenda"], environment: ["LANG": "C.UTF-8", "COLUMNS": "40", "TERM": "xterm-256color"])
        #expect(run.status == 0)
        #expect(!run.stdout.contains("\u{1B}"))
        #expect(run.stdout.split(separator: "\n").contains { $0.count > 40 }, "COLUMNS does not narrow piped output")
    }

    @Test("the bundled data is inside the binary: it works from any directory and after being copied")
    func bundledDataTravelsWithBinary() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("confdash-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("confdash")
        try FileManager.default.copyItem(at: Binary.url, to: copy)
        let process = Process()
        process.executableURL = copy
        process.arguments = ["events", "--format", "csv"]
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self).contains("wco-tech-conf-2024"))
    }
}

import Foundation
import Testing

@Suite("CLI: export")
struct ExportCommandTests {
    static let timedExample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/examples/timed-dataset.json").path

    /// A fresh folder, removed when the test ends.
    private func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("confdash-export-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    @Test("golden exports", arguments: [
        (["export", "--format", "md", "--event", "rio"], "export-rio.md"),
        (["export", "--format", "ics", "--event", "jakarta"], "export-jakarta.ics"),
        (["export", "--format", "csv", "--event", "hanoi", "--lang", "fr"], "export-hanoi.fr.csv"),
        (["export", "--format", "xml", "--data", timedExample], "export-timed.xml"),
        (["export", "--format", "json", "--data", timedExample], "export-timed.json"),
        (["export", "--format", "ics", "--data", timedExample], "export-timed.ics"),
        (["export", "--format", "md", "--data", timedExample], "export-timed.md"),
    ])
    func golden(arguments: [String], file: String) throws {
        let run = CLIRun.run(arguments)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        #expect(!run.stdout.contains("confdash:"), "notes go to stderr, never into the file")
        try Golden.check(run.stdout, named: file)
    }

    @Test("export takes the input options every data command takes (--input-format was rejected)")
    func inputFormat() {
        let run = CLIRun.run(["export", "--data", Self.timedExample, "--input-format", "confdash", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("id,event,event_title,title,"))
        #expect(run.stdout.contains("dd25-opening"))
        let wrong = CLIRun.run(["export", "--data", Self.timedExample, "--input-format", "ics", "--format", "csv"])
        #expect(wrong.status == 65, "a confdash file read as iCalendar is bad data: \(wrong.stderr)")
    }

    @Test("-o onto a named pipe writes into it and leaves it a pipe (renaming over it would replace it, as it would /dev/null)")
    func outputOntoAPipeKeepsThePipe() throws {
        try withFolder { folder in
            let pipe = folder.appendingPathComponent("out.fifo").path
            #expect(mkfifo(pipe, 0o600) == 0)
            // A reader on the other end, or opening the pipe for writing would wait for ever.
            // The semaphore hands `received` over: ThreadSanitizer saw a race when the test polled
            // `isFinished` instead.
            nonisolated(unsafe) var received = Data()
            let done = DispatchSemaphore(value: 0)
            let reader = Thread {
                received = FileHandle(forReadingAtPath: pipe)?.readDataToEndOfFile() ?? Data()
                done.signal()
            }
            reader.start()
            let run = CLIRun.run(["export", "--format", "csv", "--event", "lima", "-o", pipe])
            #expect(run.status == 0, "\(run.stderr)")
            done.wait()
            var status = stat()
            #expect(stat(pipe, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO, "still a pipe")
            #expect(String(decoding: received, as: UTF8.self).hasPrefix("id,event,event_title,title,"))
        }
    }

    @Test("the formats in export's help come from the format list")
    func helpListsEveryFormat() {
        let help = CLIRun.run(["export", "--help"]).stdout
        #expect(help.contains("ics, xml, json, csv or md"))
    }

    @Test("what a format cannot hold is one line per kind on stderr, with counts and ids")
    func notes() {
        let xml = CLIRun.run(["export", "--format", "xml"])
        #expect(xml.status == 0)
        #expect(xml.stderr.hasPrefix("confdash: xml: 35 sessions and 12 breakout topics with no clock time in the source (ap21-use-cases, ap21-issues, ap21-standards and 44 more): left out: "))
        #expect(xml.stderr.contains("confdash: xml: 5 events state no time zone ("))
        #expect(xml.stdout.contains("<day index=\"19\""), "the days are still listed")
        let ics = CLIRun.run(["export", "--format", "ics", "--event", "lima"])
        #expect(ics.stderr == "confdash: ics: 5 sessions with no day stated in the source (lima-leader-remarks, lima-technologies, lima-experience-sharing and 2 more): each is an all-day entry over the whole event, marked TRANSP:TRANSPARENT and X-CONFDASH-DAY:NOT-STATED, with a description that says the day is not stated\n")
        #expect(CLIRun.run(["export", "--format", "csv"]).stderr.isEmpty, "CSV holds everything")
    }

    @Test("the filters are agenda's: the same sessions, in the same order")
    func sameFiltersAsAgenda() throws {
        for filters in [["--event", "hanoi"], ["--track", "detection", "--track", "e-commerce"], ["--day", "2024-11-13"],
                        ["--search", "securite"], ["--region", "americas", "--kind", "regionalWorkshop"]] {
            let agenda = try JSONSerialization.jsonObject(with: Data(CLIRun.run(["agenda", "--format", "json"] + filters).stdout.utf8))
            let ids = ((agenda as? [String: Any])?["sessions"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            let ics = CLIRun.run(["export", "--format", "ics"] + filters).stdout.replacingOccurrences(of: "\r\n ", with: "")
            let uids = ics.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }.map { $0.dropFirst(4).prefix { $0 != "@" } }
            #expect(!ids.isEmpty && uids.map(String.init) == ids, "\(filters)")
        }
    }

    @Test("-o writes the whole file and nothing else; the format can come from its extension")
    func outputFile() throws {
        try withFolder { folder in
            let path = folder.appendingPathComponent("agenda.md").path
            let run = CLIRun.run(["export", "--event", "rio", "-o", path])
            #expect(run.status == 0 && run.stdout.isEmpty, "\(run.stderr)")
            let written = try String(contentsOfFile: path, encoding: .utf8)
            #expect(written == CLIRun.run(["export", "--format", "md", "--event", "rio"]).stdout)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(files == ["agenda.md"], "no temporary file left behind")
            // Replacing an existing file works the same way.
            #expect(CLIRun.run(["export", "--event", "hanoi", "--output", path]).status == 0)
            let replaced = try String(contentsOfFile: path, encoding: .utf8)
            #expect(replaced.hasPrefix("# WCO Technology Conference & Exhibition 2023"))
        }
    }

    @Test("73: a missing folder or a folder in the file's place is a clear error, and no file appears")
    func unwritable() throws {
        try withFolder { folder in
            let missing = folder.appendingPathComponent("no/such/dir/out.ics").path
            let run = CLIRun.run(["export", "--format", "ics", "-o", missing])
            #expect(run.status == 73)
            #expect(run.stderr == "confdash: \(missing): cannot write: no such directory: \(folder.path)/no/such/dir\n", "the folder as typed")
            let directory = CLIRun.run(["export", "--format", "ics", "-o", folder.path])
            #expect(directory.status == 73 && directory.stderr.contains("is a directory"), "\(directory.stderr)")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(files.isEmpty)
        }
    }

    @Test("65: when no session matches, nothing is written and an existing file is left as it was")
    func nothingToExport() throws {
        try withFolder { folder in
            let path = folder.appendingPathComponent("old.csv").path
            try "old\r\n".write(toFile: path, atomically: true, encoding: .utf8)
            let run = CLIRun.run(["export", "--event", "lima", "--day", "2", "-o", path])
            #expect(run.status == 65)
            #expect(run.stderr == "confdash: no session is placed on that day; 5 matching sessions have no day stated in the source: drop --day to export them ('\(path)' is left as it was)\n")
            let kept = try String(contentsOfFile: path, encoding: .utf8)
            #expect(kept == "old\r\n")
            let none = CLIRun.run(["export", "--format", "md", "--search", "zzzz"])
            #expect(none.status == 65 && none.stdout.isEmpty)
            #expect(none.stderr == "confdash: no session matches these filters: nothing to export\n")
        }
    }

    @Test("64: bad usage", arguments: [
        ["export"],
        ["export", "-o", "agenda.txt"],
        ["export", "--format", "yaml"],
        ["export", "--format", "ics", "--track", "nope"],
        ["export", "--format", "ics", "--day", "0"],
    ])
    func usage(arguments: [String]) {
        CLIRun.expectUsageError(arguments)
    }

    @Test("64: the dataset being read is never the output")
    func refusesToOverwriteInput() throws {
        try withFolder { folder in
            let data = folder.appendingPathComponent("data.json")
            try FileManager.default.copyItem(atPath: Self.timedExample, toPath: data.path)
            let before = try Data(contentsOf: data)
            let run = CLIRun.run(["export", "--format", "json", "--data", data.path, "-o", data.path])
            #expect(run.status == 64 && run.stderr.contains("is the dataset being read"), "\(run.stderr)")
            let after = try Data(contentsOf: data)
            #expect(after == before)
        }
    }

    @Test("--help and help export show the formats and examples")
    func help() {
        for arguments in [["export", "--help"], ["help", "export"]] {
            let run = CLIRun.run(arguments)
            let words = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(run.status == 0)
            #expect(run.stdout.contains("confdash export --format ics -o wco-events.ics"), "\(arguments)")
            #expect(words.contains("73 the output file cannot be written"), "\(arguments)")
        }
        #expect(CLIRun.run(["--help"]).stdout.contains("export"))
    }

    @Test("the built binary writes through stdout and -o like the in-process command")
    func binary() throws {
        try withFolder { folder in
            let path = folder.appendingPathComponent("out.ics").path
            let run = try Binary.run(["export", "--format", "ics", "--event", "hanoi", "-o", path])
            #expect(run.status == 0, "\(run.stderr)")
            let written = try String(contentsOfFile: path, encoding: .utf8)
            #expect(written == CLIRun.run(["export", "--format", "ics", "--event", "hanoi"]).stdout)
        }
    }

    @Test("agenda: an end across the change to summer time is the export's, 04:30, on either clock")
    func agendaEndAcrossAClockChange() {
        let text = CLIRun.run(["agenda", "--data", Self.timedExample])
        #expect(text.stdout.split(separator: "\n").contains { $0.contains("01:30–04:30") && $0.contains("Talk across the change to summer time") },
                "\(text.stdout)")
        let json = CLIRun.run(["agenda", "--data", Self.timedExample, "--format", "json"])
        #expect(json.stdout.contains(#""end" : "2025-03-30T04:30""#), "\(json.stdout)")
        // On a UTC clock: 00:30 to 02:30.
        let utc = CLIRun.run(["agenda", "--data", Self.timedExample, "--tz", "local"], environment: ["LANG": "C.UTF-8", "TZ": "UTC"])
        #expect(utc.stdout.split(separator: "\n").contains { $0.contains("00:30–02:30") && $0.contains("summer time") }, "\(utc.stdout)")
    }
}

import ConfDashCore
import ConfDashRemote
import ConfDashTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real `confdash` binary against the test server: the cache across processes (two at once,
/// one killed mid-download), damaged entries, exit statuses and messages, `changes`.
@Suite struct CacheProcessTests {
    /// The built `confdash` next to the test bundle.
    static var binary: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("confdash").path), directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("confdash")
    }

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    final class Running: @unchecked Sendable {
        let process = Process()
        let out = Pipe(), err = Pipe()

        init(_ arguments: [String], cache: URL, extra: [String: String] = [:]) throws {
            process.executableURL = CacheProcessTests.binary
            process.arguments = arguments
            process.environment = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": cache.path,
                                   "CONFDASH_CONNECT_TIMEOUT": "2", "CONFDASH_FETCH_TIMEOUT": "20"].merging(sanitizerEnvironment()) { $1 }.merging(extra) { $1 }
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        func finish() -> Run {
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
        }
    }

    static func run(_ arguments: [String], cache: URL, extra: [String: String] = [:]) throws -> Run {
        try Running(arguments, cache: cache, extra: extra).finish()
    }

    static func waitFor(_ condition: () -> Bool, seconds: Double = 20) {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() && Date() < deadline { usleep(50_000) }
    }

    @Test func twoProcessesFetchingAtOnceMakeOneRequest() throws {
        let server = try TestServer()
        let cache = try temporaryDirectory()
        try server.serve(["/s.xml": .init(body: MiniSchedule.first.xml, etag: "\"v1\"", delay: 1.5)])
        let arguments = ["events", "--data", server.url("/s.xml").absoluteString, "--format", "json"]
        let first = try Running(arguments, cache: cache)
        let second = try Running(arguments, cache: cache)
        let (a, b) = (first.finish(), second.finish())
        #expect(a.status == 0 && b.status == 0, "\(a.stderr) \(b.stderr)")
        #expect(a.stdout == b.stdout && a.stdout.contains("mini25"))
        #expect(server.requests.count == 1, "the second waited for the first's download and found it fresh")
    }

    @Test func aDownloadKilledMidwayLeavesTheCachedCopyWhole() throws {
        let server = try TestServer()
        let cache = try temporaryDirectory()
        let url = server.url("/s.xml")
        try server.serve(["/s.xml": .init(body: MiniSchedule.first.xml, etag: "\"v1\"")])
        _ = try openRemote(url, cache: cache.appendingPathComponent("confdash"), policy: quickPolicy())

        var second = MiniSchedule.first
        second.version = "2.0"
        try server.serve(["/s.xml": .init(body: second.xml, etag: "\"v2\"", stallAfter: 400, stall: 30)])
        let killed = try Running(["events", "--data", url.absoluteString, "--refresh"], cache: cache)
        Self.waitFor { server.requests.count == 2 }
        usleep(500_000)  // the first 400 bytes are in the new body file by now
        kill(killed.process.processIdentifier, SIGKILL)
        let run = killed.finish()
        #expect(run.status == SIGKILL || killed.process.terminationReason == .uncaughtSignal)

        let store = ScheduleCache(directory: cache.appendingPathComponent("confdash"))
        let entry = try #require(store.entry(for: url).entry)
        let body = try store.body(of: entry.current)
        #expect(DatasetImporter.load(data: body, name: "cached").dataset?.events.first?.scheduleVersion == "1.0")

        // The next run reads the good copy, fetches the new version, and clears the leftover.
        try server.serve(["/s.xml": .init(body: second.xml, etag: "\"v2\"")])
        let next = try Self.run(["changes", url.absoluteString, "--refresh"], cache: cache)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.contains("version 1.0 → 2.0"), "\(next.stdout)")
        let bodies = try FileManager.default.contentsOfDirectory(atPath: store.directory.path).filter { $0.hasSuffix(".body") }
        #expect(bodies.count == 2, "current and previous; the killed download's file is gone: \(bodies)")
    }

    @Test func aDamagedEntryIsIgnoredWithAWarningAndFetchedAgain() throws {
        let server = try TestServer()
        let cache = try temporaryDirectory()
        let url = server.url("/s.xml")
        try server.serve(["/s.xml": .init(body: MiniSchedule.first.xml)])
        let store = ScheduleCache(directory: cache.appendingPathComponent("confdash"))
        _ = try openRemote(url, cache: store.directory, policy: quickPolicy())
        let record = store.directory.appendingPathComponent(store.key(for: url) + ".json")

        try Data("{\"format\": \"confdash-sched".utf8).write(to: record)
        let run = try Self.run(["events", "--data", url.absoluteString], cache: cache)
        #expect(run.status == 0)
        #expect(run.stderr.contains("confdash: warning: the cached copy of \(url.absoluteString) is damaged"), "\(run.stderr)")
        #expect(server.requests.count == 2)

        // A body cut short (a disk that filled up) is caught too.
        let entry = try #require(store.entry(for: url).entry)
        let bodyPath = store.directory.appendingPathComponent(entry.current.body).path
        #expect(truncate(bodyPath, 100) == 0)
        let again = try Self.run(["events", "--data", url.absoluteString], cache: cache)
        #expect(again.status == 0 && again.stderr.contains("is damaged"), "\(again.stderr)")
        #expect(server.requests.count == 3)
    }

    @Test func exitStatusesAndMessages() throws {
        let server = try TestServer()
        let cache = try temporaryDirectory()
        try server.serve(["/s.xml": .init(body: MiniSchedule.first.xml), "/bad.xml": .init(body: "<schedule><day")])

        let ftp = try Self.run(["agenda", "--data", "ftp://127.0.0.1/s.xml"], cache: cache)
        #expect(ftp.status == 64 && ftp.stderr.contains("only http:// and https:// URLs are fetched"))
        let file = try Self.run(["agenda", "--data", "file:///etc/passwd"], cache: cache)
        #expect(file.status == 64)

        let missing = try Self.run(["agenda", "--data", server.url("/missing.xml").absoluteString], cache: cache)
        #expect(missing.status == 66)
        #expect(missing.stderr == "confdash: \(server.url("/missing.xml").absoluteString): cannot fetch the schedule (HTTP 404 Not Found) and there is no cached copy\n")

        let bad = try Self.run(["agenda", "--data", server.url("/bad.xml").absoluteString], cache: cache)
        #expect(bad.status == 65 && bad.stderr.contains("nothing to show"), "\(bad.stderr)")

        let offline = try Self.run(["agenda", "--data", server.url("/s.xml").absoluteString, "--offline"], cache: cache)
        #expect(offline.status == 66 && offline.stderr.contains("no cached copy to use offline"))

        let first = try Self.run(["agenda", "--data", server.url("/s.xml").absoluteString], cache: cache)
        #expect(first.status == 0 && first.stderr.isEmpty && first.stdout.contains("Parsers"), "\(first.stderr)")
        try server.serve(["/s.xml": .init(status: 500, body: "down")])
        let fallback = try Self.run(["agenda", "--data", server.url("/s.xml").absoluteString, "--refresh"], cache: cache)
        #expect(fallback.status == 0 && fallback.stdout == first.stdout)
        let lines = fallback.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("confdash: offline: schedule from ")
                && lines[0].hasSuffix("could not reach \(server.url("/s.xml").absoluteString) (HTTP 500 Internal Server Error)"), "\(fallback.stderr)")

        let usage = try Self.run(["agenda", "--data", server.url("/s.xml").absoluteString, "--max-age", "soon"], cache: cache)
        #expect(usage.status == 64)
    }

    @Test func changesBetweenTwoFilesAndFromTheCache() throws {
        let directory = try temporaryDirectory()
        var second = MiniSchedule.first
        second.version = "1.1"
        second.talks[1].start = "14:00"
        second.talks[3].title = "Closing words"
        second.talks.remove(at: 2)
        let old = directory.appendingPathComponent("old.xml"), new = directory.appendingPathComponent("new.xml")
        try Data(MiniSchedule.first.xml.utf8).write(to: old)
        try Data(second.xml.utf8).write(to: new)

        let text = try Self.run(["changes", new.path, "--since", old.path], cache: directory)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout == """
            \(new.path) since \(old.path) (version 1.0 → 1.1): 1 moved, 1 changed, 1 cancelled
            moved     Parsers — 2025-06-01 14:00 · Main
                        time 11:00–11:45 → 14:00–14:45
            changed   Closing words — 2025-06-01 17:00 · Main
                        title “Closing” → “Closing words”
            cancelled Caches — 2025-06-01 12:00 · Main

            """)
        let csv = try Self.run(["changes", new.path, "--since", old.path, "--format", "csv"], cache: directory)
        #expect(csv.stdout.hasPrefix("change,event,session,title,day,start,room,what,from,to\r\nmoved,mini25,2,Parsers,2025-06-01,2025-06-01T14:00,Main,time,11:00–11:45,14:00–14:45\r\n"),
                "\(csv.stdout)")
        let json = try Self.run(["changes", new.path, "--since", old.path, "--format", "json"], cache: directory)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["counts"] as? [String: Int]) == ["new": 0, "moved": 1, "changed": 1, "cancelled": 1])

        let noSince = try Self.run(["changes", new.path], cache: directory)
        #expect(noSince.status == 64 && noSince.stderr.contains("--since FILE"))

        // From a URL: the cache's previous version.
        let server = try TestServer()
        try server.serve(["/s.xml": .init(body: MiniSchedule.first.xml, etag: "\"a\"")])
        let url = server.url("/s.xml").absoluteString
        let firstTime = try Self.run(["changes", url], cache: directory)
        #expect(firstTime.status == 0 && firstTime.stderr.contains("no earlier version"), "\(firstTime.stderr)")
        try server.serve(["/s.xml": .init(body: second.xml, etag: "\"b\"")])
        let later = try Self.run(["changes", url, "--refresh"], cache: directory)
        #expect(later.stdout.contains("1 moved, 1 changed, 1 cancelled"), "\(later.stdout) \(later.stderr)")
        // Asked again: the server answers 304, and the comparison is still with the version before.
        let again = try Self.run(["changes", url, "--refresh"], cache: directory)
        #expect(again.stdout.contains("1 moved, 1 changed, 1 cancelled"))
        #expect(server.requests.last?.if_none_match == "\"b\"")
    }
}

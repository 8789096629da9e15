import ConfDashCLI
import ConfDashTestSupport
import Foundation
import Testing

/// The dashboard and URLs against the local test server, through `snapshot` (the real store, with
/// background work run at once so the printed frame shows its result): `:open URL` and the
/// offline notice at start, whose stderr line would be hidden under the dashboard.
@Suite struct DashboardURLTests {
    struct Run { var status: Int32; var stdout: String; var stderr: String }

    static func snapshot(_ arguments: [String], cache: URL) -> Run {
        var out = "", err = ""
        let environment = ["LANG": "C.UTF-8", "XDG_CACHE_HOME": cache.path, "XDG_STATE_HOME": cache.appendingPathComponent("state").path,
                           "CONFDASH_CONNECT_TIMEOUT": "1", "CONFDASH_FETCH_TIMEOUT": "3"]
        let io = CommandIO(out: { out += $0 }, err: { err += $0 }, environment: environment)
        let status = ConfdashCLI.run(["snapshot", "--size", "140x30", "--lang", "en"] + arguments, io: io)
        return Run(status: status, stdout: out, stderr: err)
    }

    static func lastLine(_ screen: String) -> String { screen.split(separator: "\n").last.map(String.init) ?? "" }

    static func cacheEntries(_ cache: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("confdash").path)) ?? [])
            .filter { !$0.hasPrefix(".") }
    }

    @Test func openURLFetchesCachesAndShowsTheSchedule() throws {
        let server = try TestServer()
        let cache = try temporaryDirectory()
        try server.serve(["/s.xml": .init(body: MiniSchedule.first.xml, etag: "\"v1\"")])
        let url = server.url("/s.xml").absoluteString

        let run = Self.snapshot(["--keys", ": open Space \(url) Enter"], cache: cache)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.lastLine(run.stdout) == " Opened \(url) — 1 event, 4 sessions", "\(run.stdout)")
        #expect(run.stdout.contains("Mini Conf"))
        #expect(server.requests.count == 1)
        #expect(!Self.cacheEntries(cache).isEmpty, "the body is cached under a hashed name")
        #expect(!Self.cacheEntries(cache).contains { $0.contains("s.xml") || $0.contains("127.0.0.1") }, "no path from the URL")

        // R then reads the URL again (a 304: nothing changed).
        let reload = Self.snapshot(["--keys", ": open Space \(url) Enter R"], cache: cache)
        #expect(Self.lastLine(reload.stdout) == " No change since the version shown", "\(reload.stdout)")
    }

    @Test func aFailedOpenNamesTheURLAndTheViewStays() throws {
        let server = try TestServer()
        let cache = try temporaryDirectory()
        try server.serve(["/gone.xml": .init(status: 404, body: "<html>not here</html>")])
        let url = server.url("/gone.xml").absoluteString

        let before = Self.snapshot(["--keys", "j j"], cache: cache)
        let run = Self.snapshot(["--keys", "j j : open Space \(url) Enter"], cache: cache)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.lastLine(run.stdout).hasPrefix(" \(url): cannot fetch the schedule (HTTP 404"), "\(run.stdout)")
        #expect(run.stdout.split(separator: "\n").dropLast() == before.stdout.split(separator: "\n").dropLast(),
                "everything but the message line is as it was")

        let ftp = Self.snapshot(["--keys", ": open Space ftp://127.0.0.1/s.xml Enter"], cache: cache)
        #expect(Self.lastLine(ftp.stdout) == " ftp://127.0.0.1/s.xml: only http:// and https:// URLs are fetched (a local file is given by its path)",
                "\(ftp.stdout)")
    }

    @Test func aServerAnsweringWithAnythingButASchedule() throws {
        let server = try TestServer()
        let cache = try temporaryDirectory()
        // Control bytes and invalid UTF-8 in a body that is not a schedule.
        try server.serve(["/junk": .init(body: "\u{1B}]0;pwned\u{07}\u{1B}[2J not a schedule \u{FF}")])
        let url = server.url("/junk").absoluteString
        let run = Self.snapshot(["--keys", ": open Space \(url) Enter"], cache: cache)
        #expect(run.status == 0)
        let line = Self.lastLine(run.stdout)
        #expect(line.hasPrefix(" \(url)"), "\(line)")
        #expect(!run.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no control byte reaches the screen")
    }

    @Test func startingOfflineSaysSoInTheDashboard() throws {
        let server = try TestServer()
        let cache = try temporaryDirectory()
        try server.serve(["/s.xml": .init(body: MiniSchedule.first.xml)])
        let url = server.url("/s.xml").absoluteString
        let first = Self.snapshot(["--data", url], cache: cache)
        #expect(first.status == 0, "\(first.stderr)")

        try server.serve(["/s.xml": .init(status: 503, body: "down")])
        let offline = Self.snapshot(["--data", url, "--refresh"], cache: cache)
        #expect(offline.status == 0, "\(offline.stderr)")
        let line = Self.lastLine(offline.stdout)
        #expect(line.hasPrefix(" offline: schedule from ") && line.contains(" s ago — could not reach \(url) (HTTP 503"), "\(offline.stdout)")
        #expect(offline.stdout.contains("Mini Conf"), "the cached copy is shown")

        let requested = Self.snapshot(["--data", url, "--offline", "--lang", "fr"], cache: cache)
        let french = Self.lastLine(requested.stdout)
        #expect(french.hasPrefix(" hors ligne (--offline) : programme d'il y a ") && french.hasSuffix(" s"), "\(requested.stdout)")
    }
}

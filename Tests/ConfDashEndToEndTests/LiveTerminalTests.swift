import ConfDashTestSupport
import Foundation
import Testing

/// A live schedule in the real dashboard: 38C3 served by scripts/test-http-server.py on
/// 127.0.0.1, a starred session, the server's copy edited (the starred talk moved, another
/// removed), R while the server is slow — the screen answers keys meanwhile — then the notice,
/// the marks and the Changes view.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, Tmux.skipReason))
struct LiveTerminalTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let congress = repository.deletingLastPathComponent().appendingPathComponent("shared/fixtures/schedules/38c3-schedule.xml").path

    /// The next version: "Illegal instructions" (Saal 1, 28 Dec 11:00) moved to 16:00, the talk
    /// just before it in the file removed, and the schedule's version string changed.
    static func nextVersion(of original: String) throws -> String {
        var xml = original.replacingOccurrences(of: "<version>2025-03-04 21:21</version>", with: "<version>2025-03-05 09:00</version>")
        let moved = try #require(xml.range(of: "<event guid=\"e81b264f-8337-58a1-87f8-6be92778c8b4\""))
        let end = try #require(xml.range(of: "</event>", range: moved.upperBound..<xml.endIndex))
        let block = String(xml[moved.lowerBound..<end.upperBound])
        let edited = block.replacingOccurrences(of: "2024-12-28T11:00:00+01:00", with: "2024-12-28T16:00:00+01:00")
            .replacingOccurrences(of: "<start>11:00</start>", with: "<start>16:00</start>")
        #expect(edited != block)
        xml.replaceSubrange(moved.lowerBound..<end.upperBound, with: edited)
        // The event before it: from its opening tag to its end.
        let again = try #require(xml.range(of: "<event guid=\"e81b264f-8337-58a1-87f8-6be92778c8b4\""))
        let previous = try #require(xml.range(of: "<event guid=", options: .backwards, range: xml.startIndex..<again.lowerBound))
        let previousEnd = try #require(xml.range(of: "</event>", range: previous.upperBound..<again.lowerBound))
        xml.removeSubrange(previous.lowerBound..<previousEnd.upperBound)
        return xml
    }

    /// What every test starts from: 38C3 (nil, the test skipped, where it is absent; CI records an
    /// issue), a home of their own for the cache and the stars, and a test server at `url`.
    struct Setup {
        let home: URL
        let server: TestServer
        /// 38C3's schedule.xml as the fixture has it.
        let original: String
        var url: String { "http://127.0.0.1:\(server.port)/38c3.xml" }
        var environment: [String: String] {
            ["XDG_CACHE_HOME": home.appendingPathComponent("cache").path,
             "XDG_STATE_HOME": home.appendingPathComponent("state").path]
        }

        init?(_ name: String) throws {
            guard FileManager.default.fileExists(atPath: LiveTerminalTests.congress) else {
                if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record("38c3-schedule.xml not found at \(LiveTerminalTests.congress)") }
                return nil
            }
            original = try String(contentsOfFile: LiveTerminalTests.congress, encoding: .utf8)
            home = FileManager.default.temporaryDirectory.appendingPathComponent("confdash-e2e-\(name)-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            server = try TestServer()
        }

        /// From now on, `url` answers with `body` (38C3 as it is, unless told) and ETag `etag`,
        /// after `delay` seconds.
        func serveSchedule(_ body: String? = nil, etag: String = "v1", delay: Double = 0) throws {
            let file = try server.file("body-\(etag.filter(\.isLetter)).xml", body ?? original)
            try server.serve(["/38c3.xml": TestServer.Answer(bodyFile: file, etag: "\"\(etag)\"", delay: delay)])
        }

        /// The dashboard at 120x36, with this setup's cache and state folders.
        func dashboard(_ arguments: [String] = []) throws -> TmuxPane {
            try TmuxPane(Executable.confdash, arguments, width: 120, height: 36, environment: environment)
        }

        func remove() {
            server.stop()
            try? FileManager.default.removeItem(at: home)
        }

        /// How every test runs: `body` on a setup named `name` whose server answers 38C3 after
        /// `serverDelay` seconds and the dashboard opened on it (`--data url`) or on the built-in
        /// data; then the pane killed and the setup removed, whatever `body` did. Nothing runs
        /// where 38C3 is absent.
        static func run(_ name: String, serverDelay: Double = 0, openingTheURL: Bool,
                        _ body: (Setup, TmuxPane) throws -> Void) throws {
            guard let (setup, pane) = try start(name, serverDelay: serverDelay, openingTheURL: openingTheURL) else { return }
            defer { pane.kill(); setup.remove() }
            try body(setup, pane)
        }

        /// The setup and the dashboard `run` gives its body; nil where 38C3 is absent.
        private static func start(_ name: String, serverDelay: Double = 0, openingTheURL: Bool) throws -> (Setup, TmuxPane)? {
            guard let setup = try Setup(name) else { return nil }
            do {
                try setup.serveSchedule(delay: serverDelay)
                return (setup, try setup.dashboard(openingTheURL ? ["--data", setup.url] : []))
            } catch {
                setup.remove()
                throw error
            }
        }
    }

    // The search results show each session's day and start ("Day 2 16:00"), since realconf's
    // re-apply; the marked row is checked with its new time.
    @Test
    func reloadWhileTheServerIsSlowThenTheNoticeTheMarksAndTheChangesView() throws {
        try Setup.run("live", openingTheURL: true) { setup, pane in
            _ = try pane.waitFor("38C3", timeout: 20)

            // Star the talk that will move.
            try pane.sendKeys("/")
            try pane.type("Illegal instructions")
            try pane.sendKeys("Enter")
            // A debug build on a loaded machine may take seconds over 20 letters of search on 38C3.
            _ = try pane.waitFor("Illegal instructions", timeout: 20)
            try pane.sendKeys("s")
            _ = try pane.waitFor("★ ")

            // The server now has the next version, and answers it only after 3 s.
            try setup.serveSchedule(try Self.nextVersion(of: setup.original), etag: "v2", delay: 3)
            try pane.sendKeys("R")
            _ = try pane.waitFor("Reloading http://127.0.0.1", timeout: 2)
            // The dashboard answers keys while the reload waits for the server.
            try pane.sendKeys("?")
            let during = try pane.waitFor("Help", timeout: 2)
            #expect(during.contains { $0.contains("38C3 · Day 2/4 · 28 Dec 2024 · reloading…") }, "\(during.joined(separator: "\n"))")
            try pane.sendKeys("Escape")

            let notice = try pane.waitFor("★ “Illegal instructions", timeout: 30)
            #expect(notice.contains { $0.contains("moved: time 11:00–11:40 → 16:00–16:40") }, "\(notice.joined(separator: "\n"))")
            // The search in force still lists the talk, now marked, and the cursor and the star followed it.
            let marked = try pane.waitFor("MOVED")
            #expect(marked.contains { $0.contains("▸Day 2 16:00 MOVED ★ Illegal instructions") }, "\(marked.joined(separator: "\n"))")
            #expect(marked.contains { $0.contains("Time: 16:00–16:40") })
            #expect(!marked.contains { $0.contains("reloading…") })

            try pane.sendKeys("C")
            let changes = try pane.waitFor("Changes · 1 moved, 1 cancelled · version 2025-03-04 21:21 → 2025-03-05 09:00")
            #expect(changes.contains { $0.contains("time 11:00–11:40 → 16:00–16:40") })
            #expect(changes.contains { $0.contains("CANCELLED") } && changes.contains { $0.contains("left the schedule") },
                    "\(changes.joined(separator: "\n"))")
            try pane.sendKeys("Escape")
            _ = try pane.waitUntil("Changes closed") { !$0.contains { $0.contains("Changes ·") } }
            try pane.quit()
        }
    }

    /// `:open URL` from the built-in data while the server is slow (keys answered meanwhile), a
    /// failing `:open` that leaves the screen as it was, then a start with `--data URL` while the
    /// server is gone: the cached copy, and the offline notice on screen.
    @Test
    func openURLInTheBackgroundThenAFailureThenStartingOffline() throws {
        try Setup.run("open", serverDelay: 3, openingTheURL: false) { setup, pane in
            let (server, url) = (setup.server, setup.url)
            _ = try pane.waitFor("Rio de Janeiro 2024", timeout: 20)

            try pane.type(":open " + url)
            try pane.sendKeys("Enter")
            let fetching = try pane.waitFor("Fetching http://127.0.0.1", timeout: 2)
            #expect(fetching.contains { $0.contains("fetching…") }, "the status bar says it: \(fetching.joined(separator: "\n"))")
            // Keys are answered while the server takes its time.
            try pane.sendKeys("?")
            _ = try pane.waitFor("Help", timeout: 2)
            try pane.sendKeys("Escape")
            let opened = try pane.waitFor("Opened \(url) — 1 event", timeout: 30)
            #expect(opened.contains { $0.contains("38C3") })
            #expect(!opened.contains { $0.contains("fetching…") })

            // A URL that answers 404: the message names it, and 38C3 stays on screen.
            try pane.type(":open http://127.0.0.1:\(server.port)/missing.xml")
            try pane.sendKeys("Enter")
            let failed = try pane.waitFor("missing.xml: cannot fetch the schedule (HTTP 404", timeout: 20)
            #expect(failed.contains { $0.contains("38C3") }, "\(failed.joined(separator: "\n"))")
            try pane.quit()

            // The server is gone: --data URL --refresh opens the cached copy and says so on screen.
            server.stop()
            let offline = try setup.dashboard(["--data", url, "--refresh"])
            defer { offline.kill() }
            // The cached copy is drawn at once; the background check then fails, and the message line says why.
            _ = try offline.waitFor("38C3 · Day 1/4", timeout: 30)
            let screen = try offline.waitUntil("the offline notice", timeout: 30) { lines in
                lines.contains { $0.hasPrefix(" offline: schedule from") && $0.contains("could not reach \(url) (connection refused)") }
            }
            #expect(screen.contains { $0.contains("38C3") }, "the dashboard's own message line says it: \(screen.joined(separator: "\n"))")
            try offline.quit()
        }
    }

    /// The dashboard never waits for the network before its first frame: with nothing cached it
    /// says it is fetching while the server holds the body back (keys answered meanwhile), then
    /// shows the schedule; with a cached copy it draws that copy at once and checks it behind;
    /// a URL that gives nothing says why, and quitting then ends with 66 and the reason on stderr.
    @Test
    func theFirstFrameComesBeforeTheBodyArrives() throws {
        try Setup.run("first", serverDelay: 6, openingTheURL: true) { setup, pane in
            let (server, url) = (setup.server, setup.url)
            // Waits for the status bar too: a capture can land while tmux has painted the body's
            // line of a frame and not yet its status bar (seen on CI under load).
            let waiting = try pane.waitUntil("the fetching screen and its status bar", timeout: 5) { lines in
                lines.contains { $0.contains("Fetching the schedule…") } && lines.contains { $0.contains("fetching…") }
            }
            #expect(waiting.contains { $0.contains(url) } && !waiting.contains { $0.contains("38C3") }, "\(waiting.joined(separator: "\n"))")
            // Keys work while the server holds the body back.
            try pane.sendKeys("L")
            _ = try pane.waitFor("Téléchargement du programme…", timeout: 3)
            try pane.sendKeys("L")
            try pane.sendKeys("?")
            _ = try pane.waitFor("Help", timeout: 3)
            try pane.sendKeys("Escape")
            let opened = try pane.waitFor("Opened \(url) — 1 event", timeout: 40)
            #expect(opened.contains { $0.contains("38C3 · Day 1/4") }, "\(opened.joined(separator: "\n"))")
            try pane.quit()

            // Cached now: the copy is drawn as soon as it is read (seconds, in a debug build on a
            // loaded machine), and checked with the server behind it: still "reloading…" on that
            // first frame, since the server holds its answer back longer than the wait.
            try setup.serveSchedule(delay: 25)
            let cached = try setup.dashboard(["--data", url, "--max-age", "0"])
            defer { cached.kill() }
            let first = try cached.waitFor("38C3 · Day 1/4", timeout: 20)
            #expect(first.contains { $0.contains("reloading…") }, "the check runs behind the cached copy: \(first.joined(separator: "\n"))")
            _ = try cached.waitUntil("the check done (a 304)", timeout: 60) { !$0.contains { $0.contains("reloading…") } }
            try cached.quit()

            // Nothing cached and nothing there: the screen says why; quitting gives 66 and the reason.
            let missing = "http://127.0.0.1:\(server.port)/missing.xml"
            let failed = try setup.dashboard(["--data", missing])
            defer { failed.kill() }
            let reason = try failed.waitFor("No schedule to show", timeout: 20)
            #expect(reason.contains { $0.contains("\(missing): cannot fetch the schedule (HTTP 404 Not Found)") }, "\(reason.joined(separator: "\n"))")
            try failed.quit(expecting: 66)
            #expect(try failed.capture().contains { $0.contains("confdash: \(missing): cannot fetch the schedule (HTTP 404 Not Found)") })
        }
    }
}

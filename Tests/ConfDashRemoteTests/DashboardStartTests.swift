import ConfDashCore
import ConfDashScreen
import ConfDashTestSupport
import ConfDashUI
import Foundation
import Testing
@testable import ConfDashCLI

/// The dashboard never waits for the network before its first frame (issue 12): `--data URL` is
/// set up as the terminal dashboard sets it up (`waitForNetwork: false`, background threads),
/// against the local test server, whose answers are held back (`delay`) so that the first frame
/// is drawn while the body has not come.
@Suite(.serialized) struct DashboardStartTests {
    struct Started {
        var store: DashboardStore
        var setup: DashboardOptions.Setup
    }

    static func environment(_ cache: URL) -> [String: String] {
        ["LANG": "C.UTF-8", "XDG_CACHE_HOME": cache.path, "XDG_STATE_HOME": cache.appendingPathComponent("state").path,
         "CONFDASH_CONNECT_TIMEOUT": "10", "CONFDASH_FETCH_TIMEOUT": "20"]
    }

    /// The interactive dashboard's setup, without a terminal.
    @MainActor static func start(_ arguments: [String], cache: URL) throws -> Started {
        var err = ""
        let io = CommandIO(out: { _ in }, err: { err += $0 }, environment: environment(cache))
        let options = try DashboardOptions.parse(["--lang", "en"] + arguments)
        let setup = try options.setup(io, waitForNetwork: false)
        return Started(store: setup.dashboard(size: Size(width: 120, height: 30)), setup: setup)
    }

    /// Idles the store (as the terminal loop does every 50 ms) until `done`, or fails after a while.
    @MainActor static func idle(_ store: DashboardStore, until done: (DashboardStore) -> Bool) {
        let deadline = Date().addingTimeInterval(20 * testTimeoutScale)
        while !done(store) && Date() < deadline {
            _ = store.idle()
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(done(store), "gave up waiting; message: \(String(describing: store.state.message))")
    }

    static func press(_ keys: String, _ store: DashboardStore) {
        for key in Key.parseSequence(keys) { _ = store.handle(key) }
    }

    static func cacheOnce(_ server: TestServer, cache: URL) throws {
        var err = ""
        let io = CommandIO(out: { _ in }, err: { err += $0 }, environment: environment(cache))
        #expect(ConfdashCLI.run(["agenda", "--data", server.url("/s.xml").absoluteString], io: io) == 0, "\(err)")
    }

    @Test @MainActor func withNothingCachedTheFirstFrameSaysItIsFetching() throws {
        let server = try TestServer()
        let cache = try temporaryDirectory()
        try server.serve(["/s.xml": .init(body: MiniSchedule.first.xml, etag: "\"v1\"", delay: 2)])
        let url = server.url("/s.xml").absoluteString

        let store = try Self.start(["--data", url], cache: cache).store
        // The first frame, while the server still holds the body back.
        #expect(store.data.index.dataset.events.isEmpty && store.state.live.awaiting?.failure == nil)
        #expect(store.state.live.opening == url)
        let first = store.render().text
        #expect(first.contains("Fetching the schedule…") && first.contains(url), "\(first)")
        #expect(first.contains("fetching…"), "the status bar says a fetch runs: \(first)")
        // Keys that need a schedule say why they do nothing; L and ? work.
        Self.press("j", store)
        #expect(store.state.message == .live(.noScheduleYet(url)))
        Self.press("L", store)
        #expect(store.render().text.contains("Téléchargement du programme…"))
        Self.press("L ?", store)
        #expect(store.state.overlay == .help(scroll: 0))
        Self.press("Escape", store)

        Self.idle(store) { $0.state.live.awaiting == nil }
        #expect(store.render().text.contains("Mini Conf"))
        #expect(store.state.message.map { UIText(.en).message($0) } == "Opened \(url) — 1 event, 4 sessions")
        #expect(server.requests.count == 1)
        // From now on R reads the URL again through the cache (a 304).
        Self.press("R", store)
        #expect(store.state.live.reloading)
        Self.idle(store) { !$0.state.live.reloading }
        #expect(store.state.message == nil || store.state.message == .live(.reloaded(ChangeCounts(), starred: nil, offline: nil)))
        #expect(server.requests.last?.if_none_match == "\"v1\"")
    }

    @Test @MainActor func aFirstFetchThatFailsSaysWhyAndRTriesAgain() throws {
        let server = try TestServer()
        let cache = try temporaryDirectory()
        try server.serve(["/s.xml": .init(status: 404, body: "<html>not here</html>", delay: 0.5)])
        let url = server.url("/s.xml").absoluteString

        let started = try Self.start(["--data", url], cache: cache)
        let store = started.store
        Self.idle(store) { $0.state.live.awaiting?.failure != nil }
        let failure = try #require(store.state.live.awaiting?.failure)
        #expect(failure == .unreachable(url: url, .cannotFetch(.httpStatus(404))))
        let screen = store.render().text
        #expect(screen.contains("No schedule to show") && screen.contains("\(url): cannot fetch the schedule (HTTP 404 Not Found)"),
                "\(screen)")
        Self.press("L", store)
        let french = store.render().text
        #expect(french.contains("Aucun programme à afficher") && french.contains("impossible de télécharger le programme (HTTP 404 introuvable)"),
                "after L the reason is in French: \(french)")
        // Quitting now: the reason again on stderr, and 66 as for the data commands.
        var err = ""
        #expect(StartFailure.report(failure, io: CommandIO(out: { _ in }, err: { err += $0 }, environment: [:])) == ExitStatus.noInput)
        #expect(err == "confdash: \(url): cannot fetch the schedule (HTTP 404 Not Found) and there is no cached copy\n")

        // The server comes back: R fetches the same URL again.
        try server.serve(["/s.xml": .init(body: MiniSchedule.first.xml, etag: "\"v1\"")])
        Self.press("R", store)
        #expect(store.state.live.awaiting?.failure == nil && store.state.live.opening == url)
        Self.idle(store) { $0.state.live.awaiting == nil }
        #expect(store.render().text.contains("Mini Conf"))
    }

    @Test func aScheduleThatDoesNotReadEndsWith65() throws {
        let problem = LoadProblem(severity: .error, file: "https://example.org/s.xml", path: "", line: 1, column: 1, message: "not a schedule")
        var err = ""
        let status = StartFailure.report(.invalid(file: "https://example.org/s.xml", problems: [problem]),
                                         io: CommandIO(out: { _ in }, err: { err += $0 }, environment: [:]))
        #expect(status == ExitStatus.dataError)
        #expect(err.hasSuffix("confdash: https://example.org/s.xml: 1 error in the schedule; nothing to show\n"), "\(err)")
    }

    @Test @MainActor func aCachedCopyOpensAtOnceAndIsCheckedInTheBackground() throws {
        let server = try TestServer()
        let cache = try temporaryDirectory()
        try server.serve(["/s.xml": .init(body: MiniSchedule.first.xml, etag: "\"v1\"")])
        try Self.cacheOnce(server, cache: cache)
        let url = server.url("/s.xml").absoluteString

        // Fresh (younger than --max-age): shown, and the server is not asked.
        let fresh = try Self.start(["--data", url], cache: cache).store
        #expect(fresh.render().text.contains("Mini Conf") && !fresh.state.live.reloading)
        #expect(server.requests.count == 1)

        // Older than --max-age 0: the cached copy at once, a reload asks the server behind it.
        try server.serve(["/s.xml": .init(body: ScheduleReloaderTests.laterVersion().xml, etag: "\"v2\"", delay: 2)])
        let store = try Self.start(["--data", url, "--max-age", "0"], cache: cache).store
        #expect(store.render().text.contains("Mini Conf") && store.state.live.reloading, "the cached copy, while the server is asked")
        #expect(store.render().text.contains("reloading…"))
        #expect(store.state.live.changes == nil)
        Self.idle(store) { !$0.state.live.reloading }
        #expect(store.state.message == .live(.reloaded(ChangeCounts(new: 1, moved: 1), starred: nil, offline: nil)))
        #expect(store.state.live.marks.count == 2, "the new and the moved session are marked")
        #expect(server.requests.last?.if_none_match == "\"v1\"")

        // The server down: the cached copy, and the offline notice in the language shown.
        try server.serve(["/s.xml": .init(status: 503, body: "busy")])
        let offline = try Self.start(["--data", url, "--refresh", "--lang", "fr"], cache: cache).store
        Self.idle(offline) { !$0.state.live.reloading }
        guard case .live(.reloaded(_, nil, let notice?))? = offline.state.message else {
            Issue.record("no offline notice: \(String(describing: offline.state.message))"); return
        }
        #expect(notice.reason == .unreachable(.httpStatus(503)))
        let line = UIText(.fr).message(offline.state.message!)
        #expect(line.hasPrefix("hors ligne : programme d'il y a ") && line.hasSuffix("\(url) injoignable (HTTP 503 service indisponible)"),
                "\(line)")
        Self.press("L", offline)
        #expect(offline.state.language == .en && offline.render().text.contains(" offline: schedule from "), "after L, in English")
        #expect(UIText(.en).message(offline.state.message!).hasSuffix("could not reach \(url) (HTTP 503 Service Unavailable)"))
    }
}

import ConfDashCore
import ConfDashRemote
import ConfDashTestSupport
import Foundation
import Testing

/// Fetching against the local test server: validators, redirects, compression, failures, limits.
@Suite struct FetchTests {
    @Test func etagIsSentBackAndA304ReusesTheCache() throws {
        let server = try TestServer()
        let cache = try temporaryDirectory()
        try server.serve(["/s.xml": .init(body: MiniSchedule.first.xml, etag: "\"v1\"")])

        let first = try openRemote(server.url("/s.xml"), cache: cache, policy: quickPolicy())
        #expect(first.origin == .downloaded && first.notice == nil)
        #expect(first.result.dataset?.events.first?.scheduleVersion == "1.0")
        let second = try openRemote(server.url("/s.xml"), cache: cache, policy: quickPolicy())
        #expect(second.origin == .confirmed)
        #expect(second.result.dataset == first.result.dataset)
        #expect(server.requests.map(\.if_none_match) == [nil, "\"v1\""])
        #expect(server.requests.first?.user_agent?.hasPrefix("confdash/") == true)
    }

    @Test func lastModifiedIsSentBack() throws {
        let server = try TestServer()
        let cache = try temporaryDirectory()
        let stamp = "Mon, 02 Jun 2025 10:00:00 GMT"
        try server.serve(["/s.xml": .init(body: MiniSchedule.first.xml, lastModified: stamp)])
        _ = try openRemote(server.url("/s.xml"), cache: cache, policy: quickPolicy())
        let second = try openRemote(server.url("/s.xml"), cache: cache, policy: quickPolicy())
        #expect(second.origin == .confirmed)
        #expect(server.requests.map(\.if_modified_since) == [nil, stamp])
    }

    @Test func aFreshCopyIsNotFetchedAgain() throws {
        let server = try TestServer()
        let cache = try temporaryDirectory()
        try server.serve(["/s.xml": .init(body: MiniSchedule.first.xml)])
        _ = try openRemote(server.url("/s.xml"), cache: cache, policy: quickPolicy(refresh: false))
        let again = try openRemote(server.url("/s.xml"), cache: cache, policy: quickPolicy(refresh: false))
        #expect(again.origin == .fresh)
        #expect(server.requests.count == 1)
        // Older than --max-age: asked again (the same bytes: confirmed, no new version).
        let later = try openRemote(server.url("/s.xml"), cache: cache, policy: quickPolicy(refresh: false, maxAge: 0))
        #expect(later.origin == .confirmed && !later.replacedOlderVersion)
        #expect(server.requests.count == 2)
    }

    @Test func redirectsAreFollowedUpToFive() throws {
        let server = try TestServer()
        let cache = try temporaryDirectory()
        var answers: [String: TestServer.Answer] = ["/s.xml": .init(body: MiniSchedule.first.xml)]
        for hop in 1...6 { answers["/hop\(hop)"] = .init(redirect: hop == 6 ? "/s.xml" : "/hop\(hop + 1)") }
        answers["/loop-a"] = .init(redirect: "/loop-b")
        answers["/loop-b"] = .init(status: 301, redirect: "/loop-a")
        answers["/to-ftp"] = .init(redirect: "ftp://127.0.0.1/x")
        try server.serve(answers)

        let five = try openRemote(server.url("/hop2"), cache: cache, policy: quickPolicy())
        #expect(five.result.dataset != nil, "hop2 → … → hop6 → s.xml is five redirects")
        for path in ["/hop1", "/loop-a"] {
            #expect {
                _ = try openRemote(server.url(path), cache: cache, policy: quickPolicy())
            } throws: { error in
                (error as? RemoteSchedule.Failure)?.message.contains("more than 5 redirects") == true
            }
        }
        #expect {
            _ = try openRemote(server.url("/to-ftp"), cache: cache, policy: quickPolicy())
        } throws: { error in
            (error as? RemoteSchedule.Failure)?.message.contains("not http(s)") == true
        }
    }

    @Test func gzipIsAcceptedAndUndone() throws {
        let server = try TestServer()
        let cache = try temporaryDirectory()
        try server.serve(["/s.xml": .init(body: MiniSchedule.first.xml, gzip: true)])
        let loaded = try openRemote(server.url("/s.xml"), cache: cache, policy: quickPolicy())
        #expect(loaded.result.dataset?.events.first?.sessions.count == 4)
        #expect(server.requests.first?.accept_encoding?.contains("gzip") == true)
    }

    @Test func serverErrorsFallBackToTheCacheWithOneNotice() throws {
        let server = try TestServer()
        let cache = try temporaryDirectory()
        try server.serve(["/s.xml": .init(body: MiniSchedule.first.xml)])
        _ = try openRemote(server.url("/s.xml"), cache: cache, policy: quickPolicy())
        for (status, reason) in [(500, "HTTP 500"), (404, "HTTP 404")] {
            try server.serve(["/s.xml": .init(status: status, body: "oops")])
            let loaded = try openRemote(server.url("/s.xml"), cache: cache, policy: quickPolicy())
            let notice = try #require(loaded.notice)
            #expect(notice.hasPrefix("offline: schedule from ") && notice.contains("ago — could not reach \(server.url("/s.xml").absoluteString) (\(reason)"),
                    "\(notice)")
            #expect(loaded.result.dataset?.events.first?.sessions.count == 4)
        }
    }

    @Test func withoutACacheAnErrorNamesTheURLAndTheReason() throws {
        let server = try TestServer()
        let cache = try temporaryDirectory()
        try server.serve([:])
        #expect {
            _ = try openRemote(server.url("/missing.xml"), cache: cache, policy: quickPolicy())
        } throws: { error in
            guard let failure = error as? RemoteSchedule.Failure, case .unreachable(_, .cannotFetch(.httpStatus(404))) = failure else { return false }
            return failure.message == "\(server.url("/missing.xml").absoluteString): cannot fetch the schedule (HTTP 404 Not Found) and there is no cached copy"
        }
    }

    @Test func aSlowServerTimesOut() throws {
        let server = try TestServer()
        let cache = try temporaryDirectory()
        try server.serve(["/slow.xml": .init(body: MiniSchedule.first.xml, delay: 10),
                          "/stalls.xml": .init(body: MiniSchedule.first.xml, stallAfter: 100, stall: 10)])
        for path in ["/slow.xml", "/stalls.xml"] {
            let clock = ContinuousClock()
            let started = clock.now
            #expect {
                _ = try openRemote(server.url(path), cache: cache, policy: quickPolicy())
            } throws: { error in
                (error as? RemoteSchedule.Failure)?.message.contains("(timeout)") == true
            }
            #expect(clock.now - started < .seconds(8), "the 3 s total timeout, not the server's 10 s")
        }
    }

    @Test func aBodyCutShortIsNotKept() throws {
        let (server, cache) = try FirstVersionCached().serverAndCache
        var second = MiniSchedule.first
        second.version = "2.0"
        try server.serve(["/s.xml": .init(body: second.xml, etag: "\"v2\"", cutAfter: 300)])
        let loaded = try openRemote(server.url("/s.xml"), cache: cache, policy: quickPolicy())
        #expect(loaded.notice?.contains("could not reach") == true, "\(loaded.notice ?? "no notice")")
        #expect(loaded.result.dataset?.events.first?.scheduleVersion == "1.0", "the good copy is kept")
        // Nothing but the good version's body is left in the cache folder.
        let bodies = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".body") }
        #expect(bodies.count == 1)
    }

    @Test func aBodyOverTheLimitIsRefusedWhileStreaming() throws {
        let server = try TestServer()
        let cache = try temporaryDirectory()
        // 200 MB announced, and 200 MB with no length announced: both stop at the 100 MB limit.
        try server.serve(["/big.xml": .init(size: 200 * 1024 * 1024),
                          "/big-unannounced.xml": .init(size: 200 * 1024 * 1024, announceLength: false)])
        var policy = quickPolicy()
        policy.limits.totalTimeout = 60
        for path in ["/big.xml", "/big-unannounced.xml"] {
            #expect {
                _ = try openRemote(server.url(path), cache: cache, policy: policy)
            } throws: { error in
                (error as? RemoteSchedule.Failure)?.message.contains("larger than 100 MB") == true
            }
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".body") }
        #expect(left.isEmpty, "the partial download is removed")
    }

    @Test func aNewVersionKeepsThePreviousForChanges() throws {
        let (server, cache) = try FirstVersionCached().serverAndCache

        var second = MiniSchedule.first
        second.version = "1.1"
        second.talks[1].start = "14:00"                                // moved
        second.talks.remove(at: 2)                                      // cancelled (gone)
        second.talks.append(.init(guid: "aaaaaaaa-0000-5000-8000-000000000009", id: 9, title: "Lightning talks", start: "16:00"))
        try server.serve(["/s.xml": .init(body: second.xml, etag: "\"v2\"")])
        let loaded = try openRemote(server.url("/s.xml"), cache: cache, policy: quickPolicy())
        #expect(loaded.origin == .downloaded && loaded.replacedOlderVersion)
        let entry = try #require(loaded.entry)
        let previous = try #require(entry.previous)
        let older = try #require(DatasetImporter.load(data: try ScheduleCache(directory: cache).body(of: previous), name: "old").dataset)
        let changes = ScheduleChanges.between(older, try #require(loaded.result.dataset))
        #expect(changes.changes.map(\.kind) == [.new, .moved, .cancelled])
        #expect(changes.fromVersion == "1.0" && changes.toVersion == "1.1")
    }

    @Test func aNewVersionThatDoesNotReadKeepsTheOldOne() throws {
        let (server, cache) = try FirstVersionCached().serverAndCache
        try server.serve(["/s.xml": .init(body: "<schedule><day", etag: "\"v2\"")])
        let loaded = try openRemote(server.url("/s.xml"), cache: cache, policy: quickPolicy())
        #expect(loaded.notice?.contains("the new version at \(server.url("/s.xml").absoluteString) does not read") == true)
        #expect(loaded.result.dataset?.events.first?.scheduleVersion == "1.0")

        let empty = try temporaryDirectory()
        #expect {
            _ = try openRemote(server.url("/s.xml"), cache: empty, policy: quickPolicy())
        } throws: { error in
            if case .badData? = error as? RemoteSchedule.Failure { return true }
            return false
        }
    }

    @Test func offlineNeverTouchesTheNetwork() throws {
        let server = try TestServer()
        let cache = try temporaryDirectory()
        try server.serve(["/s.xml": .init(body: MiniSchedule.first.xml)])
        #expect {
            _ = try openRemote(server.url("/s.xml"), cache: cache, policy: quickPolicy(refresh: false, offline: true))
        } throws: { error in
            (error as? RemoteSchedule.Failure)?.message.contains("no cached copy to use offline") == true
        }
        #expect(server.requests.isEmpty)
        _ = try openRemote(server.url("/s.xml"), cache: cache, policy: quickPolicy())
        let offline = try openRemote(server.url("/s.xml"), cache: cache, policy: quickPolicy(refresh: false, offline: true),
                                     now: { Date().addingTimeInterval(2 * 3600 + 60) })
        #expect(offline.origin == .offlineRequested)
        #expect(offline.notice == "offline (--offline): schedule from 2 h ago")
        #expect(server.requests.count == 1)
    }

    @Test func anUnreachableHostFallsBackWithItsAge() throws {
        let cache = try temporaryDirectory()
        let server = try TestServer()
        try server.serve(["/s.xml": .init(body: MiniSchedule.first.xml)])
        let url = server.url("/s.xml")
        _ = try openRemote(url, cache: cache, policy: quickPolicy())
        server.stop()  // nothing listens on the port any more
        let loaded = try openRemote(url, cache: cache, policy: quickPolicy(), now: { Date().addingTimeInterval(3 * 60) })
        #expect(loaded.notice == "offline: schedule from 3 min ago — could not reach \(url.absoluteString) (connection refused)")
    }
}

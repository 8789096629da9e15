import ConfDashCore
import ConfDashRemote
import ConfDashTestSupport
import Foundation
import Testing

/// The work behind a dashboard reload: the file or the URL read again, compared with what is shown.
@Suite struct ScheduleReloaderTests {
    static func laterVersion() -> MiniSchedule {
        var second = MiniSchedule.first
        second.version = "1.1"
        second.talks[0].room = "Annex"
        second.talks.append(.init(guid: "aaaaaaaa-0000-5000-8000-000000000009", id: 9, title: "Lightning talks", start: "16:00"))
        return second
    }

    @Test func aLocalFileIsReadAgainAndCompared() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("s.xml")
        try Data(MiniSchedule.first.xml.utf8).write(to: file)
        let shown = try #require(DatasetImporter.load(data: Data(MiniSchedule.first.xml.utf8), name: "s.xml").dataset)
        let reloader = ScheduleReloader(location: .file(file.path), policy: FetchPolicy(), cache: ScheduleCache(directory: directory))

        #expect(reloader.reload(current: shown).summary == nil, "unchanged file: no changes")
        try Data(Self.laterVersion().xml.utf8).write(to: file)
        let outcome = reloader.reload(current: shown)
        #expect(outcome.summary == "1 new, 1 moved" && outcome.problem == nil)
        #expect(outcome.changes.changes.first { $0.kind == .moved }?.details == [.init(aspect: .room, from: "Main", to: "Annex")])

        try Data("<schedule>".utf8).write(to: file)
        let broken = reloader.reload(current: shown)
        #expect(broken.dataset == nil && broken.problem?.contains("s.xml") == true, "\(broken.problem ?? "")")
    }

    @Test func aURLIsAskedAgainEvenWhenFresh() throws {
        let cached = try FirstVersionCached()
        let (server, cache) = cached.serverAndCache
        let shown = try #require(cached.first.result.dataset)
        let reloader = ScheduleReloader(location: .url(server.url("/s.xml")), policy: quickPolicy(refresh: false),
                                        cache: ScheduleCache(directory: cache))
        try server.serve(["/s.xml": .init(body: Self.laterVersion().xml, etag: "\"v2\"")])
        let outcome = reloader.reload(current: shown)
        #expect(outcome.summary == "1 new, 1 moved")
        #expect(outcome.changes.fromVersion == "1.0" && outcome.changes.toVersion == "1.1")

        try server.serve(["/s.xml": .init(status: 503, body: "busy")])
        let offline = reloader.reload(current: try #require(outcome.dataset))
        #expect(offline.dataset != nil && offline.summary == nil)
        #expect(offline.problem?.hasPrefix("offline: schedule from ") == true, "\(offline.problem ?? "")")
    }
}

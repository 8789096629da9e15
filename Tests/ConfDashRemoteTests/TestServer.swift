import ConfDashCore
import ConfDashRemote
import ConfDashTestSupport
import Foundation
import Testing

/// A server whose /s.xml is `MiniSchedule.first` (ETag "v1"), opened once so that the cache holds
/// that version: where the tests of a newer version start.
struct FirstVersionCached {
    var server: TestServer
    var cache: URL
    var first: RemoteSchedule.Loaded
    var serverAndCache: (TestServer, URL) { (server, cache) }

    init() throws {
        server = try TestServer()
        cache = try temporaryDirectory()
        try server.serve(["/s.xml": .init(body: MiniSchedule.first.xml, etag: "\"v1\"")])
        first = try openRemote(server.url("/s.xml"), cache: cache, policy: quickPolicy())
    }
}

/// Opens `url` with a cache in `cacheDirectory`, as `--data URL` does.
func openRemote(_ url: URL, cache cacheDirectory: URL, policy: FetchPolicy = FetchPolicy(refresh: true),
                now: @escaping () -> Date = Date.init) throws(RemoteSchedule.Failure) -> RemoteSchedule.Loaded {
    try RemoteSchedule.open(url, policy: policy, cache: ScheduleCache(directory: cacheDirectory), now: now) { data, name in
        DatasetImporter.load(data: data, name: name)
    }
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("confdash-cache-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Short timeouts, so that a slow server fails a test in a second, not a minute.
func quickPolicy(refresh: Bool = true, offline: Bool = false, maxAge: TimeInterval = 300, maximumBytes: Int64? = nil) -> FetchPolicy {
    var limits = FetchLimits()
    limits.connectTimeout = 1
    limits.totalTimeout = 3
    if let maximumBytes { limits.maximumBytes = maximumBytes }
    return FetchPolicy(offline: offline, refresh: refresh, maxAge: maxAge, limits: limits)
}

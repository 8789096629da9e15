import ConfDashCore
import Foundation

/// What the user asked of the network for this run.
public struct FetchPolicy: Sendable, Equatable {
    /// Never touch the network: the cached copy or an error (`--offline`).
    public var offline = false
    /// Ask the server even when the cached copy is younger than `maxAge` (`--refresh`).
    public var refresh = false
    /// A copy confirmed this recently is used without asking the server (`--max-age`).
    public var maxAge: TimeInterval = 300
    public var limits = FetchLimits()

    public init(offline: Bool = false, refresh: Bool = false, maxAge: TimeInterval = 300, limits: FetchLimits = FetchLimits()) {
        self.offline = offline; self.refresh = refresh; self.maxAge = maxAge; self.limits = limits
    }
}

/// Opens a schedule by URL, offline-first: the cached copy when it is fresh, else a conditional
/// request; when the network or the new version fails, the cached copy with one notice saying
/// why and how old it is; with no cached copy, an error naming the URL.
public enum RemoteSchedule {
    public enum Origin: Equatable, Sendable {
        /// A version not seen before was downloaded (the first, or a new one).
        case downloaded
        /// The server confirmed the cached copy (304, or the same bytes).
        case confirmed
        /// The cached copy was young enough to use without asking.
        case fresh
        /// The cached copy, because fetching failed for `reason`.
        case offline(reason: FetchProblem)
        /// The cached copy, because the server's new version does not read (its first problem).
        case newVersionUnreadable(problem: String)
        /// The cached copy, because of `--offline`.
        case offlineRequested
        /// The cached copy, not yet checked with the server (`cachedCopy`: the dashboard's first frame).
        case cachedUnchecked
    }

    public struct Loaded: Sendable {
        /// How old the copy shown is, in seconds since the server last gave or confirmed it.
        public func age(now: Date = Date()) -> TimeInterval { now.timeIntervalSince(checkedAt) }

        public var result: LoadResult
        public var origin: Origin
        /// When the version shown was downloaded, and last confirmed by the server.
        public var fetchedAt: Date
        public var checkedAt: Date
        /// Why the copy shown may be out of date (offline), and how old it is; nil for the server's version.
        public var offline: OfflineNotice?
        /// `offline` as one English line for stderr.
        public var notice: String? { offline.map { RemoteWords(.en).offline($0) } }
        /// Cache trouble worth a line on stderr (a damaged entry, a cache folder that cannot be written).
        public var warnings: [String]
        /// The cache entry after this run (nil without a usable cache); its `previous` is the version before.
        public var entry: ScheduleCache.Entry?
        /// True when this run downloaded a version that replaced an older cached one.
        public var replacedOlderVersion: Bool
    }

    public enum Failure: Error, Sendable {
        /// Nothing to show: no network and no cached copy (exit 66). The URL as shown, and why.
        case unreachable(url: String, RemoteFailure)
        /// The server's schedule does not read and there is no cached copy (exit 65).
        case badData(String, problems: [LoadProblem])

        /// As the dashboard takes it: a value its word tables say in the language shown.
        public var loadError: LoadError {
            switch self {
            case .unreachable(let url, let failure): return .unreachable(url: url, failure)
            case .badData(let url, let problems): return .invalid(file: url, problems: problems)
            }
        }

        public var message: String {
            switch self {
            case .unreachable(let url, let failure): return RemoteWords(.en).failure(url, failure)
            case .badData(let url, let problems):
                let errors = problems.filter { $0.severity == .error }.count
                return "\(url): \(errors) \(errors == 1 ? "error" : "errors") in the schedule; nothing to show"
            }
        }
    }

    /// `parse` reads a body (the importer); `name` is what problems call it (the URL).
    public static func open(_ url: URL, policy: FetchPolicy, cache: ScheduleCache, now: @escaping () -> Date = Date.init,
                            parse: @escaping (Data, String) -> LoadResult) throws(Failure) -> Loaded {
        var run = Run(url: url, policy: policy, cache: cache, now: now, parse: parse)
        return try run.open()
    }

    /// "45 s", "12 min", "2 h", "3 days".
    public static func age(_ seconds: TimeInterval) -> String { RemoteWords(.en).age(Int(max(0, seconds))) }
}

/// One `open`, with the cache entry's lock held throughout.
private struct Run {
    let url: URL
    let policy: FetchPolicy
    let cache: ScheduleCache
    let now: () -> Date
    let parse: (Data, String) -> LoadResult
    let shown: String
    var warnings: [String] = []
    var cacheUsable = true

    init(url: URL, policy: FetchPolicy, cache: ScheduleCache, now: @escaping () -> Date, parse: @escaping (Data, String) -> LoadResult) {
        self.url = url; self.policy = policy; self.cache = cache; self.now = now; self.parse = parse
        shown = ScheduleLocation.shown(url.absoluteString)
    }

    mutating func open() throws(RemoteSchedule.Failure) -> RemoteSchedule.Loaded {
        var lock: ScheduleCache.Lock?
        do {
            lock = try cache.lock(url)
        } catch {
            cacheUsable = false
            warnings.append("cannot use the cache folder \(cache.directory.path) (\(error.localizedDescription)); fetching without a cache")
        }
        defer { lock?.release() }

        var entry: ScheduleCache.Entry?
        if cacheUsable {
            let read = cache.entry(for: url)
            entry = read.entry
            if let warning = read.warning {
                warnings.append(warning)
                cache.discard(url: url)
            }
        }

        if policy.offline {
            if let entry, let loaded = cached(entry, .offlineRequested, offline: .requested) {
                return loaded
            }
            throw .unreachable(url: shown, .offlineWithoutCopy)
        }
        if let current = entry, !policy.refresh, now().timeIntervalSince(current.current.checkedAt) < policy.maxAge {
            if let loaded = cached(current, .fresh, offline: nil) { return loaded }
            entry = nil  // damaged: fetched again below
        }
        // A second round only when the cached copy turned out damaged after the server confirmed it.
        for _ in 0..<2 {
            if let loaded = try fetch(over: &entry) { return loaded }
        }
        throw .unreachable(url: shown, .damagedCacheConfirmed)
    }

    /// Nil when the server confirmed a cached copy that then did not read (`entry` is then nil).
    private mutating func fetch(over entry: inout ScheduleCache.Entry?) throws(RemoteSchedule.Failure) -> RemoteSchedule.Loaded? {
        let bodyFile: URL
        do {
            bodyFile = cacheUsable ? try cache.newBodyFile(for: url)
                : FileManager.default.temporaryDirectory.appendingPathComponent("confdash-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).body")
        } catch {
            cacheUsable = false
            warnings.append("cannot use the cache folder \(cache.directory.path) (\(error.localizedDescription)); fetching without a cache")
            return try fetch(over: &entry)
        }
        var keepBody = false
        defer { if !keepBody { unlink(bodyFile.path) } }

        let response: FetchResponse
        do {
            response = try HTTPFetcher.fetch(url, etag: entry?.current.etag, lastModified: entry?.current.lastModified,
                                             into: bodyFile, limits: policy.limits)
        } catch {
            if let entry, let loaded = cached(entry, .offline(reason: error), offline: .unreachable(error)) {
                return loaded
            }
            throw .unreachable(url: shown, .cannotFetch(error))
        }

        switch response {
        case let .notModified(etag, lastModified):
            guard let known = entry else {
                throw .unreachable(url: shown, .notModifiedWithoutCopy)
            }
            let confirmed = (try? cache.confirm(url: url, entry: known, etag: etag, lastModified: lastModified, at: now())) ?? known
            if let loaded = cached(confirmed, .confirmed, offline: nil) { return loaded }
            entry = nil
            return nil

        case let .body(bytes, etag, lastModified):
            guard let data = try? Data(contentsOf: bodyFile) else {
                throw .unreachable(url: shown, .downloadUnreadable(bodyFile.path))
            }
            if let known = entry, known.current.bytes == bytes, let old = try? cache.body(of: known.current), old == data {
                // The same bytes again (a server without ETag or Last-Modified): nothing new, and
                // the previous version stays the one to compare with.
                let confirmed = (try? cache.confirm(url: url, entry: known, etag: etag, lastModified: lastModified, at: now())) ?? known
                return loaded(parse(data, shown), .confirmed, confirmed.current, entry: confirmed, offline: nil)
            }
            let result = parse(data, shown)
            guard result.dataset != nil else {
                let problem = result.problems.first { $0.severity == .error }.map { "\($0.message)" } ?? "it does not read"
                if let entry, let loaded = cached(entry, .newVersionUnreadable(problem: problem), offline: .unreadable(problem)) {
                    return loaded
                }
                throw .badData(shown, problems: result.problems)
            }
            let date = now()
            var committed: ScheduleCache.Entry?
            if cacheUsable {
                do {
                    committed = try cache.commit(url: url, body: bodyFile, bytes: bytes, etag: etag, lastModified: lastModified,
                                                 at: date, over: entry)
                    keepBody = true
                } catch {
                    warnings.append("cannot save \(shown) in the cache \(cache.directory.path) (\(error.localizedDescription))")
                }
            }
            let version = committed?.current ?? ScheduleCache.Version(body: "", bytes: bytes, etag: etag, lastModified: lastModified,
                                                                       fetchedAt: date, checkedAt: date)
            var outcome = loaded(result, .downloaded, version, entry: committed, offline: nil)
            outcome.replacedOlderVersion = entry != nil
            return outcome
        }
    }

    /// The cached copy, or nil (with a warning, and the entry discarded) when it does not read.
    private mutating func cached(_ entry: ScheduleCache.Entry, _ origin: RemoteSchedule.Origin,
                                 offline reason: OfflineNotice.Reason?) -> RemoteSchedule.Loaded? {
        guard let data = try? cache.body(of: entry.current) else {
            warnings.append("the cached copy of \(shown) cannot be read; it is ignored and fetched again")
            cache.discard(url: url)
            return nil
        }
        let result = parse(data, shown)
        guard result.dataset != nil else {
            warnings.append("the cached copy of \(shown) is damaged (it no longer reads); it is ignored and fetched again")
            cache.discard(url: url)
            return nil
        }
        let notice = reason.map {
            OfflineNotice(source: shown, ageSeconds: Int(max(0, now().timeIntervalSince(entry.current.checkedAt))), reason: $0)
        }
        return loaded(result, origin, entry.current, entry: entry, offline: notice)
    }

    private func loaded(_ result: LoadResult, _ origin: RemoteSchedule.Origin, _ version: ScheduleCache.Version,
                        entry: ScheduleCache.Entry?, offline: OfflineNotice?) -> RemoteSchedule.Loaded {
        RemoteSchedule.Loaded(result: result, origin: origin, fetchedAt: version.fetchedAt, checkedAt: version.checkedAt,
                              offline: offline, warnings: warnings, entry: entry, replacedOlderVersion: false)
    }
}

extension RemoteSchedule {
    /// The cached copy of `url` as it is: no lock, no network, no repair. What the dashboard
    /// draws its first frame from while a background fetch asks the server (which takes the lock
    /// and deals with a damaged entry). Nil when nothing cached reads; `origin` is `.fresh` when
    /// the copy is younger than `maxAge`, else `.cachedUnchecked`.
    public static func cachedCopy(_ url: URL, cache: ScheduleCache, maxAge: TimeInterval, now: Date = Date(),
                                  parse: (Data, String) -> LoadResult) -> Loaded? {
        guard let entry = cache.entry(for: url).entry, let data = try? cache.body(of: entry.current) else { return nil }
        let result = parse(data, ScheduleLocation.shown(url.absoluteString))
        guard result.dataset != nil else { return nil }
        let origin: Origin = now.timeIntervalSince(entry.current.checkedAt) < maxAge ? .fresh : .cachedUnchecked
        return Loaded(result: result, origin: origin, fetchedAt: entry.current.fetchedAt, checkedAt: entry.current.checkedAt,
                      offline: nil, warnings: [], entry: entry, replacedOlderVersion: false)
    }
}

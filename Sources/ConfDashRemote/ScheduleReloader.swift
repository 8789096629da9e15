import ConfDashCore
import Foundation

/// Reads a schedule again — the URL through the cache, or the local file — and says what changed
/// against the version on screen. This is the work behind the dashboard's reload (`R`, `:reload`,
/// `--refresh-every`): it blocks, so the dashboard runs it off the main thread and gets the
/// `Outcome` back as an action.
public struct ScheduleReloader: Sendable {
    public let location: ScheduleLocation
    public let format: InputFormat
    public let policy: FetchPolicy
    public let cache: ScheduleCache

    public init(location: ScheduleLocation, format: InputFormat = .auto, policy: FetchPolicy, cache: ScheduleCache) {
        self.location = location
        self.format = format
        self.policy = policy
        self.cache = cache
    }

    public struct Outcome: Sendable, Equatable {
        /// The version read, or nil when nothing could be read (then `failure` says why).
        public var dataset: Dataset?
        /// Against the version on screen; empty when nothing changed.
        public var changes: ScheduleChanges
        /// Why the version read is the cached copy (offline), and how old it is.
        public var offline: OfflineNotice?
        /// Why nothing could be read.
        public var failure: LoadError?

        public init(dataset: Dataset? = nil, changes: ScheduleChanges = ScheduleChanges(), offline: OfflineNotice? = nil,
                    failure: LoadError? = nil) {
            self.dataset = dataset; self.changes = changes; self.offline = offline; self.failure = failure
        }

        /// In English, as the command line says it: the offline notice or the failure.
        public var problem: String? {
            if let failure { return failure.englishLine }
            return offline.map { RemoteWords(.en).offline($0) }
        }

        /// "3 new, 2 moved, 1 cancelled" (kinds with none left out), or nil when nothing changed.
        public var summary: String? {
            let parts = [SessionChange.Kind.new, .moved, .changed, .cancelled].compactMap { kind -> String? in
                let count = changes.count(kind)
                return count == 0 ? nil : "\(count) \(kind.rawValue)"
            }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        }
    }

    /// `current` is what the dashboard shows now. A reload always asks the server (a 304 is cheap)
    /// unless the policy says offline.
    public func reload(current: Dataset) -> Outcome {
        switch location {
        case .file(let path):
            switch DatasetSource.load(path: (path as NSString).expandingTildeInPath, format: format) {
            case .success(let summary):
                return Outcome(dataset: summary.dataset, changes: ScheduleChanges.between(current, summary.dataset))
            case .failure(let failure):
                return Outcome(failure: failure)
            }
        case .url(let url):
            var policy = self.policy
            policy.refresh = !policy.offline
            do {
                let loaded = try RemoteSchedule.open(url, policy: policy, cache: cache) { [format] data, name in
                    DatasetImporter.load(data: data, name: name, format: format)
                }
                guard let dataset = loaded.result.dataset else {
                    return Outcome(failure: .invalid(file: ScheduleLocation.shown(url.absoluteString), problems: loaded.result.problems))
                }
                return Outcome(dataset: dataset, changes: ScheduleChanges.between(current, dataset), offline: loaded.offline)
            } catch {
                return Outcome(failure: error.loadError)
            }
        }
    }
}

extension LoadError {
    /// One English line, as the command line says it: "URL: cannot fetch …", a file's first error.
    public var englishLine: String {
        switch self {
        case .unreadable(let file, let reason): return "\(file): \(reason)"
        case .invalid(let file, _): return errors.first.map { "\($0)" } ?? "\(file): does not read"
        case .unreachable(let url, let failure): return RemoteWords(.en).failure(url, failure)
        }
    }
}

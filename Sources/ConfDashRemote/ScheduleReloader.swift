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
        /// The version read, or nil when nothing could be read (then `problem` says why).
        public var dataset: Dataset?
        /// Against the version on screen; empty when nothing changed.
        public var changes: ScheduleChanges
        /// Why the version shown may be out of date (offline), or why nothing could be read.
        public var problem: String?

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
            let result: LoadResult
            do {
                result = try DatasetImporter.load(contentsOf: URL(fileURLWithPath: (path as NSString).expandingTildeInPath), format: format)
            } catch {
                return Outcome(dataset: nil, changes: ScheduleChanges(), problem: error.description)
            }
            guard let dataset = result.dataset else {
                let first = result.problems.first { $0.severity == .error }.map { "\($0)" } ?? "\(path): does not read"
                return Outcome(dataset: nil, changes: ScheduleChanges(), problem: first)
            }
            return Outcome(dataset: dataset, changes: ScheduleChanges.between(current, dataset), problem: nil)
        case .url(let url):
            var policy = self.policy
            policy.refresh = !policy.offline
            do {
                let loaded = try RemoteSchedule.open(url, policy: policy, cache: cache) { [format] data, name in
                    DatasetImporter.load(data: data, name: name, format: format)
                }
                guard let dataset = loaded.result.dataset else {
                    return Outcome(dataset: nil, changes: ScheduleChanges(), problem: "\(ScheduleLocation.shown(url.absoluteString)): does not read")
                }
                return Outcome(dataset: dataset, changes: ScheduleChanges.between(current, dataset), problem: loaded.notice)
            } catch {
                return Outcome(dataset: nil, changes: ScheduleChanges(), problem: error.message)
            }
        }
    }
}

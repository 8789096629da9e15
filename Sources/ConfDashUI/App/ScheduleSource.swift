import ConfDashCore
import Foundation

/// What R reads again: a file, or (set up by the CLI, which links the network) a URL through
/// the cache. `reload` blocks, so the store runs it off the main thread.
public struct ScheduleSource: Sendable {
    /// As messages name it: a file's name, a URL as `ScheduleLocation.shown` writes it.
    public var name: String
    /// Reads the schedule again and compares it with `current`, the version shown.
    public var reload: @Sendable (_ current: Dataset) -> ReloadResult
    /// The local file, when it is one (`:export` never writes over it).
    public var path: String?

    public init(name: String, path: String? = nil, reload: @escaping @Sendable (Dataset) -> ReloadResult) {
        self.name = name
        self.path = path
        self.reload = reload
    }

    /// A local file, read with the importers as `--data` reads it.
    public static func file(_ path: String, format: InputFormat = .auto) -> ScheduleSource {
        let expanded = (path as NSString).expandingTildeInPath
        return ScheduleSource(name: (expanded as NSString).lastPathComponent, path: expanded) { current in
            switch DatasetSource.load(path: expanded, format: format) {
            case .success(let summary):
                return ReloadResult(dataset: summary.dataset, changes: ScheduleChanges.between(current, summary.dataset))
            case .failure(let failure):
                return ReloadResult(failure: failure)
            }
        }
    }
}

/// What one reload read: built off the main thread, with the new version's index, so that the
/// main thread only swaps it in.
public struct ReloadResult: Sendable {
    /// The version read; nil when nothing could be read (`failure` says why).
    public var dataset: Dataset?
    public var changes: ScheduleChanges
    /// Why the version read is a URL's cached copy (offline), and how old it is.
    public var offline: OfflineNotice?
    /// Why nothing could be read.
    public var failure: LoadError?
    /// The index of `dataset`, built with it in the background.
    var index: DatasetIndex?

    public init(dataset: Dataset? = nil, changes: ScheduleChanges = ScheduleChanges(), offline: OfflineNotice? = nil,
                failure: LoadError? = nil) {
        self.dataset = dataset
        self.changes = changes
        self.offline = offline
        self.failure = failure
    }
}

/// Results of background work, waiting for the main thread. Filled from any thread; the
/// terminal loop empties it between keys and on every input timeout (`InteractiveProgram.idle`,
/// about every 50 ms), so a result shows within one timeout and never delays a key.
final class BackgroundInbox: @unchecked Sendable {
    /// A finished piece of work, as data: the main thread turns it into an action.
    enum Finished: Sendable {
        case reload(ReloadResult, automatic: Bool)
        /// A state file save ran on the writer's thread (`file`: which PersonalFile asked).
        case saved(StateWriter.Outcome, file: ObjectIdentifier)
        /// `:open URL`, with the URL as typed (the stars' state file is named by it).
        case opened(RemoteOpening, location: String)
    }

    private let lock = NSLock()
    private var waiting: [Finished] = []

    func post(_ finished: Finished) {
        lock.lock(); defer { lock.unlock() }
        waiting.append(finished)
    }

    func take() -> [Finished] {
        lock.lock(); defer { lock.unlock() }
        let taken = waiting
        waiting = []
        return taken
    }

    var isEmpty: Bool {
        lock.lock(); defer { lock.unlock() }
        return waiting.isEmpty
    }
}

/// Where background work runs: a thread of its own in the dashboard; at once, on the caller's
/// thread, for `snapshot` and tests that want the result in the same step; or held until a
/// test releases it, to see the state while a reload is under way.
public struct BackgroundRunner: Sendable {
    public var run: @Sendable (@escaping @Sendable () -> Void) -> Void

    public init(run: @escaping @Sendable (@escaping @Sendable () -> Void) -> Void) { self.run = run }

    /// A detached thread per job: a reload may wait up to the fetch's total timeout, and must
    /// never hold the terminal loop. Quitting does not wait for it: the cache's writes are
    /// atomic, so a fetch cut short by the exit leaves the cached copy as it was.
    public static let thread = BackgroundRunner { work in
        let thread = Thread { work() }
        thread.name = "confdash reload"
        thread.start()
    }

    public static let inline = BackgroundRunner { work in work() }
}

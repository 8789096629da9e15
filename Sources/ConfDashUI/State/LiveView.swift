import ConfDashCore

/// A schedule that can change under the dashboard: whether it can be read again (R), whether a
/// reload is under way, and what the last reload that found changes changed. Part of `AppState`,
/// so reducer tests see every step; the store does the reading (`Effect.reload`) off the main
/// thread and sends the result back as `Action.reloaded`.
public struct LiveView: Equatable, Sendable {
    /// What R reads again, as messages name it (a file's name, a URL without its query); nil for
    /// the built-in dataset, which never changes.
    public var source: String?
    /// A reload is running in the background: another R waits for it.
    public var reloading = false
    /// `:open URL` is fetching this URL (as shown) in the background.
    public var opening: String?
    /// The last reload that found differences, against the version shown before it; nil until
    /// then. A reload that finds nothing new keeps it, so C still lists what last changed.
    public var changes: ScheduleChanges?
    /// New, moved and cancelled sessions of the version shown, by "event id/session id".
    public var marks: [String: SessionChange.Kind] = [:]
    /// The offline or failure reason last said, so that `--refresh-every` does not repeat it.
    public var lastProblem: ReloadProblem?
    /// Started on `--data URL` with nothing cached: no schedule yet, the screen says it is
    /// being fetched (or why it could not be). Nil once a schedule is shown.
    public var awaiting: AwaitedSchedule?

    public init(source: String? = nil) { self.source = source }

    /// The mark for a session shown in a list, if the last reload gave it one.
    public func mark(event: String, session: String) -> SessionChange.Kind? {
        marks.isEmpty ? nil : marks[SessionChange.key(event: event, session: session)]
    }
}

/// The schedule the dashboard started without (`--data URL`, nothing cached): fetched in the
/// background as `:open URL` is, while the first frame says so and q, ?, L and `:` work.
public struct AwaitedSchedule: Equatable, Sendable {
    /// As the user wrote it (R fetches it again after a failure), and its format.
    public var location: String
    public var format: InputFormat
    /// Why the fetch gave nothing; nil while it runs. Quitting then ends with 66 or 65.
    public var failure: LoadError?

    public init(location: String, format: InputFormat = .auto, failure: LoadError? = nil) {
        self.location = location; self.format = format; self.failure = failure
    }

    /// The URL as the screen shows it.
    public var shown: String { LocationText.shown(location) }
}

/// What one reload found, as the store hands it to the reducer.
public struct ReloadReport: Equatable, Sendable {
    /// Against the version shown before; empty when nothing changed or nothing could be read.
    public var changes: ScheduleChanges
    /// A version was read (the new one, or the cached copy when offline).
    public var loaded: Bool
    /// Why the version read is a URL's cached copy ("offline: schedule from 2 h ago — …").
    public var offline: OfflineNotice?
    /// Why nothing could be read at all (then `loaded` is false).
    public var failure: LoadError?
    /// The session the cursor was on, in the new version (followed by uid, then id); nil when it is gone.
    public var selection: SessionAddress?
    /// Starred sessions before the reload, in the old version's addresses (a cancelled session
    /// that left the schedule is only found there).
    public var starredBefore: Set<SessionAddress>
    /// Started by `--refresh-every` rather than by R.
    public var automatic: Bool

    public init(changes: ScheduleChanges = ScheduleChanges(), loaded: Bool, offline: OfflineNotice? = nil, failure: LoadError? = nil,
                selection: SessionAddress? = nil, starredBefore: Set<SessionAddress> = [], automatic: Bool = false) {
        self.changes = changes; self.loaded = loaded; self.offline = offline; self.failure = failure; self.selection = selection
        self.starredBefore = starredBefore; self.automatic = automatic
    }

    /// What `--refresh-every` compares to stay quiet when the same trouble comes back (the age
    /// of the cached copy grows each time, so the notice itself would always differ).
    var problem: ReloadProblem? {
        if let failure { return .failed(failure) }
        return offline.map { .offline($0.reason) }
    }
}

/// A reload's trouble without its age: said once by `--refresh-every`, not at every refresh.
public enum ReloadProblem: Equatable, Sendable {
    case offline(OfflineNotice.Reason)
    case failed(LoadError)
}

/// How many sessions of each kind a reload found.
public struct ChangeCounts: Equatable, Sendable {
    public var new = 0, moved = 0, changed = 0, cancelled = 0

    public init(new: Int = 0, moved: Int = 0, changed: Int = 0, cancelled: Int = 0) {
        self.new = new; self.moved = moved; self.changed = changed; self.cancelled = cancelled
    }

    public init(_ changes: ScheduleChanges) {
        self.init(new: changes.count(.new), moved: changes.count(.moved), changed: changes.count(.changed),
                  cancelled: changes.count(.cancelled))
    }

    public var total: Int { new + moved + changed + cancelled }
}

/// A starred session that a reload moved or cancelled: the notice names it.
public struct StarredChange: Equatable, Sendable {
    public var kind: SessionChange.Kind
    public var title: LocalizedText
    /// "11:00 → 14:00", "Saal 1 → Saal GLITCH" (moves only).
    public var details: [SessionChange.Detail]
    /// Other starred sessions moved or cancelled by the same reload.
    public var others: Int
}

/// The status-line messages of reloading.
public enum LiveMessage: Equatable, Sendable {
    /// Under way (the status bar shows it until the result comes).
    case reloading(String)
    /// Done: the counts (all zero: nothing changed), a starred session it touched, and the
    /// offline notice when the version shown is the cached one.
    case reloaded(ChangeCounts, starred: StarredChange?, offline: OfflineNotice?)
    /// Nothing could be read; the version shown stays.
    case failed(LoadError?)
    /// R on the built-in dataset.
    case nothingToReload
    /// R while a reload runs.
    case stillReloading
    /// Enter on a session that left the schedule.
    case sessionGone
    /// `:open URL` under way (the status bar shows it until the result comes).
    case fetching(String)
    /// `:open` or R while `:open URL` fetches.
    case stillOpening(String)
    /// At start: `--data URL` could not be fetched, the cached copy is shown.
    case offline(OfflineNotice)
    /// A key that needs a schedule, before the first one arrived (the URL as shown).
    case noScheduleYet(String)

    public var kind: MessageKind {
        switch self {
        case .reloading, .nothingToReload, .stillReloading, .sessionGone, .fetching, .stillOpening, .noScheduleYet: return .info
        case .offline: return .error
        case .reloaded(_, let starred, let offline): return starred != nil || offline != nil ? .error : .info
        case .failed: return .error
        }
    }
}

import ConfDashCore
import Foundation

/// The dashboard's side of the state file: the stars and notes as saved, and saving each
/// change (merged with what other programs saved meanwhile). Lives in the store; the reducer
/// only asks for saves through effects.
///
/// With a `writer` (the terminal dashboard) a change is handed to it and the key returns at
/// once; the save's outcome comes back through the store's background inbox. Without one
/// (tests, tools) the save runs inside `change`, as the CLI's does.
public final class PersonalFile {
    public let store: PersonalStateStore
    public private(set) var state: PersonalState
    let dataset: Dataset
    private var index: PersonalIndex
    /// Set when the file must not be written (newer format, unreadable): why.
    private let readOnlyReason: String?
    /// What loading found wrong (a damaged file moved aside), for the status line at start.
    public let loadMessages: [String]
    private let clock: @Sendable () -> Int64
    /// False for `snapshot`: changes stay in memory.
    public var savesChanges = true
    /// Where saves run; nil: in `change`, on the caller's thread.
    public let writer: StateWriter?
    /// Where the writer's outcomes go (the store's inbox); set when the store attaches the file.
    var outcomeSink: StateWriter.Report?
    /// The last background save's failure, if the last save failed: retried on quit.
    private let lastFailure = Locked<PersonalStateStore.SaveError?>(nil)

    public init(store: PersonalStateStore, dataset: Dataset, writer: StateWriter? = nil,
                clock: @escaping @Sendable () -> Int64 = { StateTime.now() }) {
        // A save of this file may still be under way (a reload, `:open` of the same schedule):
        // read the file once it is written.
        writer?.flush()
        let loaded = store.load()
        self.store = store
        self.dataset = dataset
        self.state = loaded.state
        self.index = PersonalIndex(state: loaded.state, dataset: dataset)
        self.readOnlyReason = loaded.readOnlyReason
        self.loadMessages = loaded.messages
        self.clock = clock
        self.writer = writer
    }

    /// The same kind of file (saving or not, same writer) for `dataset` in `store`: after a
    /// reload or `:open`. Waits for saves under way first; when it is the same file, changes
    /// not yet on disk (a failed save) are carried over, so a reload never drops a star.
    public func reopened(_ store: PersonalStateStore? = nil, dataset: Dataset) -> PersonalFile {
        let file = PersonalFile(store: store ?? self.store, dataset: dataset, writer: writer, clock: clock)
        file.savesChanges = savesChanges
        if file.store.path == self.store.path { file.adoptMerged(state) }
        return file
    }

    /// Stars and notes by session, as the reducer holds them.
    public var view: Action {
        var notes: [SessionAddress: String] = [:]
        for (address, key) in index.keyByAddress { if let note = state.note(key) { notes[address] = note } }
        return .personal(starred: index.starred(in: state, dataset: dataset), notes: notes)
    }

    /// What a change or a save's outcome asks of the store.
    enum Follow: Equatable {
        /// Nothing: the reducer already shows the change.
        case none
        /// The state took in other programs' changes: send `view` again.
        case view
        /// Tell the user (status line).
        case message(String)
    }

    /// Applies one change and saves it (or hands it to the writer). The change stays in memory
    /// whatever happens to the save.
    func change(_ address: SessionAddress, _ apply: (inout PersonalState, SessionRef, Int64) -> Void) -> Follow {
        guard let event = dataset.events.first(where: { $0.id == address.event }),
              let session = event.sessions.first(where: { $0.id == address.session }) else { return .none }
        var ref = SessionRef(session: session, event: event)
        ref.key = index.key(for: session, of: event)
        apply(&state, ref, clock())
        // The session's mark is now in the state under `ref.key`: only that pair is new to the index.
        index.record(address, key: ref.key)
        guard savesChanges else { return .none }
        if let readOnlyReason { return .message(readOnlyReason + "; not saved") }
        guard let writer else { return adopt(StateWriter.save(state, in: store)) }
        let sink = outcomeSink, lastFailure = lastFailure
        writer.submit(state, to: store) { outcome in
            if case .failed(let error) = outcome { lastFailure.value = error } else { lastFailure.value = nil }
            sink?(outcome)
        }
        return .none
    }

    /// Takes in what a save found: other programs' changes, a damaged file moved aside, a failure.
    func adopt(_ outcome: StateWriter.Outcome) -> Follow {
        switch outcome {
        case .failed(let error):
            return .message(error.message)
        case .saved(let saved, let messages):
            if let saved { adoptMerged(saved) }
            if let message = messages.first { return .message(message) }
            return saved == nil ? .none : .view
        }
    }

    /// `other` merged into the state (later changes win), and the index built again for it.
    private func adoptMerged(_ other: PersonalState) {
        let merged = state.merged(with: other)
        guard merged != state else { return }
        state = merged
        index = PersonalIndex(state: state, dataset: dataset)
    }

    /// Before quitting: waits for saves under way and, if the last one failed, tries once more
    /// on this thread. The failure's message when the stars could still not be saved.
    func finishSaving() -> String? {
        guard let writer, savesChanges, readOnlyReason == nil else { return nil }
        writer.flush()
        guard lastFailure.value != nil else { return nil }
        switch StateWriter.save(state, in: store) {
        case .failed(let error):
            return error.message
        case .saved:
            lastFailure.value = nil
            return nil
        }
    }
}

/// A value shared between threads behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); defer { lock.unlock() }; stored = newValue }
    }
}

extension ScheduleIdentity {
    /// The state file of the schedule read from `dataPath` (nil: the bundled dataset). One
    /// function for `--data` on every command and for `:open` in the dashboard, so a schedule's
    /// stars are the same file whichever of them opened it and however its path was written
    /// (relative, absolute, with `~`).
    public static func of(_ dataset: Dataset, dataPath: String?) -> ScheduleIdentity {
        guard let dataPath else { return .bundled }
        return .imported(dataset, path: (dataPath as NSString).expandingTildeInPath)
    }
}

import ConfDashCore
import Foundation

/// The dashboard's side of the state file: the stars and notes as saved, and saving each
/// change (merged with what other programs saved meanwhile). Lives in the store; the reducer
/// only asks for saves through effects.
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

    public init(store: PersonalStateStore, dataset: Dataset, clock: @escaping @Sendable () -> Int64 = { StateTime.now() }) {
        let loaded = store.load()
        self.store = store
        self.dataset = dataset
        self.state = loaded.state
        self.index = PersonalIndex(state: loaded.state, dataset: dataset)
        self.readOnlyReason = loaded.readOnlyReason
        self.loadMessages = loaded.messages
        self.clock = clock
    }

    /// Stars and notes by session, as the reducer holds them.
    public var view: Action {
        var notes: [SessionAddress: String] = [:]
        for (address, key) in index.keyByAddress { if let note = state.note(key) { notes[address] = note } }
        return .personal(starred: index.starred(in: state, dataset: dataset), notes: notes)
    }

    /// Applies one change and saves it; nil on success, else the message for the status line.
    /// The change stays in memory either way.
    func change(_ address: SessionAddress, _ apply: (inout PersonalState, SessionRef, Int64) -> Void) -> String? {
        guard let event = dataset.events.first(where: { $0.id == address.event }),
              let session = event.sessions.first(where: { $0.id == address.session }) else { return nil }
        var ref = SessionRef(session: session, event: event)
        ref.key = index.key(for: session, of: event)
        apply(&state, ref, clock())
        defer { index = PersonalIndex(state: state, dataset: dataset) }
        guard savesChanges else { return nil }
        if let readOnlyReason { return readOnlyReason + "; not saved" }
        do {
            state = try store.save(state).state
        } catch {
            return error.message
        }
        return nil
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

import ConfDashBundledData
import ConfDashCore
import ConfDashUI
import Foundation

/// The CLI's way to the user's stars and notes for the schedule a command reads: which state
/// file, loading it (messages on stderr), and saving with the exit status 73 when that fails.
struct PersonalFiles {
    let store: PersonalStateStore
    let dataset: Dataset

    /// `dataPath` nil is the bundled dataset.
    init(dataset: Dataset, dataPath: String?, io: CommandIO) throws {
        guard let directory = PersonalStateStore.defaultDirectory(environment: io.environment) else {
            throw CommandFailure(status: ExitStatus.cantCreate,
                                 messages: ["no place for stars and notes: neither XDG_STATE_HOME nor HOME is set to an absolute path"])
        }
        self.store = PersonalStateStore(directory: directory, identity: .of(dataset, dataPath: dataPath))
        self.dataset = dataset
    }

    /// The state, with anything wrong in the file said on stderr.
    func load(_ io: CommandIO) -> PersonalStateStore.Loaded {
        let loaded = store.load()
        for message in loaded.messages { io.err("confdash: \(message)\n") }
        return loaded
    }

    /// The starred sessions of the dataset, and the state with its matches.
    func starred(_ io: CommandIO) -> (addresses: Set<SessionAddress>, state: PersonalState, index: PersonalIndex) {
        let state = load(io).state
        let index = PersonalIndex(state: state, dataset: dataset)
        return (index.starred(in: state, dataset: dataset), state, index)
    }

    /// Saves (merging with the file), or ends the command with status 73 and the reason.
    @discardableResult
    func save(_ state: PersonalState, loaded: PersonalStateStore.Loaded, _ io: CommandIO) throws -> PersonalState {
        if let reason = loaded.readOnlyReason {
            throw CommandFailure(status: ExitStatus.cantCreate, messages: ["\(reason); nothing was saved"])
        }
        do {
            let (saved, messages) = try store.save(state)
            for message in messages { io.err("confdash: \(message)\n") }
            return saved
        } catch {
            throw CommandFailure(status: ExitStatus.cantCreate, messages: [error.message])
        }
    }
}

/// Text from a schedule made safe for one terminal line: control characters become spaces.
func oneLine(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
}

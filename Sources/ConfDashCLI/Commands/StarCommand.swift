import ArgumentParser
import ConfDashCore
import Foundation

/// Options `star` and `unstar` share: which schedule, and which sessions.
struct StarTargets: ParsableArguments {
    @Argument(help: ArgumentHelp("Session ids (as confdash agenda --format json shows them) or the schedule's guids/UIDs.", valueName: "id"))
    var ids: [String] = []

    @OptionGroup var input: DataOptions
    var data: String? { input.data }

    /// The sessions `ids` name, in the order given; an id that names nothing is a usage error
    /// (and nothing is changed).
    func sessions(in dataset: Dataset) throws -> [(Event, Session)] {
        var byID: [String: (Event, Session)] = [:]
        for event in dataset.events {
            for session in event.sessions {
                byID[session.id] = byID[session.id] ?? (event, session)
                if let uid = session.uid { byID[uid] = byID[uid] ?? (event, session) }
            }
        }
        let unknown = ids.filter { byID[$0] == nil }
        if !unknown.isEmpty {
            throw CommandFailure.usage("no session with id \(unknown.map { "'\(oneLine($0))'" }.joined(separator: ", ")) in \(data ?? "the bundled dataset"); nothing was changed (confdash agenda --format json lists the ids)")
        }
        return ids.map { byID[$0]! }
    }
}

struct StarCommand: IOCommand {
    static let configuration = CommandConfiguration(
        commandName: "star",
        abstract: "Star sessions: they make up My agenda, agenda --starred, export --starred and now --starred.",
        discussion: """
        Stars are kept per schedule in $XDG_STATE_HOME/confdash/ (default ~/.local/state/confdash/), \
        in a JSON file named after the schedule, saved atomically and merged with what other \
        confdash programs saved meanwhile. --from imports favourites from a file: a list of \
        session ids or guids, one a line (# starts a comment), or an .ics file another app \
        exported, matched by UID or guid, then by title and start time.

        Examples:
          confdash star h23-opening
          confdash star --data 38c3-schedule.xml 1f5a2d6e-…-guid
          confdash star --data 38c3-schedule.xml --from giggity-favourites.ics
          confdash agenda --starred

        Exit status: 0 done, 64 bad usage or unknown id, 65 bad data or nothing in --from matched, \
        66 file not found or unreadable, 73 the state file cannot be written (nothing is lost).
        """
    )

    @OptionGroup var targets: StarTargets

    @Option(name: .long, help: ArgumentHelp("Import favourites: a file of ids/guids (one a line) or an .ics file.", valueName: "file"))
    var from: String?

    func validate() throws {
        if targets.ids.isEmpty && from == nil { throw ValidationError("Give session ids to star, or --from FILE.") }
    }

    func execute(io: CommandIO) throws {
        let dataset = try targets.input.load(io).dataset
        var chosen = try targets.sessions(in: dataset)
        if let from {
            let imported = try FavouritesFile(path: from).sessions(in: dataset, io: io)
            chosen += imported
        }
        try StarChange(dataset: dataset, dataPath: targets.data, starred: true).apply(chosen, io)
    }
}

struct UnstarCommand: IOCommand {
    static let configuration = CommandConfiguration(
        commandName: "unstar",
        abstract: "Remove stars from sessions (see confdash star).",
        discussion: """
        Examples:
          confdash unstar h23-opening
          confdash unstar --data 38c3-schedule.xml 12345 12346

        Exit status: 0 done, 64 bad usage or unknown id, 65 bad data, 66 file not found or \
        unreadable, 73 the state file cannot be written.
        """
    )

    @OptionGroup var targets: StarTargets

    func validate() throws {
        if targets.ids.isEmpty { throw ValidationError("Give the ids of the sessions to unstar.") }
    }

    func execute(io: CommandIO) throws {
        let dataset = try targets.input.load(io).dataset
        try StarChange(dataset: dataset, dataPath: targets.data, starred: false).apply(try targets.sessions(in: dataset), io)
    }
}

/// Stars or unstars sessions in the state file and says what changed, one line per session.
struct StarChange {
    let dataset: Dataset
    let dataPath: String?
    let starred: Bool

    func apply(_ sessions: [(Event, Session)], _ io: CommandIO) throws {
        let files = try PersonalFiles(dataset: dataset, dataPath: dataPath, io: io)
        let loaded = files.load(io)
        var state = loaded.state
        let marks = PersonalIndex(state: state, dataset: dataset)
        let stamp = StateTime.now()
        var lines: [String] = []
        var seen = Set<String>()
        var changed = 0
        for (event, session) in sessions where seen.insert(event.id + "\u{1}" + session.id).inserted {
            var ref = SessionRef(session: session, event: event)
            ref.key = marks.key(for: session, of: event)
            let was = state.isStarred(ref.key)
            if was != starred {
                state.setStar(ref, starred, at: stamp)
                changed += 1
            }
            let mark = starred ? "★" : "☆"
            let note = was == starred ? (starred ? " (already starred)" : " (was not starred)") : ""
            lines.append("\(mark) \(session.id)  \(oneLine(ref.title))\(note)")
        }
        let saved = changed > 0 ? try files.save(state, loaded: loaded, io) : state
        let total = PersonalIndex(state: saved, dataset: dataset).starred(in: saved, dataset: dataset).count
        lines.append("\(total) starred session\(total == 1 ? "" : "s") in all · \(files.store.path)")
        io.out(lines.joined(separator: "\n") + "\n")
    }
}

import ArgumentParser
import ConfDashCore
import ConfDashRemote
import Foundation

/// `confdash changes SOURCE`: what changed between two versions of a schedule.
struct ChangesCommand: IOCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "List what changed between two versions of a schedule: new, moved, changed and cancelled sessions.",
        discussion: """
        SOURCE is a schedule file or an http(s) URL. For a URL, confdash fetches it (through its \
        cache, like --data) and compares it with the version before it in the cache \
        (--since cached, the default); --since FILE compares with a file instead. For a file, \
        --since names the older file.

        Sessions are followed by their guid (or iCalendar UID), then their id, then title and \
        start. new: not in \
        the older version; cancelled: gone, or marked cancelled in its title; moved: another \
        day, time or room (from → to); changed: another title, speakers or abstract.

        Exit status: 0 (also when nothing changed), 64 bad usage, 65 a version does not read, \
        66 a file or the URL cannot be read and nothing is cached.

        Examples:
          confdash changes https://example.org/schedule.xml
          confdash changes schedule-new.xml --since schedule-old.xml
          confdash changes https://example.org/schedule.xml --format json
        """
    )

    @Argument(help: ArgumentHelp("The newer version: a schedule file or an http(s) URL.", valueName: "source"))
    var source: String

    @Option(name: .long, help: ArgumentHelp("The older version: a file, or `cached` (a URL's previous version in the cache; the default for URLs).", valueName: "file|cached"))
    var since: String?

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @Option(name: .long, help: "Output format: text, json or csv (one row per from → to).")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("The format of both versions: auto (judged from the content), confdash, xml, json or ics.", valueName: "format"))
    var inputFormat: InputFormat = .auto

    @OptionGroup var remote: RemoteOptions

    func execute(io: CommandIO) throws {
        let location = try RemoteDatasets.location(source)
        let sinceCached = since == nil || since == "cached"
        let newer: Dataset
        var older: Dataset?
        var olderName = since ?? "cached"
        switch location {
        case .file(let path):
            guard !sinceCached else {
                throw CommandFailure.usage("\(source) is a file: give the older version with --since FILE (`cached` applies to URLs)")
            }
            newer = try Self.load(path, format: inputFormat, io: io)
        case .url(let url):
            let loaded = try RemoteDatasets.open(url, format: inputFormat, policy: remote.policy(io), io: io)
            guard let dataset = loaded.result.dataset else { throw CommandFailure(status: ExitStatus.dataError, messages: []) }
            newer = dataset
            if sinceCached {
                if let previous = loaded.entry?.previous, let data = try? RemoteDatasets.cache(io).body(of: previous) {
                    older = DatasetImporter.load(data: data, name: "\(source) (cached, fetched \(Self.stamp(previous.fetchedAt)))",
                                                 format: inputFormat).dataset
                    olderName = "the version fetched \(Self.stamp(previous.fetchedAt))"
                }
                if older == nil {
                    let fetched = loaded.entry.map { " (the cached copy is from \(Self.stamp($0.current.fetchedAt)))" } ?? ""
                    io.err("confdash: no earlier version of \(ScheduleLocation.shown(source)) in the cache to compare with\(fetched); "
                           + "run `confdash changes` again after the schedule changes, or give --since FILE\n")
                }
            }
        }
        if older == nil, let since, since != "cached" {
            older = try Self.load(since, format: inputFormat, io: io)
        }
        let changes = older.map { ScheduleChanges.between($0, newer) } ?? ScheduleChanges(toVersion: newer.events.first?.scheduleVersion)
        let report = ChangesReport(changes: changes, newer: ScheduleLocation.shown(source), older: ScheduleLocation.shown(olderName),
                                   compared: older != nil)
        switch format {
        case .text: io.out(report.text())
        case .json: io.out(JSONOutput.encode(report.json()))
        case .csv: io.out(report.csv())
        }
    }

    /// A local file, through the one load function every command uses.
    static func load(_ path: String, format: InputFormat, io: CommandIO) throws -> Dataset {
        var options = DataOptions()
        options.data = path
        options.inputFormat = format
        return try options.load(io).dataset
    }

    static func stamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// The three outputs of `changes`.
struct ChangesReport {
    var changes: ScheduleChanges
    var newer: String
    var older: String
    /// False when there was no older version to compare with.
    var compared: Bool

    /// "3 new, 2 moved, 1 cancelled" (kinds with none are left out); "no changes".
    static func summary(_ changes: ScheduleChanges) -> String {
        let parts = SessionChange.Kind.allCases.compactMap { kind -> String? in
            let count = changes.count(kind)
            return count == 0 ? nil : "\(count) \(kind.rawValue)"
        }
        return parts.isEmpty ? "no changes" : parts.joined(separator: ", ")
    }

    static func when(_ change: SessionChange) -> String {
        [change.day?.iso, change.start.map { "\($0.time)" }].compactMap { $0 }.joined(separator: " ")
    }

    static func detail(_ detail: SessionChange.Detail) -> String {
        switch detail.aspect {
        case .abstract: return "abstract changed"
        case .title: return "title “\(detail.from ?? "")” → “\(detail.to ?? "")”"
        default: return "\(detail.aspect.rawValue) \(detail.from ?? "none") → \(detail.to ?? "none")"
        }
    }

    func text() -> String {
        var lines: [String] = []
        let versions = changes.fromVersion == nil && changes.toVersion == nil ? ""
            : " (version \(changes.fromVersion ?? "not stated") → \(changes.toVersion ?? "not stated"))"
        guard compared else { return "\(newer): nothing to compare with\n" }
        lines.append("\(newer) since \(older)\(versions): \(Self.summary(changes))")
        for change in changes.changes {
            let place = [Self.when(change), change.room].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " · ")
            let marked = change.markedCancelled ? " (marked cancelled)" : ""
            lines.append("\(change.kind.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(change.title.text(in: .en))\(marked)"
                         + (place.isEmpty ? "" : " — \(place)"))
            for detail in change.details { lines.append("            \(Self.detail(detail))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    struct JSONReport: Encodable {
        struct Side: Encodable { var source: String; @Null var version: String? }
        struct Detail: Encodable { var what: String; @Null var from: String?; @Null var to: String? }
        struct Change: Encodable {
            var change: String
            var event: String
            var session: String
            var title: String
            @Null var day: String?
            @Null var start: String?
            @Null var room: String?
            var markedCancelled: Bool
            var details: [Detail]
        }
        var from: Side
        var to: Side
        var compared: Bool
        var counts: [String: Int]
        var changes: [Change]
    }

    func json() -> JSONReport {
        JSONReport(
            from: .init(source: older, version: changes.fromVersion), to: .init(source: newer, version: changes.toVersion),
            compared: compared,
            counts: Dictionary(uniqueKeysWithValues: SessionChange.Kind.allCases.map { ($0.rawValue, changes.count($0)) }),
            changes: changes.changes.map { change in
                .init(change: change.kind.rawValue, event: change.eventID, session: change.sessionID, title: change.title.text(in: .en),
                      day: change.day?.iso, start: change.start?.description, room: change.room, markedCancelled: change.markedCancelled,
                      details: change.details.map { .init(what: $0.aspect.rawValue, from: $0.from, to: $0.to) })
            })
    }

    func csv() -> String {
        var writer = CSVWriter(header: ["change", "event", "session", "title", "day", "start", "room", "what", "from", "to"])
        for change in changes.changes {
            let head = [change.kind.rawValue, change.eventID, change.sessionID, change.title.text(in: .en), change.day?.iso ?? "",
                        change.start?.description ?? "", change.room ?? ""]
            if change.details.isEmpty { writer.append(head + ["", "", ""]) }
            for detail in change.details { writer.append(head + [detail.aspect.rawValue, detail.from ?? "", detail.to ?? ""]) }
        }
        return writer.text
    }
}

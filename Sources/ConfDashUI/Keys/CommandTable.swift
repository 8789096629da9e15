import ConfDashCore
import ConfDashScreen
import Foundation

/// What Tab needs to offer names: the data, the language, and the file system as a value (so
/// reducer tests need no disk).
public struct CompletionContext {
    public var data: DashboardData
    public var language: Language
    public var environment: DashboardEnvironment
}

/// One `:` command: its names, what it takes, what it does, how its argument is read and what
/// Tab offers for it. Adding a command is adding one entry to `CommandTable.entries`.
public struct CommandEntry: Sendable {
    /// The first is the one completion offers; the others are aliases (`:q`, `:quit`).
    public var names: [String]
    /// How the help writes the argument ("N", "en|fr"), nil for none.
    public var argument: String?
    public var help: LocalizedText
    /// The argument (trimmed, possibly empty) as a command; nil when it does not fit, which the
    /// line reports as "Usage: …".
    var parse: @Sendable (String) -> Command?
    /// Candidates for the argument typed so far, each a whole argument; matched by prefix after.
    var candidates: @Sendable (_ argument: String, _ context: CompletionContext) -> [String] = { _, _ in [] }
    /// Completion that builds whole arguments itself (a list, a path): no prefix filtering after.
    var completesItself = false

    /// ":day N" as the help and the user guide write it.
    public var usage: String { ":" + names[0] + (argument.map { " " + $0 } ?? "") }
}

/// The `:` command line: every entry, parsing a typed line into a `Command`, and completion.
public enum CommandTable {
    /// Every command, in the order the help lists them.
    public static let entries: [CommandEntry] = [
        CommandEntry(names: ["day"], argument: "N|DATE", help: LocalizedText(en: "Go to day N of the event, or to a date (2024-12-28)", fr: "Aller au jour N de l'événement, ou à une date (2024-12-28)"),
                     parse: { Int($0).flatMap { $0 > 0 ? .goToDay($0) : nil } ?? CalendarDate(iso: $0).map { .goToDate($0) } },
                     candidates: { _, context in
                         (1...max(context.data.events.map(\.dayCount).max() ?? 0, 1)).map(String.init)
                     }),
        CommandEntry(names: ["event"], argument: "ID|name", help: LocalizedText(en: "Show an event (id, title or city)", fr: "Afficher un événement (id, titre ou ville)"),
                     parse: { $0.isEmpty ? nil : .goToEvent($0) },
                     candidates: { _, context in context.data.events.map(\.id) }),
        CommandEntry(names: ["track"], argument: "name[,name…]", help: LocalizedText(en: "Filter by tracks (empty: none)", fr: "Filtrer par thèmes (vide : aucun)"),
                     parse: { .filterTrack($0) },
                     candidates: { argument, context in trackListCandidates(argument, context) }, completesItself: true),
        CommandEntry(names: ["tech"], argument: "name", help: LocalizedText(en: "Narrow to a technology", fr: "Restreindre à une technologie"),
                     parse: { $0.isEmpty ? nil : .filterTechnology($0) },
                     candidates: { _, context in context.data.technologies.map { $0.name.text(in: context.language) } }),
        CommandEntry(names: ["region"], argument: "name", help: LocalizedText(en: "Narrow to a WCO region", fr: "Restreindre à une région de l'OMD"),
                     parse: { $0.isEmpty ? nil : .filterRegion($0) },
                     candidates: { _, context in context.data.regions.map { $0.name.text(in: context.language) } }),
        CommandEntry(names: ["time"], argument: "HH:MM", help: LocalizedText(en: "The agenda at that time of the day (list and room grid)", fr: "Le programme à cette heure du jour (liste et grille)"),
                     parse: { ClockTime(text: $0.count == 4 ? "0" + $0 : $0).map { .goToTime($0) } }),
        CommandEntry(names: ["room"], argument: "name", help: LocalizedText(en: "Narrow to a room (again: add one; empty: all rooms)", fr: "Restreindre à une salle (à nouveau : en ajouter une ; vide : toutes)"),
                     parse: { .filterRoom($0) },
                     candidates: { _, context in
                         var seen = Set<String>()
                         return context.data.events.flatMap(\.rooms).map { $0.name.text(in: context.language) }.filter { seen.insert($0).inserted }
                     }),
        CommandEntry(names: ["search"], argument: "text", help: LocalizedText(en: "Search all events", fr: "Chercher dans tous les événements"),
                     parse: { .search($0) }),
        CommandEntry(names: ["lang"], argument: "en|fr", help: LocalizedText(en: "Interface and data language", fr: "Langue de l'interface et des données"),
                     parse: { Language(rawValue: $0.lowercased()).map { .setLanguage($0) } },
                     candidates: { _, _ in ["en", "fr"] }),
        CommandEntry(names: ["tz"], argument: "event|local", help: LocalizedText(en: "Times in each event's zone or in yours", fr: "Heures dans le fuseau de l'événement ou le vôtre"),
                     parse: {
                         switch $0.lowercased() {
                         case "local": return .setTimeZone(local: true)
                         case "event": return .setTimeZone(local: false)
                         default: return nil
                         }
                     },
                     candidates: { _, _ in ["event", "local"] }),
        CommandEntry(names: ["rooms"], argument: nil, help: LocalizedText(en: "Agenda as a room grid (again: as a list)", fr: "Programme en grille des salles (à nouveau : en liste)"),
                     parse: { _ in .toggleRoomGrid }),
        CommandEntry(names: ["open"], argument: "[--input-format F] FILE|URL",
                     help: LocalizedText(en: "Open another file or http(s) URL (fetched in the background, cached): confdash JSON, schedule.xml/.json, .ics (F: auto, confdash, xml, json, ics)",
                                         fr: "Ouvrir un autre fichier ou une URL http(s) (téléchargée en arrière-plan, mise en cache) : JSON confdash, schedule.xml/.json, .ics (F : auto, confdash, xml, json, ics)"),
                     parse: parseOpen,
                     candidates: { argument, context in FileCompletion.candidates(for: argument, listing: context.environment.listDirectory) },
                     completesItself: true),
        CommandEntry(names: ["export"], argument: "FORMAT FILE",
                     help: LocalizedText(en: "Write what the filters select (every event) to FILE: ics, xml, json, csv or md, as `confdash export`",
                                         fr: "Écrire ce que les filtres retiennent (tous les événements) dans FICHIER : ics, xml, json, csv ou md, comme `confdash export`"),
                     parse: parseExport,
                     candidates: { argument, context in exportCandidates(argument, context) },
                     completesItself: true),
        CommandEntry(names: ["problems"], argument: nil, help: LocalizedText(en: "The warnings the data was loaded with", fr: "Les avertissements du chargement des données"),
                     parse: { _ in .showProblems }),
        CommandEntry(names: ["reload"], argument: nil, help: LocalizedText(en: "Read the schedule again (URL or file) and mark what changed", fr: "Relire le programme (URL ou fichier) et marquer ce qui a changé"),
                     parse: { _ in .reload }),
        CommandEntry(names: ["changes"], argument: nil, help: LocalizedText(en: "What the last reload changed", fr: "Ce que le dernier rechargement a changé"),
                     parse: { _ in .showChanges }),
        CommandEntry(names: ["mine"], argument: nil, help: LocalizedText(en: "My agenda: starred sessions, overlaps, free gaps", fr: "Mon programme : séances étoilées, chevauchements, créneaux libres"),
                     parse: { _ in .showMine }),
        CommandEntry(names: ["now"], argument: nil, help: LocalizedText(en: "Now and next, room by room", fr: "En cours et ensuite, salle par salle"),
                     parse: { _ in .showNowNext }),
        CommandEntry(names: ["note"], argument: "TEXT", help: LocalizedText(en: "Note on the selected session (empty: remove it)", fr: "Note sur la séance choisie (vide : la retirer)"),
                     parse: { .setNote($0) }),
        CommandEntry(names: ["clear"], argument: nil, help: LocalizedText(en: "Clear all filters", fr: "Effacer tous les filtres"),
                     parse: { _ in .clearFilters }),
        CommandEntry(names: ["help"], argument: nil, help: LocalizedText(en: "Show the keys", fr: "Afficher les touches"),
                     parse: { _ in .showHelp }),
        CommandEntry(names: ["q", "quit"], argument: nil, help: LocalizedText(en: "Quit", fr: "Quitter"),
                     parse: { _ in .quit }),
    ]

    public enum Parsed: Equatable, Sendable {
        case command(Command)
        case empty
        case error(StatusMessage)
    }

    public static func entry(named name: String) -> CommandEntry? {
        let name = name.lowercased()
        return entries.first { $0.names.contains(name) }
    }

    /// "day, event, track…": every command's first name, for the `:` key's help.
    /// Joined by a loop: `joined(separator:)` on the mapped array went through the unspecialised
    /// generic, whose metadata look-ups were 0.3 M instructions of the first frame (issue 13).
    public static var namesList: String {
        var text = ""
        for (position, entry) in entries.enumerated() {
            if position > 0 { text += " " }
            text += ":" + entry.names[0]
        }
        return text
    }

    /// Parses a line (without the leading `:`). Names are resolved by the reducer, which has the
    /// data; here only the shape is checked.
    public static func parse(_ line: String) -> Parsed {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .empty }
        let name = String(trimmed.prefix { $0 != " " }).lowercased()
        let argument = String(trimmed.dropFirst(name.count)).trimmingCharacters(in: .whitespaces)
        guard let entry = entry(named: name) else { return .error(.unknownCommand(name)) }
        guard let command = entry.parse(argument) else { return .error(.usage(entry.usage)) }
        return .command(command)
    }

    /// Candidates for what is typed so far: command names, then the names each command takes.
    public static func completions(for line: String, context: CompletionContext) -> [String] {
        guard let space = line.firstIndex(of: " ") else {
            let prefix = line.lowercased()
            return entries.map(\.names[0]).filter { $0.hasPrefix(prefix) }.map { $0 + " " }
        }
        let name = line[..<space].lowercased()
        let argument = String(line[line.index(after: space)...])
        guard let entry = entry(named: name) else { return [] }
        let candidates = entry.candidates(argument, context)
        let matching = entry.completesItself ? candidates : candidates.filter { NameMatching.hasPrefix($0, argument) }
        return matching.map { "\(name) \($0)" }
    }

    /// `[--input-format F] FILE|URL`, as `--data` takes it on the command line.
    private static func parseOpen(_ argument: String) -> Command? {
        var rest = Substring(argument)
        var format = InputFormat.auto
        let flag = "--input-format"
        if rest.hasPrefix(flag) {
            rest = rest.dropFirst(flag.count).drop { $0 == " " || $0 == "=" }
            let word = rest.prefix { $0 != " " }
            guard let named = InputFormat(rawValue: word.lowercased()) else { return nil }
            format = named
            rest = rest.dropFirst(word.count).drop { $0 == " " }
        }
        return rest.isEmpty ? nil : .open(String(rest), format: format)
    }

    /// `:track a, b, de`: completes the last of a comma-separated list, keeping the others.
    private static func trackListCandidates(_ argument: String, _ context: CompletionContext) -> [String] {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false)
        let head = parts.dropLast().map { $0.trimmingCharacters(in: .whitespaces) + "," }.joined()
        let last = String(parts.last ?? "").trimmingCharacters(in: .whitespaces)
        return context.data.index.dataset.tracks.map { $0.name.text(in: context.language) }
            .filter { NameMatching.hasPrefix($0, last) }
            .map { head + $0 }
    }
}

enum NameMatching {
    /// Prefix match ignoring case and accents, so "secu" completes "Sécurité".
    static func hasPrefix(_ candidate: String, _ typed: String) -> Bool {
        typed.isEmpty || candidate.searchFolded.hasPrefix(typed.searchFolded)
    }
}

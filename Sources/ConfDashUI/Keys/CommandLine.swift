import Foundation
import ConfDashCore

/// The `:` command line: what it accepts, how it parses into `Command`s, and completion.
public enum CommandLine {
    public struct Spec: Sendable {
        public var names: [String]
        public var argument: String?
        public var help: LocalizedText
    }

    /// Every command, in the order the help lists them; the first name is the one completion offers.
    public static let specs: [Spec] = [
        Spec(names: ["day"], argument: "N", help: LocalizedText(en: "Go to day N of the event", fr: "Aller au jour N de l'événement")),
        Spec(names: ["event"], argument: "ID|name", help: LocalizedText(en: "Show an event (id, title or city)", fr: "Afficher un événement (id, titre ou ville)")),
        Spec(names: ["track"], argument: "name[,name…]", help: LocalizedText(en: "Filter by tracks (empty: none)", fr: "Filtrer par thèmes (vide : aucun)")),
        Spec(names: ["tech"], argument: "name", help: LocalizedText(en: "Narrow to a technology", fr: "Restreindre à une technologie")),
        Spec(names: ["region"], argument: "name", help: LocalizedText(en: "Narrow to a WCO region", fr: "Restreindre à une région de l'OMD")),
        Spec(names: ["search"], argument: "text", help: LocalizedText(en: "Search all events", fr: "Chercher dans tous les événements")),
        Spec(names: ["lang"], argument: "en|fr", help: LocalizedText(en: "Interface and data language", fr: "Langue de l'interface et des données")),
        Spec(names: ["tz"], argument: "event|local", help: LocalizedText(en: "Times in each event's zone or in yours", fr: "Heures dans le fuseau de l'événement ou le vôtre")),
        Spec(names: ["rooms"], argument: nil, help: LocalizedText(en: "Agenda as a room grid (again: as a list)", fr: "Programme en grille des salles (à nouveau : en liste)")),
        Spec(names: ["open"], argument: "FILE", help: LocalizedText(en: "Open another file: confdash JSON, schedule.xml/.json, .ics", fr: "Ouvrir un autre fichier : JSON confdash, schedule.xml/.json, .ics")),
        Spec(names: ["clear"], argument: nil, help: LocalizedText(en: "Clear all filters", fr: "Effacer tous les filtres")),
        Spec(names: ["help"], argument: nil, help: LocalizedText(en: "Show the keys", fr: "Afficher les touches")),
        Spec(names: ["q", "quit"], argument: nil, help: LocalizedText(en: "Quit", fr: "Quitter")),
    ]

    public enum Parsed: Equatable, Sendable {
        case command(Command)
        case empty
        case error(String)
    }

    /// Parses a line (without the leading `:`). Names are resolved by the reducer, which has the data;
    /// here only the shape is checked.
    public static func parse(_ line: String, language: Language) -> Parsed {
        let text = UIText(language)
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .empty }
        let name = String(trimmed.prefix { $0 != " " }).lowercased()
        let argument = String(trimmed.dropFirst(name.count)).trimmingCharacters(in: .whitespaces)
        guard let spec = specs.first(where: { $0.names.contains(name) }) else { return .error(text.unknownCommand(name)) }
        func usage() -> Parsed { .error(text.usage(":\(spec.names[0]) \(spec.argument ?? "")")) }
        switch spec.names[0] {
        case "day":
            guard let day = Int(argument), day > 0 else { return usage() }
            return .command(.goToDay(day))
        case "event": return argument.isEmpty ? usage() : .command(.goToEvent(argument))
        case "track": return .command(.filterTrack(argument))
        case "tech": return argument.isEmpty ? usage() : .command(.filterTechnology(argument))
        case "region": return argument.isEmpty ? usage() : .command(.filterRegion(argument))
        case "search": return .command(.search(argument))
        case "lang":
            guard let language = Language(rawValue: argument.lowercased()) else { return usage() }
            return .command(.setLanguage(language))
        case "tz":
            switch argument.lowercased() {
            case "local": return .command(.setTimeZone(local: true))
            case "event": return .command(.setTimeZone(local: false))
            default: return usage()
            }
        case "rooms": return .command(.toggleRoomGrid)
        case "open": return argument.isEmpty ? usage() : .command(.open(argument))
        case "clear": return .command(.clearFilters)
        case "help": return .command(.showHelp)
        default: return .command(.quit)
        }
    }

    /// Candidates for what is typed so far: command names, then the names each command takes.
    public static func completions(for line: String, data: DashboardData, language: Language) -> [String] {
        guard let space = line.firstIndex(of: " ") else {
            let prefix = line.lowercased()
            return specs.map(\.names[0]).filter { $0.hasPrefix(prefix) }.map { $0 + " " }
        }
        let name = line[..<space].lowercased()
        let argument = String(line[line.index(after: space)...])
        let names: [String]
        switch name {
        case "day":
            let count = data.events.map(\.dayCount).max() ?? 0
            names = (1...max(count, 1)).map(String.init)
        case "event": names = data.events.map(\.id)
        case "track":
            // Completes the last of a comma-separated list.
            let done = argument.split(separator: ",", omittingEmptySubsequences: false).dropLast()
            let head = done.map { $0.trimmingCharacters(in: .whitespaces) + "," }.joined()
            let last = String(argument.split(separator: ",", omittingEmptySubsequences: false).last ?? "")
                .trimmingCharacters(in: .whitespaces)
            return data.index.dataset.tracks.map { $0.name.text(in: language) }
                .filter { NameMatching.hasPrefix($0, last) }
                .map { "\(name) \(head)\($0)" }
        case "tech": names = data.technologies.map { $0.name.text(in: language) }
        case "region": names = data.regions.map { $0.name.text(in: language) }
        case "lang": names = ["en", "fr"]
        case "tz": names = ["event", "local"]
        case "open": return FileCompletion.candidates(for: argument).map { "\(name) \($0)" }
        default: names = []
        }
        return names.filter { NameMatching.hasPrefix($0, argument) }.map { "\(name) \($0)" }
    }
}

enum NameMatching {
    /// Prefix match ignoring case and accents, so "secu" completes "Sécurité".
    static func hasPrefix(_ candidate: String, _ typed: String) -> Bool {
        typed.isEmpty || candidate.searchFolded.hasPrefix(typed.searchFolded)
    }
}

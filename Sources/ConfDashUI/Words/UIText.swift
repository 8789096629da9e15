import ConfDashScreen
import ConfDashCore

/// Every fixed word of the dashboard, in both languages: the dashboard's word table (with its
/// extensions in this folder). Data words (kinds, roles, dates) come from ConfDashCore's
/// `Labels` and `DateLabels`, shared with the CLI. Nowhere else in the dashboard does code choose
/// between two languages (a test checks it), so a word is written and translated once.
public struct UIText: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }
    func pick(_ en: String, _ fr: String) -> String { language == .en ? en : fr }

    public func paneName(_ pane: PaneID) -> String {
        let (en, fr) = Self.paneNames[pane.rawValue]
        return pick(en, fr)
    }
    /// English and French, in `PaneID` order.
    private static let paneNames = [("Agenda", "Programme"), ("Timeline", "Chronologie"), ("Regions", "Régions"), ("Technologies", "Technologies")]
    // Every single word and fixed phrase, as one table; the words that take a value follow.
    var details: String { pick("Details", "Détails") }
    var help: String { pick("Help", "Aide") }
    var tracks: String { pick("Tracks", "Thèmes") }
    var noEventInScope: String { pick("No event matches the filters (x clears them).", "Aucun événement ne correspond aux filtres (x pour les effacer).") }
    var noSessionThisDay: String { pick("No session is placed on this day.", "Aucune session n'est placée ce jour-là.") }
    var noSessionMatches: String { pick("No session of this day matches the filters.", "Aucune session de ce jour ne correspond aux filtres.") }
    var noSelection: String { pick("No session selected.", "Aucune session sélectionnée.") }
    func eventItselfMatches(_ fields: [String]) -> String {
        pick("  the event itself matches: \(fields.joined(separator: ", "))",
             "  l'événement lui-même correspond : \(fields.joined(separator: ", "))")
    }
    var noTechnologies: String { pick("This dataset has no technology index.", "Ce jeu de données n'a pas d'index des technologies.") }
    var noRegions: String { pick("This dataset has no WCO regions.", "Ce jeu de données n'a pas de régions OMD.") }
    var noEvents: String { pick("This dataset has no events.", "Ce jeu de données n'a aucun événement.") }
    var noEvent: String { pick("no event", "aucun événement") }
    var filtersLabel: String { pick("Filters", "Filtres") }
    var noFilters: String { pick("no filter", "aucun filtre") }
    var noMoreMatches: String { pick("No search in force: / starts one", "Aucune recherche : / pour en lancer une") }
    var filtersCleared: String { pick("All filters cleared", "Tous les filtres effacés") }
    var nothingToClear: String { pick("No filter to clear", "Aucun filtre à effacer") }
    var when: String { pick("When", "Quand") }
    var time: String { pick("Time", "Heure") }
    var room: String { pick("Room", "Salle") }
    var dates: String { pick("Dates", "Dates") }
    var whereLabel: String { pick("Where", "Où") }
    var region: String { pick("Region", "Région") }
    var timeZone: String { pick("Time zone", "Fuseau") }
    var sessionsHeading: String { pick("Sessions", "Sessions") }
    var about: String { pick("About", "En bref") }
    var abstract: String { pick("Abstract", "Résumé") }
    var people: String { pick("People", "Intervenants") }
    var organisations: String { pick("Organisations", "Organisations") }
    var technologies: String { pick("Technologies", "Technologies") }
    var links: String { pick("Links", "Liens") }
    var figures: String { pick("Figures", "Chiffres") }
    var source: String { pick("Source", "Source") }
    var officialTitle: String { pick(" · official title", " · titre officiel") }
    var officialTitleHeading: String { pick("Official title", "Titre officiel") }
    var themeOfTheYear: String { pick("Theme of the year", "Thème de l'année") }
    var programme: String { pick("Programme", "Programme") }
    var localTimeNoZone: String { pick(" (local time; the source gives no time zone)", " (heure locale ; la source ne donne pas de fuseau)") }
    var clockTimeNotStated: String { pick(", clock time not stated", ", heure exacte non précisée") }
    var timeNotStated: String { pick("not stated in the source", "non précisée par la source") }
    var roomNotStated: String { pick("not stated", "non précisée") }
    var day: String { pick("Day", "Jour") }
    var unknownDay: String { pick("day ?", "jour ?") }
    var unknownTime: String { pick("time ?", "heure ?") }
    var unknownRoom: String { pick("room ?", "salle ?") }
    var timesNotStated: String { pick("times not stated in the source", "heures non précisées par la source") }
    /// On an agenda row whose day the source does not state: the details say why it is placed there.
    var dayInferredTag: String { pick("† day inferred", "† jour déduit") }
    var noEventInRegion: String { pick("No event in this region.", "Aucun événement dans cette région.") }
    var technologyHeader: String { pick("Technology", "Technologie") }
    var eventsHeader: String { pick("events", "évén.") }
    var sessionsHeader: String { pick("sessions", "sessions") }
    var alsoKnownAs: String { pick("Also: ", "Aussi : ") }
    var discussedAt: String { pick("• discussed at ", "• abordée à ") }
    var filterReminder: String { pick(" Esc: last · x: all", " Échap : dernier · x : tous") }
    var trackChip: String { pick("track: ", "thème : ") }
    var technologyChip: String { pick("tech: ", "techno : ") }
    var regionChip: String { pick("region: ", "région : ") }
    var positionOf: String { pick("of", "sur") }
    var noTracks: String { pick("This dataset has no tracks.", "Ce jeu de données n'a pas de thèmes.") }
    var quitHint: String { pick("q quits.", "q pour quitter.") }
    var commandLine: String { pick("Command line", "Ligne de commande") }
    var lineEditingTitle: String { pick("Typing a search (/) or a command (:)", "Saisie d'une recherche (/) ou d'une commande (:)") }

    func noSearchMatch(_ text: String) -> String { pick("Nothing matches “\(text)”.", "Rien ne correspond à « \(text) ».") }

    func tooSmall(_ need: Size) -> String {
        pick("Terminal too small — need \(need.width)x\(need.height)", "Terminal trop petit — il faut \(need.width)x\(need.height)")
    }

    func searchLabel(_ text: String) -> String { pick("search “\(text)”", "recherche « \(text) »") }
    /// A count as people read it: "1,007" / "1 007" (narrow no-break space).
    func number(_ count: Int) -> String { Labels(language).formatNumber(count) }
    func matches(_ count: Int) -> String {
        count == 1 ? pick("1 match", "1 résultat") : pick("\(number(count)) matches", "\(number(count)) résultats")
    }
    /// A search's count while its rows are still being scanned (a large schedule): those found so far.
    func matches(_ rows: AgendaRows) -> String {
        rows.isComplete ? matches(rows.sessionCount) : pick("\(rows.sessionCount)+ matches", "\(rows.sessionCount)+ résultats")
    }
    func events(_ count: Int) -> String {
        count == 1 ? pick("1 event", "1 événement") : pick("\(number(count)) events", "\(number(count)) événements")
    }

    func unknownCommand(_ name: String) -> String {
        pick("Unknown command “:\(name)” — Tab completes, ? lists the keys", "Commande inconnue « :\(name) » — Tab complète, ? liste les touches")
    }
    func ambiguous(_ input: String, _ names: [String]) -> String {
        pick("“\(input)” could be: ", "« \(input) » peut désigner : ") + names.joined(separator: ", ")
    }
    func usage(_ text: String) -> String { pick("Usage: ", "Usage : ") + text }
    func noSuchDay(_ day: Int, _ count: Int) -> String {
        pick("This event has no day \(day) (it has \(count))", "Cet événement n'a pas de jour \(day) (il en a \(count))")
    }

    /// "Rio de Janeiro 2024" where a short title exists, else the title.
    static func eventName(_ event: Event, _ language: Language) -> String {
        (event.shortTitle ?? event.title).text(in: language)
    }
}

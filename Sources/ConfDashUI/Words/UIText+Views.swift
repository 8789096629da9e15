import ConfDashCore

/// The words of the panes, the detail view, the overlays and the status bar.
extension UIText {
    // Detail view: field names and section titles.
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
    func describedTogether(_ count: Int) -> String {
        pick(" — \(count) sessions described together", " — \(count) sessions décrites ensemble")
    }
    var officialTitle: String { pick(" · official title", " · titre officiel") }
    var localTimeNoZone: String { pick(" (local time; the source gives no time zone)", " (heure locale ; la source ne donne pas de fuseau)") }
    var clockTimeNotStated: String { pick(", clock time not stated", ", heure exacte non précisée") }
    var timeNotStated: String { pick("not stated in the source", "non précisée par la source") }
    var roomNotStated: String { pick("not stated", "non précisée") }
    func days(_ count: Int) -> String { count == 1 ? pick("1 day", "1 jour") : pick("\(count) days", "\(count) jours") }

    // Agenda and room grid.
    var day: String { pick("Day", "Jour") }
    var unknownDay: String { pick("day ?", "jour ?") }
    var unknownTime: String { pick("time ?", "heure ?") }
    var unknownRoom: String { pick("room ?", "salle ?") }
    var timesNotStated: String { pick("times not stated in the source", "heures non précisées par la source") }
    var noTimedSessionThisDay: String {
        pick("No session of this day has a clock time: r shows the list.", "Aucune session de ce jour n'a d'heure : r affiche la liste.")
    }
    func untimedNote(_ count: Int) -> String { pick("\(count) without a clock time: r lists them", "\(count) sans heure : r les liste") }

    // Timeline, regions, technologies.
    func zoomName(_ zoom: TimelineZoom) -> String {
        switch zoom {
        case .years: return pick("years", "années")
        case .months: return pick("months", "mois")
        case .days: return pick("days", "jours")
        }
    }
    var noEventInRegion: String { pick("No event in this region.", "Aucun événement dans cette région.") }
    var technologyHeader: String { pick("Technology", "Technologie") }
    var eventsHeader: String { pick("events", "évén.") }
    var sessionsHeader: String { pick("sessions", "sessions") }
    var alsoKnownAs: String { pick("Also: ", "Aussi : ") }
    var discussedAt: String { pick("• discussed at ", "• abordée à ") }

    // Status bar.
    var filterReminder: String { pick(" Esc: last · x: all", " Échap : dernier · x : tous") }
    var trackChip: String { pick("track: ", "thème : ") }
    var technologyChip: String { pick("tech: ", "techno : ") }
    var regionChip: String { pick("region: ", "région : ") }

    // Overlays and the too-small screen.
    var positionOf: String { pick("of", "sur") }
    var noTracks: String { pick("This dataset has no tracks.", "Ce jeu de données n'a pas de thèmes.") }
    var quitHint: String { pick("q quits.", "q pour quitter.") }
    var commandLine: String { pick("Command line", "Ligne de commande") }
    var mouseHelp: String {
        pick("Mouse: a click focuses a pane and selects the row under it; the wheel scrolls.",
             "Souris : un clic active un volet et choisit la ligne visée ; la molette fait défiler.")
    }
    /// The help's one section for both text inputs, which share their editing keys.
    var lineEditingTitle: String { pick("Typing a search (/) or a command (:)", "Saisie d'une recherche (/) ou d'une commande (:)") }

    /// The title of a key context: the help overlay's sections and `confdash keys`'s tables.
    public func contextTitle(_ context: KeyContext) -> String {
        switch context {
        case .global: return pick("Everywhere", "Partout")
        case .pane(let pane): return pick("\(paneName(pane)) pane", "Volet \(paneName(pane).lowercased())")
        case .roomGrid: return pick("Agenda room grid (r)", "Grille des salles (r)")
        case .detail: return pick("Session details", "Détail d'une session")
        case .help: return pick("Help overlay (?)", "Aide (?)")
        case .trackPicker: return pick("Track picker (t)", "Choix des thèmes (t)")
        case .search: return pick("Typing a search (/)", "Saisie d'une recherche (/)")
        case .command: return pick("Typing a command (:)", "Saisie d'une commande (:)")
        }
    }
}

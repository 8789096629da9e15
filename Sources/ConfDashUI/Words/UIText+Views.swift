import ConfDashCore

/// The words of the panes, the detail view and the overlays that take a value or are long.
extension UIText {
    // Detail view.
    func describedTogether(_ count: Int) -> String {
        pick(" — \(number(count)) sessions described together", " — \(number(count)) sessions décrites ensemble")
    }
    var groupTopicNote: String {
        pick(" — one of the topics grouped sessions covered, not a session of its own",
             " — l'un des sujets traités par des sessions groupées, non une session à part")
    }
    func days(_ count: Int) -> String { count == 1 ? pick("1 day", "1 jour") : pick("\(count) days", "\(count) jours") }

    // Agenda and room grid.
    var noTimedSessionThisDay: String {
        pick("No session of this day has a clock time: r shows the list.", "Aucune session de ce jour n'a d'heure : r affiche la liste.")
    }
    func untimedNote(_ count: Int) -> String { pick("\(number(count)) without a clock time: r lists them", "\(number(count)) sans heure : r les liste") }

    // Timeline, regions, technologies.
    func zoomName(_ zoom: TimelineZoom) -> String {
        switch zoom {
        case .years: return pick("years", "années")
        case .months: return pick("months", "mois")
        case .days: return pick("days", "jours")
        }
    }

    // Overlays and the too-small screen.
    var mouseHelp: String {
        pick("Mouse: a click focuses a pane and selects the row under it; the wheel scrolls.",
             "Souris : un clic active un volet et choisit la ligne visée ; la molette fait défiler.")
    }

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
        case .personal: return pick("My agenda (m), a free gap's sessions, now and next (.)", "Mon programme (m), un créneau libre, en cours et ensuite (.)")
        case .changes: return pick("Changes since the last version (C)", "Changements depuis la version précédente (C)")
        }
    }
}

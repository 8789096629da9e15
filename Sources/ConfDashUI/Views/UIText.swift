import ConfDashScreen
import ConfDashCore

/// Every fixed word of the dashboard, in both languages. Data words (kinds, roles, dates) come
/// from ConfDashCore's `Labels` and `DateLabels`, shared with the CLI.
public struct UIText: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }
    func pick(_ en: String, _ fr: String) -> String { language == .en ? en : fr }

    /// The pane's name for what it shows with this data: Places are rooms and Topics are tracks
    /// in a schedule without WCO regions or a technology index.
    func paneName(_ pane: PaneID, data: DashboardData) -> String {
        switch pane {
        case .regions where data.placesShowRooms: return pick("Rooms", "Salles")
        case .technologies where data.topicsShowTracks: return pick("Tracks", "Thèmes")
        default: return paneName(pane)
        }
    }

    public func paneName(_ pane: PaneID) -> String {
        switch pane {
        case .agenda: return pick("Agenda", "Programme")
        case .timeline: return pick("Timeline", "Chronologie")
        case .regions: return pick("Regions", "Régions")
        case .technologies: return pick("Technologies", "Technologies")
        }
    }
    var details: String { pick("Details", "Détails") }
    var help: String { pick("Help", "Aide") }
    var tracks: String { pick("Tracks", "Thèmes") }
    var noEventInScope: String { pick("No event matches the filters (x clears them).", "Aucun événement ne correspond aux filtres (x pour les effacer).") }
    var noSessionThisDay: String { pick("No session is placed on this day.", "Aucune séance n'est placée ce jour-là.") }
    var noSessionMatches: String { pick("No session of this day matches the filters.", "Aucune séance de ce jour ne correspond aux filtres.") }
    func noSearchMatch(_ text: String) -> String { pick("Nothing matches “\(text)”.", "Rien ne correspond à « \(text) ».") }
    var noSelection: String { pick("No session selected.", "Aucune séance sélectionnée.") }
    var noTechnologies: String { pick("This dataset has no technology index.", "Ce jeu de données n'a pas d'index des technologies.") }
    var noRegions: String { pick("This dataset has no WCO regions.", "Ce jeu de données n'a pas de régions OMD.") }
    var noEvents: String { pick("This dataset has no events.", "Ce jeu de données n'a aucun événement.") }

    func tooSmall(_ need: Size) -> String {
        pick("Terminal too small — need \(need.width)x\(need.height)", "Terminal trop petit — il faut \(need.width)x\(need.height)")
    }

    // Status bar
    var noEvent: String { pick("no event", "aucun événement") }
    var filtersLabel: String { pick("Filters", "Filtres") }
    var noFilters: String { pick("no filter", "aucun filtre") }
    func searchLabel(_ text: String) -> String { pick("search “\(text)”", "recherche « \(text) »") }
    func matches(_ count: Int) -> String {
        count == 1 ? pick("1 match", "1 résultat") : pick("\(count) matches", "\(count) résultats")
    }
    func sessions(_ count: Int) -> String {
        count == 1 ? pick("1 session", "1 séance") : pick("\(count) sessions", "\(count) séances")
    }
    func events(_ count: Int) -> String {
        count == 1 ? pick("1 event", "1 événement") : pick("\(count) events", "\(count) événements")
    }

    // Messages
    func unknownCommand(_ name: String) -> String {
        pick("Unknown command “:\(name)” — Tab completes, ? lists the keys", "Commande inconnue « :\(name) » — Tab complète, ? liste les touches")
    }
    func notFound(_ what: String, _ input: String) -> String { pick("No \(what) named “\(input)”", "Aucun \(what) nommé « \(input) »") }
    func ambiguous(_ input: String, _ names: [String]) -> String {
        pick("“\(input)” could be: ", "« \(input) » peut désigner : ") + names.joined(separator: ", ")
    }
    func usage(_ text: String) -> String { pick("Usage: ", "Usage : ") + text }
    func noSuchDay(_ day: Int, _ count: Int) -> String {
        pick("This event has no day \(day) (it has \(count))", "Cet événement n'a pas de jour \(day) (il en a \(count))")
    }
    var noMoreMatches: String { pick("No search in force: / starts one", "Aucune recherche : / pour en lancer une") }
    var filtersCleared: String { pick("All filters cleared", "Tous les filtres effacés") }
    var nothingToClear: String { pick("No filter to clear", "Aucun filtre à effacer") }

    /// "Rio de Janeiro 2024" where a short title exists, else the title.
    static func eventName(_ event: Event, _ language: Language) -> String {
        (event.shortTitle ?? event.title).text(in: language)
    }
}

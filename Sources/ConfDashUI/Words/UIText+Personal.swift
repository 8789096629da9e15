import ConfDashCore

/// Status-line messages of the personal layer, as values; their words are below.
public enum PersonalMessage: Equatable, Sendable {
    /// A session starred (true) or unstarred, by its title.
    case starred(LocalizedText, Bool)
    case nothingToStar
    case noteNeedsSession
    case noteSaved, noteRemoved
    case sessionHiddenByFilters
    /// A starred session starts in `minutes`; `more` others start within the reminder time too.
    case reminder(minutes: Int, time: ClockTime, title: LocalizedText, room: LocalizedText?, more: Int)
    /// The state file could not be read or written (its own words: file, reason, what is kept).
    case stateFile(String)

    var kind: MessageKind {
        switch self {
        case .noteNeedsSession, .sessionHiddenByFilters, .stateFile: return .error
        case .starred, .nothingToStar, .noteSaved, .noteRemoved, .reminder: return .info
        }
    }
}

extension UIText {
    func personal(_ message: PersonalMessage) -> String {
        switch message {
        case .starred(let title, let on): return (on ? "★ " : "☆ ") + title.text(in: language)
        case .nothingToStar:
            return pick("Select a session to star (in the agenda or My agenda)", "Choisissez une session à étoiler (programme ou Mon programme)")
        case .noteNeedsSession: return pick("Select a session first, then :note TEXT", "Choisissez d'abord une session, puis :note TEXTE")
        case .noteSaved: return pick("Note saved", "Note enregistrée")
        case .noteRemoved: return pick("Note removed", "Note retirée")
        case .sessionHiddenByFilters:
            return pick("That session is hidden by the filters (x clears them)", "Cette session est masquée par les filtres (x pour les effacer)")
        case .reminder(let minutes, let time, let title, let room, let more):
            var line = pick("★ in \(minutes) min: ", "★ dans \(minutes) min : ") + "\(time) " + title.text(in: language)
            if let room { line += " · " + room.text(in: language) }
            if more > 0 { line += pick(" (+\(more) more)", " (+\(more) autres)") }
            return line
        case .stateFile(let text): return text
        }
    }
}

/// The personal layer's words on screen.
extension UIText {
    var myAgenda: String { pick("My agenda", "Mon programme") }
    var noStarYet: String {
        pick("No starred session yet: press s on a session in the agenda to star it.",
             "Aucune session étoilée : appuyez sur s sur une session du programme pour l'étoiler.")
    }
    /// "free 13:00–14:45 (1 h 45 min)  · Enter: what fits".
    func freeGap(_ gap: MyAgenda.Gap) -> String {
        let minutes = gap.minutes
        let length = minutes >= 60 ? "\(minutes / 60) h" + (minutes % 60 > 0 ? " \(minutes % 60) min" : "") : "\(minutes) min"
        return pick("free ", "libre ") + "\(gap.from.time)–\(gap.to.time) (\(length))" + pick("  · Enter: what fits", "  · Entrée : ce qui y tient")
    }
    func fitsIn(_ gap: MyAgenda.Gap, count: Int) -> String { pick("Fits in ", "Tient dans ") + "\(gap.from.time)–\(gap.to.time) · \(count)" }
    var nothingFits: String { pick("No session fits in this gap.", "Aucune session ne tient dans ce créneau.") }
    var nowAndNext: String { pick("Now and next", "En cours et ensuite") }
    var clockUnknown: String { pick("The clock is not known yet.", "L'heure n'est pas encore connue.") }
    var nothingMoreToday: String { pick("Nothing is running and nothing more is to come today.", "Rien en cours et plus rien aujourd'hui.") }
    /// In My agenda's rows: "⚠ overlaps " / "≈ may overlap ".
    func overlapsShort(certain: Bool) -> String {
        certain ? "⚠ " + pick("overlaps ", "chevauche ") : "≈ " + pick("may overlap ", "chevauche peut-être ")
    }
    /// In the details: "⚠ overlaps with " / "≈ may overlap with ".
    func overlapsWith(certain: Bool) -> String {
        certain ? "⚠ " + pick("overlaps with ", "chevauche ") : "≈ " + pick("may overlap with ", "chevauche peut-être ")
    }
    var starredUnstar: String { pick("starred (s: unstar)", "étoilée (s : retirer)") }
    /// Before the event's time in the status bar.
    var nowWord: String { pick("now", "il est") }
    var dayNotStated: String { pick("day not stated", "jour non précisé") }
}

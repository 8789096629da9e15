import ConfDashCore

/// Messages about rooms, times and keys that can do nothing.
public enum PlacesMessage: Equatable, Sendable {
    case alreadyLastDay(Int, of: Int)
    case alreadyFirstDay
    case alreadyLastEvent
    case alreadyFirstEvent
    /// A move through days or events left the search results for the day view.
    case searchLeft
    case noTimedSession
    case notOnDate(CalendarDate, from: CalendarDate, to: CalendarDate)
    case now(String, zone: String)
    case eventNotOn(from: CalendarDate, to: CalendarDate)
    /// The timeline's hour cursor at the first or last hour the event uses.
    case firstHour, lastHour
    /// A number key for a pane this data has nothing for (it takes no space on screen).
    case paneEmpty(PaneID)

    var kind: MessageKind {
        switch self {
        case .noTimedSession, .notOnDate: return .error
        default: return .info
        }
    }
}

/// The words of the rooms and tracks panes and of the place and time commands.
extension UIText {
    func placesMessage(_ message: PlacesMessage) -> String {
        switch message {
        case .alreadyLastDay(let day, let count): return pick("Already on the last day (\(day) of \(count))", "Déjà au dernier jour (\(day) sur \(count))")
        case .alreadyFirstDay: return pick("Already on the first day", "Déjà au premier jour")
        case .alreadyLastEvent: return pick("Already on the last event", "Déjà au dernier événement")
        case .alreadyFirstEvent: return pick("Already on the first event", "Déjà au premier événement")
        case .firstHour: return pick("Already at the first hour of the programme", "Déjà à la première heure du programme")
        case .lastHour: return pick("Already at the last hour of the programme", "Déjà à la dernière heure du programme")
        case .paneEmpty(let pane):
            let why: String
            switch pane {
            case .timeline: why = pick("this data has one event and no clock times", "ces données n'ont qu'un événement, sans horaires")
            case .regions: why = pick("this data has no regions or rooms", "ces données n'ont ni région ni salle")
            case .technologies: why = pick("this data has no technologies or tracks", "ces données n'ont ni technologie ni thème")
            case .agenda: why = ""
            }
            return pick("Pane \(pane.rawValue + 1) (\(paneName(pane))) has nothing to show: ",
                        "Le panneau \(pane.rawValue + 1) (\(paneName(pane))) n'a rien à montrer : ") + why
        case .searchLeft:
            return pick("Search cleared to show the day (/ searches again)", "Recherche retirée pour afficher le jour (/ pour chercher à nouveau)")
        case .noTimedSession: return pick("No session of this day has a clock time", "Aucune séance de ce jour n'a d'heure")
        case .notOnDate(let date, let from, let to):
            let span = DateLabels.range(from, to, language)
            return pick("This event does not take place on \(date.iso) (it runs \(span))", "Cet événement n'a pas lieu le \(date.iso) (il se tient : \(span))")
        case .now(let time, let zone): return pick("Now: ", "Maintenant : ") + time + " (\(zone))"
        case .eventNotOn(let from, let to):
            let span = DateLabels.range(from, to, language)
            return pick("The event is not on now (\(span)): its first session", "L'événement n'a pas lieu en ce moment (\(span)) : sa première séance")
        }
    }

    /// The pane's name for what it shows with this data: Places are rooms and Topics are tracks
    /// in a schedule without WCO regions or a technology index.
    func paneName(_ pane: PaneID, data: DashboardData) -> String {
        switch pane {
        case .regions where data.placesShowRooms: return pick("Rooms", "Salles")
        case .technologies where data.topicsShowTracks: return pick("Tracks", "Thèmes")
        default: return paneName(pane)
        }
    }

    var roomChip: String { pick("room: ", "salle : ") }
    var noRoomsNamed: String { pick("This event names no rooms.", "Aucune salle n'est nommée pour cet événement.") }
    var roomHeader: String { pick("Room", "Salle") }
    var sessionsShort: String { pick("sess.", "séan.") }
    func nowNext(at time: String?) -> String {
        let at = time.map { pick("at ", "à ") + $0 } ?? pick("start of day", "début du jour")
        return pick("now · next (\(at))", "en cours · ensuite (\(at))")
    }
    func moreRooms(_ count: Int) -> String { pick("↓ \(number(count)) more rooms", "↓ \(number(count)) salles de plus") }
    var nothingAfter: String { pick("nothing after", "rien ensuite") }
    var noTrackShown: String { pick("No track in what is shown.", "Aucun thème dans ce qui est affiché.") }
    var trackHeader: String { pick("Track", "Thème") }
    func trendBy(singleEvent: Bool) -> String { singleEvent ? pick("by day", "par jour") : pick("by event", "par év.") }
    func moreTracks(_ count: Int) -> String { pick("↓ \(number(count)) more tracks", "↓ \(number(count)) thèmes de plus") }
}

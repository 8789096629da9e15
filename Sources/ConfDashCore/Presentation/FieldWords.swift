/// The names of the fields confdash shows (an event's dates and place, a session's time, room,
/// tracks, people…), as the dashboard's details, the command line's tables and `events --long`,
/// and the exports' descriptions head them. Written once, so that the three cannot come to name
/// one field two ways, and a new field is translated in one place.
public enum FieldName: Sendable, CaseIterable {
    case kind, dates, place, when, room
    case track, tracks, technology, technologies
    case people, organisations, links, about, programme, themeOfTheYear
}

extension Labels {
    /// "Room" / "Salle": the heading or label of `field`.
    public func field(_ field: FieldName) -> String {
        switch field {
        case .kind: return pick("Kind", "Type")
        case .dates: return pick("Dates", "Dates")
        case .place: return pick("Where", "Où")
        case .when: return pick("When", "Quand")
        case .room: return pick("Room", "Salle")
        case .track: return pick("Track", "Thème")
        case .tracks: return pick("Tracks", "Thèmes")
        case .technology: return pick("Technology", "Technologie")
        case .technologies: return pick("Technologies", "Technologies")
        case .people: return pick("People", "Intervenants")
        case .organisations: return pick("Organisations", "Organisations")
        case .links: return pick("Links", "Liens")
        case .about: return pick("About", "En bref")
        case .programme: return pick("Programme", "Programme")
        case .themeOfTheYear: return pick("Theme of the year", "Thème de l'année")
        }
    }
}

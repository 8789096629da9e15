/// What a session's search text is made of: its own fields, its people, organisations,
/// technologies and tracks by name, its room's name, and its event's title and city. Kept by
/// `DatasetIndex` so that the text of one session can be folded on its own (while the table of
/// every session is still being built) exactly as the table folds it.
struct SearchContext: Sendable {
    let placesByID: [String: Place]
    let peopleByID: [String: Person]
    let organisationsByID: [String: Organisation]
    let technologiesByID: [String: Technology]
    let tracksByID: [String: Track]
    let roomsByEvent: [String: [String: Room]]

    /// The event's part of each of its sessions' text: its title and city.
    func eventParts(_ event: Event) -> [String] {
        var parts = event.title.allTexts + (event.shortTitle?.allTexts ?? [])
        if let place = event.place.flatMap({ placesByID[$0] }) { parts += place.name.allTexts }
        return parts
    }

    /// The folded search text of `session` of `event`; `eventParts` is `eventParts(event)`.
    func foldedText(_ session: Session, of event: Event, eventParts: [String]) -> String {
        var parts = sessionParts(session) + eventParts
        // Room names are searched too ("glitch" finds what runs in Saal GLITCH).
        if let room = session.room { parts += roomsByEvent[event.id]?[room]?.name.allTexts ?? [room] }
        return parts.joined(separator: "\n").searchFolded
    }

    private func sessionParts(_ session: Session) -> [String] {
        var parts = session.title.allTexts + (session.description?.allTexts ?? []) + (session.abstract?.allTexts ?? [])
        func addOrganisation(_ id: String?) {
            guard let organisation = id.flatMap({ organisationsByID[$0] }) else { return }
            parts += organisation.name.allTexts + (organisation.acronym?.allTexts ?? [])
        }
        for link in session.people {
            guard let person = peopleByID[link.person] else { continue }
            parts.append(person.name)
            parts += person.role?.allTexts ?? []
            addOrganisation(person.organisation)
        }
        for link in session.organisations { addOrganisation(link.organisation) }
        for id in session.technologies {
            guard let technology = technologiesByID[id] else { continue }
            parts += technology.name.allTexts + technology.aliases
        }
        for id in session.tracks { parts += tracksByID[id]?.name.allTexts ?? [] }
        return parts
    }
}

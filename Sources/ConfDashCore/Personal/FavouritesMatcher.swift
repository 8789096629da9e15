/// Finds in a dataset the sessions another app's favourites name: by lasting id first (the
/// schedule's guid or UID, a confdash UID `<id>@<event>.confdash`, or the session id), then by
/// title and start time — what survives when the other app renumbered or re-exported them.
public struct FavouritesMatcher: Sendable {
    private var byID: [String: SessionAddress] = [:]
    private var byTitleStart: [String: SessionAddress] = [:]
    private let events: [String: Event]

    public init(_ dataset: Dataset) {
        var events: [String: Event] = [:]
        for event in dataset.events {
            events[event.id] = event
            for session in event.sessions {
                let address = SessionAddress(event: event.id, session: session.id)
                for id in [session.uid, StableID.uid(session: session.id, event: event.id), session.id].compactMap({ $0 }) where byID[id] == nil {
                    byID[id] = address
                }
                if let start = SessionSpan(session, in: event), session.start != nil {
                    let key = Self.titleKey(session.title.en ?? session.title.fr ?? "") + "\u{1}\(start.start)"
                    if byTitleStart[key] == nil { byTitleStart[key] = address }
                }
            }
        }
        self.events = events
    }

    /// The session an id or guid/UID names.
    public func session(id: String) -> SessionAddress? {
        let trimmed = id.trimmingWhitespace
        return byID[trimmed] ?? byID[ImportIDs.hint(uid: trimmed)]
    }

    /// The session `imported` (a session of `event`, read from another app's file) stands for.
    public func session(matching imported: Session, of event: Event) -> SessionAddress? {
        if let uid = imported.uid, let found = session(id: uid) { return found }
        guard imported.start != nil, let span = SessionSpan(imported, in: event) else { return nil }
        return byTitleStart[Self.titleKey(imported.title.en ?? imported.title.fr ?? "") + "\u{1}\(span.start)"]
    }

    public func lookup(_ address: SessionAddress) -> (Event, Session)? {
        guard let event = events[address.event], let session = event.sessions.first(where: { $0.id == address.session }) else { return nil }
        return (event, session)
    }

    private static func titleKey(_ title: String) -> String {
        title.searchFolded.split { !($0.isLetter || $0.isNumber) }.joined(separator: " ")
    }
}

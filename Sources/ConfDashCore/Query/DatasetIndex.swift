/// Lookups by id and precomputed search text over one dataset. Built once after loading; every
/// query and every pane reads through it, so nothing scans the whole dataset per keystroke.
public final class DatasetIndex: Sendable {
    public let dataset: Dataset
    public let sourcesByID: [String: Source]
    public let regionsByID: [String: Region]
    public let countriesByCode: [String: Country]
    public let placesByID: [String: Place]
    public let organisationsByID: [String: Organisation]
    public let peopleByID: [String: Person]
    public let tracksByID: [String: Track]
    public let technologiesByID: [String: Technology]
    public let eventsByID: [String: Event]
    /// Oldest first; ties broken by end date then id, so the order never depends on the file's order.
    public let eventsByDate: [Event]
    /// Folded (case- and accent-insensitive) text of each session in both languages, by event id:
    /// by session id, and as one array in the order of `event.sessions` (a scan reads it by
    /// place, with no look-up per session).
    private let sessionSearchText: LazyValue<SessionSearchTexts>
    /// Folded text of each event's own fields, by event id: what a search can match on the event
    /// itself (its theme, description, organisations…) rather than on one of its sessions.
    /// Built on the first search: listing and exporting never read it (38C3: 0.31 M instructions).
    private let eventSearchFields: LazyValue<[String: [(field: EventSearchField, text: String)]]>
    /// Each event's rooms by id: a schedule may have thousands, and a scan per session was quadratic.
    private let roomsByEvent: [String: [String: Room]]
    /// What a session's search text is made of besides the session itself.
    private let searchContext: SearchContext

    public init(_ dataset: Dataset) {
        self.dataset = dataset
        sourcesByID = Self.keyed(dataset.sources, \.id)
        regionsByID = Self.keyed(dataset.regions, \.id)
        countriesByCode = Self.keyed(dataset.countries, \.code)
        placesByID = Self.keyed(dataset.places, \.id)
        organisationsByID = Self.keyed(dataset.organisations, \.id)
        peopleByID = Self.keyed(dataset.people, \.id)
        tracksByID = Self.keyed(dataset.tracks, \.id)
        technologiesByID = Self.keyed(dataset.technologies, \.id)
        eventsByID = Self.keyed(dataset.events, \.id)
        eventsByDate = dataset.events.sorted { ($0.startDate, $0.endDate, $0.id) < ($1.startDate, $1.endDate, $1.id) }
        var rooms: [String: [String: Room]] = [:]
        for event in dataset.events where rooms[event.id] == nil { rooms[event.id] = Self.keyed(event.rooms, \.id) }
        roomsByEvent = rooms

        // Built on the first search (or ahead of it, on another thread: `prepareSearchInBackground`), not
        // here: listing, exporting and drawing the first frame never need it, and for 100,000
        // sessions it is a tenth of a second and tens of megabytes.
        let context = SearchContext(placesByID: placesByID, peopleByID: peopleByID, organisationsByID: organisationsByID,
                                    technologiesByID: technologiesByID, tracksByID: tracksByID, roomsByEvent: rooms)
        searchContext = context
        sessionSearchText = LazyValue { [dataset, context] in
            var texts = SessionSearchTexts()
            var seen: Set<String> = []
            for event in dataset.events {
                let eventContext = context.eventParts(event)
                let folded = event.sessions.map { context.foldedText($0, of: event, eventParts: eventContext) }
                var byID = texts.byID[event.id] ?? [:]
                byID.reserveCapacity(byID.count + folded.count)
                for (session, text) in zip(event.sessions, folded) { byID[session.id] = text }
                texts.byID[event.id] = byID
                // Two events with one id (the loader reported it): neither is read by place.
                if seen.insert(event.id).inserted { texts.byPlace[event.id] = folded } else { texts.byPlace[event.id] = nil }
            }
            return texts
        }
        eventSearchFields = LazyValue { [dataset, placesByID, countriesByCode, regionsByID, organisationsByID] in
            var eventFields: [String: [(field: EventSearchField, text: String)]] = [:]
            for event in dataset.events {
                eventFields[event.id] = DatasetIndex.eventOwnSearchFields(event, places: placesByID, countries: countriesByCode,
                                                                         regions: regionsByID, organisations: organisationsByID)
            }
            return eventFields
        }
    }

    /// The room `id` of `event`, nil when the event has no such room.
    public func room(_ id: String, in event: Event) -> Room? { roomsByEvent[event.id]?[id] }

    /// The event's rooms by id (`room(_:in:)` for a reader that asks for many rooms of one event:
    /// the event's table is looked up once).
    public func rooms(of event: Event) -> [String: Room] { roomsByEvent[event.id] ?? [:] }

    /// Keeps the first record for a duplicated id: the loader has already reported the duplicate.
    /// Made at its final size, and each id hashed once (`uniquingKeysWith` keeps the first):
    /// the 38C3 people's cost 1.2 M instructions of every command when each id was looked up
    /// twice and the table grew step by step.
    private static func keyed<T>(_ items: [T], _ key: (T) -> String) -> [String: T] {
        withoutActuallyEscaping(key) { key in
            Dictionary(items.lazy.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    private static func eventOwnSearchFields(_ event: Event, places: [String: Place], countries: [String: Country],
                                             regions: [String: Region], organisations: [String: Organisation])
        -> [(field: EventSearchField, text: String)] {
        var fields: [(EventSearchField, [String])] = [
            (.title, event.title.allTexts + (event.shortTitle?.allTexts ?? []) + (event.series?.allTexts ?? [])),
            (.theme, (event.theme?.allTexts ?? []) + (event.yearTheme?.allTexts ?? []) + event.days.flatMap { $0.theme?.allTexts ?? [] }),
            (.description, event.description?.allTexts ?? []),
        ]
        var place = event.place.flatMap { places[$0] }?.name.allTexts ?? []
        place += (event.country ?? event.place.flatMap { places[$0]?.country }).flatMap { countries[$0] }?.name.allTexts ?? []
        place += event.region.flatMap { regions[$0] }?.name.allTexts ?? []
        fields.append((.place, place))
        // Each organisation with the part it played, in both languages: "Webb Fontaine", "sponsor".
        var parts: [String] = []
        for link in event.organisations {
            guard let organisation = organisations[link.organisation] else { continue }
            parts += organisation.name.allTexts + (organisation.acronym?.allTexts ?? [])
            parts += [Labels(.en).eventRole(link.role), Labels(.fr).eventRole(link.role)]
        }
        fields.append((.organisations, parts))
        return fields.filter { !$0.1.isEmpty }.map { (field: $0.0, text: $0.1.joined(separator: "\n").searchFolded) }
    }

    /// The fields of the event's own text that contain a word of `query`, when every word of the
    /// query occurs somewhere in that text; nil when the event itself does not match.
    public func eventMatch(_ event: Event, _ query: SearchQuery) -> [EventSearchField]? {
        let fields = eventSearchFields.value[event.id] ?? []
        guard query.matches(folded: fields.map(\.text).joined(separator: "\n")) else { return nil }
        return fields.filter { query.matchesAnyWord(folded: $0.text) }.map(\.field)
    }

    /// Whether every word of `query` occurs in the text (either language) of `session` of
    /// `event`, ignoring case and accents. Reads the folded text of every session, built on the
    /// first call; while another thread builds it (`prepareSearch`), folds this one session
    /// instead of waiting, so a keystroke never waits for the whole table.
    public func session(_ session: Session, of event: Event, matches query: SearchQuery) -> Bool {
        if let table = sessionSearchText.valueUnlessComputingElsewhere {
            return query.matches(folded: table.byID[event.id]?[session.id] ?? "")
        }
        return query.matches(folded: searchContext.foldedText(session, of: event, eventParts: searchContext.eventParts(event)))
    }

    /// The folded search text of each session of `event`, in `event.sessions`' order; nil while
    /// another thread builds the table (`prepareSearchInBackground`), or when two events share
    /// the id: then `folder(for:)` folds the sessions a caller reads, as the table does.
    public func foldedTexts(of event: Event) -> [String]? {
        guard let table = sessionSearchText.valueUnlessComputingElsewhere else { return nil }
        return table.byPlace[event.id].flatMap { $0.count == event.sessions.count ? $0 : nil }
    }

    /// Folds one session of `event` at a time, exactly as the table does (the event's part of
    /// the text folded once).
    public func folder(for event: Event) -> @Sendable (Session) -> String {
        let context = searchContext
        let eventParts = context.eventParts(event)
        return { context.foldedText($0, of: event, eventParts: eventParts) }
    }

    /// Builds the folded text of every session now, if it is not built yet.
    public func prepareSearch() {
        _ = sessionSearchText.value
    }

    /// Starts building the folded text of every session on a thread of its own (the dashboard
    /// does when a search begins), so that keys never wait for the whole table: until it is
    /// ready, `session(_:of:matches:)` folds just the sessions it is asked about.
    public func prepareSearchInBackground() {
        sessionSearchText.computeInBackground()
    }

    // MARK: Convenience lookups used by every presentation

    public func region(of event: Event) -> Region? { event.region.flatMap { regionsByID[$0] } }
    public func place(of event: Event) -> Place? { event.place.flatMap { placesByID[$0] } }
    public func country(of event: Event) -> Country? {
        (event.country ?? place(of: event)?.country).flatMap { countriesByCode[$0] }
    }
    public func sourceFiles(_ ids: [String]) -> [String] {
        ids.compactMap { sourcesByID[$0] }.map { $0.file ?? $0.id }
    }
    /// The region an organisation (or the body it belongs to) sits in.
    public func region(ofOrganisation id: String?) -> Region? {
        var current = id.flatMap { organisationsByID[$0] }
        var hops = 0
        while let organisation = current, hops < 8 {
            if let region = organisation.region ?? organisation.country.flatMap({ countriesByCode[$0]?.region }) {
                return regionsByID[region]
            }
            current = organisation.parent.flatMap { organisationsByID[$0] }
            hops += 1
        }
        return nil
    }
}

/// The folded search text of every session (`DatasetIndex.sessionSearchText`).
struct SessionSearchTexts: Sendable {
    /// By event id, in the order of `event.sessions`.
    var byPlace: [String: [String]] = [:]
    /// By event id then session id.
    var byID: [String: [String: String]] = [:]
}

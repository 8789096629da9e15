/// Everything confdash shows: a set of events with their sessions, and the reference lists
/// (regions, places, organisations, people, tracks, technologies) the events point into by id.
///
/// The JSON form is documented in docs/dataset.md and docs/confdash-dataset.schema.json.
/// Ids are stable strings; every reference between records is by id and checked on load.
public struct Dataset: Encodable, Equatable, Sendable {
    public static let formatName = "confdash-dataset"
    public static let currentVersion = 1

    public var format: String = Dataset.formatName
    public var version: Int = Dataset.currentVersion
    public var title: LocalizedText
    public var description: LocalizedText?
    public var sources: [Source]
    public var regions: [Region]
    public var countries: [Country]
    public var places: [Place]
    public var organisations: [Organisation]
    public var people: [Person]
    public var tracks: [Track]
    public var technologies: [Technology]
    /// Oldest first is how the bundled file is written, but nothing relies on it: see `eventsByDate`.
    public var events: [Event]

    public init(title: LocalizedText, description: LocalizedText? = nil, sources: [Source] = [], regions: [Region] = [],
                countries: [Country] = [], places: [Place] = [], organisations: [Organisation] = [], people: [Person] = [],
                tracks: [Track] = [], technologies: [Technology] = [], events: [Event] = []) {
        self.title = title
        self.description = description
        self.sources = sources
        self.regions = regions
        self.countries = countries
        self.places = places
        self.organisations = organisations
        self.people = people
        self.tracks = tracks
        self.technologies = technologies
        self.events = events
    }
}

/// A document the facts come from. `seed` sources are the press releases in shared/seeds;
/// `reference` sources are the few general facts the seeds cannot give (the list of WCO regions,
/// a city's coordinates), named as such so they are never mistaken for seed facts.
public struct Source: Encodable, Equatable, Sendable, Identifiable {
    public enum Kind: String, Encodable, Sendable, CaseIterable { case seed, reference, imported }

    public var id: String
    public var kind: Kind
    /// The seed's file name, e.g. `000_a7b3e4d4e7ed5d98.txt`.
    public var file: String?
    public var title: LocalizedText
    public var published: CalendarDate?
    /// Language of the document itself (ISO 639-1).
    public var language: String?
    public var note: LocalizedText?

    public init(id: String, kind: Kind, file: String? = nil, title: LocalizedText, published: CalendarDate? = nil,
                language: String? = nil, note: LocalizedText? = nil) {
        self.id = id; self.kind = kind; self.file = file; self.title = title
        self.published = published; self.language = language; self.note = note
    }
}

/// One of the six WCO regions.
public struct Region: Encodable, Equatable, Sendable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var abbreviation: LocalizedText?
    public var sources: [String]

    public init(id: String, name: LocalizedText, abbreviation: LocalizedText? = nil, sources: [String] = []) {
        self.id = id; self.name = name; self.abbreviation = abbreviation; self.sources = sources
    }
}

/// A country, keyed by its ISO 3166-1 alpha-2 code.
public struct Country: Encodable, Equatable, Sendable, Identifiable {
    public var code: String
    /// ISO 3166-1 alpha-3, the key of the world map grid.
    public var code3: String?
    public var name: LocalizedText
    public var region: String?
    public var sources: [String]
    public var id: String { code }

    public init(code: String, code3: String? = nil, name: LocalizedText, region: String? = nil, sources: [String] = []) {
        self.code = code; self.code3 = code3; self.name = name; self.region = region; self.sources = sources
    }
}

/// A host city (or any named place), with coordinates for the map.
public struct Place: Encodable, Equatable, Sendable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var country: String?
    public var latitude: Double?
    public var longitude: Double?
    public var sources: [String]

    public init(id: String, name: LocalizedText, country: String? = nil, latitude: Double? = nil, longitude: Double? = nil,
                sources: [String] = []) {
        self.id = id; self.name = name; self.country = country
        self.latitude = latitude; self.longitude = longitude; self.sources = sources
    }
}

public struct Organisation: Encodable, Equatable, Sendable, Identifiable {
    public enum Kind: String, Encodable, Sendable, CaseIterable {
        case customsAdministration, government, internationalOrganisation, wcoBody, regionalBody, fund, privateSector, academia, other
    }

    public var id: String
    public var name: LocalizedText
    public var acronym: LocalizedText?
    public var kind: Kind
    public var country: String?
    /// The WCO region the organisation belongs to; nil for bodies that span regions (WCO Secretariat, WTO…).
    public var region: String?
    /// The body it is part of (the WCO Council is part of the WCO).
    public var parent: String?
    public var sources: [String]

    public init(id: String, name: LocalizedText, acronym: LocalizedText? = nil, kind: Kind, country: String? = nil,
                region: String? = nil, parent: String? = nil, sources: [String] = []) {
        self.id = id; self.name = name; self.acronym = acronym; self.kind = kind; self.country = country
        self.region = region; self.parent = parent; self.sources = sources
    }
}

public struct Person: Encodable, Equatable, Sendable, Identifiable {
    public var id: String
    /// As the source writes it (names are facts: never translated).
    public var name: String
    /// Title or function at the time of the event, e.g. "Secretary General".
    public var role: LocalizedText?
    public var organisation: String?
    public var sources: [String]

    public init(id: String, name: String, role: LocalizedText? = nil, organisation: String? = nil, sources: [String] = []) {
        self.id = id; self.name = name; self.role = role; self.organisation = organisation; self.sources = sources
    }
}

/// A theme that cuts across events ("Detection and risk management"). One small set serves all events.
public struct Track: Encodable, Equatable, Sendable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var description: LocalizedText?
    /// `#RRGGBB`, as frab and pretalx publish track colours.
    public var color: String?

    public init(id: String, name: LocalizedText, description: LocalizedText? = nil, color: String? = nil) {
        self.id = id; self.name = name; self.description = description; self.color = color
    }
}

public struct Technology: Encodable, Equatable, Sendable, Identifiable {
    public var id: String
    public var name: LocalizedText
    /// Other names people search by, in each language ("IA", "IdO", "chaîne de blocs", "mégadonnées").
    public var aliases: [String]
    public var description: LocalizedText?

    public init(id: String, name: LocalizedText, aliases: [String] = [], description: LocalizedText? = nil) {
        self.id = id; self.name = name; self.aliases = aliases; self.description = description
    }
}

extension Dataset {
    /// Entries that are sessions, and entries that are topics a group of sessions covered, in all events.
    public var sessionAndTopicCounts: (sessions: Int, topics: Int) {
        events.reduce((0, 0)) { total, event in
            let counts = event.sessionAndTopicCounts
            return (total.0 + counts.sessions, total.1 + counts.topics)
        }
    }
}

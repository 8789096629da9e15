public struct Event: Encodable, Equatable, Sendable, Identifiable {
    public enum Kind: String, Encodable, Sendable, CaseIterable {
        case conference, regionalWorkshop, onlineWorkshop, other
    }

    public var id: String
    public var kind: Kind
    /// The series the event belongs to, e.g. "WCO Technology Conference & Exhibition".
    public var series: LocalizedText?
    /// The official title where the source gives one.
    public var title: LocalizedText
    /// Short label for narrow columns ("Hanoi 2023").
    public var shortTitle: LocalizedText?
    /// The official theme, quoted.
    public var theme: LocalizedText?
    /// True when `title` quotes the source's official title; false when it is our label.
    public var officialTitle: Bool
    /// The organiser's theme of the year the source quotes for the event (the WCO's theme for 2024), quoted.
    public var yearTheme: LocalizedText?
    /// The language the official title and the themes are quoted in (`"fr"`); their other
    /// languages are our translations.
    public var quotedLanguage: String?
    public var startDate: CalendarDate
    public var endDate: CalendarDate
    /// IANA name (`Europe/Berlin`) or a fixed offset (`+01:00`) for clock times; nil when none are known.
    public var timeZone: String?
    public var online: Bool
    public var place: String?
    public var country: String?
    public var region: String?
    public var organisations: [EventOrganisation]
    public var figures: [Figure]
    /// Every technology the sources mention for this event (its sessions' and the event's own).
    public var technologies: [String]
    public var description: LocalizedText?
    /// Facts about particular days, such as a day's theme ("AI Day").
    public var days: [EventDay]
    public var rooms: [Room]
    public var links: [Link]
    public var sessions: [Session]
    public var sources: [String]

    public init(id: String, kind: Kind, series: LocalizedText? = nil, title: LocalizedText, shortTitle: LocalizedText? = nil,
                theme: LocalizedText? = nil, startDate: CalendarDate, endDate: CalendarDate, timeZone: String? = nil,
                online: Bool = false, place: String? = nil, country: String? = nil, region: String? = nil,
                organisations: [EventOrganisation] = [], figures: [Figure] = [], technologies: [String] = [],
                description: LocalizedText? = nil, days: [EventDay] = [], rooms: [Room] = [], links: [Link] = [],
                sessions: [Session] = [], sources: [String] = [], officialTitle: Bool = false,
                yearTheme: LocalizedText? = nil, quotedLanguage: String? = nil) {
        self.id = id; self.kind = kind; self.series = series; self.title = title; self.shortTitle = shortTitle
        self.theme = theme; self.startDate = startDate; self.endDate = endDate; self.timeZone = timeZone
        self.online = online; self.place = place; self.country = country; self.region = region
        self.organisations = organisations; self.figures = figures; self.technologies = technologies
        self.description = description; self.days = days; self.rooms = rooms; self.links = links
        self.sessions = sessions; self.sources = sources
        self.officialTitle = officialTitle; self.yearTheme = yearTheme; self.quotedLanguage = quotedLanguage
    }

    /// Whether quoted text (official title, themes) shown in `language` is a translation of ours.
    public func quoteIsTranslated(in language: Language) -> Bool {
        quotedLanguage != nil && quotedLanguage != language.rawValue
    }

    /// Entries that are sessions, and entries that are topics a group of sessions covered.
    public var sessionAndTopicCounts: (sessions: Int, topics: Int) {
        let topics = sessions.filter(\.groupTopic).count
        return (sessions.count - topics, topics)
    }

    /// Longest event the loader accepts: a year and a day covers any real programme, and bounds
    /// every day-by-day walk over an event.
    public static let maximumDayCount = 367

    /// Number of calendar days, both ends included.
    public var dayCount: Int { endDate.days(since: startDate) + 1 }
    /// Every calendar day of the event, in order.
    public var dates: [CalendarDate] { (0..<max(dayCount, 0)).map { startDate.adding(days: $0) } }
    /// 1-based position of `date` in the event, or nil when outside it.
    public func dayIndex(of date: CalendarDate) -> Int? {
        let offset = date.days(since: startDate)
        return (0..<dayCount).contains(offset) ? offset + 1 : nil
    }
    public func date(ofDay index: Int) -> CalendarDate? {
        (1...max(dayCount, 1)).contains(index) && dayCount > 0 ? startDate.adding(days: index - 1) : nil
    }
    public func organisations(withRole role: EventOrganisation.Role) -> [String] {
        organisations.filter { $0.role == role }.map(\.organisation)
    }
}

/// How an organisation took part in an event.
public struct EventOrganisation: Encodable, Equatable, Sendable {
    public enum Role: String, Encodable, Sendable, CaseIterable {
        /// The administration that hosted the event.
        case host
        /// Organised or led it.
        case organiser
        /// Gave support other than money (e.g. a regional capacity-building office).
        case supporter
        /// Paid for it (a fund).
        case funder
        case commercialSponsor
        /// Took part with speakers or delegates.
        case participant
        case partner
    }

    public var organisation: String
    public var role: Role
    public var sources: [String]

    public init(organisation: String, role: Role, sources: [String] = []) {
        self.organisation = organisation; self.role = role; self.sources = sources
    }
}

/// A number the sources state, with its qualifier kept ("more than 1,200" is not "1,200").
public struct Figure: Encodable, Equatable, Sendable {
    public enum Measure: String, Encodable, Sendable, CaseIterable {
        case participants, countries, memberAdministrations, exhibitionStands, days, panels, streams
    }
    public enum Qualifier: String, Encodable, Sendable, CaseIterable {
        case exact, moreThan, nearly, atLeast, about
    }

    public var measure: Measure
    public var value: Int
    public var qualifier: Qualifier
    /// What the number counts exactly, when the source says ("registered participants").
    public var note: LocalizedText?
    public var sources: [String]
    /// True when we worked the number out (a length in days from the dates) rather than a source
    /// stating it; `note` says how.
    public var computed: Bool

    public init(measure: Measure, value: Int, qualifier: Qualifier = .exact, note: LocalizedText? = nil, sources: [String] = [],
                computed: Bool = false) {
        self.measure = measure; self.value = value; self.qualifier = qualifier; self.note = note; self.sources = sources
        self.computed = computed
    }
}

public struct EventDay: Encodable, Equatable, Sendable {
    public var date: CalendarDate
    public var theme: LocalizedText?
    public var sources: [String]

    public init(date: CalendarDate, theme: LocalizedText? = nil, sources: [String] = []) {
        self.date = date; self.theme = theme; self.sources = sources
    }
}

public struct Room: Encodable, Equatable, Sendable, Identifiable {
    public var id: String
    public var name: LocalizedText

    public init(id: String, name: LocalizedText) { self.id = id; self.name = name }
}

public struct Link: Encodable, Equatable, Sendable {
    public var url: String
    public var title: LocalizedText?

    public init(url: String, title: LocalizedText? = nil) { self.url = url; self.title = title }
}

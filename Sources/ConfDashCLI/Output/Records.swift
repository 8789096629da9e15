import ConfDashCore

// The stable JSON shapes of the CLI, documented in docs/cli.md. Text fields are given in the
// language chosen with --lang; ids are always present so scripts can join records.

/// Writes `null` for a missing value instead of leaving the key out: every record has the same keys,
/// and "not stated in the source" is visible in the output rather than implied by an absence.
@propertyWrapper
struct Null<Value: Encodable>: Encodable {
    var wrappedValue: Value?
    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

struct IDName: Encodable, Equatable {
    var id: String
    var name: String
}

struct FigureRecord: Encodable {
    var measure: String
    var value: Int
    var qualifier: String
    /// The figure as a person reads it: "more than 1,200".
    var text: String
    @Null var note: String?
    /// True when confdash's data worked the number out (a length from the dates) rather than a source stating it.
    var computed: Bool
}

struct PlaceRecord: Encodable {
    var id: String
    var name: String
    @Null var country: IDName?
    @Null var latitude: Double?
    @Null var longitude: Double?
}

struct OrganisationRoleRecord: Encodable {
    var id: String
    var name: String
    var role: String
}

struct EventRecord: Encodable {
    var id: String
    var kind: String
    var kindLabel: String
    var title: String
    @Null var shortTitle: String?
    @Null var series: String?
    @Null var theme: String?
    /// True when `title` quotes the source's official title.
    var officialTitle: Bool
    /// True when the official title and the themes, in this language, are our translation of the quoted original.
    var quoteTranslated: Bool
    /// The organiser's theme of the year the source quotes for the event.
    @Null var yearTheme: String?
    var startDate: String
    var endDate: String
    var dayCount: Int
    var online: Bool
    @Null var place: PlaceRecord?
    @Null var region: IDName?
    var organisations: [OrganisationRoleRecord]
    var figures: [FigureRecord]
    var technologies: [IDName]
    /// Entries that are sessions; `topicCount` counts those that are only a topic grouped sessions covered.
    var sessionCount: Int
    var topicCount: Int
    @Null var description: String?
    var sources: [String]
}

struct DayBasisRecord: Encodable {
    @Null var quote: String?
    var inferred: Bool
    @Null var reason: String?
}

struct EventMatchRecord: Encodable {
    var event: String
    var eventTitle: String
    /// Which of the event's own fields hold a word of the search: title, theme, description, place, organisations.
    var fields: [String]
}

struct DayRangeRecord: Encodable {
    var from: String
    var to: String
    @Null var fromIndex: Int?
    @Null var toIndex: Int?
}

struct SessionPersonRecord: Encodable {
    var id: String
    var name: String
    var role: String
    @Null var title: String?
    @Null var organisation: IDName?
}

struct SessionOrganisationRecord: Encodable {
    var id: String
    var name: String
    var role: String
    @Null var note: String?
}

struct SessionRecord: Encodable {
    var event: String
    /// The event's full title, as `export` writes it.
    var eventTitle: String
    @Null var eventShortTitle: String?
    var id: String
    var title: String
    var officialTitle: Bool
    /// True when the official title, in this language, is our translation of the quoted original.
    var titleTranslated: Bool
    /// True when the entry is a topic grouped sessions covered, not a session of its own.
    var groupTopic: Bool
    var kind: String
    var kindLabel: String
    @Null var count: Int?
    /// The day, when the source gives it.
    @Null var day: String?
    @Null var dayIndex: Int?
    /// The span of days, when the source gives only that.
    @Null var possibleDays: DayRangeRecord?
    /// What places it on its day: the source's words, or an inference and why.
    @Null var dayBasis: DayBasisRecord?
    @Null var partOfDay: String?
    @Null var start: String?
    @Null var end: String?
    /// The zone `start` and `end` are in (the event's, or the user's with --tz local); null without them.
    @Null var timeZone: String?
    @Null var durationMinutes: Int?
    @Null var room: String?
    var tracks: [IDName]
    var technologies: [IDName]
    var people: [SessionPersonRecord]
    var organisations: [SessionOrganisationRecord]
    @Null var description: String?
    /// The schedule's abstract (imported sessions), as plain text.
    @Null var abstract: String?
    /// The language the session is given in, as the source writes it ("en", "de").
    @Null var language: String?
    var links: [LinkRecord]
    var sources: [String]
}

struct UsageRecord: Encodable {
    var id: String
    var name: String
    @Null var aliases: [String]?
    @Null var description: String?
    @Null var color: String?
    var events: Int
    var sessions: Int
    /// Sessions per year, keyed by year ("2024").
    var sessionsByYear: [String: Int]
    var eventIDs: [String]
}

struct RegionRecord: Encodable {
    struct RegionEvent: Encodable {
        var id: String
        var title: String
        var startDate: String
        var endDate: String
        @Null var place: String?
        var online: Bool
    }
    var id: String
    var name: String
    var events: [RegionEvent]
    var countries: [IDName]
}

struct LinkRecord: Encodable {
    var url: String
    @Null var title: String?
}

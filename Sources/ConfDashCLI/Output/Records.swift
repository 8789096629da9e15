import ConfDashCore

// The stable JSON shapes of the CLI, documented in docs/cli.md. Text fields are given in the
// language chosen with --lang; ids are always present so scripts can join records.

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
    var note: String?
}

struct PlaceRecord: Encodable {
    var id: String
    var name: String
    var country: IDName?
    var latitude: Double?
    var longitude: Double?
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
    var shortTitle: String?
    var series: String?
    var theme: String?
    var startDate: String
    var endDate: String
    var dayCount: Int
    var online: Bool
    var place: PlaceRecord?
    var region: IDName?
    var organisations: [OrganisationRoleRecord]
    var figures: [FigureRecord]
    var technologies: [IDName]
    var sessionCount: Int
    var description: String?
    var sources: [String]
}

struct DayRangeRecord: Encodable {
    var from: String
    var to: String
    var fromIndex: Int?
    var toIndex: Int?
}

struct SessionPersonRecord: Encodable {
    var id: String
    var name: String
    var role: String
    var title: String?
    var organisation: IDName?
}

struct SessionOrganisationRecord: Encodable {
    var id: String
    var name: String
    var role: String
    var note: String?
}

struct SessionRecord: Encodable {
    var event: String
    var eventTitle: String
    var id: String
    var title: String
    var officialTitle: Bool
    var kind: String
    var kindLabel: String
    var count: Int?
    /// The day, when the source gives it.
    var day: String?
    var dayIndex: Int?
    /// The span of days, when the source gives only that.
    var possibleDays: DayRangeRecord?
    var partOfDay: String?
    var start: String?
    var end: String?
    var durationMinutes: Int?
    var room: String?
    var tracks: [IDName]
    var technologies: [IDName]
    var people: [SessionPersonRecord]
    var organisations: [SessionOrganisationRecord]
    var description: String?
    var sources: [String]
}

struct UsageRecord: Encodable {
    var id: String
    var name: String
    var aliases: [String]?
    var description: String?
    var color: String?
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
        var place: String?
        var online: Bool
    }
    var id: String
    var name: String
    var events: [RegionEvent]
    var countries: [IDName]
}

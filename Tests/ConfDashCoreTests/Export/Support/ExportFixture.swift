@testable import ConfDashCore

/// A small schedule with every case an exporter must handle: clock times in an IANA zone (across
/// the spring change to summer time), at a fixed offset and with no zone at all (floating); a
/// start with no duration; a day only; a span of days; no day; no room; two tracks; and text that
/// breaks naive escaping in every format.
enum ExportFixture {
    static func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
    static func time(_ text: String) -> LocalDateTime { LocalDateTime(iso: text)! }
    static let awkwardTitle = "=1+1, <b>bold</b> & *stars*; back\\slash \"quoted\""

    static let dataset: Dataset = {
        let zoned = Event(
            id: "zoned-conf", kind: .conference, title: LocalizedText(en: "Zoned conference", fr: "Conférence zonée"),
            startDate: date("2025-03-29"), endDate: date("2025-03-31"), timeZone: "Europe/Brussels",
            rooms: [Room(id: "hall", name: LocalizedText(en: "Hall A")), Room(id: "lab", name: LocalizedText(en: "Lab, 2nd floor"))],
            sessions: [
                Session(id: "z-opening", kind: .ceremony, title: LocalizedText(en: "Opening", fr: "Ouverture"), day: date("2025-03-29"),
                        start: time("2025-03-29T09:30"), durationMinutes: 30, room: "hall", language: "en",
                        description: LocalizedText(en: "Line one,\nline two; done"), tracks: ["alpha"],
                        people: [SessionPerson(person: "ada", role: .speaker)],
                        links: [Link(url: "https://example.org/opening", title: LocalizedText(en: "Slides"))]),
                Session(id: "z-awkward", kind: .talk, title: LocalizedText(en: awkwardTitle), day: date("2025-03-29"),
                        start: time("2025-03-29T11:00"), durationMinutes: 45, room: "lab", tracks: ["alpha", "beta"]),
                Session(id: "z-summer-time", kind: .talk, title: LocalizedText(en: "Across the change to summer time"),
                        day: date("2025-03-30"), start: time("2025-03-30T01:30"), durationMinutes: 120, room: "hall"),
                Session(id: "z-no-duration", kind: .keynote, title: LocalizedText(en: "No stated end"), day: date("2025-03-30"),
                        start: time("2025-03-30T14:00"), room: "hall"),
                Session(id: "z-no-room", kind: .panel, title: LocalizedText(en: "No stated room"), day: date("2025-03-31"),
                        start: time("2025-03-31T10:00"), durationMinutes: 60),
                Session(id: "z-day-only", kind: .groupExercise, title: LocalizedText(en: "Day only"), day: date("2025-03-31"),
                        partOfDay: .afternoon),
                Session(id: "z-span", kind: .breakout, title: LocalizedText(en: "Day 2 or 3"), count: 3,
                        possibleDays: DateRange(from: date("2025-03-30"), to: date("2025-03-31"))),
                Session(id: "z-unplaced", kind: .siteVisit, title: LocalizedText(en: "Day not stated")),
            ])
        let fixed = Event(
            id: "fixed-meetup", kind: .other, title: LocalizedText(en: "Fixed-offset meetup"),
            startDate: date("2025-04-02"), endDate: date("2025-04-02"), timeZone: "+05:30",
            sessions: [Session(id: "f-talk", kind: .talk, title: LocalizedText(en: "At +05:30"), day: date("2025-04-02"),
                               start: time("2025-04-02T18:00"), durationMinutes: 60)])
        let floating = Event(
            id: "floating-day", kind: .other, title: LocalizedText(en: "Event with no time zone"),
            startDate: date("2025-05-01"), endDate: date("2025-05-01"),
            sessions: [Session(id: "n-talk", kind: .talk, title: LocalizedText(en: "Floating time"), day: date("2025-05-01"),
                               start: time("2025-05-01T10:00"), durationMinutes: 30)])
        return Dataset(
            title: LocalizedText(en: "Export fixture"),
            sources: [Source(id: "src", kind: .seed, title: LocalizedText(en: "Programme"), published: date("2025-03-01"))],
            people: [Person(id: "ada", name: "Ada Example")],
            tracks: [Track(id: "alpha", name: LocalizedText(en: "Alpha, first"), color: "#2E86AB"), Track(id: "beta", name: LocalizedText(en: "Beta"))],
            events: [zoned, fixed, floating])
    }()

    static let index = DatasetIndex(dataset)

    /// Sessions at the hours clocks change: in New York the night summer time ends (01:00–02:00
    /// happens twice; a local time there is its first occurrence), in Berlin the night it starts
    /// (02:00–03:00 does not happen; a local time there takes the offset before the gap).
    static let clockChanges: Dataset = {
        let autumn = Event(
            id: "autumn-night", kind: .conference, title: LocalizedText(en: "Autumn night"), startDate: date("2024-11-03"),
            endDate: date("2024-11-03"), timeZone: "America/New_York", rooms: [Room(id: "hall", name: LocalizedText(en: "Hall"))],
            sessions: [
                // 01:15 EDT + 45 min = 01:00 EST: an end in the second 01:00–02:00.
                Session(id: "ends-in-repeated-hour", kind: .talk, title: LocalizedText(en: "Ends in the repeated hour"),
                        day: date("2024-11-03"), start: time("2024-11-03T01:15"), durationMinutes: 45, room: "hall"),
                Session(id: "across-repeated-hour", kind: .talk, title: LocalizedText(en: "Across the repeated hour"),
                        day: date("2024-11-03"), start: time("2024-11-03T00:30"), durationMinutes: 120, room: "hall"),
                Session(id: "after-repeated-hour", kind: .talk, title: LocalizedText(en: "After the repeated hour"),
                        day: date("2024-11-03"), start: time("2024-11-03T02:00"), durationMinutes: 30, room: "hall"),
            ])
        let spring = Event(
            id: "spring-night", kind: .conference, title: LocalizedText(en: "Spring night"), startDate: date("2025-03-30"),
            endDate: date("2025-03-30"), timeZone: "Europe/Berlin",
            sessions: [
                // 02:30 does not happen: it is 02:30 CET, that is 03:30 CEST.
                Session(id: "in-skipped-hour", kind: .talk, title: LocalizedText(en: "In the skipped hour"),
                        day: date("2025-03-30"), start: time("2025-03-30T02:30"), durationMinutes: 30),
                Session(id: "across-skipped-hour", kind: .talk, title: LocalizedText(en: "Across the skipped hour"),
                        day: date("2025-03-30"), start: time("2025-03-30T01:30"), durationMinutes: 120),
            ])
        return Dataset(title: LocalizedText(en: "Clock changes"), events: [autumn, spring])
    }()

    static func request(_ dataset: Dataset? = nil, filter: AgendaFilter = AgendaFilter(), language: Language = .en) -> ExportRequest {
        let index = dataset.map(DatasetIndex.init) ?? Self.index
        return ExportRequest(index: index, agenda: AgendaQuery(index: index).agenda(filter), language: language, filter: filter,
                             generatorVersion: "test")
    }

    static func export(_ format: ExportFormat, _ dataset: Dataset? = nil, filter: AgendaFilter = AgendaFilter()) -> ExportResult {
        Exporter.export(request(dataset, filter: filter), as: format)
    }
}

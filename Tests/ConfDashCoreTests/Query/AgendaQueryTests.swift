import ConfDashCore
import Testing

@Suite("Agenda queries over the bundled dataset")
struct AgendaQueryTests {
    let query = AgendaQuery(index: Bundled.index)

    private func ids(_ filter: AgendaFilter) -> [String] { query.agenda(filter).flatMap(\.allSessions).map(\.id) }
    private func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    @Test("no filter: every session, events oldest first, programme order within a day")
    func everything() {
        let agenda = query.agenda(AgendaFilter())
        #expect(agenda.map(\.event.id).first == "ap-online-workshop-2021")
        #expect(agenda.reduce(0) { $0 + $1.sessionCount } == Bundled.dataset.events.reduce(0) { $0 + $1.sessions.count })
        let rioDayOne = agenda.last!.groups.first!
        #expect(rioDayOne.slot == .day(date("2024-11-12")))
        #expect(rioDayOne.sessions.map(\.id) == ["r24-opening", "r24-high-level-panel", "r24-keynotes", "r24-transport-panels"])
    }

    @Test("groups: exact days, then spans, then undated, in that order")
    func slotOrder() throws {
        let hanoi = try #require(query.agenda(AgendaFilter(events: ["wco-tech-conf-2023"])).first)
        #expect(hanoi.groups.map(\.slot) == [
            .day(date("2023-10-10")), .day(date("2023-10-11")),
            .possibleDays(DateRange(from: date("2023-10-11"), to: date("2023-10-12"))), .day(date("2023-10-12")),
        ])
    }

    @Test("event filter")
    func byEvent() {
        #expect(Set(query.agenda(AgendaFilter(events: ["smart-customs-lima-2024"])).map(\.event.id)) == ["smart-customs-lima-2024"])
    }

    @Test("day by index keeps that day and the spans that include it")
    func byDayIndex() {
        let ids = ids(AgendaFilter(events: ["wco-tech-conf-2024"], day: .index(2)))
        #expect(ids.contains("r24-breakout-iot"))
        #expect(ids.contains("r24-detection"), "'day 2 or 3' may be day 2")
        #expect(!ids.contains("r24-opening") && !ids.contains("r24-ai-day"))
    }

    @Test("day by date; a date outside every event gives nothing")
    func byDate() {
        #expect(ids(AgendaFilter(day: .date(date("2024-11-14")))).contains("r24-ai-day"))
        #expect(ids(AgendaFilter(day: .date(date("2022-01-01")))).isEmpty)
    }

    @Test("a day filter on a workshop whose seed dates nothing counts what it leaves out")
    func undatedWithDayFilter() {
        let agenda = query.agenda(AgendaFilter(events: ["smart-customs-lima-2024"], day: .index(1)))
        #expect(agenda.isEmpty, "no Lima item is placed on day 1")
        let all = query.agenda(AgendaFilter(day: .index(1)))
        #expect(!all.contains { $0.event.id == "smart-customs-lima-2024" })
        #expect(query.undatedLeftOut(by: AgendaFilter(events: ["smart-customs-lima-2024"], day: .index(1))) == 5)
        #expect(query.undatedLeftOut(by: AgendaFilter(events: ["smart-customs-lima-2024"])) == 0, "no day filter, nothing left out")
        #expect(query.undatedLeftOut(by: AgendaFilter(day: .date(date("2024-11-13")))) == 0,
                "events that do not include that date are not counted")
        #expect(query.undatedLeftOut(by: AgendaFilter(day: .date(date("2024-03-19")))) == 5, "Lima's five undated items")
        #expect(query.undatedLeftOut(by: AgendaFilter(day: .index(9))) == 0, "no event has a ninth day")
    }

    @Test("one track, and several tracks (any of them)")
    func byTracks() {
        let detection = ids(AgendaFilter(tracks: ["detection-risk"]))
        #expect(detection.contains("h23-breakout-detection") && detection.contains("jkt-site-visit"))
        let either = ids(AgendaFilter(tracks: ["detection-risk", "e-commerce"]))
        #expect(either.contains("h23-ecommerce") && either.contains("h23-breakout-detection"))
        #expect(Set(detection).isSubset(of: Set(either)))
    }

    @Test("technology")
    func byTechnology() {
        #expect(Set(ids(AgendaFilter(technologies: ["drones"]))) == ["lima-technologies"])
        #expect(Set(ids(AgendaFilter(technologies: ["cloud"]))) == ["jkt-deliverables"])
    }

    @Test("region and kind narrow by event")
    func byRegionAndKind() {
        let americas = query.agenda(AgendaFilter(regions: ["americas-caribbean"])).map(\.event.id)
        #expect(americas == ["smart-customs-lima-2024", "wco-tech-conf-2024"])
        let conferences = query.agenda(AgendaFilter(kinds: [.conference])).map(\.event.id)
        #expect(conferences == ["wco-tech-conf-2023", "wco-tech-conf-2024"])
        #expect(query.agenda(AgendaFilter(regions: ["europe"])).isEmpty)
    }

    @Test("combined filters must all hold")
    func combined() {
        let filter = AgendaFilter(day: .index(2), tracks: ["emerging-tech"], technologies: ["iot"], kinds: [.conference])
        #expect(Set(ids(filter)) == ["h23-breakout-iot", "r24-breakout-iot"])
        var narrower = filter
        narrower.regions = ["asia-pacific"]
        #expect(ids(narrower) == ["h23-breakout-iot"])
    }

    @Test("search ignores case and accents, in both languages", arguments: [
        ("securite", "jkt-closing"),               // « sécurité des données » in the French description
        ("SÉCURITÉ", "jkt-closing"),
        ("cybersecurite", "h23-expert-panels"),
        ("jauregui", "lima-leader-remarks"),       // Jáuregui
        ("Nunez", "lima-leader-remarks"),          // Nuñez
        ("claudia thomaz", "r24-high-level-panel"),
        ("IdO", "h23-breakout-iot"),               // French alias of IoT
        ("chaine de blocs", "r24-breakout-blockchain"),
        ("megadonnees", "jkt-future-of-technology"),
        ("hanoi start-ups", "h23-start-ups"),       // event context + session text
        ("SUNAT", "lima-outcome-remarks"),         // organisation of a speaker
        ("RTC Indonesia", "jkt-closing"),           // organisation present without a named person
        ("oeuvre", "jkt-deliverables"),             // « mise en œuvre »: the ligature folds to "oe"
    ])
    func search(query text: String, expected: String) {
        #expect(ids(AgendaFilter(search: text)).contains(expected), "\(text) should find \(expected)")
    }

    @Test("search words must all match")
    func searchIsConjunctive() {
        #expect(ids(AgendaFilter(search: "drones blockchain")) == ["lima-technologies"])
        #expect(ids(AgendaFilter(search: "drones zzzz")).isEmpty)
    }

    @Test("events(): without session-level criteria every admitted event, with them only events with a match")
    func events() {
        #expect(query.events(AgendaFilter()).count == 5)
        #expect(query.events(AgendaFilter(technologies: ["drones"])).map(\.id) == ["smart-customs-lima-2024"])
    }
}

@Suite("Name resolution for filters")
struct NameResolverTests {
    let index = Bundled.index

    @Test("tracks by id, English or French name, accents ignored, unique prefix")
    func tracks() {
        #expect(index.trackResolver.resolve("detection-risk") == .found("detection-risk"))
        #expect(index.trackResolver.resolve("Détection et gestion des risques") == .found("detection-risk"))
        #expect(index.trackResolver.resolve("detection") == .found("detection-risk"))
        #expect(index.trackResolver.resolve("commerce electronique") == .found("e-commerce"))
        #expect(index.trackResolver.resolve("nope") == .notFound)
    }

    @Test("technologies by alias in either language")
    func technologies() {
        #expect(index.technologyResolver.resolve("IdO") == .found("iot"))
        #expect(index.technologyResolver.resolve("iot") == .found("iot"))
        #expect(index.technologyResolver.resolve("IA") == .found("ai"))
        // Big data is its own technology: only Jakarta's source names it (issue 14).
        #expect(index.technologyResolver.resolve("mégadonnées") == .found("big-data"))
        #expect(index.technologyResolver.resolve("analyse de données") == .found("data-analytics"))
        #expect(index.technologyResolver.resolve("chaîne de blocs") == .found("blockchain"))
    }

    @Test("ambiguous prefixes are reported, not guessed")
    func ambiguous() {
        guard case .ambiguous(let ids) = index.technologyResolver.resolve("d") else {
            Issue.record("'d' should be ambiguous")
            return
        }
        #expect(ids.contains("drones") && ids.contains("detection"))
    }

    @Test("events by city or short title, regions by name")
    func eventsAndRegions() {
        #expect(index.eventResolver.resolve("rio") == .found("wco-tech-conf-2024"))
        #expect(index.eventResolver.resolve("Hanoï") == .found("wco-tech-conf-2023"))
        #expect(index.regionResolver.resolve("asie/pacifique") == .found("asia-pacific"))
        #expect(index.regionResolver.resolve("americas") == .found("americas-caribbean"))
        #expect(index.regionResolver.resolve("asia pacific") == .found("asia-pacific"), "punctuation does not matter")
        #expect(index.trackResolver.resolve("e commerce") == .found("e-commerce"))
    }
}

@Suite("Usage counts")
struct UsageTests {
    @Test("technology counts: events and sessions")
    func technologies() {
        let usage = Bundled.index.technologyUsage()
        #expect(usage["drones"]?.events == 1 && usage["drones"]?.sessions == 1)
        #expect(usage["blockchain"]?.events == 5, "all five events mention blockchain")
        // Issue 14: Hanoi's and Rio's IoT entries are breakout topics, counted apart from sessions.
        #expect(usage["iot"]?.sessionsByYear[2023] == nil && usage["iot"]?.sessionsByYear[2024] == 2)
        #expect(usage["iot"]?.topics == 2 && usage["iot"]?.topicsAreBreakouts == true)
        #expect(usage["federated-learning"]?.events == 1 && usage["federated-learning"]?.sessions == 0)
    }

    @Test("a track or technology listed twice is counted once, as listed once")
    func repeatedIDs() throws {
        var dataset = Bundled.index.dataset
        let track = try #require(dataset.tracks.first), technology = try #require(dataset.technologies.first)
        let once = (DatasetIndex(dataset).trackUsage(), DatasetIndex(dataset).technologyUsage())
        dataset.tracks.append(track)
        dataset.technologies.append(technology)
        let twice = (DatasetIndex(dataset).trackUsage(), DatasetIndex(dataset).technologyUsage())
        #expect(twice.0 == once.0 && twice.1 == once.1)
    }

    @Test("every region appears, even without events")
    func regions() {
        let byRegion = Bundled.index.eventsByRegion()
        #expect(byRegion.count == 6)
        #expect(byRegion["europe"] == [])
        #expect(byRegion["asia-pacific"]?.map(\.id) == ["ap-online-workshop-2021", "wco-tech-conf-2023", "smart-customs-jakarta-2024"])
    }
}

@Suite("Calendar arithmetic")
struct CalendarDateTests {
    @Test("weekdays, day numbers and ranges")
    func basics() {
        let date = CalendarDate(iso: "2024-11-12")!
        #expect(date.isoWeekday == 2, "12 November 2024 was a Tuesday")
        #expect(CalendarDate(dayNumber: date.dayNumber) == date)
        #expect(date.adding(days: 20).iso == "2024-12-02")
        #expect(CalendarDate(iso: "2024-02-29") != nil && CalendarDate(iso: "2023-02-29") == nil)
        #expect(CalendarDate(iso: "2024-1-01") == nil && CalendarDate(iso: "2024-13-01") == nil)
        #expect(LocalDateTime(iso: "2024-12-27T23:30")!.adding(minutes: 90)?.description == "2024-12-28T01:00")
    }

    @Test("dates written in each language")
    func labels() {
        let from = CalendarDate(iso: "2024-11-12")!, to = CalendarDate(iso: "2024-11-14")!
        #expect(DateLabels.range(from, to, .en) == "12–14 Nov 2024")
        #expect(DateLabels.range(from, to, .fr) == "12–14 nov. 2024")
        #expect(DateLabels.long(from, .fr) == "mardi 12 novembre 2024")
        #expect(Labels(.fr).quantity(Figure(measure: .participants, value: 1300, qualifier: .nearly)) == "près de 1\u{202F}300")
        #expect(Labels(.en).quantity(Figure(measure: .participants, value: 1200, qualifier: .moreThan)) == "more than 1,200")
    }
}

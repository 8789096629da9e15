import ConfDashCore
import Testing

/// One test per event: its dates, place, region and figures as the seed states them.
@Suite("Bundled dataset: facts of each event, checked against the seeds")
struct EventFactsTests {
    private func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// The dates and the place (place, country and region ids) a seed states of an event.
    private func expectWhenAndWhere(_ event: Event, from start: String, to end: String, place: String, country: String, region: String,
                                    sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(event.startDate == date(start) && event.endDate == date(end), sourceLocation: sourceLocation)
        #expect(event.place == place && event.country == country && event.region == region, sourceLocation: sourceLocation)
    }

    /// What the seeds state of each Smart Customs regional workshop: dates, place, participants
    /// and member administrations. Returns the event for the facts of its own seed.
    private func expectWorkshop(_ id: String, from start: String, to end: String, place: String, country: String, region: String,
                                participants: (Int, Figure.Qualifier), memberAdministrations: Int,
                                sourceLocation: SourceLocation = #_sourceLocation) throws -> Event {
        let event = try Bundled.event(id)
        #expect(event.kind == .regionalWorkshop, sourceLocation: sourceLocation)
        expectWhenAndWhere(event, from: start, to: end, place: place, country: country, region: region, sourceLocation: sourceLocation)
        try expectParticipants(event, participants.0, participants.1, sourceLocation: sourceLocation)
        #expect(try Bundled.figure(.memberAdministrations, of: event).value == memberAdministrations, sourceLocation: sourceLocation)
        return event
    }

    /// The participants figure as the seed states it: "more than 40", "nearly 1,300".
    private func expectParticipants(_ event: Event, _ value: Int, _ qualifier: Figure.Qualifier,
                                    sourceLocation: SourceLocation = #_sourceLocation) throws {
        let participants = try Bundled.figure(.participants, of: event)
        #expect(participants.value == value && participants.qualifier == qualifier, sourceLocation: sourceLocation)
    }

    @Test("Online Asia/Pacific workshop, 22–24 March 2021 (seed 004)")
    func onlineWorkshop2021() throws {
        let event = try Bundled.event("ap-online-workshop-2021")
        #expect(event.kind == .onlineWorkshop && event.online)
        #expect(event.startDate == date("2021-03-22") && event.endDate == date("2021-03-24"))
        #expect(event.place == nil && event.region == "asia-pacific")
        #expect(try Bundled.figure(.participants, of: event) == Figure(measure: .participants, value: 50, qualifier: .moreThan,
            note: LocalizedText(en: "participants and speakers", fr: "participants et intervenants"), sources: ["seed-004"]))
        #expect(try Bundled.figure(.memberAdministrations, of: event).value == 17)
        #expect(event.organisations(withRole: .supporter) == ["rocb-ap"])
        #expect(event.organisations(withRole: .funder) == ["ccf-china"])
        #expect(Set(event.organisations(withRole: .participant)).isSuperset(of: ["wto", "imo", "iso", "uncitral", "icc", "wco-secretariat"]))
        #expect(Set(event.technologies).isSuperset(of: ["blockchain", "ai", "machine-learning", "iot"]))
        // The seed names one whole session: international standards such as the WCO Data Model.
        #expect(try Bundled.session("ap21-standards").technologies == ["wco-data-model"])
        #expect(event.sessions.allSatisfy { $0.day == nil && $0.possibleDays == nil }, "the seed places no item on a day")
        #expect(event.sources == ["seed-004"])
    }

    @Test("WCO Technology Conference 2023, Hanoi, 10–12 October 2023 (seed 000)")
    func hanoi2023() throws {
        let event = try Bundled.event("wco-tech-conf-2023")
        #expect(event.kind == .conference && !event.online)
        expectWhenAndWhere(event, from: "2023-10-10", to: "2023-10-12", place: "hanoi", country: "VN", region: "asia-pacific")
        #expect(event.dayCount == 3)
        try expectParticipants(event, 1200, .moreThan)
        #expect(try Bundled.figure(.countries, of: event).value == 95)
        #expect(try Bundled.figure(.exhibitionStands, of: event).value == 48)
        #expect(event.organisations(withRole: .host) == ["vietnam-customs"])
        #expect(event.organisations(withRole: .commercialSponsor) == ["s2-global"])
        #expect(event.theme?.fr?.hasPrefix("Accueillir l'ère numérique") == true)

        let opening = try Bundled.session("h23-opening")
        #expect(opening.day == date("2023-10-10"))
        #expect(opening.people.map(\.person) == ["tran-luu-quang", "nguyen-van-can", "kunio-mikuriya"])
        let panel = try Bundled.session("h23-high-level-panel")
        #expect(panel.officialTitle && panel.title.fr?.hasPrefix("La stratégie derrière la technologie") == true)
        #expect(Set(panel.people.map(\.person)) == ["kunio-mikuriya", "nguyen-van-can", "edward-kieswetter", "brightwell-nkambule"])
        #expect(!panel.people.contains { $0.role == .moderator }, "the seed names no moderator")
        #expect(try Bundled.session("h23-expert-panels").count == 3)
        // Eight breakout topics on the afternoon of day two.
        let breakouts = event.sessions.filter { $0.kind == .breakout }
        #expect(breakouts.count == 8)
        #expect(breakouts.allSatisfy { $0.day == date("2023-10-11") && $0.partOfDay == .afternoon })
        // Days two and three are described together: those sessions carry the span, not a guessed day.
        for id in ["h23-detection", "h23-information-exchange", "h23-single-window", "h23-ecommerce"] {
            #expect(try Bundled.session(id).possibleDays == DateRange(from: date("2023-10-11"), to: date("2023-10-12")), "\(id)")
        }
        #expect(try Bundled.session("h23-final-session").day == date("2023-10-12"))
    }

    @Test("Smart Customs workshop, Lima, 18–22 March 2024 (seed 002)")
    func lima2024() throws {
        let event = try expectWorkshop("smart-customs-lima-2024", from: "2024-03-18", to: "2024-03-22", place: "lima", country: "PE",
                                       region: "americas-caribbean", participants: (40, .moreThan), memberAdministrations: 20)
        #expect(event.organisations(withRole: .funder) == ["ccf-china"])
        #expect(Set(event.technologies) == ["blockchain", "data-analytics", "ai", "machine-learning", "drones", "geospatial", "iot"])
        #expect(try Bundled.session("lima-leader-remarks").people == [SessionPerson(person: "fernando-nunez-jauregui", role: .leader)])
        #expect(try Bundled.session("lima-outcome-remarks").people.map(\.person) == ["gerardo-lopez-gonzales"])
        #expect(event.sessions.allSatisfy { $0.day == nil }, "the seed places no item on a day")
    }

    @Test("Smart Customs workshop, Jakarta, 23–27 September 2024 (seed 003)")
    func jakarta2024() throws {
        let event = try expectWorkshop("smart-customs-jakarta-2024", from: "2024-09-23", to: "2024-09-27", place: "jakarta", country: "ID",
                                       region: "asia-pacific", participants: (34, .exact), memberAdministrations: 23)
        #expect(event.sessions.contains { $0.kind == .siteVisit })
        #expect(event.sessions.first?.kind == .ceremony && event.sessions.last?.kind == .closing)
        #expect(Set(event.technologies).isSuperset(of: ["ai", "data-analytics", "iot", "blockchain", "cloud"]))
        #expect(event.sessions.allSatisfy { $0.day == nil }, "the seed places no item on a day")
    }

    @Test("WCO Technology Conference 2024, Rio de Janeiro, 12–14 November 2024 (seed 001)")
    func rio2024() throws {
        let event = try Bundled.event("wco-tech-conf-2024")
        expectWhenAndWhere(event, from: "2024-11-12", to: "2024-11-14", place: "rio-de-janeiro", country: "BR", region: "americas-caribbean")
        try expectParticipants(event, 1300, .nearly)
        #expect(try Bundled.figure(.countries, of: event).value == 117)
        #expect(try Bundled.figure(.exhibitionStands, of: event).value == 54)
        #expect(event.organisations(withRole: .commercialSponsor) == ["webb-fontaine"])
        #expect(event.days.first?.date == date("2024-11-14"), "the AI Day is 14 November")

        let panel = try Bundled.session("r24-high-level-panel")
        #expect(panel.people.first == SessionPerson(person: "ian-saunders", role: .moderator))
        #expect(Set(panel.people.filter { $0.role == .panellist }.map(\.person))
                == ["claudia-thomaz", "annmarie-highsmith", "colm-leonard", "francisco-lima-mena"])
        #expect(try Bundled.session("r24-transport-panels").count == 3)
        #expect(try Bundled.session("r24-ai-day").day == date("2024-11-14"))
        #expect(try Bundled.session("r24-closing-panel").officialTitle)
        let breakouts = event.sessions.filter { $0.kind == .breakout }
        #expect(breakouts.count == 4 && breakouts.allSatisfy { $0.day == date("2024-11-13") && $0.partOfDay == .afternoon })
    }

    @Test("the events, oldest first")
    func chronology() {
        #expect(Bundled.index.eventsByDate.map(\.id) == ["ap-online-workshop-2021", "wco-tech-conf-2023", "smart-customs-lima-2024",
                                                           "smart-customs-jakarta-2024", "wco-tech-conf-2024"])
    }
}

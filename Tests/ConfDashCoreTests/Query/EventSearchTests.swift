import ConfDashCore
import Testing

/// A search also reaches what the data holds at event level — themes, descriptions, sponsors and
/// funders — and says that the match is on the event, not on one of its sessions.
@Suite("Search over events' own text")
struct EventSearchTests {
    let query = AgendaQuery(index: Bundled.index)

    func matches(_ text: String) -> [String: [EventSearchField]] {
        Dictionary(uniqueKeysWithValues: query.eventMatches(AgendaFilter(search: text)).map { ($0.event.id, $0.fields) })
    }

    @Test("sponsors and funders find their events, by name or by their part")
    func organisations() {
        #expect(matches("Webb Fontaine")["wco-tech-conf-2024"]?.contains(.organisations) == true)
        #expect(matches("S2 Global")["wco-tech-conf-2023"]?.contains(.organisations) == true)
        #expect(Set(matches("China Customs Cooperation Fund").keys)
                == ["ap-online-workshop-2021", "smart-customs-lima-2024", "smart-customs-jakarta-2024"])
        #expect(Set(matches("sponsor commercial").keys) == ["wco-tech-conf-2023", "wco-tech-conf-2024"])
        #expect(Set(matches("funder").keys) == ["ap-online-workshop-2021", "smart-customs-lima-2024"])
    }

    @Test("the portal, the study report and the themes are found in either language")
    func descriptionsAndThemes() {
        #expect(Set(matches("portal").keys) == ["smart-customs-lima-2024", "smart-customs-jakarta-2024"])
        #expect(Set(matches("portail").keys) == ["smart-customs-lima-2024", "smart-customs-jakarta-2024"])
        #expect(Set(matches("study report").keys) == ["ap-online-workshop-2021"])
        #expect(Set(matches("rapport d'étude").keys) == ["ap-online-workshop-2021"])
        #expect(matches("frontieres numeriques")["wco-tech-conf-2024"] == [.theme])
        #expect(matches("Digital frontiers")["wco-tech-conf-2024"] == [.theme])
        // Jakarta quotes the WCO's theme of the year.
        #expect(matches("objectifs clairs")["smart-customs-jakarta-2024"] == [.theme])
    }

    @Test("events --search lists events found by their own text as well as through sessions")
    func eventsQuery() {
        #expect(query.events(AgendaFilter(search: "Webb Fontaine")).map(\.id) == ["wco-tech-conf-2024"])
        #expect(query.agenda(AgendaFilter(search: "Webb Fontaine")).isEmpty, "no session names the sponsor")
        #expect(query.events(AgendaFilter(search: "portail")).map(\.id) == ["smart-customs-lima-2024", "smart-customs-jakarta-2024"])
    }

    @Test("a day, track or technology filter asks about sessions: the event's own text does not answer it")
    func onlyForASearchAlone() {
        #expect(query.eventMatches(AgendaFilter(day: .index(1), search: "Webb Fontaine")).isEmpty)
        #expect(query.eventMatches(AgendaFilter(technologies: ["ai"], search: "portail")).isEmpty)
        #expect(query.eventMatches(AgendaFilter(regions: ["asia-pacific"], search: "portail")).map(\.event.id) == ["smart-customs-jakarta-2024"])
    }
}

/// What users see counted: entries that stand for a topic of grouped sessions are not sessions.
@Suite("Sessions and breakout topics are counted apart")
struct TopicCountTests {
    @Test("Hanoi has 11 sessions and 8 breakout topics; Rio 10 and 4")
    func counts() throws {
        #expect(try Bundled.event("wco-tech-conf-2023").sessionAndTopicCounts == (11, 8))
        #expect(try Bundled.event("wco-tech-conf-2024").sessionAndTopicCounts == (10, 4))
        #expect(Labels(.en).sessionsAndTopics(try Bundled.event("wco-tech-conf-2023").sessions) == "11 sessions and 8 breakout topics")
        #expect(Labels(.fr).sessionsAndTopics(try Bundled.event("wco-tech-conf-2023").sessions) == "11 sessions et 8 sujets d'atelier")
    }

    @Test("every topic entry is a breakout on the afternoon of day two, and none claims to be a session of its own")
    func topicsDescribedAsTopics() {
        for session in Bundled.dataset.events.flatMap(\.sessions) where session.groupTopic {
            #expect(session.kind == .breakout && session.partOfDay == .afternoon, "\(session.id)")
            #expect(session.description?.en?.contains("session of its own") == true, "\(session.id)")
            #expect(session.description?.fr?.contains("non ") == true, "\(session.id)")
        }
        let breakouts = Bundled.dataset.events.flatMap(\.sessions).filter { $0.kind == .breakout }
        #expect(breakouts.count == 12 && breakouts.allSatisfy { $0.groupTopic })
    }
}

import ConfDashBundledData
import ConfDashCore
import Foundation
import Testing

@Suite("Bundled dataset: integrity and honesty")
struct DatasetIntegrityTests {
    @Test("loads with no problem at all, not even a warning")
    func loadsCleanly() {
        #expect(Bundled.result.problems.isEmpty, "\(Bundled.result.problems.map(\.description))")
        #expect(Bundled.result.dataset != nil)
    }

    @Test("every human-readable field is in both French and English")
    func fullyBilingual() {
        let gaps = DatasetLoader.translationGaps(in: Bundled.dataset)
        #expect(gaps.isEmpty, "\(gaps.map(\.description))")
    }

    @Test("every event, session, person, organisation, place and figure names a source")
    func provenanceEverywhere() {
        let dataset = Bundled.dataset
        for event in dataset.events {
            #expect(!event.sources.isEmpty, "event \(event.id)")
            for session in event.sessions { #expect(!session.sources.isEmpty, "session \(session.id)") }
            for figure in event.figures { #expect(!figure.sources.isEmpty, "figure \(figure.measure) of \(event.id)") }
        }
        for person in dataset.people { #expect(!person.sources.isEmpty, "person \(person.id)") }
        for organisation in dataset.organisations { #expect(!organisation.sources.isEmpty, "organisation \(organisation.id)") }
        for place in dataset.places { #expect(!place.sources.isEmpty, "place \(place.id)") }
    }

    @Test("events, sessions, people and figures come from seed files, not only from references")
    func seedProvenance() {
        let seeds = Set(Bundled.dataset.sources.filter { $0.kind == .seed }.map(\.id))
        #expect(seeds.count == 5)
        for event in Bundled.dataset.events {
            #expect(!seeds.isDisjoint(with: event.sources), "event \(event.id)")
            for session in event.sessions { #expect(!seeds.isDisjoint(with: session.sources), "session \(session.id)") }
        }
        for person in Bundled.dataset.people { #expect(!seeds.isDisjoint(with: person.sources), "person \(person.id)") }
    }

    @Test("the seeds give no clock times, rooms or durations, so none are recorded")
    func noInventedTimes() {
        for event in Bundled.dataset.events {
            #expect(event.timeZone == nil && event.rooms.isEmpty, "event \(event.id)")
            for session in event.sessions {
                #expect(session.start == nil && session.durationMinutes == nil && session.room == nil, "session \(session.id)")
            }
        }
    }

    @Test("every session has at least one track, and tracks form one small set")
    func tracksEverywhere() {
        #expect((5...14).contains(Bundled.dataset.tracks.count))
        for session in Bundled.dataset.events.flatMap(\.sessions) { #expect(!session.tracks.isEmpty, "session \(session.id)") }
        let used = Set(Bundled.dataset.events.flatMap(\.sessions).flatMap(\.tracks))
        #expect(used == Set(Bundled.dataset.tracks.map(\.id)), "every track is used somewhere")
    }

    @Test("each session's technologies are listed on its event")
    func eventTechnologiesCoverSessions() {
        for event in Bundled.dataset.events {
            let sessionTechnologies = Set(event.sessions.flatMap(\.technologies))
            #expect(sessionTechnologies.isSubset(of: Set(event.technologies)), "event \(event.id)")
        }
    }

    @Test("all six WCO regions, in both languages")
    func sixRegions() {
        let regions = Bundled.dataset.regions
        #expect(Set(regions.map(\.id)) == ["americas-caribbean", "asia-pacific", "east-southern-africa", "europe",
                                           "north-africa-near-middle-east", "west-central-africa"])
        #expect(regions.allSatisfy { $0.name.isBilingual })
    }

    @Test("every named person's administration is placed in a region where the seeds say what it is")
    func peopleRegions() {
        let index = Bundled.index
        // The WCO's own bodies and its Council span regions; everyone else belongs to a national or regional body.
        let spanning: Set<String> = ["kunio-mikuriya", "ian-saunders", "edward-kieswetter", "colm-leonard"]
        for person in Bundled.dataset.people where !spanning.contains(person.id) {
            #expect(index.region(ofOrganisation: person.organisation) != nil, "person \(person.id)")
        }
    }

    @Test("host cities have coordinates inside the right country's rough bounds")
    func hostCities() throws {
        let hanoi = try #require(Bundled.index.placesByID["hanoi"])
        #expect(abs(hanoi.latitude! - 21.03) < 0.5 && abs(hanoi.longitude! - 105.85) < 0.5)
        for place in Bundled.dataset.places {
            #expect(place.latitude != nil && place.longitude != nil, "place \(place.id)")
        }
    }
}

import Foundation
import Testing
@testable import ConfDashCore

/// Schedules other projects publish as examples or test data (../shared/fixtures/third-party):
/// each loads with what the file says.
@Suite("Import: other projects' schedules")
struct ThirdPartyScheduleTests {
    /// The c3voc "schedule v2" example from the 38C3 hub (voc/schedule): sessions in
    /// `schedule.events` with full start and end date-times, rooms and tracks as objects,
    /// `participants` with roles. Before, both sessions loaded with no time, room, track or person.
    @Test("c3voc schedule v2 (38C3 hub example)")
    func hubScheduleV2() throws {
        guard let result = try ThirdPartyFixtures.load("voc-schedule-hub-schedule2.json") else { return }
        let (dataset, event) = try result.datasetAndEvent()
        expectConference(event, title: "38C3", timeZone: "Europe/Berlin", from: "2024-12-27", to: "2024-12-30", sessions: 2)
        #expect(dataset.tracks.map(\.name.en) == ["Art & Beauty", "Ethics, Society & Politics", "Hardware & Making", "Science",
                                                  "Security", "Entertainment", "CCC"])
        #expect(dataset.tracks.first { $0.name.en == "CCC" }?.color == "#F2F006", "v2's colors.light")
        #expect(event.rooms.map(\.name.en).prefix(3) == ["Saal 1", "Saal GLITCH", "Saal ZIGZAG"])

        let opening = try event.session(titled: "38C3: Opening Ceremony")
        #expect(opening.start == at("2024-12-27T10:30"))
        #expect(opening.durationMinutes == 30)
        #expect(opening.day == day("2024-12-27"))
        #expect(event.roomName(opening.room) == "Saal 1")
        #expect(opening.tracks.compactMap { id in dataset.tracks.first { $0.id == id }?.name.en } == ["CCC"], "the track slug names its track")
        let people = opening.people.map { person in (dataset.people.first { $0.id == person.person }?.name, person.role) }
        #expect(people.map(\.0) == ["Gabriela Bogk", "Aline Blankertz"])
        #expect(people.allSatisfy { $0.1 == .speaker })
        // Senficon is a CONTRIBUTOR: confdash has no such role, and does not call her a speaker.
        let leftOut = expectImportProblem(result, "participants whose role confdash has no word for are left out of the sessions' people: \"Senficon\" as \"CONTRIBUTOR\"")
        #expect(leftOut?.line == 228)
        #expect(leftOut?.path == "schedule.events[0].participants[2]")

        // 00:15 on the 28th is in the night of the conference's first day (its day runs to 06:00).
        let night = try event.session(titled: "A Competitive Time-Trial AI for Need for Speed:")
        #expect(night.start == at("2024-12-28T00:15"))
        #expect(night.durationMinutes == 40)
        #expect(night.day == day("2024-12-27"))
        #expect(event.roomName(night.room) == "Saal ZIGZAG")
        #expect(result.problems.count == 1, "\(result.problems)")
    }

    /// pretalx's schedule.json for an rC3 channel (voc/schedule's example): 48 sessions, no problem.
    @Test("pretalx schedule.json (rC3 channel)")
    func pretalxChannel() throws {
        guard let result = try ThirdPartyFixtures.load("voc-schedule-pretalx-rc3.json") else { return }
        let (_, event) = try result.datasetAndEvent()
        #expect(event.sessions.count == 48)
        #expect(Set(event.sessions.map(\.id)).count == 48)
        #expect(event.sessions.allSatisfy { $0.start != nil && $0.durationMinutes != nil && $0.room != nil })
        #expect(result.errors.isEmpty, "\(result.errors)")
    }

    /// The example voc/schedule keeps as failing its schema (Winterchaos 2022): what it has still loads.
    @Test("a schedule.json that fails the community schema still loads")
    func schemaInvalidExample() throws {
        guard let result = try ThirdPartyFixtures.load("voc-schedule-invalid-example.json") else { return }
        let (_, event) = try result.datasetAndEvent()
        #expect(event.timeZone == "Europe/Zurich")
        let talk = try event.session(titled: "Internal Penetration Testing Basics")
        #expect(talk.start == at("2022-12-28T14:00"))
        #expect(talk.durationMinutes == 45)
        #expect(event.roomName(talk.room) == "Winterchaos")
    }

    /// FOSDEM's Pentabarf and pretalx exports, 2007 to 2024 (kept by mttcrsp/fosdem as its test data):
    /// every event loads with a time and a room, on the day it is listed under. The counts are
    /// those of the files' own <event> elements.
    @Test("FOSDEM schedule.xml from three eras", arguments: [("fosdem/fosdem-2007.xml", 215, 94), ("fosdem/fosdem-2015.xml", 551, 266),
                                                             ("fosdem/fosdem-2024.xml", 674, 349)])
    func fosdem(file: String, events: Int, onTheFirstDay: Int) throws {
        guard let result = try ThirdPartyFixtures.load(file) else { return }
        let (_, event) = try result.datasetAndEvent()
        #expect(event.sessions.count == events)
        #expect(event.sessions.allSatisfy { $0.start != nil && $0.durationMinutes != nil && $0.room != nil })
        #expect(event.sessions.filter { $0.day == event.startDate }.count == onTheFirstDay)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.warnings.count <= 1, "at most the summary of links that are not web addresses: \(result.warnings)")
    }
}

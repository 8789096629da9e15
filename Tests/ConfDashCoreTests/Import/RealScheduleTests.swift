import Foundation
import Testing
@testable import ConfDashCore

/// The real schedules in ../shared/fixtures/schedules load completely, and say what the files say.
@Suite("Import: real schedules")
struct RealScheduleTests {
    @Test("38C3 schedule.xml: 4 days, 1007 events, Europe/Berlin")
    func chaosCommunicationCongress() throws {
        guard let result = try RealSchedules.load("38c3-schedule.xml") else { return }
        #expect(result.problems.isEmpty, "\(result.problems.prefix(5))")
        let (dataset, event) = try result.datasetAndEvent()
        expectConference(event, title: "38C3", timeZone: "Europe/Berlin", from: "2024-12-27", to: "2024-12-30", sessions: 1007)
        #expect(Set(event.sessions.map(\.id)).count == 1007)
        #expect(event.rooms.count == 72)
        #expect(event.sessions.allSatisfy { $0.start != nil && $0.durationMinutes != nil && $0.room != nil && $0.day != nil })
        #expect(dataset.tracks.map(\.name.en) == ["Art & Beauty", "Ethics, Society & Politics", "Hardware & Making", "Science",
                                                  "Security", "Entertainment", "CCC"])
        #expect(dataset.tracks.allSatisfy { $0.color != nil })
        #expect(dataset.sources.first?.file?.hasSuffix("38c3-schedule.xml") == true)

        let opening = try event.session(titled: "38C3: Opening Ceremony")
        #expect(opening.id == "2")
        #expect(opening.start == at("2024-12-27T10:30"))
        #expect(opening.durationMinutes == 30)
        #expect(event.roomName(opening.room) == "Saal 1")
        #expect(opening.kind == .ceremony)
        #expect(opening.language == "en")
        #expect(opening.tracks == ["ccc"])
        #expect(dataset.tracks.first { $0.id == "ccc" }?.color == "#F2F006")
        let names = opening.people.map { person in dataset.people.first { $0.id == person.person }?.name }
        #expect(names == ["Gabriela Bogk", "Senficon", "Aline Blankertz"])
        #expect(opening.abstract?.en?.hasPrefix("Glad you could make it!") == true)

        // After midnight: on the first conference day, at a quarter past midnight the next morning.
        let night = try event.session(titled: "Desiring Technology. Über Porno, Abhängigkeit und Fortschritt")
        #expect(night.day == day("2024-12-27"))
        #expect(night.start == at("2024-12-28T00:15"))
        // Each day's programme runs from its start to its change of day, and nothing is lost between days.
        let perDay = Dictionary(grouping: event.sessions, by: { $0.day! }).mapValues(\.count)
        #expect(perDay.keys.sorted() == event.dates)
        #expect(perDay.values.reduce(0, +) == 1007)
    }

    @Test("CCCamp 2019 schedule.json (frab)")
    func camp() throws {
        guard let result = try RealSchedules.load("camp2019-frab.json") else { return }
        let (_, event) = try result.datasetAndEvent()
        expectConference(event, title: "Chaos Communication Camp 2019", timeZone: "Europe/Berlin", from: "2019-08-21", to: "2019-08-25", sessions: 79)
        #expect(event.rooms.map(\.name.en) == ["Curie", "Meitner"])
        let opening = try event.session(titled: "Opening Ceremony")
        #expect(opening.id == "10386")
        #expect(opening.start == at("2019-08-21T11:00"))
        #expect(opening.durationMinutes == 30)
        #expect(event.roomName(opening.room) == "Curie")
        #expect(opening.people.map(\.person) == ["jinxx", "smtw"])
        // The one link without http(s) is reported, not silently dropped.
        #expect(result.problems.map(\.message) == ["links that are not web addresses are left out: \"nymtech.net\""])
    }

    @Test("pretalx DemoCon schedule.json")
    func pretalxDemo() throws {
        guard let result = try RealSchedules.load("democon-pretalx.json") else { return }
        let (dataset, event) = try result.datasetAndEvent()
        #expect(event.title.en == "DemoCon")
        #expect(event.sessions.count == 36)
        #expect(event.dayCount == 3)
        #expect(event.rooms.map(\.name.en) == ["Gray Room", "Tan Room"])
        // The file says UTC but writes its dates at +01:00; confdash follows the dates and says so once.
        #expect(event.timeZone == "UTC")
        let first = try event.session(titled: "Focused 5thgeneration hardware")
        #expect(first.start == at("2020-12-14T08:00"))
        #expect(first.durationMinutes == 30)
        #expect(event.roomName(first.room) == "Gray Room")
        #expect(dataset.people.first { $0.id == first.people.first?.person }?.name == "Brian Robinson")
        #expect(result.problems.count == 1)
        expectImportProblem(result, "the start times of 36 sessions differ from their dates in the event's time zone UTC")
    }

    /// What an import gives is a valid confdash dataset: written out as confdash JSON, the strict
    /// loader reads it back without a single problem, and gets the same dataset.
    @Test(arguments: ["38c3-schedule.xml", "camp2019-frab.json", "democon-pretalx.json"])
    func importedDataIsAValidDataset(file: String) throws {
        guard let dataset = try RealSchedules.load(file)?.dataset else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let reloaded = DatasetLoader.load(data: try encoder.encode(dataset), name: file + ".json")
        #expect(reloaded.problems.isEmpty, "\(reloaded.problems.prefix(5))")
        #expect(reloaded.dataset == dataset)
    }

    @Test func ourOwnFixturesAreValidDatasetsToo() throws {
        for text in [ScheduleFixtures.richXML, ScheduleFixtures.pretalxJSON, ScheduleFixtures.richICS] {
            let dataset = try #require(importText(text).dataset)
            let reloaded = DatasetLoader.load(data: try JSONEncoder().encode(dataset), name: "fixture.json")
            #expect(reloaded.problems.isEmpty, "\(reloaded.problems.prefix(5))")
            #expect(reloaded.dataset == dataset)
        }
    }
}

import Foundation
import Testing
@testable import ConfDashCore

@Suite("Import: frab and pretalx schedule.json")
struct ScheduleJSONImportTests {
    @Test func frabFlavour() throws {
        let events = ScheduleFixtures.jsonEvent(id: 1, title: "Opening", links: #"[{"url": "/system/slides.pdf", "title": "Slides"}]"#)
        let result = importText(ScheduleFixtures.frabJSON(events: events))
        let event = try #require(result.dataset?.events.first, "\(result.problems)")
        #expect(event.id == "camp2019")
        #expect(event.timeZone == "Europe/Berlin")
        let session = try event.session(titled: "Opening")
        #expect(session.id == "1")
        #expect(session.start == at("2019-08-21T11:00"))
        #expect(session.durationMinutes == 30)
        #expect(event.roomName(session.room) == "Main Hall")
        #expect(session.kind == .talk)
        #expect(session.people.map(\.person) == ["jinxx"])
        // A link relative to the site resolves against base_url's host.
        #expect(session.links.map(\.url) == ["https://camp.example.org/events/1.html", "https://camp.example.org/system/slides.pdf"])
        #expect(result.problems.isEmpty, "\(result.problems)")
    }

    @Test func pretalxFlavour() throws {
        let result = importText(ScheduleFixtures.pretalxJSON)
        let dataset = try #require(result.dataset, "\(result.problems)")
        let event = try #require(dataset.events.first)
        #expect(event.timeZone == "Europe/Amsterdam")
        #expect((event.startDate, event.endDate) == (day("2020-12-14"), day("2020-12-15")))
        // The conference's room list gives the order, even for a room with no session.
        #expect(event.rooms.map(\.name.en) == ["Tan Room", "Gray Room"])
        #expect(dataset.tracks.map(\.color) == ["#7B3F9E"])
        let session = try event.session(titled: "Focused 5th generation hardware")
        #expect(session.id == "25")
        #expect(session.kind == .workshopSession)
        #expect(session.abstract?.en == "Brand back-end models!\n\nStation provide.\nProfessional pattern.")
        #expect(dataset.people.map(\.name) == ["Brian Robinson"])
        #expect(result.problems.isEmpty, "\(result.problems)")
    }

    @Test func pretalxDurationWithDays() throws {
        // pretalx writes a day or more as D:HH:MM: 1:02:00 is 26 hours.
        let session = try importedEvent(ScheduleFixtures.pretalxJSON).session(titled: "Focused 5th generation hardware")
        #expect(session.durationMinutes == 26 * 60)
        #expect(ScheduleValues.durationMinutes("0:45:00") == 45)
        #expect(ScheduleValues.durationMinutes("00:45") == 45)
    }

    @Test func anEndTimeGivesTheLengthWhenGiven() throws {
        let events = ScheduleFixtures.jsonEvent(duration: "00:30", extra: #", "end": "2019-08-21T12:15:00+02:00""#)
        #expect(try importedEvent(ScheduleFixtures.frabJSON(events: events)).session(titled: "A talk").durationMinutes == 75)
    }

    @Test func datesAndStartTimesThatDisagreeAreReportedOnce() throws {
        // Like the pretalx demo export: time_zone_name UTC, but dates written at +01:00.
        let events = ScheduleFixtures.jsonEvent(id: 1, date: "2019-08-21T11:00:00+01:00", start: "11:00", title: "One")
            + "," + ScheduleFixtures.jsonEvent(id: 2, date: "2019-08-21T12:00:00+01:00", start: "12:00", title: "Two")
        let result = importText(ScheduleFixtures.frabJSON(timeZone: "UTC", events: events))
        let event = try #require(result.dataset?.events.first)
        #expect(try event.session(titled: "One").start == at("2019-08-21T10:00"))
        expectImportProblem(result, "the start times of 2 sessions differ from their dates in the event's time zone UTC")
    }

    @Test func valuesOfLooseTypesAreAccepted() throws {
        // Real exports: ids as strings, null tracks and languages, persons as bare names.
        let event = #"{"id": "abc", "date": "2019-08-21T11:00:00+02:00", "duration": "00:30", "title": "Loose", "track": null, "#
            + #""language": null, "persons": ["Ada", {"name": "Grace", "guid": "g-1"}], "links": null, "room": null}"#
        let imported = try importedEvent(ScheduleFixtures.frabJSON(events: event))
        let session = try imported.session(titled: "Loose")
        #expect(session.id == "abc")
        #expect(session.tracks.isEmpty && session.language == nil)
        #expect(session.people.map(\.person) == ["ada", "grace"])
        #expect(imported.roomName(session.room) == "Main Hall")
    }

    @Test func aConfdashDatasetStillLoadsThroughTheImporter() throws {
        let json = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/examples/minimal-dataset.json"), encoding: .utf8)
        let imported = importText(json, name: "minimal.json")
        let loaded = DatasetLoader.load(json: json, name: "minimal.json")
        #expect(imported.dataset != nil)
        #expect(imported.dataset == loaded.dataset)
        #expect(imported.problems == loaded.problems)
    }

    @Test func theFormatCanBeForced() {
        let json = ScheduleFixtures.frabJSON(events: ScheduleFixtures.jsonEvent())
        #expect(importText(json, format: .json).dataset != nil)
        let asConfdash = importText(json, format: .confdash)
        #expect(asConfdash.dataset == nil, "read as a confdash dataset it lacks format, version…")
        let asICS = importText(json, format: .ics)
        expectImportProblem(asICS, "not an iCalendar file", severity: .error)
    }

    @Test func theFormatIsJudgedByContent() {
        #expect(DatasetImporter.detect(Array("\u{FEFF}\n  <?xml?>".utf8)) == .xml)
        #expect(DatasetImporter.detect(Array("{\"schedule\": {}}".utf8)) == .confdash)  // refined once parsed
        #expect(DatasetImporter.detect(Array("begin:vcalendar\r\n".utf8)) == .ics)
        #expect(DatasetImporter.detect(Array("Title,Start\n".utf8)) == nil)
        expectImportProblem(importText("Title,Start\n"), "not a format confdash reads", severity: .error, line: 1)
        expectImportProblem(importText("   \n"), "the file is empty", severity: .error)
    }

    @Test func aScheduleWithoutConferenceIsAnError() {
        let result = importText("{\n  \"schedule\": {\"version\": \"1\"}\n}")
        expectImportProblem(result, "the schedule has no \"conference\" object", severity: .error, line: 2)
    }
}

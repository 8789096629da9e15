import Foundation
import Testing
@testable import ConfDashCore

private typealias F = ScheduleFixtures

/// Issue 9's silent losses in schedule.xml and schedule.json, and the export the XSD refused.
@Suite("Hostile input: schedules")
struct ScheduleHostileTests {
    @Test func eventsOutsideRoomsAndUnderADaysWrapperAreRead() throws {
        let text = """
            <schedule>
              <conference><title>Wrapped</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
              <days>
                <day date="2024-12-27" index="1">
                  <event id="1"><date>2024-12-27T10:00:00+01:00</date><duration>00:30</duration><room>Hall</room><title>Loose</title></event>
                  <room name="Saal"><event id="2"><date>2024-12-27T11:00:00+01:00</date><duration>00:30</duration><title>Roomed</title></event></room>
                </day>
              </days>
            </schedule>
            """
        let event = try importedEvent(text)
        #expect(Set(event.sessions.map { $0.title.en ?? "" }) == ["Loose", "Roomed"])
        #expect(event.roomName(try event.session(titled: "Loose").room) == "Hall")
    }

    /// The congress hub publishes its sessions in one list; it loaded as 0 sessions, silently.
    @Test func c3vocScheduleV2EventsList() throws {
        let text = """
            {"schedule": {"version": "2", "conference": {"title": "Hub", "time_zone_name": "Europe/Berlin"},
              "events": [
                {"id": "a1", "title": "First", "date": "2024-12-27T10:00:00+01:00", "duration": "00:45", "room": "Saal 1"},
                {"id": "a2", "title": "Second", "date": "2024-12-28T12:00:00+01:00", "duration": "01:00", "room": "Saal 2"}
              ]}}
            """
        let event = try importedEvent(text)
        #expect(event.sessions.map { $0.start?.description } == ["2024-12-27T10:00", "2024-12-28T12:00"])
        #expect(event.rooms.map { $0.name.en } == ["Saal 1", "Saal 2"])
        let empty = importText("{\"schedule\": {\"conference\": {\"title\": \"Nothing\"}}}")
        expectImportProblem(empty, "there are no sessions")
    }

    @Test func severalOffsetsWithoutAZoneNameAreWarnedAbout() {
        let events = [F.jsonEvent(id: 1, date: "2019-08-21T10:00:00+02:00", start: "10:00"),
                      F.jsonEvent(id: 2, date: "2019-08-21T11:00:00+02:00", start: "11:00"),
                      F.jsonEvent(id: 3, date: "2019-08-21T12:00:00+01:00", start: "12:00")].joined(separator: ",")
        let result = importText(F.frabJSON(timeZone: "", events: events))
        expectImportProblem(result, "the dates carry several UTC offsets (+02:00 for 2, +01:00 for 1)")
    }

    /// The community XSD allows two digits of hours: 100 hours and more are written as D:HH:MM.
    @Test func longDurationsAreWrittenAsTheSchemaAllows() {
        #expect(FrabScheduleBuilder.durationText(45) == "00:45")
        #expect(FrabScheduleBuilder.durationText(99 * 60 + 59) == "99:59")
        #expect(FrabScheduleBuilder.durationText(105 * 60) == "4:09:00")
        #expect(FrabScheduleBuilder.durationText(Session.maximumDurationMinutes) == "14:00:00")
    }
}

import Foundation
import Testing
@testable import ConfDashCore

/// How the records sessions name (people, links, languages, tracks, rooms) come out of an import,
/// one case each, whatever the format.
@Suite("Import: people, links, languages, tracks and rooms")
struct ScheduleMappingTests {
    private func xml(_ events: String, conference: String = "<time_zone_name>Europe/Brussels</time_zone_name>") -> String {
        ScheduleFixtures.xml(conference: conference, rooms: events)
    }

    @Test func personsAreListedOnceAndTwoPeopleWithOneNameStayTwo() throws {
        let events = ScheduleFixtures.xmlEvent(id: "1", """
            <date>2024-03-08T10:00:00+01:00</date><title>A</title>
            <persons><person guid="g-1">Alex</person><person guid="g-2">Alex</person><person guid="g-3">Chloé Berthélémy</person></persons>
            """) + ScheduleFixtures.xmlEvent(id: "2", """
            <date>2024-03-08T11:00:00+01:00</date><title>B</title><persons><person guid="g-1">Alex</person><person/></persons>
            """)
        let dataset = try #require(importText(xml(events)).dataset)
        #expect(dataset.people.map(\.id) == ["alex", "alex-2", "chloe-berthelemy"])
        #expect(dataset.people.map(\.name) == ["Alex", "Alex", "Chloé Berthélémy"])
        let sessions = try #require(dataset.events.first?.sessions)
        #expect(sessions.map { $0.people.map(\.person) } == [["alex", "alex-2", "chloe-berthelemy"], ["alex"]])
        #expect(dataset.people.allSatisfy { $0.sources == ["imported-file"] })
    }

    @Test func linksAreWebAddressesWithRelativeOnesResolved() throws {
        let events = ScheduleFixtures.xmlEvent("""
            <date>2024-03-08T10:00:00+01:00</date><title>A</title><url>https://testcon.example.org/talk/1</url>
            <links><link href="https://example.org/a">Page</link><link href="/media/b.mp4">Video</link>
            <link href="mailto:x@example.org">Mail</link><link href="file://c.pdf">File</link></links>
            <attachments><attachment href="https://example.org/slides.pdf">Slides</attachment></attachments>
            """)
        let result = importText(xml(events, conference: "<base_url>https://testcon.example.org/schedule/</base_url>"))
        let session = try #require(result.dataset?.events.first?.sessions.first)
        #expect(session.links.map(\.url) == ["https://testcon.example.org/talk/1", "https://example.org/a",
                                             "https://testcon.example.org/media/b.mp4", "https://example.org/slides.pdf"])
        #expect(session.links.map { $0.title?.en } == [nil, "Page", "Video", "Slides"])
        expectImportProblem(result, "links that are not web addresses are left out: \"mailto:x@example.org\" (and 1 more)")
    }

    @Test func languagesAreTwoLetterCodes() throws {
        let events = ["en", "DE", "de, en", "pt-BR", "German", ""].enumerated().map { index, language in
            ScheduleFixtures.xmlEvent(id: "\(index + 1)", "<date>2024-03-08T1\(index):00:00+01:00</date><title>T\(index)</title><language>\(language)</language>")
        }.joined()
        let result = importText(xml(events))
        let sessions = try #require(result.dataset?.events.first?.sessions)
        #expect(sessions.map(\.language) == ["en", "de", "de", "pt", nil, nil])
        expectImportProblem(result, "language \"German\" is not a two-letter ISO 639-1 code; left out")
    }

    @Test func tracksKeepTheirColours() throws {
        let conference = """
            <time_zone_name>Europe/Brussels</time_zone_name>
            <track name="Security" color="#0347b4" slug="sec"/>
            <track name="Art" color="red"/>
            """
        let events = ScheduleFixtures.xmlEvent(id: "1", "<date>2024-03-08T10:00:00+01:00</date><title>A</title><track>security</track>")
            + ScheduleFixtures.xmlEvent(id: "2", "<date>2024-03-08T11:00:00+01:00</date><title>B</title><track>Music</track>")
        let result = importText(xml(events, conference: conference))
        let dataset = try #require(result.dataset)
        #expect(dataset.tracks.map(\.id) == ["sec", "art", "music"])
        #expect(dataset.tracks.map(\.color) == ["#0347B4", nil, nil])
        // Track names match whatever their case; a track only sessions name is added without colour.
        #expect(dataset.events.first?.sessions.map(\.tracks) == [["sec"], ["music"]])
        expectImportProblem(result, "track \"Art\": colour \"red\" is not #RRGGBB; left out", line: 11)
    }

    @Test func roomsKeepTheFilesOrderAndGetIdsOfTheirOwn() throws {
        let rooms = """
            <room name="Saal 1"><event id="1"><date>2024-03-08T12:00:00+01:00</date><title>A</title></event></room>
            <room name="Saal-1"><event id="2"><date>2024-03-08T10:00:00+01:00</date><title>B</title></event></room>
            <room name="Hall"><event id="3"><date>2024-03-08T10:00:00+01:00</date><title>C</title><room>Garden</room></event></room>
            """
        let event = try importedEvent(xml(rooms))
        #expect(event.rooms.map(\.id) == ["saal-1", "saal-1-2", "hall", "garden"])
        #expect(event.rooms.map(\.name.en) == ["Saal 1", "Saal-1", "Hall", "Garden"])
        // At the same time, sessions follow the file's room order.
        #expect(event.sessions.map(\.title.en) == ["B", "C", "A"])
        #expect(event.sessions.map { event.roomName($0.room) } == ["Saal-1", "Garden", "Saal 1"])
    }

    @Test func theUsersZoneComesFromTZ() {
        #expect(ClockDisplay.localZone(environment: ["TZ": "Asia/Tokyo"]).identifier == "Asia/Tokyo")
        #expect(ClockDisplay.localZone(environment: ["TZ": ":Europe/Paris"]).identifier == "Europe/Paris")
        #expect(ClockDisplay.localZone(environment: ["TZ": "not a zone"]) == TimeZone.current)
        #expect(ClockDisplay.localZone(environment: [:]) == TimeZone.current)
    }

    @Test func timesConvertToAnotherZoneAcrossDaylightSaving() {
        let berlin = TimeZone(identifier: "Europe/Berlin")!, newYork = TimeZone(identifier: "America/New_York")!
        // Winter: six hours apart; in March 2024 the US changed a fortnight before Europe: five.
        #expect(TimeZones.convert(at("2024-12-27T10:30"), from: berlin, to: newYork) == at("2024-12-27T04:30"))
        #expect(TimeZones.convert(at("2024-03-20T10:30"), from: berlin, to: newYork) == at("2024-03-20T05:30"))
        #expect(TimeZones.convert(at("2024-12-28T00:15"), from: berlin, to: newYork) == at("2024-12-27T18:15"))
        #expect(TimeZones.offsetSeconds("+05:30") == 19_800 && TimeZones.offsetSeconds("-14:00") == -50_400)
        #expect(TimeZones.offsetSeconds("+15:00") == nil && TimeZones.zone(named: "Mars/Olympus") == nil)
    }
}

import Testing
@testable import ConfDashCore

@Suite("Import: frab/pretalx schedule.xml")
struct ScheduleXMLImportTests {
    @Test func aRichScheduleMapsEveryField() throws {
        let result = importText(ScheduleFixtures.richXML, name: "testcon.xml")
        let dataset = try #require(result.dataset, "\(result.problems)")
        let event = try #require(dataset.events.first)
        #expect(dataset.events.count == 1)
        #expect(event.id == "testcon24")
        #expect(event.title.en == "TestCon 2024")
        #expect(event.shortTitle?.en == "testcon24")
        #expect(event.timeZone == "Europe/Brussels")
        #expect((event.startDate, event.endDate) == (day("2024-03-08"), day("2024-03-08")))
        #expect(event.links.map(\.url) == ["https://testcon.example.org/"])
        // Programme order: by time, whatever room the file lists first.
        #expect(event.sessions.map(\.id) == ["101", "103", "102"])
        #expect(event.rooms.map(\.name.en) == ["Main Hall", "Workshop Room"])

        let opening = try event.session(titled: "Opening & welcome")
        #expect(opening.kind == .ceremony)
        #expect(opening.officialTitle)
        #expect(opening.day == day("2024-03-08"))
        #expect(opening.start == at("2024-03-08T10:00"))
        #expect(opening.durationMinutes == 45)
        #expect(event.roomName(opening.room) == "Main Hall")
        #expect(opening.language == "en")
        #expect(opening.tracks == ["security"])
        #expect(opening.abstract?.en == """
            Welcome to TestCon!

            See the slides (https://example.org/slides).

            Bring your badge. Read the guide (https://testcon.example.org/guide) <3
            """)
        #expect(opening.links.map(\.url) == ["https://testcon.example.org/talk/101", "https://example.org/video",
                                             "https://testcon.example.org/attachments/1.pdf"])
        #expect(opening.links.map { $0.title?.en } == [nil, "Video", "Slides"])
        #expect(opening.people.map(\.person) == ["ada-lovelace", "grace-hopper"])
        #expect(opening.people.allSatisfy { $0.role == .speaker })
        #expect(opening.sources == ["imported-file"])

        // A French session keeps its texts in the French slot; "de, en" keeps its first language.
        let art = try event.session(titled: "Art in the age of machines")
        #expect(art.title.fr == "Art in the age of machines" && art.title.en == nil)
        #expect(art.kind == .talk)
        #expect(art.people.map(\.person) == ["grace-hopper"])
        let workshop = try event.session(titled: "Soldering for everyone")
        #expect(workshop.language == "de")
        #expect(workshop.kind == .workshopSession)

        #expect(dataset.tracks.map(\.id) == ["security", "art-beauty", "hardware-making"])
        #expect(dataset.tracks.map(\.color) == ["#0347B4", "#F9B000", nil])
        #expect(dataset.people.map(\.name) == ["Ada Lovelace", "Grace Hopper"])
        #expect(dataset.sources.map(\.kind) == [.imported])
        #expect(dataset.sources.first?.file == "testcon.xml")
        #expect(dataset.regions.isEmpty && dataset.technologies.isEmpty && dataset.places.isEmpty)
        // Unknown elements say nothing; the one link that is not a web address is reported once.
        #expect(result.problems.count == 1)
        expectImportProblem(result, "links that are not web addresses are left out: \"file://notes.pdf\"")
    }

    @Test func durationAsHoursAndMinutes() throws {
        let xml = ScheduleFixtures.xml(rooms: ScheduleFixtures.xmlEvent("<date>2024-03-08T10:00:00+01:00</date><duration>105:30</duration><title>Long</title>"))
        #expect(try importedEvent(xml).session(titled: "Long").durationMinutes == 105 * 60 + 30)
    }

    @Test func durationWithSeconds() throws {
        let xml = ScheduleFixtures.xml(rooms: ScheduleFixtures.xmlEvent("<date>2024-03-08T10:00:00+01:00</date><duration>01:30:00</duration><title>Old frab</title>"))
        #expect(try importedEvent(xml).session(titled: "Old frab").durationMinutes == 90)
    }

    @Test func anUnreadableDurationIsAWarningNotAGuess() throws {
        let xml = ScheduleFixtures.xml(rooms: ScheduleFixtures.xmlEvent("<date>2024-03-08T10:00:00+01:00</date><duration>ninety</duration><title>T</title>"))
        let result = importText(xml)
        #expect(result.dataset?.events.first?.sessions.first?.durationMinutes == nil)
        expectImportProblem(result, "duration \"ninety\" is not HH:MM, HH:MM:SS or D:HH:MM", line: 14)
    }

    /// The session titled `title` in the schedule `xml` is on `conferenceDay` and starts at `start`.
    @discardableResult
    func expectSession(_ title: String, in xml: String, on conferenceDay: String, at start: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> Event {
        let event = try importedEvent(xml, sourceLocation: sourceLocation)
        let session = try event.session(titled: title, sourceLocation: sourceLocation)
        #expect(session.day == day(conferenceDay), sourceLocation: sourceLocation)
        #expect(session.start == at(start), sourceLocation: sourceLocation)
        return event
    }

    @Test func afterMidnightBelongsToThePreviousDayByTheDaysStart() throws {
        // Only a clock time: 01:00 is before the day's start (09:00), so it is the night after it.
        let xml = ScheduleFixtures.xml(rooms: ScheduleFixtures.xmlEvent("<start>01:00</start><duration>00:30</duration><title>Night owls</title>"))
        try expectSession("Night owls", in: xml, on: "2024-03-08", at: "2024-03-09T01:00")
    }

    @Test func afterMidnightBelongsToThePreviousDayByPentabarfsDayChange() throws {
        let xml = ScheduleFixtures.xml(conference: "<day_change>04:00</day_change>", day: #"date="2024-03-08" index="1""#,
                                       rooms: ScheduleFixtures.xmlEvent("<start>03:30</start><duration>00:30</duration><title>Late</title>"))
        let event = try expectSession("Late", in: xml, on: "2024-03-08", at: "2024-03-09T03:30")
        #expect(event.timeZone == nil, "no zone is stated anywhere, so none is invented")
    }

    @Test func afterMidnightWithAFullDateStaysOnItsConferenceDay() throws {
        let xml = ScheduleFixtures.xml(rooms: ScheduleFixtures.xmlEvent("<date>2024-03-09T01:00:00+01:00</date><start>01:00</start><title>DJ</title>"))
        try expectSession("DJ", in: xml, on: "2024-03-08", at: "2024-03-09T01:00")
    }

    @Test func aSessionListedUnderTheWrongDayKeepsItsOwnDate() throws {
        let xml = ScheduleFixtures.xml(rooms: ScheduleFixtures.xmlEvent("<date>2024-03-10T10:00:00+01:00</date><title>Misfiled</title>"))
        let result = importText(xml)
        let event = try #require(result.dataset?.events.first)
        let session = try event.session(titled: "Misfiled")
        #expect(session.day == day("2024-03-10") && session.start == at("2024-03-10T10:00"))
        #expect(event.endDate == day("2024-03-10"))
        expectImportProblem(result, "the session is dated 2024-03-10 but listed under the day 2024-03-08; it is shown on 2024-03-10", line: 13)
    }

    @Test func timeZoneNameConvertsDatesWrittenWithOtherOffsets() throws {
        // 09:30 UTC is 10:30 in Brussels in winter.
        let xml = ScheduleFixtures.xml(rooms: ScheduleFixtures.xmlEvent("<date>2024-03-08T09:30:00+00:00</date><title>UTC written</title>"))
        let event = try importedEvent(xml)
        #expect(event.timeZone == "Europe/Brussels")
        #expect(try event.session(titled: "UTC written").start == at("2024-03-08T10:30"))
    }

    @Test func withoutAZoneNameTheOffsetsInTheDatesGiveTheZone() throws {
        let events = ScheduleFixtures.xmlEvent(id: "1", "<date>2024-03-08T10:00:00+02:00</date><title>A</title>")
            + ScheduleFixtures.xmlEvent(id: "2", "<date>2024-03-08T11:00:00+02:00</date><title>B</title>")
            + ScheduleFixtures.xmlEvent(id: "3", "<date>2024-03-08T09:00:00Z</date><title>C</title>")
        let event = try importedEvent(ScheduleFixtures.xml(conference: "", rooms: events))
        #expect(event.timeZone == "+02:00")
        #expect(try event.session(titled: "C").start == at("2024-03-08T11:00"))
    }

    @Test func floatingDatesAreKeptAsWritten() throws {
        let xml = ScheduleFixtures.xml(conference: "", rooms: ScheduleFixtures.xmlEvent("<date>2024-03-08T10:00:00</date><title>Floating</title>"))
        let event = try importedEvent(xml)
        #expect(event.timeZone == nil)
        #expect(try event.session(titled: "Floating").start == at("2024-03-08T10:00"))
    }

    @Test func anAllDayEntryHasADayAndNoTime() throws {
        let xml = ScheduleFixtures.xml(rooms: ScheduleFixtures.xmlEvent("<date>2024-03-08</date><title>Exhibition</title>"))
        let session = try importedEvent(xml).session(titled: "Exhibition")
        #expect(session.day == day("2024-03-08"))
        #expect(session.start == nil)
        #expect(session.durationMinutes == nil)
    }

    @Test func duplicateIdsAreBothKeptAndTold() throws {
        let events = ScheduleFixtures.xmlEvent(id: "7", "<date>2024-03-08T10:00:00+01:00</date><title>First</title>")
            + ScheduleFixtures.xmlEvent(id: "7", "<date>2024-03-08T11:00:00+01:00</date><title>Second</title>")
        let result = importText(ScheduleFixtures.xml(rooms: events))
        let event = try #require(result.dataset?.events.first)
        #expect(event.sessions.map(\.id) == ["7", "7-2"])
        #expect(event.sessions.map(\.title.en) == ["First", "Second"])
        let problem = expectImportProblem(result, "duplicate id \"7\" (first at line 13); both are kept, this one as \"7-2\"")
        #expect(problem?.line == 17)
    }

    @Test func missingTitlesAndRoomsAreSaidNotInvented() throws {
        // No <title>: a plain label, and a warning. No <room> child: the <room> the event is listed under.
        let xml = ScheduleFixtures.xml(rooms: ScheduleFixtures.xmlEvent("<date>2024-03-08T10:00:00+01:00</date>"))
        let result = importText(xml)
        let event = try #require(result.dataset?.events.first)
        let session = try #require(event.sessions.first)
        #expect(session.title == LocalizedText(en: "(untitled)", fr: "(sans titre)"))
        #expect(!session.officialTitle)
        #expect(event.roomName(session.room) == "Main Hall")
        expectImportProblem(result, "the session has no title", line: 13)
    }

    @Test func notAScheduleIsAnErrorWithItsLine() {
        let result = importText("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"></rss>")
        #expect(result.dataset == nil)
        expectImportProblem(result, "the root element is <rss>; a schedule.xml starts with <schedule>", severity: .error, line: 2)
    }

    @Test func brokenXMLIsAnErrorWithItsLine() {
        let broken = ScheduleFixtures.richXML.replacingOccurrences(of: "</persons>", with: "</person>")
        let result = importText(broken, name: "broken.xml")
        #expect(result.dataset == nil)
        let problem = expectImportProblem(result, "</person> does not match <persons> opened at line 32", severity: .error)
        #expect(problem?.description.hasPrefix("broken.xml:35:") == true)
    }

    @Test("a schedule confdash wrote gives back its session ids from the slugs; other files keep frab's ids")
    func confdashSlugsGiveBackIds() throws {
        let events = ScheduleFixtures.xmlEvent(id: "1", "<date>2024-03-08T10:00:00+01:00</date><title>A</title><slug>testcon24-h23-opening</slug>")
            + ScheduleFixtures.xmlEvent(id: "2", "<date>2024-03-08T11:00:00+01:00</date><title>B</title><slug>testcon24-___7</slug>")
        let written = ScheduleFixtures.xml(rooms: events).replacingOccurrences(of: "<version>", with: #"<generator name="confdash" version="0.1.0"/><version>"#)
        #expect(try importedEvent(written).sessions.map(\.id) == ["h23-opening", "7"])
        #expect(try importedEvent(ScheduleFixtures.xml(rooms: events)).sessions.map(\.id) == ["1", "2"])
    }

    @Test("an end across the change to summer time is counted in real time")
    func endAcrossAClockChange() throws {
        let xml = ScheduleFixtures.xml(conference: "<time_zone_name>Europe/Berlin</time_zone_name>",
                                       day: #"date="2025-03-30" index="1" start="2025-03-30T00:00:00+01:00" end="2025-03-31T00:00:00+02:00""#,
                                       rooms: ScheduleFixtures.xmlEvent(
            "<date>2025-03-30T01:30:00+01:00</date><end>2025-03-30T04:30:00+02:00</end><duration>03:00</duration><title>Night</title>"))
        let session = try importedEvent(xml).session(titled: "Night")
        #expect(session.start == at("2025-03-30T01:30") && session.durationMinutes == 120)
    }
}

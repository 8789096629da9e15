import Foundation
import Testing
@testable import ConfDashCore

@Suite("Export: schedule.xml and schedule.json")
struct FrabExportTests {
    func schedule(_ dataset: Dataset? = nil, filter: AgendaFilter = AgendaFilter()) -> FrabSchedule {
        var builder = FrabScheduleBuilder(ExportFixture.request(dataset, filter: filter), formatName: "schedule.xml")
        return builder.build()
    }

    @Test("only sessions with a stated time, duration and zone are scheduled; each omission is one counted line")
    func omissions() {
        let schedule = schedule()
        #expect(Set(schedule.talks.map(\.sessionID)) == ["z-opening", "z-awkward", "z-summer-time", "z-no-room", "f-talk"])
        #expect(schedule.notes.lines == [
            "1 session with more than one track (z-awkward): each is written with its first track only: schedule.xml has one track per event",
            "1 session with a start time but no duration (z-no-duration): left out: schedule.xml requires a duration, and none is made up (ics, csv and md export them)",
            "3 sessions with no clock time in the source (z-span, z-day-only, z-unplaced): left out: schedule.xml requires a start time and a duration for every event, and none is made up (ics, csv and md export them)",
            "2 sessions with no room stated (z-no-room, f-talk): each is written under a room with an empty name, since schedule.xml requires a room",
            "1 session with a clock time in an event that states no time zone (n-talk): left out: schedule.xml requires dates with a UTC offset, and none is made up",
            "1 event states no time zone (floating-day): its days are written from 00:00 at UTC+14:00 to 24:00 at UTC-12:00, the whole calendar day wherever it is, since schedule.xml requires day bounds with a UTC offset and none is made up",
            "the events have different time zones (none, +05:30, Europe/Brussels): time_zone_name is left out; every date carries its own UTC offset",
        ])
    }

    @Test("dates carry the offset in force; a day's bounds follow daylight-saving time")
    func offsets() throws {
        let schedule = schedule()
        let summer = try #require(schedule.talks.first { $0.sessionID == "z-summer-time" })
        #expect(summer.date == "2025-03-30T01:30:00+01:00")
        #expect(summer.end == "2025-03-30T04:30:00+02:00")
        #expect(summer.duration == "02:00")
        let day2 = try #require(schedule.days.first { $0.date == ExportFixture.date("2025-03-30") })
        #expect(day2.start == "2025-03-30T00:00:00+01:00")
        #expect(day2.end == "2025-03-31T00:00:00+02:00")
        let floating = try #require(schedule.days.first { $0.date == ExportFixture.date("2025-05-01") })
        #expect(floating.start == "2025-05-01T00:00:00+14:00" && floating.end == "2025-05-02T00:00:00-12:00")
        #expect(schedule.talks.first { $0.sessionID == "f-talk" }?.date == "2025-04-02T18:00:00+05:30")
        #expect(schedule.days.map(\.index) == Array(1...schedule.days.count))
    }

    @Test("an unstated room is an empty name, never a made-up one; rooms keep the event's order")
    func rooms() throws {
        let schedule = schedule()
        let day3 = try #require(schedule.days.first { $0.date == ExportFixture.date("2025-03-31") })
        #expect(day3.rooms.map(\.name) == [""])
        let day1 = try #require(schedule.days.first { $0.date == ExportFixture.date("2025-03-29") })
        #expect(day1.rooms.map(\.name) == ["Hall A", "Lab, 2nd floor"])
    }

    @Test("with --day, only that day is a schedule day")
    func dayFilter() {
        let schedule = schedule(filter: AgendaFilter(events: ["zoned-conf"], day: .index(2)))
        #expect(schedule.days.map(\.date) == [ExportFixture.date("2025-03-30")])
        #expect(schedule.title == "Zoned conference" && schedule.acronym == "zoned_conf")
        #expect(schedule.timeZoneName == "Europe/Brussels")
    }

    @Test("SHA-1 on the processor's SHA extensions (when it has them) gives Swift's digest for every length from 0 to 300 bytes")
    func acceleratedSHA1() {
        var generator = SystemRandomNumberGenerator()
        var seed = UInt64.random(in: 0...UInt64.max, using: &generator)
        for length in 0...300 {
            let message = (0..<length).map { _ -> UInt8 in
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                return UInt8(truncatingIfNeeded: seed >> 33)
            }
            let swift = message.withUnsafeBytes { SHA1.words($0, accelerated: false) }
            let chosen = message.withUnsafeBytes { SHA1.words($0) }
            #expect([swift.0, swift.1, swift.2, swift.3, swift.4] == [chosen.0, chosen.1, chosen.2, chosen.3, chosen.4], "length \(length)")
        }
    }

    @Test("ids derive from the data: guid is uuid5(NAMESPACE_URL, 'confdash:' + uid), as Python computes it")
    func stableIDs() {
        #expect(SHA1.hash(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined() == "a9993e364706816aba3e25717850c26c9cd0d89d")
        // Python's hashlib and uuid: no tail, a tail of 56 bytes (two padding blocks), a whole
        // block, a block and a tail; a person's guid.
        for (length, digest) in [(0, "da39a3ee5e6b4b0d3255bfef95601890afd80709"), (56, "c2db330f6083854c99d4b5bfb6e8f29f201be699"),
                                 (64, "0098ba824b5c16427bd7a1122a5a442a25ec644d"), (119, "ee971065aaa017e0632a8ca6c77bb3bf8b1dfc56")] {
            #expect(SHA1.hash([UInt8](repeating: UInt8(ascii: "a"), count: length)).map { String(format: "%02x", $0) }.joined() == digest)
        }
        #expect(StableID.personGUID(person: "p1") == "b2f9da92-c306-5fb4-a33d-371ae3c96ddb")
        #expect(StableID.guid(session: "h23-opening", event: "wco-tech-conf-2023") == "5ed2c10a-7a66-555e-bfdb-d3ead2c53243")
        #expect(StableID.acronym(event: "wco-tech-conf-2023") == "wco_tech_conf_2023")
        #expect(StableID.acronym(event: "ab") == "ab__")
        let talks = schedule().talks
        #expect(talks.first { $0.sessionID == "z-opening" }?.slug == "zoned_conf-z-opening")
        #expect(Set(talks.map(\.id)).count == talks.count && Set(talks.map(\.guid)).count == talks.count)
    }

    @Test("the bundled dataset: every session left out for want of a clock time, the days still listed")
    func bundled() {
        let request = ExportRequest(index: Bundled.index, language: .en, generatorVersion: "test")
        let xml = Exporter.export(request, as: .xml)
        #expect(xml.exportedSessions == 0)
        #expect(xml.text.components(separatedBy: "<day ").count - 1 == 3 + 3 + 5 + 5 + 3)
        #expect(!xml.text.contains("<event "))
        #expect(xml.notes.first?.hasPrefix("xml: 35 sessions and 12 breakout topics with no clock time in the source (") == true)
        let json = Exporter.export(request, as: .json)
        #expect(json.notes.first?.hasPrefix("json: 35 sessions and 12 breakout topics with no clock time in the source (") == true)
    }

    @Test("schedule.json is JSON with frab's shape: nulls for unknowns, pretalx persons, a URN for a missing page")
    func jsonShape() throws {
        let result = ExportFixture.export(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.text.utf8)) as? [String: Any])
        let conference = try #require((object["schedule"] as? [String: Any])?["conference"] as? [String: Any])
        let days = try #require(conference["days"] as? [[String: Any]])
        let talks = days.flatMap { ($0["rooms"] as? [String: [[String: Any]]] ?? [:]).values.flatMap { $0 } }
        #expect(talks.count == 5)
        let opening = try #require(talks.first { $0["slug"] as? String == "zoned_conf-z-opening" })
        #expect(opening["subtitle"] is NSNull && opening["abstract"] is NSNull)
        #expect((opening["persons"] as? [[String: Any]])?.first?["name"] as? String == "Ada Example")
        #expect(opening["url"] as? String == "https://example.org/opening")
        let awkward = try #require(talks.first { $0["slug"] as? String == "zoned_conf-z-awkward" })
        #expect(awkward["title"] as? String == ExportFixture.awkwardTitle)
        #expect((awkward["url"] as? String)?.hasPrefix("urn:uuid:") == true)
        #expect(result.notes.contains { $0.hasPrefix("json: 4 sessions with no web page") })
    }

    @Test("schedule.json's time_zone_name pattern, as the schema's regex reads it")
    func zoneNamePattern() {
        for name in ["Europe/Berlin", "UTC", "America/Argentina/Buenos_Aires", "Asia/Ho_Chi_Minh"] {
            #expect(FrabJSONExporter.isSchemaZoneName(name), "\(name)")
        }
        for name in ["+01:00", "Etc/GMT+1", "EST5EDT", "europe/berlin"] {
            #expect(!FrabJSONExporter.isSchemaZoneName(name), "\(name)")
        }
    }

    @Test("XML escapes markup and keeps line breaks; characters XML cannot hold become U+FFFD")
    func xmlEscaping() {
        #expect(XMLText.escape("a<b>&\"c\"\nd\u{1}") == "a&lt;b&gt;&amp;&quot;c&quot;&#10;d\u{FFFD}")
        let xml = ExportFixture.export(.xml).text
        #expect(xml.contains("<title>=1+1, &lt;b&gt;bold&lt;/b&gt; &amp; *stars*; back\\slash &quot;quoted&quot;</title>"))
    }
}

import Testing
@testable import ConfDashCore

@Suite("Export: iCalendar")
struct ICSExportTests {
    let result = ExportFixture.export(.ics)
    var reader: ICSReader { ICSReader(result.text) }

    @Test("every line ends with CRLF and is at most 75 octets, without splitting a character")
    func framing() {
        let bytes = Array(result.text.utf8)
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        #expect(bytes.filter { $0 == 0x0A }.count == result.text.components(separatedBy: "\r\n").count - 1, "no bare LF")
        for line in result.text.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75, "\(line)")
        }
        let long = String(repeating: "日本語🚀é", count: 40)
        var text = ""
        ICSText.appendFolded("SUMMARY:" + long, to: &text)
        for line in text.components(separatedBy: "\r\n") where !line.isEmpty {
            #expect(line.utf8.count <= 75)
            // Each physical line is whole UTF-8 on its own: no multi-byte sequence was cut.
            #expect(String(validating: Array(line.utf8), as: UTF8.self) != nil)
        }
        #expect(text.replacingOccurrences(of: "\r\n ", with: "") == "SUMMARY:" + long + "\r\n")
    }

    @Test("TEXT values escape commas, semicolons, backslashes and line breaks, and read back whole")
    func escaping() throws {
        #expect(ICSText.escape("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf")
        let awkward = try #require(reader.event("z-awkward"))
        #expect(ICSReader.unescape(ICSReader.value("SUMMARY", in: awkward)!) == ExportFixture.awkwardTitle)
        #expect(ICSReader.value("CATEGORIES", in: awkward) == "Alpha\\, first,Beta", "one category per track, commas escaped")
        #expect(ICSReader.value("LOCATION", in: awkward) == "Lab\\, 2nd floor")
    }

    @Test("a session with only a day is an all-day entry: never a made-up time")
    func dayOnly() throws {
        let event = try #require(reader.event("z-day-only"))
        #expect(ICSReader.property("DTSTART", in: event)?.parameters == "VALUE=DATE")
        #expect(ICSReader.value("DTSTART", in: event) == "20250331")
        #expect(ICSReader.value("DTEND", in: event) == "20250401", "DTEND is the next day (exclusive)")
        #expect(ICSReader.value("X-CONFDASH-DAY", in: event) == nil)
        #expect(ICSReader.unescape(ICSReader.value("DESCRIPTION", in: event)!).contains("Afternoon; no clock time stated in the source."))
    }

    @Test("a span of days, or no day, covers the days it may fall on, and says the day is not stated")
    func dayNotStated() throws {
        let span = try #require(reader.event("z-span"))
        #expect(ICSReader.value("DTSTART", in: span) == "20250330")
        #expect(ICSReader.value("DTEND", in: span) == "20250401")
        #expect(ICSReader.value("TRANSP", in: span) == "TRANSPARENT")
        #expect(ICSReader.value("X-CONFDASH-DAY", in: span) == "NOT-STATED")
        #expect(ICSReader.unescape(ICSReader.value("DESCRIPTION", in: span)!).contains("Day 2 or 3 (the source does not say which)"))
        let unplaced = try #require(reader.event("z-unplaced"))
        #expect(ICSReader.value("DTSTART", in: unplaced) == "20250329")
        #expect(ICSReader.value("DTEND", in: unplaced) == "20250401", "the whole event")
        #expect(ICSReader.unescape(ICSReader.value("DESCRIPTION", in: unplaced)!).contains("Day not stated in the source"))
        #expect(result.notes.contains { $0.hasPrefix("ics: 1 session with no day stated in the source (z-unplaced): each is an all-day entry over the whole event") })
        #expect(result.notes.contains { $0.hasPrefix("ics: 1 session with only a span of possible days (z-span)") })
    }

    @Test("clock times keep the event's zone, with a VTIMEZONE, and end right across a daylight-saving change")
    func zonedTimes() throws {
        let opening = try #require(reader.event("z-opening"))
        #expect(ICSReader.property("DTSTART", in: opening)?.parameters == "TZID=Europe/Brussels")
        #expect(ICSReader.value("DTSTART", in: opening) == "20250329T093000")
        #expect(ICSReader.value("DTEND", in: opening) == "20250329T100000")
        // 01:30 + 2 hours of real time: clocks jump from 02:00 to 03:00, so it ends at 04:30.
        let summer = try #require(reader.event("z-summer-time"))
        #expect(ICSReader.value("DTEND", in: summer) == "20250330T043000")
        #expect(result.text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\n"))
        #expect(result.text.contains("BEGIN:DAYLIGHT\r\nDTSTART:20250330T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"))
        let fixed = try #require(reader.event("f-talk"))
        #expect(ICSReader.property("DTSTART", in: fixed)?.parameters == "TZID=UTC+0530")
        #expect(result.text.contains("TZID:UTC+0530\r\nBEGIN:STANDARD\r\n"))
    }

    @Test("a time with no zone stays floating, and a start with no duration gets no end")
    func floatingAndOpenEnded() throws {
        let floating = try #require(reader.event("n-talk"))
        #expect(ICSReader.property("DTSTART", in: floating)?.parameters == "")
        #expect(ICSReader.value("DTSTART", in: floating) == "20250501T100000", "no Z, no TZID")
        #expect(result.notes.contains { $0.contains("(n-talk): each is written in floating local time") })
        let open = try #require(reader.event("z-no-duration"))
        #expect(ICSReader.value("DTEND", in: open) == nil)
        #expect(result.notes.contains { $0.hasPrefix("ics: 1 session with a start time but no duration (z-no-duration)") })
    }

    @Test("UIDs are stable and unique; the same data always gives the same bytes")
    func stableIdentity() {
        let uids = reader.events.compactMap { ICSReader.value("UID", in: $0) }
        #expect(uids.count == ExportFixture.dataset.events.flatMap(\.sessions).count)
        #expect(Set(uids).count == uids.count)
        #expect(uids.contains("z-opening@zoned-conf.confdash"))
        #expect(ExportFixture.export(.ics).text == result.text)
        #expect(reader.events.allSatisfy { ICSReader.value("DTSTAMP", in: $0) == "20250301T000000Z" }, "the newest source date")
    }

    @Test("the event's place stands in for an unstated room; tracks, links and kind are kept")
    func otherFields() throws {
        let opening = try #require(reader.event("z-opening"))
        #expect(ICSReader.value("LOCATION", in: opening) == "Hall A")
        #expect(ICSReader.value("URL", in: opening) == "https://example.org/opening")
        #expect(ICSReader.value("X-CONFDASH-KIND", in: opening) == "ceremony")
        let description = ICSReader.unescape(ICSReader.value("DESCRIPTION", in: opening)!)
        #expect(description == "Line one,\nline two; done\n\nPeople: Ada Example (speaker)")
        let noRoom = try #require(reader.event("z-no-room"))
        #expect(ICSReader.value("LOCATION", in: noRoom) == nil, "no room and no place: nothing is made up")
    }

    @Test("the bundled dataset has no clock times, so every entry is all-day")
    func bundled() {
        let result = Exporter.export(ExportRequest(index: Bundled.index, language: .en, generatorVersion: "test"), as: .ics)
        let events = ICSReader(result.text).events
        #expect(events.count == 47)
        #expect(events.allSatisfy { ICSReader.property("DTSTART", in: $0)?.parameters == "VALUE=DATE" })
        #expect(result.exportedSessions == 47)
    }
}

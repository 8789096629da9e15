/// frab/pretalx schedule.xml, valid against the community XSD (voc/schedule, schedule.xml.xsd).
///
/// The XSD requires every event to have a zoned date, a start time and a duration, and every day
/// zoned start and end times. Sessions whose source states no clock time are therefore left out
/// (never given a made-up time) and counted on stderr; see `FrabScheduleBuilder` for every rule.
enum FrabXMLExporter {
    static func export(_ request: ExportRequest) -> ExportResult {
        var builder = FrabScheduleBuilder(request, formatName: "schedule.xml")
        return export(builder.build())
    }

    static func export(_ schedule: FrabSchedule) -> ExportResult {
        var xml = XMLText()
        xml.line(0, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        xml.line(0, "<schedule>")
        xml.line(1, "<generator name=\"confdash\" version=\"\(XMLText.escape(schedule.generatorVersion))\"/>")
        xml.element(1, "version", schedule.version)
        xml.line(1, "<conference>")
        xml.element(2, "acronym", schedule.acronym)
        xml.element(2, "title", schedule.title)
        xml.element(2, "start", schedule.start.iso)
        xml.element(2, "end", schedule.end.iso)
        xml.element(2, "days", String(schedule.days.count))
        xml.element(2, "timeslot_duration", twoDigits(schedule.timeslotMinutes / 60) + ":" + twoDigits(schedule.timeslotMinutes % 60))
        if let zone = schedule.timeZoneName { xml.element(2, "time_zone_name", zone) }
        if let url = schedule.url { xml.element(2, "url", url) }
        for track in schedule.tracks {
            var attributes = [("name", track.name)]
            if let color = track.color { attributes.append(("color", color)) }
            if FrabXMLExporter.isXSDSlug(track.slug) { attributes.append(("slug", track.slug)) }
            xml.empty(2, "track", attributes)
        }
        xml.line(1, "</conference>")
        for day in schedule.days {
            xml.open(1, "day", [("index", String(day.index)), ("date", day.date.iso), ("start", day.start), ("end", day.end)])
            for room in day.rooms {
                xml.open(2, "room", [("name", room.name)] + (room.guid.map { [("guid", $0)] } ?? []))
                for talk in room.talks { write(talk, to: &xml) }
                xml.line(2, "</room>")
            }
            xml.line(1, "</day>")
        }
        xml.line(0, "</schedule>")
        return ExportResult(text: xml.text, notes: schedule.notes.lines.map { "xml: " + $0 }, exportedSessions: schedule.exportedSessions)
    }

    private static func write(_ talk: FrabSchedule.Talk, to xml: inout XMLText) {
        xml.open(3, "event", [("guid", talk.guid), ("id", String(talk.id))])
        xml.element(4, "date", talk.date)
        xml.element(4, "start", talk.start)
        xml.element(4, "duration", talk.duration)
        xml.element(4, "room", talk.room)
        xml.element(4, "slug", talk.slug)
        if let url = talk.url { xml.element(4, "url", url) }
        xml.element(4, "title", talk.title)
        if let language = talk.language { xml.element(4, "language", language) }
        xml.element(4, "track", talk.track ?? "")
        xml.element(4, "type", talk.type)
        xml.element(4, "abstract", talk.abstract ?? "")
        if let description = talk.description { xml.element(4, "description", description) }
        if talk.persons.isEmpty {
            xml.line(4, "<persons/>")
        } else {
            xml.line(4, "<persons>")
            for person in talk.persons { xml.element(5, "person", person.name, [("guid", person.guid)]) }
            xml.line(4, "</persons>")
        }
        if talk.links.isEmpty {
            xml.line(4, "<links/>")
        } else {
            xml.line(4, "<links>")
            for link in talk.links { xml.element(5, "link", link.title ?? link.url, [("href", link.url)]) }
            xml.line(4, "</links>")
        }
        xml.line(3, "</event>")
    }

    /// The XSD's track slug: a lowercase letter, then letters, digits and hyphens.
    static func isXSDSlug(_ text: String) -> Bool {
        guard text.count >= 2, let first = text.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else { return false }
        return text.utf8.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") }
    }
}

/// Indented XML text with escaping. Characters XML 1.0 cannot carry at all (most control
/// characters) become U+FFFD rather than making the whole file unreadable.
struct XMLText {
    private(set) var text = ""

    mutating func line(_ depth: Int, _ content: String) {
        text += String(repeating: "  ", count: depth)
        text += content
        text += "\n"
    }

    mutating func element(_ depth: Int, _ name: String, _ value: String, _ attributes: [(String, String)] = []) {
        line(depth, "<\(name)\(Self.attributes(attributes))>\(Self.escape(value))</\(name)>")
    }

    mutating func open(_ depth: Int, _ name: String, _ attributes: [(String, String)]) {
        line(depth, "<\(name)\(Self.attributes(attributes))>")
    }

    mutating func empty(_ depth: Int, _ name: String, _ attributes: [(String, String)]) {
        line(depth, "<\(name)\(Self.attributes(attributes))/>")
    }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// Escapes markup characters, and line breaks and tabs as character references, so that they
    /// survive attribute normalisation and CRLF folding in every parser.
    static func escape(_ value: String) -> String {
        let bytes = Array(value.utf8)
        // Everything to change is ASCII or U+FFFE/U+FFFF (EF BF BE/BF); most values need nothing.
        guard bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || $0 == UInt8(ascii: "\"") || $0 == 0xEF }) else { return value }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"): result += Array("&amp;".utf8)
            case UInt8(ascii: "<"): result += Array("&lt;".utf8)
            case UInt8(ascii: ">"): result += Array("&gt;".utf8)
            case UInt8(ascii: "\""): result += Array("&quot;".utf8)
            case 0x0D: result += Array("&#13;".utf8)
            case 0x0A: result += Array("&#10;".utf8)
            case 0x09: result += Array("&#9;".utf8)
            case 0..<0x20: result += [0xEF, 0xBF, 0xBD]
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                result += [0xEF, 0xBF, 0xBD]
                index += 2
            default: result.append(byte)
            }
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }
}

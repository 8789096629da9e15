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
///
/// Written as UTF-8 bytes into one buffer: building each line with string interpolation and
/// appending it to a String was a fifth of exporting a large schedule.
struct XMLText {
    private var bytes: [UInt8] = []

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func line(_ depth: Int, _ content: String) {
        indent(depth)
        append(content)
        bytes.append(0x0A)
    }

    mutating func element(_ depth: Int, _ name: String, _ value: String, _ attributes: [(String, String)] = []) {
        tagStart(depth, name, attributes)
        bytes.append(UInt8(ascii: ">"))
        appendEscaped(value)
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        append(name)
        bytes.append(UInt8(ascii: ">"))
        bytes.append(0x0A)
    }

    mutating func open(_ depth: Int, _ name: String, _ attributes: [(String, String)]) {
        tagStart(depth, name, attributes)
        bytes.append(UInt8(ascii: ">"))
        bytes.append(0x0A)
    }

    mutating func empty(_ depth: Int, _ name: String, _ attributes: [(String, String)]) {
        tagStart(depth, name, attributes)
        bytes.append(UInt8(ascii: "/"))
        bytes.append(UInt8(ascii: ">"))
        bytes.append(0x0A)
    }

    /// The indented `<name attr="…"` every tag begins with; the caller closes it.
    private mutating func tagStart(_ depth: Int, _ name: String, _ attributes: [(String, String)]) {
        indent(depth)
        bytes.append(UInt8(ascii: "<"))
        append(name)
        write(attributes)
    }

    private mutating func indent(_ depth: Int) {
        for _ in 0..<(2 * depth) { bytes.append(0x20) }
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private mutating func write(_ attributes: [(String, String)]) {
        for (name, value) in attributes {
            bytes.append(0x20)
            append(name)
            bytes.append(UInt8(ascii: "="))
            bytes.append(UInt8(ascii: "\""))
            appendEscaped(value)
            bytes.append(UInt8(ascii: "\""))
        }
    }

    private mutating func appendEscaped(_ value: String) {
        var value = value
        value.withUTF8 { Self.escape($0, into: &bytes) }
    }

    /// Escapes markup characters, and line breaks and tabs as character references, so that they
    /// survive attribute normalisation and CRLF folding in every parser.
    static func escape(_ value: String) -> String {
        var value = value
        var result: [UInt8] = []
        let changed = value.withUTF8 { utf8 in
            escape(utf8, into: &result)
            return result.count != utf8.count || !result.elementsEqual(utf8)
        }
        return changed ? String(decoding: result, as: UTF8.self) : value
    }

    private static func escape(_ utf8: UnsafeBufferPointer<UInt8>, into result: inout [UInt8]) {
        var index = 0
        var run = 0  // the start of bytes still to copy as they are
        while index < utf8.count {
            let byte = utf8[index]
            // Everything to change is ASCII or U+FFFE/U+FFFF (EF BF BE/BF); most bytes need nothing.
            guard byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                    || byte == UInt8(ascii: "\"") || byte == 0xEF else {
                index += 1
                continue
            }
            let replacement: StaticString
            var width = 1
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case 0x0D: replacement = "&#13;"
            case 0x0A: replacement = "&#10;"
            case 0x09: replacement = "&#9;"
            case 0..<0x20: replacement = "\u{FFFD}"
            case 0xEF where index + 2 < utf8.count && utf8[index + 1] == 0xBF && (utf8[index + 2] == 0xBE || utf8[index + 2] == 0xBF):
                replacement = "\u{FFFD}"
                width = 3
            default:
                index += 1
                continue
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
            result.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            index += width
            run = index
        }
        result.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<utf8.count]))
    }
}

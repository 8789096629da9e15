/// frab/pretalx schedule.xml, valid against the community XSD (voc/schedule, schedule.xml.xsd).
///
/// The XSD requires every event to have a zoned date, a start time and a duration, and every day
/// zoned start and end times. Sessions whose source states no clock time are therefore left out
/// (never given a made-up time) and counted on stderr; see `FrabScheduleBuilder` for every rule.
enum FrabXMLExporter {
    static func write(_ request: ExportRequest, to xml: inout ExportOutput) -> ExportSummary {
        var builder = FrabScheduleBuilder(request, formatName: "schedule.xml", concurrency: xml.concurrency)
        return write(builder.build(concurrency: xml.concurrency), to: &xml)
    }

    static func write(_ schedule: FrabSchedule, to xml: inout ExportOutput) -> ExportSummary {
        xml.xmlLine(0, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        xml.xmlLine(0, "<schedule>")
        xml.xmlLine(1, "<generator name=\"confdash\" version=\"\(XMLText.escape(schedule.generatorVersion))\"/>")
        xml.xmlElement(1, "version", schedule.version)
        xml.xmlLine(1, "<conference>")
        xml.xmlElement(2, "acronym", schedule.acronym)
        xml.xmlElement(2, "title", schedule.title)
        xml.xmlElement(2, "start", schedule.start.iso)
        xml.xmlElement(2, "end", schedule.end.iso)
        xml.xmlElement(2, "days", String(schedule.days.count))
        xml.xmlElement(2, "timeslot_duration", twoDigits(schedule.timeslotMinutes / 60) + ":" + twoDigits(schedule.timeslotMinutes % 60))
        if let zone = schedule.timeZoneName { xml.xmlElement(2, "time_zone_name", zone) }
        if let url = schedule.url { xml.xmlElement(2, "url", url) }
        for track in schedule.tracks {
            var attributes = [("name", track.name)]
            if let color = track.color { attributes.append(("color", color)) }
            if FrabXMLExporter.isXSDSlug(track.slug) { attributes.append(("slug", track.slug)) }
            xml.xmlEmpty(2, "track", attributes)
        }
        xml.xmlLine(1, "</conference>")
        let context = schedule.context
        let talks = ExportItems(&xml, sessions: schedule.exportedSessions, state: { FrabTalkWriter(context) }) {
            (writer, talk: (entry: FrabSchedule.Entry, room: [UInt8]), xml) in
            write(talk.entry, room: talk.room, talks: &writer, to: &xml)
        }
        for day in schedule.days {
            xml.xmlOpen(1, "day", [("index", String(day.index)), ("date", day.date.iso), ("start", day.start), ("end", day.end)])
            for room in day.rooms {
                xml.xmlOpen(2, "room", [("name", room.name)] + (room.guid.map { [("guid", $0)] } ?? []))
                // Every talk of the room repeats its name: escaped once.
                var roomText: [UInt8] = []
                var name = room.name
                name.withUTF8 { XMLText.escape($0, into: &roomText) }
                for entry in room.entries {
                    talks.add((entry, roomText), to: &xml)
                    xml.recordEnded()
                }
                xml.xmlLine(2, "</room>")
            }
            xml.xmlLine(1, "</day>")
        }
        talks.finish(&xml)
        xml.xmlLine(0, "</schedule>")
        return ExportSummary(notes: schedule.notes.lines.map { "xml: " + $0 }, exportedSessions: schedule.exportedSessions)
    }

    /// One `<event>`, written from the session into the output; `room` is the room's name, escaped.
    private static func write(_ entry: FrabSchedule.Entry, room: [UInt8], talks: inout FrabTalkWriter, to xml: inout ExportOutput) {
        let item = talks.item(entry)
        let session = item.session
        xml.append("      <event guid=\"")
        talks.guid(item, to: &xml)
        xml.append("\" id=\"")
        xml.digits(talks.ordinal(item))
        xml.append("\">\n        <date>")
        talks.date(entry, item, to: &xml)
        xml.append("</date>\n        <start>")
        talks.startTime(item, to: &xml)
        xml.append("</start>\n        <duration>")
        talks.duration(item, to: &xml)
        xml.append("</duration>\n        <room>")
        xml.bytes.append(contentsOf: room)
        xml.append("</room>\n        <slug>")
        talks.slug(item) { XMLText.escape($0, into: &xml.bytes) }
        xml.append("</slug>\n")
        if let url = session.links.first?.url { xml.xmlField("        <url>", url, "</url>\n") }
        xml.xmlField("        <title>", talks.title(item), "</title>\n")
        if let language = session.language { xml.xmlField("        <language>", language, "</language>\n") }
        xml.xmlField("        <track>", talks.track(item) ?? "", "</track>\n")
        xml.xmlField("        <type>", session.kind.rawValue, "</type>\n")
        xml.xmlField("        <abstract>", talks.abstract(item) ?? "", "</abstract>\n")
        if let description = talks.description(item) { xml.xmlField("        <description>", description, "</description>\n") }
        let people = session.people
        if people.isEmpty {
            xml.append("        <persons/>\n")
        } else {
            xml.append("        <persons>\n")
            for link in people {
                let person = talks.person(link.person)
                xml.append("          <person guid=\"")
                talks.personGUID(person, to: &xml)
                xml.xmlField("\">", talks.personName(person), "</person>\n")
            }
            xml.append("        </persons>\n")
        }
        let links = session.links
        if links.isEmpty {
            xml.append("        <links/>\n")
        } else {
            xml.append("        <links>\n")
            for link in links {
                xml.xmlField("          <link href=\"", link.url, "\">")
                xml.xmlField("", talks.linkTitle(link) ?? link.url, "</link>\n")
            }
            xml.append("        </links>\n")
        }
        xml.append("      </event>\n")
    }

    /// The XSD's track slug: a lowercase letter, then letters, digits and hyphens.
    static func isXSDSlug(_ text: String) -> Bool {
        guard text.count >= 2, let first = text.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else { return false }
        return text.utf8.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") }
    }
}

/// Indented XML text with escaping, written into an export's output. Characters XML 1.0 cannot
/// carry at all (most control characters) become U+FFFD rather than making the whole file unreadable.
extension ExportOutput {
    mutating func xmlLine(_ depth: Int, _ content: String) {
        spaces(2 * depth)
        append(content)
        bytes.append(0x0A)
    }

    mutating func xmlElement(_ depth: Int, _ name: String, _ value: String, _ attributes: [(String, String)] = []) {
        tagStart(depth, name, attributes)
        bytes.append(UInt8(ascii: ">"))
        appendXMLEscaped(value)
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        append(name)
        bytes.append(UInt8(ascii: ">"))
        bytes.append(0x0A)
    }

    mutating func xmlOpen(_ depth: Int, _ name: String, _ attributes: [(String, String)]) {
        tagStart(depth, name, attributes)
        bytes.append(UInt8(ascii: ">"))
        bytes.append(0x0A)
    }

    mutating func xmlEmpty(_ depth: Int, _ name: String, _ attributes: [(String, String)]) {
        tagStart(depth, name, attributes)
        bytes.append(UInt8(ascii: "/"))
        bytes.append(UInt8(ascii: ">"))
        bytes.append(0x0A)
    }

    /// The indented `<name attr="…"` every tag begins with; the caller closes it.
    private mutating func tagStart(_ depth: Int, _ name: String, _ attributes: [(String, String)]) {
        spaces(2 * depth)
        bytes.append(UInt8(ascii: "<"))
        append(name)
        for (name, value) in attributes {
            bytes.append(0x20)
            append(name)
            bytes.append(UInt8(ascii: "="))
            bytes.append(UInt8(ascii: "\""))
            appendXMLEscaped(value)
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// `open`, the value escaped, `close`: a talk's element on its line, its indent and tags spelled out.
    @inline(__always)
    mutating func xmlField(_ open: StaticString, _ value: String, _ close: StaticString) {
        append(open)
        appendXMLEscaped(value)
        append(close)
    }

    mutating func appendXMLEscaped(_ value: String) {
        if value.utf8.withContiguousStorageIfAvailable({ XMLText.escape($0, into: &bytes) }) == nil {
            var value = value
            value.withUTF8 { XMLText.escape($0, into: &bytes) }
        }
    }
}

/// XML escaping, for `ExportOutput`'s XML lines.
enum XMLText {
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

    static func escape<Sink: JSONByteSink>(_ utf8: UnsafeBufferPointer<UInt8>, into result: inout Sink) {
        var index = 0
        var run = 0  // the start of bytes still to copy as they are
        let marks = ByteMarks.xml
        while index < utf8.count {
            // Sixteen bytes at a time past those with nothing to change (abstracts are long).
            index = marks.first(in: utf8, from: index)
            guard index < utf8.count else { break }
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

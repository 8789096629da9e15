/// frab/pretalx schedule.json, valid against the community JSON schema (voc/schedule,
/// validator/json/schema.json). Same sessions as schedule.xml, same omissions (`FrabScheduleBuilder`).
enum FrabJSONExporter {
    static func export(_ request: ExportRequest) -> ExportResult {
        var builder = FrabScheduleBuilder(request, formatName: "schedule.json")
        return export(builder.build())
    }

    static func export(_ built: FrabSchedule) -> ExportResult {
        var schedule = built
        var conference: [(String, JSONText)] = [
            ("acronym", .string(schedule.acronym)),
            ("title", .string(schedule.title)),
            ("start", .string(schedule.start.iso)),
            ("end", .string(schedule.end.iso)),
            ("daysCount", .int(schedule.days.count)),
            ("timeslot_duration", .string(twoDigits(schedule.timeslotMinutes / 60) + ":" + twoDigits(schedule.timeslotMinutes % 60))),
        ]
        if let zone = schedule.timeZoneName {
            // The schema's pattern accepts Area/City names and UTC only; offsets stay in every date.
            if isSchemaZoneName(zone) {
                conference.append(("time_zone_name", .string(zone)))
            } else {
                schedule.notes.add(general: "time zone \(zone) left out of time_zone_name: schedule.json accepts only Area/City names and UTC there; every date keeps its UTC offset")
            }
        }
        if let url = schedule.url { conference.append(("url", .string(url))) }
        conference.append(("tracks", .array(schedule.tracks.map { track in
            var fields: [(String, JSONText)] = [("name", .string(track.name))]
            if isSchemaSlug(track.slug) { fields.append(("slug", .string(track.slug))) }
            if let color = track.color { fields.append(("color", .string(color))) }
            return .object(fields)
        })))
        conference.append(("rooms", .array(schedule.rooms.map { .object([("name", .string($0.name)), ("guid", .string($0.guid))]) })))
        conference.append(("days", .array(schedule.days.map { day in
            .object([
                ("index", .int(day.index)),
                ("date", .string(day.date.iso)),
                ("day_start", .string(day.start)),
                ("day_end", .string(day.end)),
                ("rooms", .object(day.rooms.map { room in (room.name, .array(room.talks.map { talk($0, notes: &schedule.notes) })) })),
            ])
        })))
        let document = JSONText.object([
            ("$schema", .string("https://c3voc.de/schedule/schema.json")),
            ("generator", .object([("name", .string("confdash")), ("version", .string(schedule.generatorVersion))])),
            ("schedule", .object([("version", .string(schedule.version)), ("conference", .object(conference))])),
        ])
        var text = ""
        document.write(to: &text, depth: 0)
        text += "\n"
        return ExportResult(text: TerminalText.escapedJSON(text), notes: schedule.notes.lines.map { "json: " + $0 }, exportedSessions: schedule.exportedSessions)
    }

    private static func talk(_ talk: FrabSchedule.Talk, notes: inout NoteTally) -> JSONText {
        // `url` is required and must be a URI. With no web page stated, the session's own URN names
        // it: an identifier, not a made-up page.
        let url = talk.url ?? "urn:uuid:\(talk.guid)"
        if talk.url == nil {
            notes.add("with no web page", "each gets urn:uuid:<its guid> as url, since schedule.json requires a URI (it names the session; it is not a web page)",
                      session: talk.sessionID)
        }
        return .object([
            ("guid", .string(talk.guid)),
            ("id", .int(talk.id)),
            ("date", .string(talk.date)),
            ("start", .string(talk.start)),
            ("duration", .string(talk.duration)),
            ("end", .string(talk.end)),
            ("room", .string(talk.room)),
            ("slug", .string(talk.slug)),
            ("url", .string(url)),
            ("title", .string(talk.title)),
            ("subtitle", .null),
            ("track", talk.track.map(JSONText.string) ?? .null),
            ("type", .string(talk.type)),
            ("language", talk.language.map(JSONText.string) ?? .null),
            ("abstract", talk.abstract.map(JSONText.string) ?? .null),
            ("description", talk.description.map(JSONText.string) ?? .null),
            // pretalx's person shape (`name`), plus frab's `public_name` for older readers. No
            // numeric `id`: with it the person would match both of the schema's oneOf shapes.
            ("persons", .array(talk.persons.map {
                .object([("guid", .string($0.guid)), ("name", .string($0.name)), ("public_name", .string($0.name))])
            })),
            ("links", .array(talk.links.map { link in
                .object([("url", .string(link.url))] + (link.title.map { [("title", JSONText.string($0))] } ?? []))
            })),
        ])
    }

    /// `^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$`, as the schema's regex matches (unanchored alternation).
    static func isSchemaZoneName(_ name: String) -> Bool {
        if name.hasSuffix("UTC") { return true }
        let parts = name.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        func capitalisedWord(_ text: Substring) -> Bool {
            let bytes = Array(text.utf8)
            guard let first = bytes.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first), bytes.count >= 2,
                  (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[1]) else { return false }
            return true
        }
        // The first part must be a whole capitalised word; of the second only the start is matched.
        return capitalisedWord(parts[0]) && parts[0].utf8.dropFirst().allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
            && capitalisedWord(parts[1])
    }

    /// `^[a-z0-9_-]+[a-z0-9]$`.
    static func isSchemaSlug(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func alnum(_ b: UInt8) -> Bool { (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) }
        guard bytes.count >= 2, let last = bytes.last, alnum(last) else { return false }
        return bytes.allSatisfy { alnum($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }
}

/// A JSON value with its keys in the order written, pretty-printed with two-space indents, so the
/// file reads like the schedules frab publishes and the same data always gives the same bytes.
indirect enum JSONText {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONText])
    case object([(String, JSONText)])

    func write(to text: inout String, depth: Int) {
        switch self {
        case .string(let value): Self.quote(value, to: &text)
        case .int(let value): text += String(value)
        case .bool(let value): text += value ? "true" : "false"
        case .null: text += "null"
        case .array(let items):
            guard !items.isEmpty else { text += "[]"; return }
            text += "[\n"
            for (offset, item) in items.enumerated() {
                text += String(repeating: "  ", count: depth + 1)
                item.write(to: &text, depth: depth + 1)
                text += offset == items.count - 1 ? "\n" : ",\n"
            }
            text += String(repeating: "  ", count: depth) + "]"
        case .object(let fields):
            guard !fields.isEmpty else { text += "{}"; return }
            text += "{\n"
            for (offset, field) in fields.enumerated() {
                text += String(repeating: "  ", count: depth + 1)
                Self.quote(field.0, to: &text)
                text += ": "
                field.1.write(to: &text, depth: depth + 1)
                text += offset == fields.count - 1 ? "\n" : ",\n"
            }
            text += String(repeating: "  ", count: depth) + "}"
        }
    }

    /// RFC 8259 string: quote, backslash and control characters escaped; everything else as UTF-8.
    static func quote(_ value: String, to text: inout String) {
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            text += "\""
            text += value
            text += "\""
            return
        }
        let hex = Array("0123456789abcdef".utf8)
        var result: [UInt8] = [UInt8(ascii: "\"")]
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): result += [UInt8(ascii: "\\"), byte]
            case 0x0A: result += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: result += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: result += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20: result += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: result.append(byte)
            }
        }
        result.append(UInt8(ascii: "\""))
        text += String(decoding: result, as: UTF8.self)
    }
}

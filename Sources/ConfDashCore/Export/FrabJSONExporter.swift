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
        // Strings are escaped as they are written (`JSONQuoting`): nothing in them can act on a terminal.
        var bytes: [UInt8] = []
        document.write(to: &bytes, depth: 0)
        bytes.append(0x0A)
        return ExportResult(text: String(decoding: bytes, as: UTF8.self), notes: schedule.notes.lines.map { "json: " + $0 }, exportedSessions: schedule.exportedSessions)
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
        var bytes: [UInt8] = []
        write(to: &bytes, depth: depth)
        text += String(decoding: bytes, as: UTF8.self)
    }

    /// Written as UTF-8 bytes into one buffer: appending to a String piece by piece was most of
    /// exporting a large schedule as JSON.
    func write(to bytes: inout [UInt8], depth: Int) {
        switch self {
        case .string(let value): JSONQuoting.appendQuoted(value, to: &bytes)
        case .int(let value): Self.append(String(value), to: &bytes)
        case .bool(let value): Self.append(value ? "true" : "false", to: &bytes)
        case .null: Self.append("null", to: &bytes)
        case .array(let items):
            Self.writeMembers(items.count, open: "[", close: "]", depth: depth, to: &bytes) { index, bytes in
                items[index].write(to: &bytes, depth: depth + 1)
            }
        case .object(let fields):
            Self.writeMembers(fields.count, open: "{", close: "}", depth: depth, to: &bytes) { index, bytes in
                JSONQuoting.appendQuoted(fields[index].0, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                bytes.append(0x20)
                fields[index].1.write(to: &bytes, depth: depth + 1)
            }
        }
    }

    /// An array's or object's brackets around its members, one a line, indented one level deeper,
    /// with commas between them; `[]` or `{}` when there are none.
    private static func writeMembers(_ count: Int, open: Unicode.Scalar, close: Unicode.Scalar, depth: Int, to bytes: inout [UInt8],
                                     member: (Int, inout [UInt8]) -> Void) {
        bytes.append(UInt8(ascii: open))
        guard count > 0 else { bytes.append(UInt8(ascii: close)); return }
        bytes.append(0x0A)
        for index in 0..<count {
            indent(depth + 1, &bytes)
            member(index, &bytes)
            if index < count - 1 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(0x0A)
        }
        indent(depth, &bytes)
        bytes.append(UInt8(ascii: close))
    }

    private static func indent(_ depth: Int, _ bytes: inout [UInt8]) {
        for _ in 0..<(2 * depth) { bytes.append(0x20) }
    }

    private static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }
}

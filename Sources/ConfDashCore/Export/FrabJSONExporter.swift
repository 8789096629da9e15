/// frab/pretalx schedule.json, valid against the community JSON schema (voc/schedule,
/// validator/json/schema.json). Same sessions as schedule.xml, same omissions (`FrabScheduleBuilder`).
enum FrabJSONExporter {
    static func write(_ request: ExportRequest, to output: inout ExportOutput) -> ExportSummary {
        var builder = FrabScheduleBuilder(request, formatName: "schedule.json", concurrency: output.concurrency)
        return write(builder.build(concurrency: output.concurrency), to: &output)
    }

    static func write(_ built: FrabSchedule, to output: inout ExportOutput) -> ExportSummary {
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
        // Counted before anything is written, in the order the talks are written.
        for day in schedule.days {
            for room in day.rooms {
                for entry in room.entries where schedule.context.sessions[entry.item].session.links.isEmpty {
                    noteNoWebPage(schedule.context.sessions[entry.item].session.id, notes: &schedule.notes)
                }
            }
        }
        let context = schedule.context
        let talks = ExportItems(&output, sessions: schedule.exportedSessions, state: { FrabTalkWriter(context) }) {
            (writer, talk: (entry: FrabSchedule.Entry, room: String, depth: Int), out) in
            write(talk.entry, room: talk.room, talks: &writer, to: &out, depth: talk.depth)
        }
        // Each talk's object is made as it is written, and dropped after.
        conference.append(("days", .array(schedule.days.map { day in
            .object([
                ("index", .int(day.index)),
                ("date", .string(day.date.iso)),
                ("day_start", .string(day.start)),
                ("day_end", .string(day.end)),
                ("rooms", .object(day.rooms.map { room in
                    (room.name, .members(room.entries.count) { index, out, depth in
                        talks.add((room.entries[index], room.name, depth), to: &out)
                    })
                })),
            ])
        })))
        let document = JSONText.object([
            ("$schema", .string("https://c3voc.de/schedule/schema.json")),
            ("generator", .object([("name", .string("confdash")), ("version", .string(schedule.generatorVersion))])),
            ("schedule", .object([("version", .string(schedule.version)), ("conference", .object(conference))])),
        ])
        // Strings are escaped as they are written (`JSONQuoting`): nothing in them can act on a terminal.
        document.write(to: &output, depth: 0)
        talks.finish(&output)
        output.byte(0x0A)
        return ExportSummary(notes: schedule.notes.lines.map { "json: " + $0 }, exportedSessions: schedule.exportedSessions)
    }

    private static func noteNoWebPage(_ sessionID: String, notes: inout NoteTally) {
        notes.add("with no web page", "each gets urn:uuid:<its guid> as url, since schedule.json requires a URI (it names the session; it is not a web page)",
                  session: sessionID)
    }

    /// A talk's object, written straight into the output in the layout `JSONText` gives (no tree
    /// of values per talk: making and freeing one was most of the JSON export's own cost).
    private static func write(_ entry: FrabSchedule.Entry, room: String, talks: inout FrabTalkWriter, to out: inout ExportOutput,
                              depth: Int) {
        let item = talks.item(entry)
        let session = item.session
        // `url` is required and must be a URI. With no web page stated, the session's own URN names
        // it: an identifier, not a made-up page.
        var object = JSONMembersWriter.object(&out, depth: depth)
        object.key("guid", &out)
        let guidStart = out.bytes.count + 1
        out.byte(UInt8(ascii: "\"")); talks.guid(item, to: &out); out.byte(UInt8(ascii: "\""))
        object.key("id", &out); out.digits(talks.ordinal(item))
        object.key("date", &out); out.byte(UInt8(ascii: "\"")); talks.date(entry, item, to: &out); out.byte(UInt8(ascii: "\""))
        object.key("start", &out); out.byte(UInt8(ascii: "\"")); talks.startTime(item, to: &out); out.byte(UInt8(ascii: "\""))
        object.key("duration", &out); out.byte(UInt8(ascii: "\"")); talks.duration(item, to: &out); out.byte(UInt8(ascii: "\""))
        object.key("end", &out); out.byte(UInt8(ascii: "\"")); talks.end(entry, to: &out); out.byte(UInt8(ascii: "\""))
        object.string("room", room, &out)
        object.key("slug", &out)
        out.byte(UInt8(ascii: "\""))
        talks.slug(item) { JSONQuoting.appendEscaped($0, into: &out.bytes) }
        out.byte(UInt8(ascii: "\""))
        if let url = session.links.first?.url {
            object.string("url", url, &out)
        } else {
            object.key("url", &out); out.append("\"urn:uuid:")
            // The guid written above: a hexadecimal UUID, 36 bytes.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 36) { guid in
                for offset in 0..<36 { guid[offset] = out.bytes[guidStart + offset] }
                out.bytes.append(contentsOf: UnsafeBufferPointer(guid))
            }
            out.byte(UInt8(ascii: "\""))
        }
        object.string("title", talks.title(item), &out)
        object.string("subtitle", nil, &out)
        object.string("track", talks.track(item), &out)
        object.string("type", session.kind.rawValue, &out)
        object.string("language", session.language, &out)
        object.string("abstract", talks.abstract(item), &out)
        object.string("description", talks.description(item), &out)
        // pretalx's person shape (`name`), plus frab's `public_name` for older readers. No
        // numeric `id`: with it the person would match both of the schema's oneOf shapes.
        object.key("persons", &out)
        var persons = JSONMembersWriter.array(&out, depth: depth + 1)
        for link in session.people {
            let person = talks.person(link.person)
            let name = talks.personName(person)
            persons.next(&out)
            var fields = JSONMembersWriter.object(&out, depth: depth + 2)
            fields.key("guid", &out)
            out.byte(UInt8(ascii: "\"")); talks.personGUID(person, to: &out); out.byte(UInt8(ascii: "\""))
            fields.string("name", name, &out)
            fields.string("public_name", name, &out)
            fields.end(&out)
        }
        persons.end(&out)
        object.key("links", &out)
        var links = JSONMembersWriter.array(&out, depth: depth + 1)
        for link in session.links {
            links.next(&out)
            var fields = JSONMembersWriter.object(&out, depth: depth + 2)
            fields.string("url", link.url, &out)
            if let title = talks.linkTitle(link) { fields.string("title", title, &out) }
            fields.end(&out)
        }
        links.end(&out)
        object.end(&out)
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
    /// An array whose members are written one at a time by the closure (member, output, depth):
    /// an export's talks, so that no value for the whole array ever exists.
    case members(Int, (Int, inout ExportOutput, Int) -> Void)

    func write(to text: inout String, depth: Int) {
        var bytes: [UInt8] = []
        write(to: &bytes, depth: depth)
        text += String(decoding: bytes, as: UTF8.self)
    }

    func write(to bytes: inout [UInt8], depth: Int) {
        var output = ExportOutput()
        write(to: &output, depth: depth)
        output.bytes.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
    }

    /// Written as UTF-8 bytes into one buffer: appending to a String piece by piece was most of
    /// exporting a large schedule as JSON. The output may hand its bytes on after each member's line.
    func write(to output: inout ExportOutput, depth: Int) {
        switch self {
        case .string(let value): JSONQuoting.appendQuoted(value, into: &output.bytes)
        case .int(let value): output.digits(value)
        case .bool(let value): output.append(value ? "true" : "false")
        case .null: output.append("null")
        case .array(let items):
            Self.writeMembers(items.count, open: "[", close: "]", depth: depth, to: &output) { index, output in
                items[index].write(to: &output, depth: depth + 1)
            }
        case .members(let count, let member):
            Self.writeMembers(count, open: "[", close: "]", depth: depth, to: &output) { index, output in
                member(index, &output, depth + 1)
            }
        case .object(let fields):
            Self.writeMembers(fields.count, open: "{", close: "}", depth: depth, to: &output) { index, output in
                JSONQuoting.appendQuoted(fields[index].0, into: &output.bytes)
                output.byte(UInt8(ascii: ":"))
                output.byte(0x20)
                fields[index].1.write(to: &output, depth: depth + 1)
            }
        }
    }

    /// An array's or object's brackets around its members, one a line, indented one level deeper,
    /// with commas between them; `[]` or `{}` when there are none.
    private static func writeMembers(_ count: Int, open: Unicode.Scalar, close: Unicode.Scalar, depth: Int, to output: inout ExportOutput,
                                     member: (Int, inout ExportOutput) -> Void) {
        output.byte(UInt8(ascii: open))
        guard count > 0 else { output.byte(UInt8(ascii: close)); return }
        output.byte(0x0A)
        for index in 0..<count {
            output.spaces(2 * (depth + 1))
            member(index, &output)
            if index < count - 1 { output.byte(UInt8(ascii: ",")) }
            output.byte(0x0A)
            output.recordEnded()
        }
        output.spaces(2 * depth)
        output.byte(UInt8(ascii: close))
    }
}

/// An object or an array written member by member in `JSONText`'s layout: the opening bracket,
/// then each member on its own line one level deeper, commas between, and the closing bracket on a
/// line at the container's depth (`{}` or `[]` when empty).
struct JSONMembersWriter {
    let depth: Int
    private let close: UInt8
    private var count = 0

    private init(_ out: inout ExportOutput, depth: Int, open: UInt8, close: UInt8) {
        self.depth = depth
        self.close = close
        out.byte(open)
    }

    static func object(_ out: inout ExportOutput, depth: Int) -> JSONMembersWriter {
        JSONMembersWriter(&out, depth: depth, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))
    }

    static func array(_ out: inout ExportOutput, depth: Int) -> JSONMembersWriter {
        JSONMembersWriter(&out, depth: depth, open: UInt8(ascii: "["), close: UInt8(ascii: "]"))
    }

    /// Starts the next member on its own line; the caller writes it.
    mutating func next(_ out: inout ExportOutput) {
        if count > 0 { out.byte(UInt8(ascii: ",")) }
        count += 1
        out.newline(indent: 2 * (depth + 1))
    }

    /// An object's next member, `"name": `; the caller writes the value. Names are plain ASCII (no escaping).
    /// Written in one piece (`next`'s comma, line feed and indent, then the name in quotes): a
    /// schedule.json talk has seventeen of them.
    mutating func key(_ name: StaticString, _ out: inout ExportOutput) {
        let indent = 2 * (depth + 1)
        let length = name.utf8CodeUnitCount
        let comma = count > 0
        count += 1
        out.bytes.write(upTo: 2 + indent + length + 4) { at in
            var index = 0
            if comma { at[index] = UInt8(ascii: ","); index += 1 }
            at[index] = 0x0A; index += 1
            (at + index).initialize(repeating: 0x20, count: indent); index += indent
            at[index] = UInt8(ascii: "\""); index += 1
            (at + index).initialize(from: name.utf8Start, count: length); index += length
            at[index] = UInt8(ascii: "\""); at[index + 1] = UInt8(ascii: ":"); at[index + 2] = 0x20
            return index + 3
        }
    }

    /// A string member, or `null`.
    mutating func string(_ name: StaticString, _ value: String?, _ out: inout ExportOutput) {
        key(name, &out)
        if let value { JSONQuoting.appendQuoted(value, into: &out.bytes) } else { out.append("null") }
    }

    func end(_ out: inout ExportOutput) {
        if count > 0 { out.newline(indent: 2 * depth) }
        out.byte(close)
    }
}

/// Sessions of a schedule.json read while the file is parsed, so that the tree never holds them.
///
/// A schedule is mostly its sessions; as one tree of `JSONValue`s, 100,000 of them took six times
/// the file's size. `ScheduleJSONReader.sessionTap` reads each
/// `schedule.conference.days[…].rooms[…][…]` object into its `DraftSession` as soon as the
/// parser has it, exactly as `readDay` would (same path, same room), and the parser keeps only an
/// empty object at its position; `readDay` then takes the session back by that position.
final class TakenSessions {
    /// In file order, which is the order of their positions.
    private var positions: [JSONPosition] = []
    private var sessions: [DraftSession?] = []

    var isEmpty: Bool { positions.isEmpty }

    fileprivate func add(_ session: DraftSession, at position: JSONPosition) {
        positions.append(position)
        sessions.append(session)
    }

    /// The session read from the object at `position`, moved out; nil when none was.
    func take(at position: JSONPosition) -> DraftSession? {
        var low = 0, high = positions.count
        while low < high {
            let middle = (low + high) / 2
            let here = positions[middle]
            if here.line < position.line || (here.line == position.line && here.column < position.column) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        guard low < positions.count, positions[low] == position else { return nil }
        return sessions[low].take()
    }
}

extension ScheduleJSONReader {
    /// Where the v1 form's sessions are, from the root.
    private static let sessionPlace: [JSONTap.Step] = [.key("schedule"), .key("conference"), .key("days"), .anyIndex, .key("rooms"), .anyKey, .anyIndex]

    /// Reads every session object at `sessionPlace` into `taken` as the parser meets it: straight
    /// from the bytes (`readSession`) when it can, else from the object the parser built.
    static func sessionTap(into taken: TakenSessions) -> JSONTap {
        // The room's name and its sessions' path up to their number, made once per room.
        var lastRoom: (day: Int, key: String, name: String, prefix: String)?
        /// The session's path and room, as readDay names them: schedule.conference.days[day].rooms[…][number].
        func place(_ path: (Int) -> JSONScanner.PathComponent) -> (path: String, room: String)? {
            guard case let .index(day) = path(3), case let .key(room) = path(5), case let .index(number) = path(6) else { return nil }
            if lastRoom?.day != day || lastRoom?.key != room {
                let dayPath = ProblemPath.element("schedule.conference.days", day)
                lastRoom = (day, room, room.trimmingWhitespace, ProblemPath.member(dayPath + ".rooms", room))
            }
            return (ProblemPath.element(lastRoom!.prefix, number), lastRoom!.name)
        }
        return JSONTap(place: sessionPlace, read: { scanner in
            guard let (sessionPath, room) = place({ scanner.pathComponent($0) }) else { return false }
            let position = scanner.position
            guard let session = try? readSession(&scanner, path: sessionPath, room: room) else { return false }
            taken.add(session, at: position)
            return true
        }, take: { event, path in
            guard let (sessionPath, room) = place({ path[$0] }) else { return false }
            taken.add(readEvent(event, path: sessionPath, room: room), at: event.position)
            return true
        })
    }

    /// The session object at the cursor read straight from the bytes into its draft, as
    /// `readEvent` reads it from the tree: member names matched on their bytes, texts made once,
    /// nothing built for members it does not use. Throws (and the parser then reads the object
    /// itself) at anything it leaves to the parser: a mistake, nesting deeper than `nesting`.
    static func readSession(_ scanner: inout JSONScanner, path: String, room: String?) throws(JSONSyntaxError) -> DraftSession {
        var session = DraftSession(path: path, position: scanner.position, parentRoom: room)
        // For persons, links and attachments the first member of that name counts, as
        // `event["persons"]` would give it; links come before attachments whatever their order.
        var seen = (persons: false, links: false, attachments: false)
        var links: [ImportedLink] = [], attachments: [ImportedLink] = []
        try scanner.readMembers { scanner throws(JSONSyntaxError) in
            let meaning = try scanner.readMemberName(MemberNames.meaning(ofUTF8:))
            let position = scanner.position
            switch meaning {
            case .field(let field):
                if let text = try scanner.readText(depth: nesting) { session.fields.set(field, jsonText: text, position: position) }
            case .persons where !seen.persons:
                seen.persons = true
                try readPeople(&scanner, into: &session.persons)
            case .links where !seen.links:
                seen.links = true
                try readLinks(&scanner, into: &links)
            case .attachments where !seen.attachments:
                seen.attachments = true
                try readLinks(&scanner, into: &attachments)
            default:
                try scanner.skipValue(depth: nesting)
            }
        }
        links.append(contentsOf: attachments)
        session.links = links
        return session
    }

    /// How deep a session's values may nest for `readSession`; deeper, the parser reads the session.
    private static let nesting = 8

    /// A person as `readEvent` reads one: an object's first `public_name`, else its first `name`,
    /// with the first `guid`, else `code`, else `id`; or a bare string or number.
    private static func readPeople(_ scanner: inout JSONScanner, into persons: inout [ImportedPerson]) throws(JSONSyntaxError) {
        try readList(&scanner, bare: { persons.append(ImportedPerson(idHint: nil, name: $0)) }) { scanner throws(JSONSyntaxError) in
            var publicName = FirstText(), name = FirstText(), guid = FirstText(), code = FirstText(), id = FirstText()
            try scanner.readMembers { scanner throws(JSONSyntaxError) in
                let member = try scanner.readMemberName { name -> Int? in
                    switch (name.count, name.first) {
                    case (11, UInt8(ascii: "p")?) where ("public_name" as StaticString).utf8Equals(name): 0
                    case (4, UInt8(ascii: "n")?) where ("name" as StaticString).utf8Equals(name): 1
                    case (4, UInt8(ascii: "g")?) where ("guid" as StaticString).utf8Equals(name): 2
                    case (4, UInt8(ascii: "c")?) where ("code" as StaticString).utf8Equals(name): 3
                    case (2, UInt8(ascii: "i")?) where name[1] == UInt8(ascii: "d"): 4
                    default: nil
                    }
                }
                switch member {
                case 0: try publicName.read(&scanner)
                case 1: try name.read(&scanner)
                case 2: try guid.read(&scanner)
                case 3: try code.read(&scanner)
                case 4: try id.read(&scanner)
                default: try scanner.skipValue(depth: nesting)
                }
            }
            guard let chosen = publicName.text ?? name.text else { return }
            persons.append(ImportedPerson(idHint: guid.text ?? code.text ?? id.text, name: chosen))
        }
    }

    /// A link as `readEvent` reads one: an object's first `url`, else its first `href`, with its
    /// first `title`; or a bare string or number.
    private static func readLinks(_ scanner: inout JSONScanner, into links: inout [ImportedLink]) throws(JSONSyntaxError) {
        try readList(&scanner, bare: { links.append(ImportedLink(url: $0, title: nil)) }) { scanner throws(JSONSyntaxError) in
            var url = FirstText(), href = FirstText(), title = FirstText()
            try scanner.readMembers { scanner throws(JSONSyntaxError) in
                let member = try scanner.readMemberName { name -> Int? in
                    switch (name.count, name.first) {
                    case (3, UInt8(ascii: "u")?) where ("url" as StaticString).utf8Equals(name): 0
                    case (4, UInt8(ascii: "h")?) where ("href" as StaticString).utf8Equals(name): 1
                    case (5, UInt8(ascii: "t")?) where ("title" as StaticString).utf8Equals(name): 2
                    default: nil
                    }
                }
                switch member {
                case 0: try url.read(&scanner)
                case 1: try href.read(&scanner)
                case 2: try title.read(&scanner)
                default: try scanner.skipValue(depth: nesting)
                }
            }
            guard let chosen = url.text ?? href.text else { return }
            links.append(ImportedLink(url: chosen, title: title.text))
        }
    }

    /// The array at the cursor as `elements(_:)` gives it (anything else is passed over): each
    /// object element to `object` (the cursor at its `{`), each string or number to `bare`.
    private static func readList(_ scanner: inout JSONScanner, bare: (String) -> Void,
                                 object: (inout JSONScanner) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        guard scanner.peek == UInt8(ascii: "[") else { return try scanner.skipValue(depth: nesting) }
        try scanner.readElements { scanner throws(JSONSyntaxError) in
            if scanner.peek == UInt8(ascii: "{") {
                try object(&scanner)
            } else if let text = try scanner.readText(depth: nesting) {
                bare(text)
            }
        }
    }

    /// The first member of one name in an object, as `object[name]` gives it: a first member
    /// whose value is not text hides a later one.
    private struct FirstText {
        private(set) var text: String?
        private var seen = false

        /// Reads the value at the cursor, keeping its text if it is the first of its name.
        mutating func read(_ scanner: inout JSONScanner) throws(JSONSyntaxError) {
            guard !seen else { return try scanner.skipValue(depth: nesting) }
            seen = true
            text = try scanner.readText(depth: nesting)
        }
    }
}

extension StaticString {
    /// Whether `bytes` are this string's UTF-8.
    func utf8Equals(_ bytes: UnsafeRawBufferPointer) -> Bool {
        withUTF8Buffer { own in
            guard own.count == bytes.count else { return false }
            var index = 0
            while index < own.count, own[index] == bytes[index] { index += 1 }
            return index == own.count
        }
    }
}

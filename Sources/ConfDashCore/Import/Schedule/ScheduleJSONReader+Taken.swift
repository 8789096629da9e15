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
        func place(_ path: [JSONScanner.PathComponent]) -> (path: String, room: String)? {
            guard case let .index(day) = path[3], case let .key(room) = path[5], case let .index(number) = path[6] else { return nil }
            if lastRoom?.day != day || lastRoom?.key != room {
                let dayPath = ProblemPath.element("schedule.conference.days", day)
                lastRoom = (day, room, room.trimmingWhitespace, ProblemPath.member(dayPath + ".rooms", room))
            }
            return (ProblemPath.element(lastRoom!.prefix, number), lastRoom!.name)
        }
        return JSONTap(place: sessionPlace, read: { scanner, path in
            guard let (sessionPath, room) = place(path) else { return false }
            let position = scanner.position
            guard let session = try? readSession(&scanner, path: sessionPath, room: room) else { return false }
            taken.add(session, at: position)
            return true
        }, take: { event, path in
            guard let (sessionPath, room) = place(path) else { return false }
            taken.add(readEvent(event, path: sessionPath, room: room), at: event.position)
            return true
        })
    }

    /// The session object at the cursor read straight from the bytes into its draft, as
    /// `readEvent` reads it from the tree: member names matched on their bytes, texts made once,
    /// members it does not use passed over without being built. Throws (and the parser then
    /// reads the object itself) at anything it leaves to the parser: a mistake, deep nesting.
    static func readSession(_ scanner: inout JSONScanner, path: String, room: String?) throws(JSONSyntaxError) -> DraftSession {
        var session = DraftSession(path: path, position: scanner.position, parentRoom: room)
        var persons: JSONValue?, links: JSONValue?, attachments: JSONValue?
        scanner.advance() // {
        scanner.skipWhitespace()
        if scanner.peek == UInt8(ascii: "}") {
            scanner.advance()
            return session
        }
        // Persons and links are small trees read as in `readEvent`; anything inside a session
        // nested deeper than this is left to the parser.
        let depth = 8
        while true {
            scanner.skipWhitespace()
            guard scanner.peek == UInt8(ascii: "\"") else { throw JSONScanner.leftToParser }
            let meaning = try scanner.memberMeaning()
            scanner.skipWhitespace()
            guard scanner.peek == UInt8(ascii: ":") else { throw JSONScanner.leftToParser }
            scanner.advance()
            scanner.skipWhitespace()
            let position = scanner.position
            switch meaning {
            case .field(let field):
                let text: String?
                switch scanner.peek ?? 0 {
                case UInt8(ascii: "\""): text = try scanner.parseString()
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): text = try scanner.parseNumber()
                default:
                    // null, true, false, an array or an object: no text, as `text(_:)` says.
                    _ = try scanner.readNestedValue(build: false, depth: depth)
                    text = nil
                }
                if let text {
                    session.fields[field] = DraftValue(text: text, position: position, location: .jsonMember(of: path, field.name))
                }
            // The first member of each name counts, as `event["persons"]` would give it.
            case .persons: persons = try scanner.readNestedValue(build: persons == nil, depth: depth) ?? persons
            case .links: links = try scanner.readNestedValue(build: links == nil, depth: depth) ?? links
            case .attachments: attachments = try scanner.readNestedValue(build: attachments == nil, depth: depth) ?? attachments
            case .other: _ = try scanner.readNestedValue(build: false, depth: depth)
            }
            scanner.skipWhitespace()
            guard scanner.peek == UInt8(ascii: ",") else { break }
            scanner.advance()
        }
        guard scanner.peek == UInt8(ascii: "}") else { throw JSONScanner.leftToParser }
        scanner.advance()
        addPeopleAndLinks(persons: persons, links: links, attachments: attachments, to: &session)
        return session
    }
}

extension JSONScanner {
    /// What the member name at the cursor (its opening quote) means to the schedule reader,
    /// matched on its bytes; a name written with escapes is decoded first.
    mutating func memberMeaning() throws(JSONSyntaxError) -> MemberNames.Meaning {
        var decoded: [UInt8] = []
        let name = try scanString(decodingEscapesInto: &decoded)
        if name.escaped {
            return decoded.withUnsafeBufferPointer { MemberNames.meaning(ofUTF8: UnsafeRawBufferPointer($0)) }
        }
        return bytes.withUnsafeBytes { MemberNames.meaning(ofUTF8: UnsafeRawBufferPointer(rebasing: $0[name.start..<name.end])) }
    }
}

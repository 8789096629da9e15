/// Reads a schedule.xml as the scanner goes: each `/schedule/day/room/event` is filled into a
/// `DraftSession` straight from the bytes, with no element object for the event or anything in it,
/// and the rest of the document (the conference, days and rooms: a few hundred elements) is kept
/// as a tree for `ScheduleXMLReader.read`.
///
/// A schedule is mostly its events (38C3: 1,007 events of about twenty elements each; 100,000
/// sessions: two million elements), so this is where reading costs: an object, an attribute array
/// and a String per element was half of `validate` before. The draft is the one
/// `ScheduleXMLReader.readEvent` makes from the same event's elements; a test compares the two on
/// every fixture and on hostile variants.
struct ScheduleXMLHandler: XMLHandler {
    private(set) var tree = XMLTreeBuilder()
    /// The sessions read from each room's events, by the room's element, in file order.
    private var sessions: [ObjectIdentifier: [DraftSession]] = [:]

    /// The sessions read so far, by room, moved out (not copied, so they are let go room by room).
    mutating func takeEvents() -> ScheduleXMLReader.EventCollector {
        defer { sessions = [:] }
        return ScheduleXMLReader.EventCollector(sessions)
    }

    private var rootIsSchedule = false
    private var inDay = false
    private var dayNumber = 0
    private var roomNumber = 0
    private var eventNumber = 0
    private var room: (id: ObjectIdentifier, name: String?)?
    /// `/schedule/day[…]/room[…]/event`, made once per room: each event's path adds its number.
    private var eventPathPrefix = ""

    /// The event being read, while one is open.
    private var event: DraftSession?
    /// The event's open elements: the event itself first, then its child, grandchild, ….
    private var frames: [Frame] = []
    /// The character data of the event's open elements, one buffer for all (see `XMLTreeBuilder`).
    private var text: [UInt8] = []
    /// What each element name means inside an event, by the scanner's name number: worked out
    /// once per name rather than by comparing strings for every element.
    private var parts: [Part?] = []

    /// What an element inside an event is to the draft.
    private enum Part: Equatable {
        case field(DraftField)
        case persons, person
        /// `links` or `attachments`; `link` or `attachment`: either holds either.
        case links, link
        case other

        init(_ name: String) {
            switch name {
            case "persons": self = .persons
            case "person": self = .person
            case "links", "attachments": self = .links
            case "link", "attachment": self = .link
            default: self = DraftField(name: name).map { .field($0) } ?? .other
            }
        }
    }

    private struct Frame {
        var part: Part
        var position: JSONPosition
        var textStart: Int
        var hasChildren = false
        /// What the draft takes from this element's attributes: a person's guid (else id), a link's href.
        var attribute: String?
    }

    init() {}

    mutating func open(_ name: XMLName, attributes: [XMLAttribute], position: JSONPosition, depth: Int) {
        if event != nil {
            openInEvent(name, attributes: attributes, position: position)
            return
        }
        switch depth {
        case 1:
            rootIsSchedule = name.text == "schedule"
        case 2:
            inDay = rootIsSchedule && name.text == "day"
            if inDay { dayNumber += 1; roomNumber = 0 }
        case 3:
            guard inDay, name.text == "room" else { break }
            roomNumber += 1
            eventNumber = 0
            tree.open(name, attributes: attributes, position: position, depth: depth)
            let element = tree.openElement!
            room = (ObjectIdentifier(element), element.attribute("name")?.trimmingWhitespace)
            eventPathPrefix = "/schedule/day[\(dayNumber)]/room[\(roomNumber)]/event"
            return
        case 4:
            guard let room, name.text == "event" else { break }
            eventNumber += 1
            let path = ProblemPath.element(eventPathPrefix, eventNumber)
            // Made in place and its attributes set there: a local draft assigned to `event` was
            // copied (every field retained, then released), and the field list was an array
            // allocated per event (issue 13).
            event = DraftSession(path: path, position: position, parentRoom: room.name)
            for field in Self.eventAttributes {
                if let value = attributes.first(where: { $0.name == field.name })?.value {
                    event!.fields.set(field, text: value, position: position, attribute: true)
                }
            }
            // Emptied by the last event's close: refilled in place, not a new array per event.
            frames.removeAll(keepingCapacity: true)
            frames.append(Frame(part: .other, position: position, textStart: 0))
            text.removeAll(keepingCapacity: true)
            return
        default:
            break
        }
        tree.open(name, attributes: attributes, position: position, depth: depth)
    }

    /// The attributes of `<event>` the draft reads, in the order it reads them.
    private static let eventAttributes: [DraftField] = [.id, .guid, .code]

    private mutating func part(_ name: XMLName) -> Part {
        guard name.id >= 0 else { return Part(name.text) }
        if name.id >= parts.count { parts += Array(repeating: nil, count: name.id + 1 - parts.count) }
        if let known = parts[name.id] { return known }
        let part = Part(name.text)
        parts[name.id] = part
        return part
    }

    private mutating func openInEvent(_ name: XMLName, attributes: [XMLAttribute], position: JSONPosition) {
        frames[frames.count - 1].hasChildren = true
        var frame = Frame(part: part(name), position: position, textStart: text.count)
        if frames.count == 2 {
            switch (frames[1].part, frame.part) {
            case (.persons, .person):
                frame.attribute = attributes.first { $0.name == "guid" }?.value ?? attributes.first { $0.name == "id" }?.value
            case (.links, .link):
                frame.attribute = attributes.first { $0.name == "href" }?.value
            default:
                break
            }
        }
        frames.append(frame)
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if event != nil { text.append(contentsOf: bytes) } else { tree.text(bytes) }
    }

    mutating func close(depth: Int) {
        guard event != nil else {
            if depth == 2 { inDay = false }
            if depth == 3 { room = nil }
            tree.close(depth: depth)
            return
        }
        let frame = frames.removeLast()
        switch (frames.count, frame.part) {
        case (0, _):
            // Moved out, not copied (see `open`).
            sessions[room!.id, default: []].append(event.take()!)
        case (1, .field(let field)):
            event!.fields.set(field, text: elementText(frame), position: frame.position, attribute: false)
        case (2, .person) where frames[1].part == .persons:
            event!.persons.append(ImportedPerson(idHint: frame.attribute, name: elementText(frame)))
        case (2, .link) where frames[1].part == .links:
            guard let href = frame.attribute else { break }
            let title = elementText(frame).trimmingWhitespace
            event!.links.append(ImportedLink(url: href, title: title.isEmpty ? nil : title))
        default:
            break
        }
        text.removeLast(text.count - frame.textStart)
    }

    /// The element's own character data, as `XMLElement.text` has it: indentation between child
    /// elements is not content.
    private func elementText(_ frame: Frame) -> String {
        let bytes = text[frame.textStart...]
        if frame.hasChildren && bytes.allSatisfy(XMLReader.isSpace) { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Reading a large schedule.xml in two parts at once (`XMLSplitScan`): the second part starts
/// at a `<day` directly inside `<schedule>`, with the days before it counted from the bytes.
extension ScheduleXMLHandler: XMLSplitHandler {
    static var splitElement: StaticString { "day" }

    /// Between two children of `<schedule>` (no day, room or event open): the days read so far,
    /// which number the paths of the events to come.
    var splitMark: Int? {
        rootIsSchedule && !inDay && room == nil && event == nil ? dayNumber : nil
    }

    init?(continuingInside root: String, after days: Int) {
        guard root == "schedule" else { return nil }
        // The root's element stands for the first part's; only its children and text are kept (`join`).
        tree.keepsRootText = true
        open(XMLName(text: root, id: -1), attributes: [], position: JSONPosition(line: 0, column: 0), depth: 1)
        dayNumber = days
    }

    mutating func join(_ next: consuming ScheduleXMLHandler) {
        tree.adopt(next.tree)
        sessions.merge(next.sessions) { first, _ in first }
        close(depth: 1)
    }
}

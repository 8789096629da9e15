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
    private var text = TextBytes()
    /// What each element name means inside an event, by the scanner's name number: worked out
    /// once per name rather than by comparing strings for every element.
    private var parts: [Part?] = []
    /// The Strings of the fields whose values repeat, shared (see `RepeatedTexts`).
    private var repeated = RepeatedTexts()

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
            text.cut(to: 0)
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
        guard event != nil else { return tree.text(bytes) }
        // Only the text `close` reads is kept: the event's own (the indentation between its
        // fields), a `<persons>`'s or an unread element's was appended and cut again at every
        // close (issue 13).
        if readsText(frames.count - 1) { text.append(bytes) }
    }

    /// Whether `close` reads the text of the open element `frames[index]` (see its cases).
    @inline(__always)
    private func readsText(_ index: Int) -> Bool {
        switch index {
        case 1:
            if case .field = frames[1].part { return true }
            return false
        case 2:
            switch (frames[1].part, frames[2].part) {
            case (.persons, .person), (.links, .link): return true
            default: return false
            }
        default:
            return false
        }
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
            let value = field.repeats ? repeatedText(frame) : elementText(frame)
            event!.fields.set(field, text: value, position: frame.position, attribute: false)
        case (2, .person) where frames[1].part == .persons:
            event!.persons.append(ImportedPerson(idHint: frame.attribute, name: elementText(frame)))
        case (2, .link) where frames[1].part == .links:
            guard let href = frame.attribute else { break }
            let title = elementText(frame).trimmingWhitespace
            event!.links.append(ImportedLink(url: href, title: title.isEmpty ? nil : title))
        default:
            break
        }
        text.cut(to: frame.textStart)
    }

    /// The element's own character data, as `XMLElement.text` has it: indentation between child
    /// elements is not content.
    private func elementText(_ frame: Frame) -> String {
        let bytes = text.bytes(from: frame.textStart)
        if frame.hasChildren && bytes.allSatisfy(XMLReader.isSpace) { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `elementText`, for a field whose values repeat from session to session: the same String
    /// for the same bytes (see `RepeatedTexts`).
    private mutating func repeatedText(_ frame: Frame) -> String {
        guard !frame.hasChildren else { return elementText(frame) }
        return repeated.string(text.bytes(from: frame.textStart))
    }
}

extension DraftField {
    /// Fields whose values a schedule repeats from session to session (times, lengths, rooms,
    /// tracks, types, languages), whose Strings `ScheduleXMLHandler` shares.
    var repeats: Bool {
        switch self {
        case .date, .start, .end, .duration, .room, .type, .track, .language: return true
        default: return false
        }
    }
}

/// One String for each distinct short value of the repeated fields (see `DraftField.repeats`).
///
/// A schedule writes the same few hundred dates, times, durations, rooms, tracks, types and
/// languages over and over (100,000 sessions: ~800,000 such values); each was a String of its own,
/// validated as UTF-8 and most of the dates allocated (issue 13). Looked up by an FNV-1a hash of
/// the bytes in an open-addressed table; bounded in count and length, so hostile input can make
/// it no larger (past the bound values are made as before).
struct RepeatedTexts {
    private static var slotCount: Int { 4096 }
    /// At most half the slots are used, so a probe always ends at an empty one.
    private static var maximumCount: Int { 2048 }
    private static var maximumLength: Int { 64 }

    private var slots: [Int32] = []
    private var hashes: [UInt64] = []
    private var strings: [String] = []
    private var starts: [Int] = []
    private var bytes: [UInt8] = []

    mutating func string(_ text: UnsafeBufferPointer<UInt8>) -> String {
        guard text.count <= Self.maximumLength else { return String(decoding: text, as: UTF8.self) }
        let hash = Self.hash(text)
        if slots.isEmpty { slots = [Int32](repeating: -1, count: Self.slotCount) }
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & (Self.slotCount - 1)
        while true {
            let id = Int(slots[slot])
            if id < 0 { break }
            if hashes[id] == hash && spells(id, text) { return strings[id] }
            slot = (slot + 1) & (Self.slotCount - 1)
        }
        let string = String(decoding: text, as: UTF8.self)
        guard strings.count < Self.maximumCount else { return string }
        slots[slot] = Int32(strings.count)
        hashes.append(hash)
        strings.append(string)
        starts.append(bytes.count)
        bytes.append(contentsOf: text)
        return string
    }

    /// Hashed a word at a time (values are short: dates, times, names): eight bytes at a time,
    /// the last word overlapping the one before it; fewer than eight as two overlapping halves.
    @inline(__always)
    private static func hash(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = UInt64(text.count) &* 0x9E37_79B9_7F4A_7C15
        guard let base = text.baseAddress, !text.isEmpty else { return hash }
        let raw = UnsafeRawPointer(base), count = text.count
        if count >= 8 {
            var index = 0
            while index + 8 < count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                index += 8
            }
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
        } else {
            hash = (hash ^ shortWord(raw, count)) &* 0xFF51_AFD7_ED55_8CCD
        }
        return hash ^ (hash >> 32)
    }

    /// The bytes of a text of 1 to 7 bytes in one word (two overlapping loads: equal texts give
    /// equal words, and the length, hashed apart, tells texts of different lengths apart).
    @inline(__always)
    private static func shortWord(_ raw: UnsafeRawPointer, _ count: Int) -> UInt64 {
        if count >= 4 {
            return UInt64(raw.loadUnaligned(as: UInt32.self)) | UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32
        }
        let bytes = raw.assumingMemoryBound(to: UInt8.self)
        return UInt64(bytes[0]) | UInt64(bytes[count >> 1]) << 8 | UInt64(bytes[count - 1]) << 16
    }

    private func spells(_ id: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id], end = id + 1 < starts.count ? starts[id + 1] : bytes.count
        guard end - start == text.count else { return false }
        guard let textBase = text.baseAddress, !text.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { known in
            let a = UnsafeRawPointer(known.baseAddress! + start), b = UnsafeRawPointer(textBase), count = text.count
            if count < 8 { return Self.shortWord(a, count) == Self.shortWord(b, count) }
            var index = 0
            while index + 8 < count {
                if a.loadUnaligned(fromByteOffset: index, as: UInt64.self) != b.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
                    return false
                }
                index += 8
            }
            return a.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
    }
}

/// The character data of an event's open elements (`ScheduleXMLHandler.text`): appended, and cut
/// back as elements close, through a pointer. `[UInt8]`'s generic append and range removal were
/// ~150 instructions per element (issue 13). A class, so that it is freed once; the handler that
/// holds it is copied into the scanner and back, never used from two copies at once.
final class TextBytes {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init() {
        capacity = 1024
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity {
            let grown = max(count + bytes.count, capacity * 2)
            let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            moved.initialize(from: base, count: count)
            base.deallocate()
            base = moved
            capacity = grown
        }
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Drops the bytes from `newCount` on (none when there are not that many).
    func cut(to newCount: Int) {
        if newCount < count { count = max(0, newCount) }
    }

    /// The bytes from `start` on, valid until the next `append`.
    func bytes(from start: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + min(start, count), count: max(0, count - start))
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

/// The per-session half of `DatasetAssembler`: it builds each session and collects the rooms,
/// tracks and people the sessions name, each once, with ids of their own.
struct SessionAssembly {
    let log: ProblemLog
    let baseURL: String?

    private(set) var rooms: [Room] = []
    private(set) var tracks: [Track] = []
    private(set) var people: [Person] = []
    private var roomIDs: [String: String] = [:]
    /// The same ids by the name exactly as written, so most look-ups skip lower-casing.
    private var roomIDsAsWritten: [String: String] = [:]
    /// Tracks' ids by their names as written, each as a list of that one id, which every session
    /// with only that track (most sessions) shares, where each had an array of its own (64 bytes,
    /// issue 13: 6 MB at 100,000 sessions).
    private var trackListsAsWritten: [String: [String]] = [:]
    private var roomOrder: [String: Int] = [:]
    private var trackIDs: [String: String] = [:]
    /// People by the file's id for them, else by their name in lower case.
    private var personIDsByHint: [String: String] = [:]
    private var personIDsByName: [String: String] = [:]
    private var roomIDAllocator = IDAllocator()
    private var trackIDAllocator = IDAllocator()
    private var personIDAllocator = IDAllocator()
    private var sessionIDAllocator = IDAllocator()
    private var droppedLinks = 0
    private var firstDroppedLink: (String, JSONPosition?, String)?
    private var duplicateIDs = DuplicateIDReport()
    private var warnedLanguages: Set<String> = []
    /// A schedule has a few dozen distinct types for a thousand sessions.
    private var kinds: [String: Session.Kind] = [:]

    init(log: ProblemLog, baseURL: String?) {
        self.log = log
        self.baseURL = baseURL
    }

    /// Sort key: programme order within a day is by start time, then room (in the file's room order).
    struct Key: Comparable {
        // 24 bytes rather than four `Int`s' 32: one per session, all held until they are sorted
        // (issue 13). A day number (years 1 to 9999), a room's place and a session's order fit
        // 32 bits; `Int.max` ("none", last) becomes `Int32.max`, still last.
        var start: Int
        var day: Int32
        var room: Int32
        var order: Int32

        init(day: Int, start: Int, room: Int, order: Int) {
            self.start = start
            self.day = Int32(clamping: day)
            self.room = Int32(clamping: room)
            self.order = Int32(clamping: order)
        }

        static func < (a: Key, b: Key) -> Bool { (a.day, a.start, a.room, a.order) < (b.day, b.start, b.room, b.order) }
    }

    mutating func declare(tracks declared: [ImportedTrack], rooms declaredRooms: [String]) {
        for track in declared { _ = trackID(track.name, slug: track.slug, color: track.color, position: track.position) }
        for room in declaredRooms { _ = roomID(room) }
    }

    /// The entry's texts (subtitle, abstract, description…) as one abstract: each cleaned of
    /// markup, empty ones left out, each kept once, in order, a blank line between them.
    static func abstract(of entry: ImportedEntry) -> String { abstract(joining: abstractTexts(of: entry)) }

    /// `abstractTexts` joined, a blank line between them. Done by the thread that builds the
    /// session, so that the abstract is allocated there: a worker thread allocates in a malloc
    /// arena of its own, where each abstract kept would hold a page among the worker's freed
    /// temporaries (issue 13: 9 MB at 100,000 sessions of schedule.xml).
    static func abstract(joining texts: [String]) -> String {
        guard texts.count > 1 else { return texts.first ?? "" }
        // Made at its size and appended to: `joined(separator:)`, generic over sequences, was
        // 1,800 instructions an abstract (issue 13: 180 M at 100,000 sessions, on the one
        // thread that builds sessions).
        var length = 2 * (texts.count - 1)
        for text in texts { length += text.utf8.count }
        var joined = ""
        joined.reserveCapacity(length)
        for index in texts.indices {
            if index > 0 { joined += "\n\n" }
            joined += texts[index]
        }
        return joined
    }

    /// The texts of `abstract(of:)`: each cleaned of markup, empty ones left out, each kept once,
    /// in order. Depends on nothing but the entry, so entries can be worked out at once, on every core.
    static func abstractTexts(of entry: ImportedEntry) -> [String] {
        let texts = entry.texts.map(MarkupCleaner.clean).filter { !$0.isEmpty }
        // Texts are compared by their bytes: a Set<String> hashes each long abstract through
        // Unicode normalisation, which was an eighth of opening 38C3. Most sessions have one to
        // three texts (subtitle, abstract, description): those are compared with each other
        // (texts of different lengths differ at once) rather than hashed whole; a set only when a
        // hostile file lists many.
        if texts.count < 2 { return texts }
        if texts.count <= 4 {
            var kept: [ExactText] = []
            for text in texts.map(ExactText.init) where !kept.contains(text) { kept.append(text) }
            return kept.map(\.text)
        }
        var seenTexts: Set<ExactText> = []
        return texts.filter { seenTexts.insert(ExactText($0)).inserted }
    }

    /// `abstractTexts`: `abstractTexts(of: entry)`, when already worked out.
    mutating func session(for entry: ImportedEntry, order: Int, abstractTexts: [String]? = nil) -> (key: Key, session: Session) {
        // The line an id is first used at is kept for the warnings about sessions that reuse it;
        // not for a hint's renamed copy, which a later duplicate of the same hint never names.
        // The line read before: `entry` itself in the closure was copied whole (issue 13).
        let hasHint = entry.idHint != nil, line = entry.position?.line
        let (id, renamed) = sessionIDAllocator.claim(entry.idHint.map(Self.ownStorage), fallback: "session-\(order + 1)") { renamed in
            renamed && hasHint ? nil : line
        }
        if renamed, let hint = entry.idHint {
            duplicateIDs.add(hint: hint, firstLine: sessionIDAllocator.line(of: ImportIDs.slug(hint)), keptAs: id, path: entry.path, position: entry.position)
        }
        let title = entry.title.map { Self.ownStorage(MarkupCleaner.cleanLine($0)) } ?? ""
        if title.isEmpty {
            log.warning("the session has no title; it is shown as \"(untitled)\"", at: entry.path, entry.position)
        }
        let room = entry.room.map(MarkupCleaner.cleanLine).flatMap { $0.isEmpty ? nil : roomID($0) }
        let language = self.language(entry)
        // Joined here (see `abstract(joining:)`). One text is the entry's own string, or a cleaned
        // copy a worker thread may have made in its arena: either gets storage of its own.
        let abstract = Self.ownStorage(Self.abstract(joining: abstractTexts ?? Self.abstractTexts(of: entry)))
        var sessionTracks: [String] = []
        var seenTracks: Set<String> = []
        for name in entry.tracks.map(MarkupCleaner.cleanLine) where !name.isEmpty {
            let list = trackList(name, slug: nil, color: nil, position: entry.position), id = list[0]
            // A handful are compared in place; a set only for a hostile file's long lists.
            let isNew = entry.tracks.count <= 8 ? !sessionTracks.contains(id) : seenTracks.insert(id).inserted
            guard isNew else { continue }
            // The first track's shared list; a second track makes the session a list of its own.
            if sessionTracks.isEmpty { sessionTracks = list } else { sessionTracks.append(id) }
        }
        var speakers: [SessionPerson] = []
        // Made at its size: grown by appending, two or three speakers were two or three
        // allocations, and three took room for four (−2.5 M instructions on 10k schedule.xml).
        speakers.reserveCapacity(entry.people.count)
        var seenSpeakers: Set<String> = []
        for person in entry.people {
            guard let id = personID(person) else { continue }
            let isNew = entry.people.count <= 8 ? !speakers.contains { $0.person == id } : seenSpeakers.insert(id).inserted
            if isNew { speakers.append(SessionPerson(person: id, role: person.role)) }
        }
        let links = entry.links.compactMap { link(for: $0, entry) }
        // The model has English and French slots; a text in any other language goes in the English
        // one, which is what either language shows when its own slot is empty.
        let text = title.isEmpty ? LocalizedText(en: "(untitled)", fr: "(sans titre)")
            : language == "fr" ? LocalizedText(fr: title) : LocalizedText(en: title)
        let session = Session(
            id: id, kind: kind(entry.type), title: text, officialTitle: !title.isEmpty, day: entry.day,
            possibleDays: entry.day == nil ? entry.possibleDays : nil,
            start: entry.start, durationMinutes: entry.durationMinutes.flatMap { $0 > 0 ? $0 : nil }, room: room,
            language: language, abstract: abstract.isEmpty ? nil : language == "fr" ? LocalizedText(fr: abstract) : LocalizedText(en: abstract),
            tracks: sessionTracks, people: speakers, links: links, sources: DatasetAssembler.sources,
            uid: entry.uid.flatMap { $0.isEmpty ? nil : Self.ownStorage(Self.atMost200Characters($0)) })
        // Fields read into locals first: `entry` itself in a `??` closure is copied whole.
        let entryStart = entry.start, possibleFrom = entry.possibleDays?.from
        let day = (entry.day ?? entryStart?.date ?? possibleFrom)?.dayNumber ?? Int.max
        let start = entryStart.map { TimeZones.naiveSeconds($0) } ?? Int.min
        let roomPlace = room.flatMap { roomOrder[$0] } ?? Int.max
        return (Key(day: day, start: start, room: roomPlace, order: order), session)
    }

    /// `text` in a string storage of its own, allocated now, when it is stored out of line and
    /// shared (a string made for the session is kept as it is).
    ///
    /// What a session keeps from its entry (title, uid, id, an abstract that needed no cleaning)
    /// would otherwise keep the reader's allocations alive: one such string every kilobyte or so
    /// of the pages the reader used holds the whole page, so that the memory the reader freed
    /// could neither go back to the system nor be reused whole (issue 13: 10 MB at the end of
    /// opening a 100,000-session schedule.xml). The bytes are copied as they are (a string's
    /// storage grown to its own size while shared is a plain copy), not checked again.
    static func ownStorage(_ text: consuming String) -> String {
        var text = text
        // Small strings (up to 15 bytes) are stored in the String value itself, and have nothing to copy.
        text.reserveCapacity(text.utf8.count)
        return text
    }

    /// `text.prefix(200)`, without walking the characters of a text too short to be cut (every
    /// uid: 200 bytes are at most 200 characters).
    private static func atMost200Characters(_ text: String) -> String {
        text.utf8.count <= 200 ? text : String(text.prefix(200))
    }

    /// Lets go of what only building sessions needs, once the last is built: the session ids
    /// handed out (3 MB at 100,000), whose memory the sort of the sessions can then use.
    mutating func finishSessions() {
        sessionIDAllocator = IDAllocator()
    }

    /// One summary instead of a warning per link: real schedules carry many `file://` attachments.
    func reportSummaries() {
        duplicateIDs.report(to: log)
        guard let (url, position, path) = firstDroppedLink else { return }
        let more = droppedLinks > 1 ? " (and \(droppedLinks - 1) more)" : ""
        log.warning("links that are not web addresses are left out: \(quoted(url))\(more)", at: path, position)
    }

    // MARK: Records named by sessions

    private mutating func roomID(_ name: String) -> String {
        // Every session names its room: the name as written is looked up before it is lower-cased.
        if let id = roomIDsAsWritten[name] { return id }
        let id = lowerCasedRoomID(name)
        roomIDsAsWritten[name] = id
        return id
    }

    private mutating func lowerCasedRoomID(_ name: String) -> String {
        let key = name.lowercased()
        if let id = roomIDs[key] { return id }
        let id = roomIDAllocator.claim(name, fallback: "room-\(rooms.count + 1)").id
        roomIDs[key] = id
        roomOrder[id] = rooms.count
        rooms.append(Room(id: id, name: LocalizedText(en: name)))
        return id
    }

    private mutating func trackID(_ name: String, slug: String?, color: String?, position: JSONPosition?) -> String {
        trackList(name, slug: slug, color: color, position: position)[0]
    }

    /// `[trackID(…)]`, the one array every session with only this track shares.
    private mutating func trackList(_ name: String, slug: String?, color: String?, position: JSONPosition?) -> [String] {
        // As for rooms. A name seen before returns its id whatever slug or colour comes with it,
        // as the lower-cased look-up does.
        if let list = trackListsAsWritten[name] { return list }
        let list = [lowerCasedTrackID(name, slug: slug, color: color, position: position)]
        trackListsAsWritten[name] = list
        return list
    }

    private mutating func lowerCasedTrackID(_ name: String, slug: String?, color: String?, position: JSONPosition?) -> String {
        let key = name.lowercased()
        if let id = trackIDs[key] { return id }
        let id = trackIDAllocator.claim(slug ?? name, fallback: "track-\(tracks.count + 1)").id
        trackIDs[key] = id
        tracks.append(Track(id: id, name: LocalizedText(en: name), color: checkedColor(color, track: name, position)))
        return id
    }

    private func checkedColor(_ color: String?, track: String, _ position: JSONPosition?) -> String? {
        guard let color = color?.trimmingWhitespace, !color.isEmpty else { return nil }
        let bytes = Array(color.utf8)
        guard bytes.count == 7, bytes[0] == UInt8(ascii: "#"), bytes.dropFirst().allSatisfy({ $0.hexDigitValue != nil }) else {
            log.warning("track \(quoted(track)): colour \(quoted(color)) is not #RRGGBB; left out", at: "", position)
            return nil
        }
        return color.uppercased()
    }

    private mutating func personID(_ person: ImportedPerson) -> String? {
        let name = MarkupCleaner.cleanLine(person.name)
        guard !name.isEmpty else { return nil }
        // Two tables rather than one keyed "id:…" / "name:…": no key string is built per speaker.
        let hint = person.idHint
        let nameKey = hint == nil ? name.lowercased() : ""
        if let hint, let id = personIDsByHint[hint] { return id }
        if hint == nil, let id = personIDsByName[nameKey] { return id }
        // People are named by name in ids (readable); the file's id only tells people apart.
        let id = personIDAllocator.claim(name, fallback: "person-\(people.count + 1)").id
        if let hint { personIDsByHint[hint] = id } else { personIDsByName[nameKey] = id }
        people.append(Person(id: id, name: Self.ownStorage(name), sources: [DatasetAssembler.sourceID]))
        return id
    }

    // MARK: Values

    /// The model's two-letter code: `de`, and `de` also for pretalx's "de, en" (the first language)
    /// or `de-DE`. Anything else is left out with one warning per value.
    private mutating func language(_ entry: ImportedEntry) -> String? {
        guard let raw = entry.language?.trimmingWhitespace, !raw.isEmpty else { return nil }
        // Nearly every file writes the code itself ("en"): kept as it is, which is what the
        // lower-casing and letter prefix below would give.
        if raw.utf8.count == 2, raw.utf8.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }) { return raw }
        let code = raw.lowercased().prefix { $0.isLetter }
        if code.count == 2, code.utf8.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }) { return String(code) }
        if warnedLanguages.insert(raw).inserted {
            log.warning("language \(quoted(raw)) is not a two-letter ISO 639-1 code; left out", at: entry.path, entry.position)
        }
        return nil
    }

    private mutating func link(for link: ImportedLink, _ entry: ImportedEntry) -> Link? {
        guard let url = absolute(link.url) else {
            droppedLinks += 1
            if firstDroppedLink == nil { firstDroppedLink = (link.url, entry.position, entry.path) }
            return nil
        }
        let title = link.title.map(MarkupCleaner.cleanLine).flatMap { $0.isEmpty || $0 == url ? nil : LocalizedText(en: $0) }
        return Link(url: Self.ownStorage(url), title: title)
    }

    /// `url` when it is an http(s) address, resolved against the schedule's base when it is a
    /// path (`/system/attachments/…`); nil otherwise.
    func absolute(_ url: String) -> String? {
        var url = url.trimmingWhitespace
        let hasSpace = url.withUTF8 { bytes in bytes.contains { $0 <= 0x20 } }
        if url.hasPrefix("https://") || url.hasPrefix("http://") {
            return hasSpace || url.hasSuffix("://") ? nil : url
        }
        guard url.hasPrefix("/"), !url.hasPrefix("//"), !hasSpace, let base = baseURL,
              base.hasPrefix("https://") || base.hasPrefix("http://") else { return nil }
        // Scheme and host of the base: everything up to the first "/" after "://". The base
        // starts with its scheme (checked above), so "://" ends at the 7th or 8th character:
        // counted rather than searched for with Foundation's `range(of:)`.
        let afterScheme = base.index(base.startIndex, offsetBy: base.hasPrefix("https://") ? 8 : 7)
        let host = base[afterScheme...].firstIndex(of: "/") ?? base.endIndex
        return String(base[..<host]) + url
    }

    private mutating func kind(_ type: String?) -> Session.Kind {
        guard let type else { return .other }
        if let known = kinds[type] { return known }
        let kind = Self.kind(type)
        kinds[type] = kind
        return kind
    }

    /// What the file calls the item, mapped onto confdash's kinds; anything unclear is `other`.
    static func kind(_ type: String) -> Session.Kind {
        let type = type.lowercased()
        let rules: [(String, Session.Kind)] = [
            ("keynote", .keynote), ("panel", .panel), ("podium", .panel), ("workshop", .workshopSession),
            ("ceremony", .ceremony), ("closing", .closing), ("talk", .talk), ("lecture", .talk), ("vortrag", .talk),
            ("presentation", .talk),
        ]
        return rules.first { type.contains($0.0) }?.1 ?? .other
    }
}

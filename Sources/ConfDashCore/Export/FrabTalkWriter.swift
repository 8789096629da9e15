/// Writes one talk of a `FrabSchedule` straight into an export's output, for schedule.xml and
/// schedule.json: the values come from the session as they are written (dates as digits, the
/// guid's SHA-1 on the stack, the slug in pieces), with no String per field and no record per talk.
///
/// Both formats write the same values; only the markup around them differs. `talk(_:room:)`
/// gives the same values as Strings, for tests.
struct FrabTalkWriter {
    let context: ExportContext
    /// The acronym of the event last asked (sessions come event by event).
    private var acronymEvent = ""
    private var acronymBytes: [UInt8] = []
    /// `ExportContext.ordinals`, read once (each worker has its writer).
    private let ordinals: SessionOrdinalTable?
    /// The people this writer has met, by id: a number each, and by number their names and
    /// guids (36 bytes each, one after the other). At 100,000 sessions a person speaks in some
    /// twenty-five talks: the guid's SHA-1 (~2,600 instructions) and the look-up of the name
    /// are done once per person and worker, and a talk's person costs one look-up.
    private var personNumbers: [String: Int] = [:]
    private var personNames: [String] = []
    private var personGUIDs: [UInt8] = []

    init(_ context: ExportContext) {
        self.context = context
        ordinals = context.ordinals?.table
    }

    /// frab's numeric `id` (`ExportContext.ordinal(of:)`).
    func ordinal(_ item: ExportSession) -> Int { ordinals?[item.session.id] ?? 0 }

    func item(_ entry: FrabSchedule.Entry) -> ExportSession { context.sessions[entry.item] }

    /// Where a talk's start and end come from.
    static func start(_ item: ExportSession) -> (start: LocalDateTime, duration: Int) {
        guard case .clock(let start, let duration?, _) = item.timing else { preconditionFailure("a scheduled talk has a start and a duration") }
        return (start, duration)
    }

    // MARK: Values, written as bytes

    /// The guid, `StableID.guid(session:event:)`.
    func guid(_ item: ExportSession, to out: inout ExportOutput) {
        StableID.appendGUID(session: item.session.id, event: item.event.id, to: &out.bytes)
    }

    /// `date`: `2024-12-27T10:30:00+01:00`.
    func date(_ entry: FrabSchedule.Entry, _ item: ExportSession, to out: inout ExportOutput) {
        out.isoWithOffset(Self.start(item).start, offset: entry.startOffset)
    }

    /// `start`: `10:30`.
    func startTime(_ item: ExportSession, to out: inout ExportOutput) { out.time(Self.start(item).start.time) }

    /// `duration` (`FrabScheduleBuilder.durationText`).
    func duration(_ item: ExportSession, to out: inout ExportOutput) {
        let minutes = Self.start(item).duration
        if minutes >= 100 * 60 {
            out.digits(minutes / 1440); out.byte(UInt8(ascii: ":")); out.digits(minutes % 1440 / 60, 2)
        } else {
            out.digits(minutes / 60, 2)
        }
        out.byte(UInt8(ascii: ":")); out.digits(minutes % 60, 2)
    }

    /// `end`: the wall clock at the end instant, with the offset then in force.
    func end(_ entry: FrabSchedule.Entry, to out: inout ExportOutput) {
        out.isoWithOffset(entry.endLocal, offset: entry.endOffset)
    }

    /// The slug (`FrabScheduleBuilder.slug`) in its pieces, each handed to `escaped` (the
    /// format's escaping; a piece never splits a character, so escaping the pieces gives the bytes
    /// of escaping the whole).
    mutating func slug(_ item: ExportSession, _ escaped: (UnsafeBufferPointer<UInt8>) -> Void) {
        if acronymEvent != item.event.id {
            acronymEvent = item.event.id
            acronymBytes = Array(StableID.acronym(event: item.event.id).utf8)
        }
        acronymBytes.withUnsafeBufferPointer(escaped)
        let id = item.session.id
        if id.hasSuffix("-") {
            var tail = "-session-\(ordinal(item))"
            tail.withUTF8(escaped)
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 5) { pad in
            var count = 0
            pad[count] = UInt8(ascii: "-"); count += 1
            for _ in 0..<max(0, 4 - id.utf8.count) { pad[count] = UInt8(ascii: "_"); count += 1 }
            escaped(UnsafeBufferPointer(rebasing: pad[0..<count]))
        }
        var text = id
        text.withUTF8(escaped)
    }

    func title(_ item: ExportSession) -> String { context.title(item) }
    func track(_ item: ExportSession) -> String? {
        item.session.tracks.first.map { context.text(context.index.tracksByID[$0]?.name) ?? $0 }
    }
    func abstract(_ item: ExportSession) -> String? { context.text(item.session.abstract) }
    func description(_ item: ExportSession) -> String? { context.text(item.session.description) }
    func linkTitle(_ link: Link) -> String? { context.text(link.title) }

    /// A person's name.
    func personName(_ id: String) -> String { context.personName(id) }

    /// A person's guid (`StableID.personGUID`), hexadecimal and hyphens: the same escaped in
    /// XML and JSON.
    func personGUID(_ id: String, to out: inout ExportOutput) { StableID.appendPersonGUID(person: id, to: &out.bytes) }

    /// The person `id`'s number in this writer (`personName(_:)`, `personGUID(_:to:)`).
    mutating func person(_ id: String) -> Int {
        if let known = personNumbers[id] { return known }
        let number = personNames.count
        personNames.append(context.personName(id))
        StableID.appendPersonGUID(person: id, to: &personGUIDs)
        precondition(personGUIDs.count == 36 * (number + 1), "a guid is 36 bytes")
        personNumbers[id] = number
        return number
    }

    /// The name of the person numbered `person`.
    func personName(_ person: Int) -> String { personNames[person] }

    /// The guid of the person numbered `person`, as `personGUID(_:to:)` writes it.
    func personGUID(_ person: Int, to out: inout ExportOutput) {
        personGUIDs.withUnsafeBufferPointer { out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[36 * person..<36 * (person + 1)])) }
    }

    // MARK: As text

    /// The talk's values as Strings (`FrabSchedule.talks`).
    mutating func talk(_ entry: FrabSchedule.Entry, room: String) -> FrabSchedule.Talk {
        let item = item(entry)
        func text(_ write: (inout ExportOutput) -> Void) -> String {
            var out = ExportOutput()
            write(&out)
            return out.text
        }
        var slugBytes: [UInt8] = []
        slug(item) { slugBytes.append(contentsOf: $0) }
        let session = item.session
        return FrabSchedule.Talk(
            sessionID: session.id, id: ordinal(item), guid: text { guid(item, to: &$0) }, date: text { date(entry, item, to: &$0) },
            start: text { startTime(item, to: &$0) }, duration: text { duration(item, to: &$0) }, end: text { end(entry, to: &$0) },
            room: room, title: title(item), type: session.kind.rawValue, track: track(item), language: session.language,
            abstract: abstract(item), description: description(item), slug: String(decoding: slugBytes, as: UTF8.self),
            url: session.links.first?.url,
            persons: session.people.map { link in
                let number = person(link.person)
                return FrabSchedule.Person(name: personName(number), guid: text { personGUID(number, to: &$0) })
            },
            links: session.links.map { FrabSchedule.Link(url: $0.url, title: linkTitle($0)) })
    }
}

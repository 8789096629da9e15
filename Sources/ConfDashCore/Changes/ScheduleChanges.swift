import Foundation

/// What changed between two versions of a schedule, session by session.
///
/// Sessions are followed from one version to the next by their lasting identifier
/// (`Session.uid`: frab/pretalx `guid`, iCalendar `UID`), then by event and id, then by title
/// and start — the way EventFahrplan and Giggity follow frab schedules, whose numeric ids are
/// sometimes renumbered while the guids stay. A later step never pairs two sessions that both
/// carry a uid: different uids are different sessions.
///
/// Pure and linear in the number of sessions (hash lookups only).
public struct ScheduleChanges: Sendable, Equatable {
    /// The schedules' own version labels (frab `<version>`), as written; compared as text.
    public var fromVersion: String?
    public var toVersion: String?
    /// In display order: new, moved, changed, cancelled; within each, programme order.
    public var changes: [SessionChange]

    public init(fromVersion: String? = nil, toVersion: String? = nil, changes: [SessionChange] = []) {
        self.fromVersion = fromVersion
        self.toVersion = toVersion
        self.changes = changes
    }

    public var isEmpty: Bool { changes.isEmpty }

    public func count(_ kind: SessionChange.Kind) -> Int { changes.reduce(0) { $0 + ($1.kind == kind ? 1 : 0) } }

    /// The mark for each session of the newer version that is new, moved or cancelled (a session
    /// marked cancelled in the file), by "event id/session id".
    public var marks: [String: SessionChange.Kind] {
        var marks: [String: SessionChange.Kind] = [:]
        for change in changes where change.isInNewVersion {
            marks[SessionChange.key(event: change.eventID, session: change.sessionID)] = change.kind
        }
        return marks
    }

    /// Compares `old` with `new`.
    public static func between(_ old: Dataset, _ new: Dataset) -> ScheduleChanges {
        ChangeDetector(old: old, new: new).detect()
    }
}

public struct SessionChange: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable, Encodable {
        case new, moved, changed, cancelled
    }
    /// What moved or changed.
    public enum Aspect: String, Sendable, CaseIterable, Encodable {
        case day, time, room, title, speakers, abstract
    }
    public struct Detail: Sendable, Equatable {
        public var aspect: Aspect
        /// As shown to the user: `2024-12-27`, `11:00`, a room's name, a title, "A, B". Nil when
        /// there was none (no room before) or when the text is too long to be useful (abstracts).
        public var from: String?
        public var to: String?

        public init(aspect: Aspect, from: String?, to: String?) { self.aspect = aspect; self.from = from; self.to = to }
    }

    public var kind: Kind
    /// The session in the newer version, or in the older one when it is gone.
    public var eventID: String
    public var sessionID: String
    public var title: LocalizedText
    /// When and where it is (in the newer version; the older one for a session that is gone).
    public var day: CalendarDate?
    public var start: LocalDateTime?
    public var room: String?
    /// For `cancelled`: true when the newer file still lists it but marks it cancelled, false when it is gone.
    public var markedCancelled: Bool
    /// For `moved` and `changed` (a moved session may also be retitled: both are listed).
    public var details: [Detail]

    public init(kind: Kind, eventID: String, sessionID: String, title: LocalizedText, day: CalendarDate? = nil,
                start: LocalDateTime? = nil, room: String? = nil, markedCancelled: Bool = false, details: [Detail] = []) {
        self.kind = kind; self.eventID = eventID; self.sessionID = sessionID; self.title = title; self.day = day
        self.start = start; self.room = room; self.markedCancelled = markedCancelled; self.details = details
    }

    /// Whether the session is in the newer version (all but a cancelled session that is gone).
    public var isInNewVersion: Bool { !(kind == .cancelled && !markedCancelled) }

    public static func key(event: String, session: String) -> String { event + "/" + session }

    /// Whether a title says the session is cancelled ("CANCELLED: …", "[abgesagt] …", "Annulé – …"):
    /// frab has no status field, so organisers write it into the title.
    public static func titleSaysCancelled(_ title: String) -> Bool {
        // Most titles hold none of the words' stems: skip the (costlier) accent folding for them.
        guard ["cancel", "abgesagt", "entf", "annul"].contains(where: { containsASCIIIgnoringCase(title, $0) }) else { return false }
        let folded = title.searchFolded
        for word in ["cancelled", "canceled", "abgesagt", "entfallt", "annule", "cancelado", "annullato"] {
            guard let range = folded.range(of: word) else { continue }
            // A whole word, not "uncancelled" or "cancellederived".
            let before = range.lowerBound == folded.startIndex ? nil : folded[folded.index(before: range.lowerBound)]
            let after = range.upperBound == folded.endIndex ? nil : folded[range.upperBound]
            if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) { return true }
        }
        return false
    }
}

/// Whether `text` holds `word` (lower-case ASCII) in any case; a byte scan, no allocation.
private func containsASCIIIgnoringCase(_ text: String, _ word: StaticString) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
        let count = word.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let pattern = UnsafeBufferPointer(start: word.utf8Start, count: count)
        for start in 0...(bytes.count - count) {
            var index = 0
            while index < count {
                var byte = bytes[start + index]
                if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                if byte != pattern[index] { break }
                index += 1
            }
            if index == count { return true }
        }
        return false
    }
}

/// One comparison. Sessions are addressed by (event index, session index) in their dataset.
private struct ChangeDetector {
    struct Ref: Hashable { var event: Int; var session: Int }

    let old: Dataset
    let new: Dataset
    /// Names by id, looked up once: a schedule has hundreds of speakers and rooms.
    private let oldNames: Names
    private let newNames: Names

    struct Names {
        var people: [String: String] = [:]
        var rooms: [[String: String]] = []

        init(_ dataset: Dataset) {
            for person in dataset.people where people[person.id] == nil { people[person.id] = person.name }
            rooms = dataset.events.map { event in
                var names: [String: String] = [:]
                for room in event.rooms where names[room.id] == nil { names[room.id] = room.name.text(in: .en) }
                return names
            }
        }
    }

    init(old: Dataset, new: Dataset) {
        self.old = old
        self.new = new
        oldNames = Names(old)
        newNames = Names(new)
    }

    /// Which version a `Ref` points into.
    enum Side { case old, new }

    private func dataset(_ side: Side) -> Dataset { side == .old ? old : new }
    private func names(_ side: Side) -> Names { side == .old ? oldNames : newNames }

    func detect() -> ScheduleChanges {
        let oldRefs = refs(old), newRefs = refs(new)
        var pairs: [(old: Ref, new: Ref)] = []
        var unmatchedOld = Set(oldRefs), unmatchedNew = Set(newRefs)

        func match(_ key: (Side, Ref) -> String?, onlyWithoutUIDs: Bool) {
            var byKey: [String: Ref] = [:]
            for ref in newRefs where unmatchedNew.contains(ref) {
                if let key = key(.new, ref), byKey[key] == nil { byKey[key] = ref }
            }
            for ref in oldRefs where unmatchedOld.contains(ref) {
                guard let key = key(.old, ref), let partner = byKey[key], unmatchedNew.contains(partner) else { continue }
                if onlyWithoutUIDs && session(.old, ref).uid != nil && session(.new, partner).uid != nil { continue }
                pairs.append((ref, partner))
                unmatchedOld.remove(ref)
                unmatchedNew.remove(partner)
            }
        }
        match({ side, ref in session(side, ref).uid }, onlyWithoutUIDs: false)
        match({ side, ref in dataset(side).events[ref.event].id + "/" + session(side, ref).id }, onlyWithoutUIDs: true)
        match({ side, ref in titleAndStart(side, ref) }, onlyWithoutUIDs: true)

        var changes: [SessionChange] = []
        for ref in newRefs where unmatchedNew.contains(ref) {
            let marked = SessionChange.titleSaysCancelled(session(.new, ref).title.text(in: .en))
            changes.append(change(marked ? .cancelled : .new, .new, ref, markedCancelled: marked))
        }
        for ref in oldRefs where unmatchedOld.contains(ref) {
            changes.append(change(.cancelled, .old, ref))
        }
        for (oldRef, newRef) in pairs {
            if let change = compare(oldRef, newRef) { changes.append(change) }
        }
        let order: [SessionChange.Kind: Int] = [.new: 0, .moved: 1, .changed: 2, .cancelled: 3]
        changes.sort { a, b in
            let keyA = (order[a.kind]!, a.day?.dayNumber ?? Int.max, a.start.map(TimeZones.naiveSeconds) ?? Int.max)
            let keyB = (order[b.kind]!, b.day?.dayNumber ?? Int.max, b.start.map(TimeZones.naiveSeconds) ?? Int.max)
            if keyA != keyB { return keyA < keyB }
            return (a.room ?? "", a.sessionID) < (b.room ?? "", b.sessionID)
        }
        return ScheduleChanges(fromVersion: old.events.first?.scheduleVersion, toVersion: new.events.first?.scheduleVersion,
                               changes: changes)
    }

    private func refs(_ dataset: Dataset) -> [Ref] {
        dataset.events.indices.flatMap { event in dataset.events[event].sessions.indices.map { Ref(event: event, session: $0) } }
    }

    private func session(_ side: Side, _ ref: Ref) -> Session { dataset(side).events[ref.event].sessions[ref.session] }

    private func titleAndStart(_ side: Side, _ ref: Ref) -> String? {
        let session = session(side, ref)
        let when = session.start?.description ?? session.day?.iso ?? ""
        return session.title.text(in: .en).searchFolded + "\u{1F}" + when
    }

    private func change(_ kind: SessionChange.Kind, _ side: Side, _ ref: Ref, markedCancelled: Bool = false,
                        details: [SessionChange.Detail] = []) -> SessionChange {
        let session = session(side, ref)
        return SessionChange(kind: kind, eventID: dataset(side).events[ref.event].id, sessionID: session.id, title: session.title,
                             day: day(session), start: session.start, room: roomName(side, ref), markedCancelled: markedCancelled,
                             details: details)
    }

    private func compare(_ oldRef: Ref, _ newRef: Ref) -> SessionChange? {
        let before = session(.old, oldRef), after = session(.new, newRef)
        typealias Detail = SessionChange.Detail
        var moves: [Detail] = []
        var edits: [Detail] = []
        // Raw values are compared first; text is made only for what differs (most sessions do not).
        if day(before) != day(after) || before.possibleDays != after.possibleDays {
            moves.append(Detail(aspect: .day, from: dayText(before), to: dayText(after)))
        }
        if before.start?.time != after.start?.time || before.durationMinutes != after.durationMinutes
            || (before.start == nil && before.partOfDay != after.partOfDay) {
            let from = time(before), to = time(after)
            if from != to { moves.append(Detail(aspect: .time, from: from, to: to)) }
        }
        let oldRoom = roomName(.old, oldRef), newRoom = roomName(.new, newRef)
        if !Self.same(oldRoom, newRoom) { moves.append(Detail(aspect: .room, from: oldRoom, to: newRoom)) }
        let oldTitle = before.title.text(in: .en), newTitle = after.title.text(in: .en)
        if !Self.same(oldTitle, newTitle) { edits.append(Detail(aspect: .title, from: oldTitle, to: newTitle)) }
        if before.people.map(\.person) != after.people.map(\.person) {
            let from = speakers(.old, before), to = speakers(.new, after)
            if !Self.same(from, to) { edits.append(Detail(aspect: .speakers, from: from, to: to)) }
        }
        if !Self.same(before.abstract?.en, after.abstract?.en) || !Self.same(before.abstract?.fr, after.abstract?.fr) {
            edits.append(Detail(aspect: .abstract, from: nil, to: nil))
        }

        if SessionChange.titleSaysCancelled(newTitle) && !SessionChange.titleSaysCancelled(oldTitle) {
            return change(.cancelled, .new, newRef, markedCancelled: true, details: moves + edits)
        }
        if !moves.isEmpty { return change(.moved, .new, newRef, details: moves + edits) }
        if !edits.isEmpty { return change(.changed, .new, newRef, details: edits) }
        return nil
    }

    /// Byte-for-byte equality: String's `==` compares by canonical equivalence, which is slow
    /// on long non-ASCII texts (a schedule's abstracts) and a change of form is a change anyway.
    private static func same(_ a: String?, _ b: String?) -> Bool {
        guard var a, var b else { return a == nil && b == nil }
        return a.withUTF8 { x in
            b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
    }

    private func dayText(_ session: Session) -> String? { day(session)?.iso ?? session.possibleDays.map(rangeText) }

    private func day(_ session: Session) -> CalendarDate? { session.day ?? session.start?.date }

    private func rangeText(_ range: DateRange) -> String { "\(range.from.iso)/\(range.to.iso)" }

    private func time(_ session: Session) -> String? {
        guard let start = session.start else { return session.partOfDay?.rawValue }
        let end = session.end.map { "–\($0.time)" } ?? ""
        return "\(start.time)\(end)"
    }

    private func roomName(_ side: Side, _ ref: Ref) -> String? {
        guard let room = session(side, ref).room else { return nil }
        return names(side).rooms[ref.event][room] ?? room
    }

    private func speakers(_ side: Side, _ session: Session) -> String? {
        let people = names(side).people
        let list = session.people.map { people[$0.person] ?? $0.person }
        return list.isEmpty ? nil : list.joined(separator: ", ")
    }
}

import ConfDashCore
import Foundation
import Testing

/// Change detection over the real 38C3 schedule with scripted edits: exactly those changes come out.
@Suite struct RealScheduleChangesTests {
    static let bioterrorismGUID = "78910469-adfa-5c79-8529-1a9d66ef9e6a"
    static let openingGUID = "270fa44c-821a-577f-8ca3-33e8d4a8c2a7"
    static let thuringGUID = "9cedf158-d649-54dc-bbe6-f4c46ad175be"

    /// The 38C3 file, and a later version of it: one session moved, one removed, one added, one
    /// retitled, every id renumbered (guids kept) and a new `<version>`.
    /// Imported once for all tests: a debug build takes seconds over 2 MB of XML.
    nonisolated(unsafe) static var loaded: (old: Dataset, new: Dataset, newText: String)??
    static let lock = NSLock()

    static func versions() throws -> (old: Dataset, new: Dataset, newText: String)? {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        let result = try makeVersions()
        loaded = .some(result)
        return result
    }

    static func makeVersions() throws -> (old: Dataset, new: Dataset, newText: String)? {
        guard let bytes = RealSchedules.bytes("38c3-schedule.xml") else {
            _ = try RealSchedules.load("38c3-schedule.xml")  // says loudly that it is missing
            return nil
        }
        let text = String(decoding: bytes, as: UTF8.self)
        var edited = text.replacingOccurrences(of: "<version>2025-03-04 21:21</version>", with: "<version>2025-03-05 08:00</version>")
        edited = renumberingIDs(edited)
        // Moved: 19:15 → 21:00 the same day.
        edited = replacing(in: edited, afterGUID: bioterrorismGUID, "<date>2024-12-27T19:15:00+01:00</date>", "<date>2024-12-27T21:00:00+01:00</date>")
        edited = replacing(in: edited, afterGUID: bioterrorismGUID, "<start>19:15</start>", "<start>21:00</start>")
        // Retitled.
        edited = replacing(in: edited, afterGUID: thuringGUID, "<title>Der Thüring-Test für Wahlsoftware</title>",
                           "<title>Der Thüring-Test für Wahlsoftware (aktualisiert)</title>")
        // Removed: the opening ceremony's whole element.
        let opening = try #require(edited.range(of: "<event guid=\"\(openingGUID)\""))
        let openingEnd = try #require(edited.range(of: "</event>", range: opening.upperBound..<edited.endIndex))
        // Added, in its place: a new session with a new guid.
        edited.replaceSubrange(opening.lowerBound..<openingEnd.upperBound, with: """
            <event guid="11111111-2222-5333-8444-555555555555" id="99999">
                            <date>2024-12-27T10:30:00+01:00</date>
                            <start>10:30</start>
                            <duration>00:30</duration>
                            <room>Saal 1</room>
                            <title>A late addition</title>
                            <type>Talk</type>
                            <persons><person guid="aaaaaaaa-bbbb-5ccc-8ddd-eeeeeeeeeeee">Someone New</person></persons>
                        </event>
            """)
        let old = try #require(DatasetImporter.load(data: Data(text.utf8), name: "38c3-old.xml").dataset)
        let new = try #require(DatasetImporter.load(data: Data(edited.utf8), name: "38c3-new.xml").dataset)
        return (old, new, edited)
    }

    /// Every `<event … id="N">` becomes `id="N+50000"`: what frab does when a schedule is re-exported from another instance.
    static func renumberingIDs(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: "\" id=\"") {
            result += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            let digits = rest.prefix { $0.isNumber }
            if let number = Int(digits) { result += String(number + 50_000) } else { result += digits }
            rest = rest.dropFirst(digits.count)
        }
        return result + rest
    }

    static func replacing(in text: String, afterGUID guid: String, _ old: String, _ new: String) -> String {
        guard let start = text.range(of: "guid=\"\(guid)\""), let found = text.range(of: old, range: start.upperBound..<text.endIndex) else {
            Issue.record("\(old) not found after \(guid)")
            return text
        }
        return text.replacingCharacters(in: found, with: new)
    }

    @Test func exactlyTheScriptedChanges() throws {
        guard let (old, new, _) = try Self.versions() else { return }
        #expect(old.events[0].sessions.count == new.events[0].sessions.count)
        #expect(old.events[0].sessions.first { $0.uid == Self.thuringGUID }?.id != new.events[0].sessions.first { $0.uid == Self.thuringGUID }?.id,
                "ids were renumbered")
        let changes = ScheduleChanges.between(old, new)
        #expect(changes.fromVersion == "2025-03-04 21:21")
        #expect(changes.toVersion == "2025-03-05 08:00")
        #expect(changes.changes.map(\.kind) == [.new, .moved, .changed, .cancelled], "\(changes.changes)")
        guard changes.changes.count == 4 else { return }

        let added = changes.changes[0]
        #expect(added.title.en == "A late addition")
        #expect(added.start == LocalDateTime(iso: "2024-12-27T10:30") && added.room == "Saal 1")

        let moved = changes.changes[1]
        #expect(moved.title.en == "BioTerrorism Will Save Your Life with the 4 Thieves Vinegar Collective")
        #expect(moved.details == [SessionChange.Detail(aspect: .time, from: "19:15–19:55", to: "21:00–21:40")])
        #expect(moved.sessionID == new.events[0].sessions.first { $0.uid == Self.bioterrorismGUID }?.id)

        let retitled = changes.changes[2]
        #expect(retitled.details == [SessionChange.Detail(aspect: .title, from: "Der Thüring-Test für Wahlsoftware",
                                                          to: "Der Thüring-Test für Wahlsoftware (aktualisiert)")])

        let gone = changes.changes[3]
        #expect(gone.title.en == "38C3: Opening Ceremony" && !gone.markedCancelled && !gone.isInNewVersion)

        #expect(changes.marks.count == 3, "marks: the new, moved and retitled sessions (a removed one is not in the list)")
    }

    @Test func sameFileTwiceHasNoChanges() throws {
        guard let (old, _, _) = try Self.versions() else { return }
        #expect(ScheduleChanges.between(old, old).isEmpty)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = ScheduleChanges.between(old, old) }
        print("change detection over 38C3 (\(old.events[0].sessions.count) sessions), debug build: \(elapsed)")
    }
}

/// The matching rules on small hand-made datasets.
@Suite struct ScheduleChangesMatchingTests {
    static func dataset(_ sessions: [Session], rooms: [Room] = [Room(id: "a", name: LocalizedText(en: "Room A")), Room(id: "b", name: LocalizedText(en: "Room B"))],
                        people: [Person] = [], version: String? = nil) -> Dataset {
        var event = Event(id: "conf", kind: .conference, title: LocalizedText(en: "Conf"), startDate: CalendarDate(iso: "2025-01-01")!,
                          endDate: CalendarDate(iso: "2025-01-03")!, rooms: rooms, sessions: sessions)
        event.scheduleVersion = version
        return Dataset(title: LocalizedText(en: "Conf"), people: people, events: [event])
    }

    static func session(_ id: String, _ title: String, _ start: String?, room: String? = "a", uid: String? = nil,
                        people: [String] = [], abstract: String? = nil) -> Session {
        let time = start.flatMap(LocalDateTime.init(iso:))
        var session = Session(id: id, kind: .talk, title: LocalizedText(en: title), day: time?.date, start: time, durationMinutes: 60,
                              room: room, abstract: abstract.map { LocalizedText(en: $0) },
                              people: people.map { SessionPerson(person: $0, role: .speaker) })
        session.uid = uid
        return session
    }

    @Test func withoutGuidsSessionsAreMatchedById() {
        let old = Self.dataset([Self.session("1", "Alpha", "2025-01-01T10:00"), Self.session("2", "Beta", "2025-01-01T11:00")])
        let new = Self.dataset([Self.session("1", "Alpha renamed", "2025-01-01T10:00"), Self.session("2", "Beta", "2025-01-02T11:00", room: "b")])
        let changes = ScheduleChanges.between(old, new).changes
        #expect(changes.map(\.kind) == [.moved, .changed])
        #expect(changes.first?.details == [.init(aspect: .day, from: "2025-01-01", to: "2025-01-02"),
                                           .init(aspect: .room, from: "Room A", to: "Room B")])
    }

    @Test func withoutIdsInCommonSessionsAreMatchedByTitleAndStart() {
        let old = Self.dataset([Self.session("x1", "Alpha", "2025-01-01T10:00", room: "a")])
        let new = Self.dataset([Self.session("y7", "ALPHA", "2025-01-01T10:00", room: "b")])
        let changes = ScheduleChanges.between(old, new).changes
        #expect(changes.map(\.kind) == [.moved], "same title (case aside) and start: the same session, in another room")
    }

    @Test func differentGuidsAreNeverTheSameSession() {
        let old = Self.dataset([Self.session("1", "Alpha", "2025-01-01T10:00", uid: "g-old")])
        let new = Self.dataset([Self.session("1", "Alpha", "2025-01-01T10:00", uid: "g-new")])
        #expect(ScheduleChanges.between(old, new).changes.map(\.kind) == [.new, .cancelled])
    }

    @Test func aTitleMarkedCancelledIsACancellation() {
        let old = Self.dataset([Self.session("1", "Alpha", "2025-01-01T10:00"), Self.session("2", "Beta", "2025-01-01T11:00")])
        let new = Self.dataset([Self.session("1", "CANCELLED: Alpha", "2025-01-01T10:00"), Self.session("2", "Beta", "2025-01-01T11:00")])
        let changes = ScheduleChanges.between(old, new).changes
        #expect(changes.map(\.kind) == [.cancelled])
        #expect(changes.first?.markedCancelled == true && changes.first?.isInNewVersion == true)
        #expect(ScheduleChanges.between(old, new).marks == ["conf/1": .cancelled])
    }

    @Test func cancelledWordsAreWholeWords() {
        #expect(SessionChange.titleSaysCancelled("[abgesagt] Vortrag"))
        #expect(SessionChange.titleSaysCancelled("Annulé – atelier"))
        #expect(SessionChange.titleSaysCancelled("Workshop (canceled)"))
        #expect(!SessionChange.titleSaysCancelled("Uncancelled culture"))
        #expect(!SessionChange.titleSaysCancelled("The cancellation problem"))
    }

    @Test func speakersAndAbstractChanges() {
        let people = [Person(id: "p1", name: "Ada"), Person(id: "p2", name: "Grace")]
        let old = Self.dataset([Self.session("1", "Alpha", "2025-01-01T10:00", people: ["p1"], abstract: "old")], people: people)
        let new = Self.dataset([Self.session("1", "Alpha", "2025-01-01T10:00", people: ["p1", "p2"], abstract: "new")], people: people)
        let change = ScheduleChanges.between(old, new).changes.first
        #expect(change?.kind == .changed)
        #expect(change?.details == [.init(aspect: .speakers, from: "Ada", to: "Ada, Grace"), .init(aspect: .abstract, from: nil, to: nil)])
    }

    @Test func versionsAreText() {
        let old = Self.dataset([], version: "1.10")
        let new = Self.dataset([], version: "1.9")
        let changes = ScheduleChanges.between(old, new)
        #expect(changes.fromVersion == "1.10" && changes.toVersion == "1.9" && changes.isEmpty)
    }
}

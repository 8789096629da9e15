import Foundation
import Testing
@testable import ConfDashCore

/// `Session`, `CalendarDate` and `ClockTime` are stored packed (issue 13: 100,000 sessions in
/// memory at once). Packed, they must read, compare, hash and encode exactly as the plain forms
/// they replaced did.
@Suite("Model: sessions and dates stored packed")
struct SessionLayoutTests {
    /// The plain form `CalendarDate` had: three `Int`s, ordered by day number.
    private struct PlainDate: Hashable { var year: Int, month: Int, day: Int }

    @Test func datesReadCompareAndHashAsThreeNumbers() {
        // Every 97th day from year 1 to 9999, the edges, and dates computed far outside that range.
        var dayNumbers = Array(stride(from: CalendarDate.firstDayNumber, through: CalendarDate.lastDayNumber, by: 97))
        dayNumbers += [CalendarDate.firstDayNumber, CalendarDate.lastDayNumber, 0, -1, 59, 60, 1_000_000_000, -1_000_000_000]
        var previous: (date: CalendarDate, number: Int)?
        for number in dayNumbers.sorted() {
            let date = CalendarDate(dayNumber: number)
            #expect(date.dayNumber == number)
            if number >= CalendarDate.firstDayNumber && number <= CalendarDate.lastDayNumber {
                #expect(CalendarDate(year: date.year, month: date.month, day: date.day) == date)
            }
            #expect((1...12).contains(date.month) && (1...31).contains(date.day))
            #expect(date.hashValue == PlainDate(year: date.year, month: date.month, day: date.day).hashValue)
            if let previous {
                #expect((previous.date < date) == (previous.number < number))
                #expect((date < previous.date) == (number < previous.number))
                #expect((previous.date == date) == (previous.number == number))
            }
            previous = (date, number)
        }
    }

    /// The plain form `ClockTime` had: two `Int`s.
    private struct PlainTime: Hashable { var hour: Int, minute: Int }

    @Test func timesReadCompareAndHashAsTwoNumbers() {
        let times = (0..<1440).map { ClockTime(hour: $0 / 60, minute: $0 % 60)! }
        for (minutes, time) in times.enumerated() {
            #expect(time.minutesSinceMidnight == minutes)
            #expect(time.hashValue == PlainTime(hour: minutes / 60, minute: minutes % 60).hashValue)
        }
        #expect(times == times.sorted())
        #expect(ClockTime(hour: 24, minute: 0) == nil && ClockTime(hour: 0, minute: 60) == nil)
    }

    /// The fields `Session` had as one flat struct, encoded as synthesised code encodes them.
    private struct PlainSession: Encodable {
        var id: String
        var uid: String?
        var kind: Session.Kind
        var title: LocalizedText
        var officialTitle: Bool
        var count: Int?
        var day: CalendarDate?
        var possibleDays: DateRange?
        var partOfDay: Session.PartOfDay?
        var start: LocalDateTime?
        var durationMinutes: Int?
        var room: String?
        var language: String?
        var description: LocalizedText?
        var abstract: LocalizedText?
        var tracks: [String]
        var technologies: [String]
        var people: [SessionPerson]
        var organisations: [SessionOrganisation]
        var links: [Link]
        var sources: [String]
        var groupTopic: Bool
        var dayBasis: DayBasis?
        var quotedLanguage: String?

        init(_ s: Session) {
            id = s.id; uid = s.uid; kind = s.kind; title = s.title; officialTitle = s.officialTitle; count = s.count
            day = s.day; possibleDays = s.possibleDays; partOfDay = s.partOfDay; start = s.start
            durationMinutes = s.durationMinutes; room = s.room; language = s.language; description = s.description
            abstract = s.abstract; tracks = s.tracks; technologies = s.technologies; people = s.people
            organisations = s.organisations; links = s.links; sources = s.sources; groupTopic = s.groupTopic
            dayBasis = s.dayBasis; quotedLanguage = s.quotedLanguage
        }
    }

    private static let day = CalendarDate(year: 2024, month: 12, day: 27)!

    private static var full: Session {
        Session(id: "s", kind: .panel, title: LocalizedText(en: "T", fr: "T fr"), officialTitle: true, count: 3, day: day,
                possibleDays: DateRange(from: day, to: day.adding(days: 2)), partOfDay: .evening,
                start: LocalDateTime(date: day, time: ClockTime(hour: 23, minute: 5)!), durationMinutes: 90, room: "r",
                language: "fr", description: LocalizedText(en: "d"), abstract: LocalizedText(fr: "a"), tracks: ["t1", "t2"],
                technologies: ["x"], people: [SessionPerson(person: "p", role: .moderator)],
                organisations: [SessionOrganisation(organisation: "o", role: .host, note: LocalizedText(en: "n"))],
                links: [Link(url: "https://example.org")], sources: ["src"], groupTopic: true,
                dayBasis: DayBasis(quote: "q", inferred: true, reason: LocalizedText(en: "why")), quotedLanguage: "fr", uid: "u@x")
    }

    @Test func sessionsEncodeAsTheFlatStructDid() throws {
        let minimal = Session(id: "m", kind: .talk, title: LocalizedText(en: "M"))
        // Keys sorted: without, Foundation's order follows its hashing, which differs run to run.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for session in [Self.full, minimal] {
            let packed = try encoder.encode(session), plain = try encoder.encode(PlainSession(session))
            #expect(String(decoding: packed, as: UTF8.self) == String(decoding: plain, as: UTF8.self))
        }
    }

    /// Each field set and read back; the rarely set ones, set back to their defaults, leave a
    /// session equal to one that never had them (no box of extras left behind).
    @Test func fieldsReadBackAndExtrasGoAwayWhenEmpty() {
        let full = Self.full
        var session = Session(id: "s", kind: .panel, title: LocalizedText(en: "T", fr: "T fr"))
        let plain = session
        session.count = full.count; session.possibleDays = full.possibleDays; session.partOfDay = full.partOfDay
        session.description = full.description; session.technologies = full.technologies
        session.organisations = full.organisations; session.groupTopic = full.groupTopic
        session.dayBasis = full.dayBasis; session.quotedLanguage = full.quotedLanguage
        let withExtras = session
        #expect(withExtras.count == 3 && withExtras.partOfDay == .evening && withExtras.groupTopic)
        #expect(withExtras.technologies == ["x"] && withExtras.quotedLanguage == "fr")
        #expect(plain.count == nil && plain.technologies.isEmpty && !plain.groupTopic)
        session.count = nil; session.possibleDays = nil; session.partOfDay = nil; session.description = nil
        session.technologies = []; session.organisations = []; session.groupTopic = false
        session.dayBasis = nil; session.quotedLanguage = nil
        #expect(session == plain)
        #expect(withExtras != plain)
        #expect(withExtras.count == 3, "a copy keeps its extras when the original changes")
    }

    /// What `Session.Fields` is laid out for: with the object's 16-byte header, within a 224-byte
    /// allocation (glibc's malloc rounds a request plus 8 up to 16), against 480 for the flat struct.
    @Test func theStoredFieldsStayCompact() {
        #expect(MemoryLayout<CalendarDate>.size == 8)
        #expect(MemoryLayout<StoredDate>.size == 8)
        #expect(MemoryLayout<ClockTime>.size == 2)
        #expect(MemoryLayout<LocalDateTime?>.size <= 11)
        #expect(16 + MemoryLayout<Session.Fields>.size + 8 <= 224)
    }

    @Test func storedDatesKeepTheirDate() {
        for date in [nil, CalendarDate(year: 1, month: 1, day: 1), CalendarDate(year: 9999, month: 12, day: 31),
                     CalendarDate(dayNumber: -5_000_000), CalendarDate(dayNumber: 0)] {
            #expect(StoredDate(date).date == date)
        }
        var session = Session(id: "s", kind: .talk, title: LocalizedText(en: "T"))
        #expect(session.start == nil && session.day == nil)
        let start = LocalDateTime(date: Self.day, time: ClockTime(hour: 0, minute: 0)!)
        session.start = start
        #expect(session.start == start && session.day == nil)
        session.start = nil
        #expect(session == Session(id: "s", kind: .talk, title: LocalizedText(en: "T")))
    }
}

import Foundation

/// One item of an event's programme: a ceremony, a panel, a breakout, a site visit…
///
/// When it happens is known to different degrees, and the model keeps the degree honest:
/// - `day` set: the source says which day;
/// - `possibleDays` set instead: the source says only "during days 2 and 3";
/// - neither: "during the event".
/// `partOfDay` and `start` are given only when stated; the bundled seeds give no clock times at all.
public struct Session: Encodable, Equatable, Sendable, Identifiable {
    public enum Kind: String, Encodable, Sendable, CaseIterable {
        case ceremony, highLevelPanel, keynote, panel, breakout, specialSession, themeDay, closing
        case workshopSession, groupExercise, siteVisit, remarks, talk, other
    }
    public enum PartOfDay: String, Encodable, Sendable, CaseIterable { case morning, afternoon, evening }

    /// The stored fields, in one box shared by copies until one of them changes (copy on write):
    /// a copy of a `Session` is one retain, not one per string and array. Scanning 100,000
    /// sessions copied each of them field by field (issue 13: 30–45 % of a key's time), and
    /// every list of sessions (a day's, a search's) held its own ~300 bytes per session.
    ///
    /// The box is the biggest part of a loaded schedule (issue 13: 100,000 sessions in memory at
    /// once, within 3× the file's size), so its layout is chosen: the fields every imported
    /// session has come first, the small fixed-size ones last (Swift lays fields out in the order
    /// written: the 9-byte `durationMinutes` followed by 1- and 2-byte fields wastes no padding),
    /// and the fields that (nearly) only the bundled dataset sets are in `Extras`, a box of their
    /// own allocated only when one of them is set. Dates and times are packed (`CalendarDate` is
    /// one `Int`, `ClockTime` two bytes, `StoredDate` an optional date with no extra byte). 213
    /// bytes with the object's header: a 224-byte allocation, less than half the 480 of one flat
    /// struct of every field (issue 13: 25 MB less at 100,000 sessions).
    struct Fields: Equatable, Sendable {
        var id: String
        var uid: String?
        var title: LocalizedText
        var abstract: LocalizedText?
        var room: String?
        var language: String?
        var tracks: [String]
        var people: [SessionPerson]
        var links: [Link]
        var sources: [String]
        /// Nil when every field of `Extras` has its default value.
        var extras: ExtrasBox?
        var day: StoredDate
        /// `start`, split so that its date needs no byte to say it is absent.
        var startDate: StoredDate
        var durationMinutes: Int?
        /// Midnight when there is no start.
        var startTime: ClockTime
        var kind: Kind
        var officialTitle: Bool

        var start: LocalDateTime? {
            get { startDate.date.map { LocalDateTime(date: $0, time: startTime) } }
            set { startDate = StoredDate(newValue?.date); startTime = newValue?.time ?? .midnight }
        }

        static func == (a: Fields, b: Fields) -> Bool {
            a.id == b.id && a.uid == b.uid && a.title == b.title && a.abstract == b.abstract && a.room == b.room
                && a.language == b.language && a.tracks == b.tracks && a.people == b.people && a.links == b.links
                && a.sources == b.sources && a.extrasValue == b.extrasValue && a.durationMinutes == b.durationMinutes
                && a.day == b.day && a.startDate == b.startDate && a.startTime == b.startTime && a.kind == b.kind
                && a.officialTitle == b.officialTitle
        }

        var extrasValue: Extras { extras?.value ?? Extras() }
    }

    /// The fields the bundled dataset's sessions (described from prose) set, and imported ones
    /// never do but for `possibleDays` (an iCalendar entry confdash wrote with days not stated):
    /// ~130 bytes that 100,000 imported sessions would each carry empty.
    struct Extras: Equatable, Sendable {
        var count: Int?
        var possibleDays: DateRange?
        var partOfDay: PartOfDay?
        var description: LocalizedText?
        var technologies: [String] = []
        var organisations: [SessionOrganisation] = []
        var groupTopic = false
        var dayBasis: DayBasis?
        var quotedLanguage: String?

        var isEmpty: Bool {
            count == nil && possibleDays == nil && partOfDay == nil && description == nil && technologies.isEmpty
                && organisations.isEmpty && !groupTopic && dayBasis == nil && quotedLanguage == nil
        }
    }

    /// Never changed once made: a change makes a new box, so copies can share one freely.
    final class ExtrasBox: Sendable {
        let value: Extras
        init(_ value: Extras) { self.value = value }
    }

    final class Storage: @unchecked Sendable {
        // Written only through `writable()`, when this box is the only one: never while shared.
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    private mutating func writable() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        return storage
    }

    /// Sets one of the `Extras` (in a new box, or none when all are back to their defaults).
    private mutating func setExtras(_ change: (inout Extras) -> Void) {
        var value = storage.fields.extrasValue
        change(&value)
        writable().fields.extras = value.isEmpty ? nil : ExtrasBox(value)
    }

    public static func == (a: Session, b: Session) -> Bool { a.storage === b.storage || a.storage.fields == b.storage.fields }

    /// The keys, in the order the fields were declared before `Fields` was split (`kind` after
    /// `uid`…); an optional that is nil is left out, as synthesised encoding does.
    private enum CodingKeys: String, CodingKey {
        case id, uid, kind, title, officialTitle, count, day, possibleDays, partOfDay, start, durationMinutes, room
        case language, description, abstract, tracks, technologies, people, organisations, links, sources
        case groupTopic, dayBasis, quotedLanguage
    }

    public func encode(to encoder: Encoder) throws {
        let fields = storage.fields, extras = fields.extrasValue
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fields.id, forKey: .id)
        try container.encodeIfPresent(fields.uid, forKey: .uid)
        try container.encode(fields.kind, forKey: .kind)
        try container.encode(fields.title, forKey: .title)
        try container.encode(fields.officialTitle, forKey: .officialTitle)
        try container.encodeIfPresent(extras.count, forKey: .count)
        try container.encodeIfPresent(fields.day.date, forKey: .day)
        try container.encodeIfPresent(extras.possibleDays, forKey: .possibleDays)
        try container.encodeIfPresent(extras.partOfDay, forKey: .partOfDay)
        try container.encodeIfPresent(fields.start, forKey: .start)
        try container.encodeIfPresent(fields.durationMinutes, forKey: .durationMinutes)
        try container.encodeIfPresent(fields.room, forKey: .room)
        try container.encodeIfPresent(fields.language, forKey: .language)
        try container.encodeIfPresent(extras.description, forKey: .description)
        try container.encodeIfPresent(fields.abstract, forKey: .abstract)
        try container.encode(fields.tracks, forKey: .tracks)
        try container.encode(extras.technologies, forKey: .technologies)
        try container.encode(fields.people, forKey: .people)
        try container.encode(extras.organisations, forKey: .organisations)
        try container.encode(fields.links, forKey: .links)
        try container.encode(fields.sources, forKey: .sources)
        try container.encode(extras.groupTopic, forKey: .groupTopic)
        try container.encodeIfPresent(extras.dayBasis, forKey: .dayBasis)
        try container.encodeIfPresent(extras.quotedLanguage, forKey: .quotedLanguage)
    }

    public var id: String { get { storage.fields.id } set { writable().fields.id = newValue } }
    /// The schedule's own lasting identifier when its format has one (frab/pretalx `guid`,
    /// iCalendar `UID`), at most 200 characters. `id` may be renumbered from one version of a
    /// file to the next, this stays: stars and notes are keyed by it, and `ScheduleChanges`
    /// follows a session across versions by it. Nil for data that has none (the bundled dataset,
    /// an iCalendar event repeated over several days, whose copies share one UID).
    public var uid: String? { get { storage.fields.uid } set { writable().fields.uid = newValue } }
    public var kind: Kind { get { storage.fields.kind } set { writable().fields.kind = newValue } }
    public var title: LocalizedText { get { storage.fields.title } set { writable().fields.title = newValue } }
    /// True when `title` is the official title quoted from the source, false when it is our label.
    public var officialTitle: Bool { get { storage.fields.officialTitle } set { writable().fields.officialTitle = newValue } }
    /// Number of sessions this entry stands for when the source describes them together
    /// ("three panels"); nil when it is one session or the source gives no number.
    public var count: Int? { get { storage.fields.extras?.value.count } set { setExtras { $0.count = newValue } } }
    public var day: CalendarDate? { get { storage.fields.day.date } set { writable().fields.day = StoredDate(newValue) } }
    public var possibleDays: DateRange? { get { storage.fields.extras?.value.possibleDays } set { setExtras { $0.possibleDays = newValue } } }
    public var partOfDay: PartOfDay? { get { storage.fields.extras?.value.partOfDay } set { setExtras { $0.partOfDay = newValue } } }
    /// Local wall-clock start, in the event's time zone. Nil when unknown.
    public var start: LocalDateTime? { get { storage.fields.start } set { writable().fields.start = newValue } }
    public var durationMinutes: Int? { get { storage.fields.durationMinutes } set { writable().fields.durationMinutes = newValue } }
    public var room: String? { get { storage.fields.room } set { writable().fields.room = newValue } }
    public var language: String? { get { storage.fields.language } set { writable().fields.language = newValue } }
    public var description: LocalizedText? { get { storage.fields.extras?.value.description } set { setExtras { $0.description = newValue } } }
    public var abstract: LocalizedText? { get { storage.fields.abstract } set { writable().fields.abstract = newValue } }
    public var tracks: [String] { get { storage.fields.tracks } set { writable().fields.tracks = newValue } }
    public var technologies: [String] { get { storage.fields.extras?.value.technologies ?? [] } set { setExtras { $0.technologies = newValue } } }
    public var people: [SessionPerson] { get { storage.fields.people } set { writable().fields.people = newValue } }
    public var organisations: [SessionOrganisation] { get { storage.fields.extras?.value.organisations ?? [] } set { setExtras { $0.organisations = newValue } } }
    public var links: [Link] { get { storage.fields.links } set { writable().fields.links = newValue } }
    public var sources: [String] { get { storage.fields.sources } set { writable().fields.sources = newValue } }
    /// True when the entry is one topic a group of sessions covered ("breakout sessions on topics
    /// such as X and Y"), not a session of its own: counts of sessions leave it out.
    public var groupTopic: Bool { get { storage.fields.extras?.value.groupTopic ?? false } set { setExtras { $0.groupTopic = newValue } } }
    /// What places the session on its `day` or `possibleDays`: the source's words, or an inference and why.
    public var dayBasis: DayBasis? { get { storage.fields.extras?.value.dayBasis } set { setExtras { $0.dayBasis = newValue } } }
    /// The language the official title is quoted in (`"fr"`); its other languages are our translations.
    public var quotedLanguage: String? { get { storage.fields.extras?.value.quotedLanguage } set { setExtras { $0.quotedLanguage = newValue } } }

    public init(id: String, kind: Kind, title: LocalizedText, officialTitle: Bool = false, count: Int? = nil,
                day: CalendarDate? = nil, possibleDays: DateRange? = nil, partOfDay: PartOfDay? = nil,
                start: LocalDateTime? = nil, durationMinutes: Int? = nil, room: String? = nil, language: String? = nil,
                description: LocalizedText? = nil, abstract: LocalizedText? = nil, tracks: [String] = [],
                technologies: [String] = [], people: [SessionPerson] = [], organisations: [SessionOrganisation] = [],
                links: [Link] = [], sources: [String] = [], groupTopic: Bool = false, dayBasis: DayBasis? = nil,
                quotedLanguage: String? = nil, uid: String? = nil) {
        // Checked before an `Extras` is made: an imported session (all but a few) makes none.
        let hasExtras = count != nil || possibleDays != nil || partOfDay != nil || description != nil || !technologies.isEmpty
            || !organisations.isEmpty || groupTopic || dayBasis != nil || quotedLanguage != nil
        let extras = hasExtras ? ExtrasBox(Extras(count: count, possibleDays: possibleDays, partOfDay: partOfDay,
                                                  description: description, technologies: technologies,
                                                  organisations: organisations, groupTopic: groupTopic,
                                                  dayBasis: dayBasis, quotedLanguage: quotedLanguage)) : nil
        storage = Storage(Fields(id: id, uid: uid, title: title, abstract: abstract, room: room, language: language,
                                 tracks: tracks, people: people, links: links, sources: sources,
                                 extras: extras, day: StoredDate(day),
                                 startDate: StoredDate(start?.date), durationMinutes: durationMinutes,
                                 startTime: start?.time ?? .midnight, kind: kind, officialTitle: officialTitle))
    }

    /// Whether `language` shows a translation of ours rather than the quoted official title.
    public func titleIsTranslated(in language: Language) -> Bool {
        officialTitle && quotedLanguage != nil && quotedLanguage != language.rawValue
    }

    /// Whether the session may take place on `date`: on its day, within its possible days,
    /// or — when nothing narrows it — on any day of the event.
    public func mayOccur(on date: CalendarDate, in event: Event) -> Bool {
        if let day { return day == date }
        if let possibleDays { return possibleDays.contains(date) }
        return event.dayIndex(of: date) != nil
    }

    /// The longest session believed (14 days): readers leave out longer durations with a warning,
    /// and nothing computes an end from one, so no arithmetic on a duration can overflow.
    public static let maximumDurationMinutes = 14 * 24 * 60

    /// The duration when it is within 1 minute to `maximumDurationMinutes`, else nil.
    public var checkedDurationMinutes: Int? {
        guard let durationMinutes, (1...Self.maximumDurationMinutes).contains(durationMinutes) else { return nil }
        return durationMinutes
    }

    /// The clock-time end, when start and duration are both known, counted on the wall clock:
    /// across a change of the clocks it is an hour off. Use `end(inTimeZone:)` with the event's zone.
    /// Nil too when the duration is out of range or the end would fall after year 9999.
    public var end: LocalDateTime? {
        guard let start, let durationMinutes = checkedDurationMinutes else { return nil }
        return start.adding(minutes: durationMinutes)
    }

    /// The end on the wall clock of `zone` (the event's), counted in real time: two hours from
    /// 01:30 on the night clocks go forward end at 04:30, as exports write it. With no zone
    /// (floating times), on the wall clock, like `end`. `TimeZones.zone(named: event.timeZone)`
    /// gives the event's zone.
    public func end(inTimeZone zone: TimeZone?) -> LocalDateTime? {
        guard let start, let durationMinutes = checkedDurationMinutes else { return nil }
        guard let zone else { return start.adding(minutes: durationMinutes) }
        return TimeZones.checkedLocal(at: TimeZones.instant(of: start, in: zone) + durationMinutes * 60, in: zone)
    }
}

/// Why a session sits on the day (or days) it is placed on.
public struct DayBasis: Encodable, Equatable, Sendable {
    /// The source's words that place it, quoted as written (in the source's language).
    public var quote: String?
    /// True when no phrase states the day and it is our inference; `reason` says why.
    public var inferred: Bool
    public var reason: LocalizedText?

    public init(quote: String? = nil, inferred: Bool = false, reason: LocalizedText? = nil) {
        self.quote = quote; self.inferred = inferred; self.reason = reason
    }
}

public struct DateRange: Encodable, Equatable, Hashable, Sendable {
    public var from: CalendarDate
    public var to: CalendarDate

    public init(from: CalendarDate, to: CalendarDate) { self.from = from; self.to = to }
    public func contains(_ date: CalendarDate) -> Bool { from <= date && date <= to }
}

public struct SessionPerson: Encodable, Equatable, Sendable {
    public enum Role: String, Encodable, Sendable, CaseIterable { case speaker, moderator, panellist, leader, host }

    public var person: String
    public var role: Role

    public init(person: String, role: Role) { self.person = person; self.role = role }
}

/// An organisation present at a session without a named person ("a representative of RTC Indonesia").
public struct SessionOrganisation: Encodable, Equatable, Sendable {
    public enum Role: String, Encodable, Sendable, CaseIterable { case speaker, contributor, host, visited }

    public var organisation: String
    public var role: SessionOrganisation.Role
    public var note: LocalizedText?

    public init(organisation: String, role: SessionOrganisation.Role, note: LocalizedText? = nil) {
        self.organisation = organisation; self.role = role; self.note = note
    }
}

/// A date and wall-clock time with no zone attached (the zone is the event's), `YYYY-MM-DDTHH:MM`.
public struct LocalDateTime: Hashable, Comparable, Sendable, Encodable, CustomStringConvertible {
    public var date: CalendarDate
    public var time: ClockTime

    public init(date: CalendarDate, time: ClockTime) { self.date = date; self.time = time }

    /// Parses `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` (a space instead of `T` too). Offsets are not accepted here.
    public init?(iso text: String) {
        let separators: Set<Character> = ["T", " "]
        guard let split = text.firstIndex(where: { separators.contains($0) }),
              let date = CalendarDate(iso: String(text[..<split])),
              let time = ClockTime(text: String(text[text.index(after: split)...])) else { return nil }
        self.init(date: date, time: time)
    }

    public var description: String { "\(date.iso)T\(time)" }

    /// `minutes` later (earlier when negative) on the wall clock; nil when that is outside years
    /// 1 to 9999 (or `minutes` is too large to count with).
    public func adding(minutes: Int) -> LocalDateTime? {
        let (total, overflow) = time.minutesSinceMidnight.addingReportingOverflow(minutes)
        guard !overflow else { return nil }
        let dayShift = total >= 0 ? total / 1440 : -((-total + 1439) / 1440)
        let rest = total - dayShift * 1440
        guard let day = CalendarDate(checkedDayNumber: date.dayNumber + dayShift) else { return nil }
        return LocalDateTime(date: day, time: ClockTime(hour: rest / 60, minute: rest % 60)!)
    }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        (a.date, a.time.minutesSinceMidnight) < (b.date, b.time.minutesSinceMidnight)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

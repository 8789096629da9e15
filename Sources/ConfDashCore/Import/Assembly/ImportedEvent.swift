/// A conference as one of the format readers understood it, before it becomes confdash records:
/// things are still named rather than identified, texts are still as published, and times are
/// already wall-clock times in `timeZone`. Each reader produces one; `DatasetAssembler` does the
/// rest the same way for every format.
struct ImportedEvent {
    var title: String?
    var shortTitle: String?
    /// What the event id is made from (an acronym such as `38c3`).
    var idHint: String?
    /// The schedule's version label, as written (`Event.scheduleVersion`).
    var version: String?
    /// `Event.timeZone`: an IANA name or a fixed offset; nil when only floating times are known.
    var timeZone: String?
    /// Days the schedule declares (its day list, its start and end), which the event covers even
    /// when no session falls on them.
    var dates: [CalendarDate] = []
    var url: String?
    /// Against which relative links (`/system/attachments/…`) are resolved.
    var baseURL: String?
    /// Tracks and rooms the schedule lists up front, in its order; more may come from sessions.
    var tracks: [ImportedTrack] = []
    var rooms: [String] = []
    var entries: [ImportedEntry] = []
}

struct ImportedTrack {
    var name: String
    var slug: String?
    var color: String?
    var position: JSONPosition?
}

/// One programme item, as published.
struct ImportedEntry {
    /// Where it starts in the file and how problems name it (`day[2].room[5].event[3]`).
    var position: JSONPosition?
    var path: String
    /// The file's own id for it (frab id, pretalx code, iCalendar UID).
    var idHint: String?
    /// The file's lasting identifier (frab/pretalx guid, iCalendar UID), which survives
    /// renumbering between versions; kept as `Session.uid`.
    var uid: String?
    var title: String?
    /// The file's word for what it is ("Talk", "lecture", "Workshop").
    var type: String?
    /// The conference day it belongs to; after midnight this is still the day before.
    var day: CalendarDate?
    /// Instead of `day`: the days the entry may fall on, when the file says it does not state which.
    var possibleDays: DateRange?
    /// Wall clock in the event's zone; nil for an all-day entry or when no time is given.
    var start: LocalDateTime?
    var durationMinutes: Int?
    var room: String?
    var language: String?
    /// Subtitle, abstract and description as published (HTML or Markdown allowed); cleaned and
    /// joined into the session's abstract.
    var texts: [String] = []
    var tracks: [String] = []
    var people: [ImportedPerson] = []
    var links: [ImportedLink] = []
}

struct ImportedPerson {
    /// The file's id for the person (guid, id or pretalx code), so that two people with one name stay two.
    var idHint: String?
    var name: String
    /// What the file says the person does; frab and pretalx files only list speakers.
    var role: SessionPerson.Role = .speaker
}

struct ImportedLink {
    var url: String
    var title: String?
}

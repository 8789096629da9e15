/// What one user keeps about one schedule: starred sessions, notes, and what the last calendar
/// export of the starred sessions wrote (so the next one can raise SEQUENCE or cancel).
///
/// Every change carries the time it was made, so two programs saving the same file merge instead
/// of overwriting each other: for each session the later star change wins, and separately the
/// later note change. An unstar is kept as a mark with `starred == false` (not deleted), or a
/// merge could not tell "unstarred here" from "never seen here" and the star would come back.
/// The file format is in docs/user-guide.md ("Stars and notes"); `PersonalStateFile` reads and writes it.
public struct PersonalState: Equatable, Sendable {
    public static let formatName = "confdash-state"
    public static let currentVersion = 1

    /// Which schedule this is about, in words (the file name says it too); informative only.
    public var schedule: String
    public var marks: [String: SessionMark]
    public var exports: [String: CalendarExportRecord]

    public init(schedule: String = "", marks: [String: SessionMark] = [:], exports: [String: CalendarExportRecord] = [:]) {
        self.schedule = schedule; self.marks = marks; self.exports = exports
    }

    public var starredKeys: Set<String> { Set(marks.values.lazy.filter(\.starred).map(\.ref.key)) }
    public var starredCount: Int { marks.values.lazy.filter(\.starred).count }

    public func isStarred(_ key: String) -> Bool { marks[key]?.starred == true }
    public func note(_ key: String) -> String? { marks[key]?.note }

    /// Stars or unstars the session `ref` names; `at` is milliseconds since 1970 (the change's time).
    public mutating func setStar(_ ref: SessionRef, _ starred: Bool, at stamp: Int64) {
        var mark = marks[ref.key] ?? SessionMark(ref: ref)
        mark.ref = ref
        mark.starred = starred
        mark.starChanged = stamp
        marks[ref.key] = mark
    }

    /// Sets (or, with nil or blank text, removes) the note on `ref`'s session.
    public mutating func setNote(_ ref: SessionRef, _ text: String?, at stamp: Int64) {
        var mark = marks[ref.key] ?? SessionMark(ref: ref)
        mark.ref = ref
        let trimmed = text?.trimmingWhitespace ?? ""
        mark.note = trimmed.isEmpty ? nil : String(trimmed.prefix(SessionMark.maximumNoteLength))
        mark.noteChanged = stamp
        marks[ref.key] = mark
    }

    /// `self` and `other` together, as if every change in both had been made in one program:
    /// per session the later star change and the later note change win. On a tie a star beats an
    /// unstar and `other`'s note wins (nothing starred is lost by a merge).
    public func merged(with other: PersonalState) -> PersonalState {
        var result = self
        if !other.schedule.isEmpty { result.schedule = other.schedule }
        for (key, theirs) in other.marks {
            guard let mine = result.marks[key] else { result.marks[key] = theirs; continue }
            // Equal marks merge to themselves: not writing them back keeps `result` sharing
            // `self`'s storage (a save after one change merges 1,000 marks, 999 of them equal).
            if mine == theirs { continue }
            result.marks[key] = mine.merged(with: theirs)
        }
        for (key, theirs) in other.exports {
            guard let mine = result.exports[key], mine.sequence > theirs.sequence else { result.exports[key] = theirs; continue }
        }
        return result
    }
}

/// Names a session so that it can be found again in a later copy of its schedule: by its lasting
/// key first, then by title and start when ids were renumbered.
public struct SessionRef: Hashable, Sendable {
    /// `Session.uid` (frab/pretalx guid, iCalendar UID) when the schedule has one, else the confdash id.
    public var key: String
    public var event: String
    public var id: String
    /// The title as the schedule writes it (its first language).
    public var title: String
    /// `YYYY-MM-DDTHH:MM`, or the day `YYYY-MM-DD`, or nil when the schedule gives neither.
    public var start: String?

    public init(key: String, event: String, id: String, title: String, start: String?) {
        self.key = key; self.event = event; self.id = id; self.title = title; self.start = start
    }

    public init(session: Session, event: Event) {
        self.init(key: session.uid ?? session.id, event: event.id, id: session.id,
                  title: session.title.en ?? session.title.fr ?? "",
                  start: session.start?.description ?? session.day?.iso)
    }
}

/// The user's marks on one session.
public struct SessionMark: Equatable, Sendable {
    public static let maximumNoteLength = 500

    public var ref: SessionRef
    public var starred: Bool = false
    /// When `starred` last changed (ms since 1970); 0 when it never did.
    public var starChanged: Int64 = 0
    public var note: String?
    /// When `note` last changed; 0 when it never did.
    public var noteChanged: Int64 = 0

    public init(ref: SessionRef, starred: Bool = false, starChanged: Int64 = 0, note: String? = nil, noteChanged: Int64 = 0) {
        self.ref = ref; self.starred = starred; self.starChanged = starChanged; self.note = note; self.noteChanged = noteChanged
    }

    func merged(with theirs: SessionMark) -> SessionMark {
        var result = self
        if theirs.starChanged > starChanged || (theirs.starChanged == starChanged && theirs.starred) {
            result.starred = theirs.starred
            result.starChanged = theirs.starChanged
        }
        if theirs.noteChanged >= noteChanged {
            result.note = theirs.note
            result.noteChanged = theirs.noteChanged
        }
        if max(theirs.starChanged, theirs.noteChanged) >= max(starChanged, noteChanged) { result.ref = theirs.ref }
        return result
    }

    /// Nothing worth keeping: never starred, no note. (An unstar is worth keeping: see `PersonalState`.)
    var isBlank: Bool { !starred && starChanged == 0 && note == nil && noteChanged == 0 }
}

/// What the last `export --starred --format ics` wrote for one session, so that the next export
/// raises SEQUENCE when the session changed and cancels it once when it has left the schedule.
public struct CalendarExportRecord: Equatable, Sendable {
    public var key: String
    public var uid: String
    public var sequence: Int
    /// Title, start, end and room as exported, joined: a change in any of them raises SEQUENCE.
    public var fingerprint: String
    public var title: String
    /// The iCalendar DTSTART value written (`20241227T110000Z`, or a date `20241227`), to cancel it later.
    public var dtstart: String
    /// True once a STATUS:CANCELLED entry has been exported for it.
    public var cancelled: Bool

    public init(key: String, uid: String, sequence: Int, fingerprint: String, title: String, dtstart: String, cancelled: Bool = false) {
        self.key = key; self.uid = uid; self.sequence = sequence; self.fingerprint = fingerprint
        self.title = title; self.dtstart = dtstart; self.cancelled = cancelled
    }
}

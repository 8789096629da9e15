import ConfDashCore

/// Each session's track as a small number, for the tracks pane's counts (issue 13): made once
/// per dataset, when the pane first counts, instead of hashing a track name per session per
/// count (at 100,000 sessions the name's hash alone was 39 M instructions of the first frame's
/// 77 M for the counts), with the session's day as a column of its event's trend.
///
/// Number `n` stands for `ids[n]`, the dataset's distinct track ids in its order. A session
/// with exactly one track whose id is one of them has that number; a session with no track, or
/// that stands for a topic grouped sessions covered (never counted), has `none`; any other
/// session (several tracks, or an id the dataset does not list) has `other`, and its counter
/// reads its `tracks` as before.
struct SessionTrackNumbers: Sendable {
    static let none = UInt32.max
    static let other = UInt32.max - 1

    /// One event's sessions, in `event.sessions`' order.
    struct EventTracks: Sendable {
        var numbers: [UInt32] = []
        /// The session's day as a day of the event from 0 (`event.dayIndex(of: day) - 1`); -1 for
        /// a session without a day or with a day outside the event.
        var days: [Int32] = []
    }

    /// The dataset's track ids, each once (the first of two tracks with one id), by number.
    let ids: [String]
    /// By event id. An id two events share is left out (the loader reported it): their
    /// sessions are counted by name.
    private let byEvent: [String: EventTracks]

    init(_ dataset: Dataset) {
        var lookup = TrackNumberLookup(dataset.tracks.map(\.id))
        ids = lookup.ids
        var byEvent: [String: EventTracks] = [:]
        var shared: Set<String> = []
        byEvent.reserveCapacity(dataset.events.count)
        for event in dataset.events {
            guard !shared.contains(event.id) else { continue }
            if byEvent[event.id] != nil {
                byEvent[event.id] = nil
                shared.insert(event.id)
                continue
            }
            byEvent[event.id] = Self.tracks(of: event, &lookup)
        }
        self.byEvent = byEvent
    }

    private static func tracks(of event: Event, _ lookup: inout TrackNumberLookup) -> EventTracks {
        var made = EventTracks()
        made.numbers.reserveCapacity(event.sessions.count)
        made.days.reserveCapacity(event.sessions.count)
        let firstDay = event.startDate.dayNumber, dayCount = event.dayCount
        // Sessions come mostly grouped by day: the last day's column is kept, not worked out again.
        var lastDay: CalendarDate?, lastColumn: Int32 = -1
        for session in event.sessions {
            let day = session.day
            if day != lastDay {
                lastDay = day
                let offset = day.map { $0.dayNumber - firstDay } ?? -1
                lastColumn = offset >= 0 && offset < dayCount ? Int32(offset) : -1
            }
            made.days.append(lastColumn)
            let tracks = session.tracks
            if tracks.isEmpty || session.groupTopic {
                made.numbers.append(Self.none)
            } else if tracks.count == 1 {
                made.numbers.append(lookup.number(tracks[0]) ?? Self.other)
            } else {
                made.numbers.append(Self.other)
            }
        }
        return made
    }

    /// `event`'s sessions' numbers and days; nil when they are not kept for it (an id two events
    /// share, or an event not of this dataset).
    func tracks(of event: Event) -> EventTracks? {
        byEvent[event.id].flatMap { $0.numbers.count == event.sessions.count ? $0 : nil }
    }
}

/// A track id's number: by the id's name (a String hash), with in front of it a table keyed by
/// the String value's own two words (`StringNumbering`).
struct TrackNumberLookup {
    private var numbering = StringNumbering()
    var ids: [String] { numbering.names }

    init(_ trackIDs: [String]) {
        for id in trackIDs { _ = numbering.number(id, adding: true) }
    }

    mutating func number(_ id: String) -> UInt32? {
        numbering.number(id, adding: false).map(UInt32.init)
    }
}

/// Numbers for strings, 0, 1, 2… in the order first given, equal strings one number: by name (a
/// String-keyed dictionary), with in front of it a table keyed by the String value's own two
/// words. Equal words are the same string: the same characters for a short string (kept in the
/// value itself), the same storage for a long one; and the importers give every session of a
/// track or room that one id string, so after its first session a name is not hashed again
/// (a String hash is some 350 instructions; the table's probe a few tens). A string not in the
/// table (another storage of an equal string) is looked up by name, so the numbers never depend
/// on the table. The table only lives as long as the numbering, while the strings it was given
/// are held by the dataset: a storage's address is not reused meanwhile.
struct StringNumbering {
    private(set) var names: [String] = []
    private var byName: [String: Int] = [:]
    /// Open addressing, a power of two of slots, at most three quarters full; a key of (0, 0)
    /// is an empty slot (no String has those bits: a large one has a count, a small one a
    /// discriminator). Grows up to `maximumSlots`; past that, further strings go by name only.
    private var first: [UInt64] = []
    private var second: [UInt64] = []
    private var values: [Int] = []
    private var filled = 0
    private static let maximumSlots = 1 << 14

    init() {}

    /// `text`'s number; a new one when it has none and `adding`, else nil.
    mutating func number(_ text: String, adding: Bool) -> Int? {
        guard MemoryLayout<String>.size == 16 else { return byNameNumber(text, adding: adding) }
        let words = unsafeBitCast(text, to: (UInt64, UInt64).self)
        guard words != (0, 0) else { return byNameNumber(text, adding: adding) }
        if !values.isEmpty {
            var slot = Self.slot(words, values.count)
            while first[slot] != 0 || second[slot] != 0 {
                if first[slot] == words.0 && second[slot] == words.1 { return values[slot] }
                slot = (slot + 1) & (values.count - 1)
            }
        }
        guard let number = byNameNumber(text, adding: adding) else { return nil }
        remember(words, number)
        return number
    }

    private mutating func byNameNumber(_ text: String, adding: Bool) -> Int? {
        if let number = byName[text] { return number }
        guard adding else { return nil }
        byName[text] = names.count
        names.append(text)
        return names.count - 1
    }

    /// The words mixed so that every bit counts (murmur3's finaliser): a product alone carries a
    /// difference only towards the high bits, and short names that differ at their end ("Hall 1"
    /// to "Hall 200", whose digits are the high bytes of the first word) all fell in two slots,
    /// a probe of a hundred slots each (issue 13, round 14: 800 instructions a session in
    /// `SessionPlaces` at 100,000 sessions).
    private static func slot(_ words: (UInt64, UInt64), _ slots: Int) -> Int {
        var mixed = words.0 ^ (words.1 &* 0x9E37_79B9_7F4A_7C15)
        mixed ^= mixed >> 33
        mixed &*= 0xFF51_AFD7_ED55_8CCD
        mixed ^= mixed >> 33
        mixed &*= 0xC4CE_B9FE_1A85_EC53
        mixed ^= mixed >> 33
        return Int(truncatingIfNeeded: mixed) & (slots - 1)
    }

    private mutating func remember(_ words: (UInt64, UInt64), _ number: Int) {
        if (filled + 1) * 4 > values.count * 3 {
            guard values.count < Self.maximumSlots else { return }
            let old = (first, second, values)
            let slots = max(64, values.count * 2)
            first = Array(repeating: 0, count: slots)
            second = Array(repeating: 0, count: slots)
            values = Array(repeating: 0, count: slots)
            filled = 0
            for index in old.2.indices where old.0[index] != 0 || old.1[index] != 0 {
                insert((old.0[index], old.1[index]), old.2[index])
            }
        }
        insert(words, number)
    }

    private mutating func insert(_ words: (UInt64, UInt64), _ number: Int) {
        var slot = Self.slot(words, values.count)
        while first[slot] != 0 || second[slot] != 0 {
            if first[slot] == words.0 && second[slot] == words.1 { return }
            slot = (slot + 1) & (values.count - 1)
        }
        first[slot] = words.0
        second[slot] = words.1
        values[slot] = number
        filled += 1
    }
}

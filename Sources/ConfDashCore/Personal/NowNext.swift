import Foundation

/// "Now" as the user set it (`--now`, `CONFDASH_NOW`) or the system clock. A time with an offset
/// (`2024-12-28T14:00+01:00`, `…Z`) is one instant everywhere; without one (`2024-12-28T14:00`)
/// it is read on each event's own clock, which is what a demo or a test of a schedule means.
public enum NowSetting: Equatable, Sendable {
    case instant(seconds: Int)
    case eventWallClock(LocalDateTime)

    /// Parses ISO 8601 `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM|±HHMM]` (a space for `T` too); nil otherwise.
    public static func parse(_ text: String) -> NowSetting? {
        var body = text.trimmingCharacters(in: .whitespaces)
        var offset: Int?
        if body.hasSuffix("Z") || body.hasSuffix("z") {
            offset = 0
            body.removeLast()
        } else if body.count > 16 {
            let tail = body.suffix(6)
            let compact = body.suffix(5)
            if let seconds = TimeZones.offsetSeconds(String(tail)) {
                offset = seconds
                body.removeLast(6)
            } else if compact.first == "+" || compact.first == "-",
                      let seconds = TimeZones.offsetSeconds(String(compact.prefix(3)) + ":" + String(compact.suffix(2))) {
                offset = seconds
                body.removeLast(5)
            }
        }
        guard let local = LocalDateTime(iso: body) else { return nil }
        var seconds = 0
        if body.count == 19, let value = Int(body.suffix(2)) { seconds = value }
        if let offset { return .instant(seconds: TimeZones.naiveSeconds(local) + seconds - offset) }
        return .eventWallClock(local)
    }

    /// The time it is on `event`'s clock. An instant with an event that has no zone (floating
    /// times) is read on `localZone`, the user's: asked only then (finding the system's zone is
    /// not free, and most events have a zone of their own).
    public func wallClock(for event: Event, localZone: @autoclosure () -> TimeZone) -> LocalDateTime {
        switch self {
        case .eventWallClock(let local): return local
        case .instant(let seconds):
            let zone = event.timeZone.flatMap(TimeZones.zone(named:)) ?? localZone()
            return TimeZones.local(at: seconds, in: zone)
        }
    }

    /// The clock: `--now` if given, else `CONFDASH_NOW`, else the system clock at `date`.
    /// A value that does not parse is an error naming where it came from.
    public static func resolve(option: String?, environment: [String: String], date: Date = Date()) -> Result<NowSetting, NowSettingError> {
        if let option {
            return parse(option).map { .success($0) } ?? .failure(NowSettingError(source: "--now", text: option))
        }
        if let text = environment["CONFDASH_NOW"], !text.isEmpty {
            return parse(text).map { .success($0) } ?? .failure(NowSettingError(source: "CONFDASH_NOW", text: text))
        }
        return .success(.instant(seconds: Int(date.timeIntervalSince1970.rounded(.down))))
    }
}

public struct NowSettingError: Error, Equatable, Sendable {
    public var source: String
    public var text: String
    public var message: String {
        "\(source) \"\(text.prefix(60))\": expected an ISO 8601 time such as 2024-12-28T14:00 (event time) or 2024-12-28T14:00+01:00"
    }
}

/// What runs now and what comes next, room by room (or track by track), on an event's clock.
public struct NowNext: Sendable {
    public enum Grouping: String, Sendable, CaseIterable { case room, track }

    public struct Row: Sendable {
        /// A room id or track id; nil for sessions with no room (or no track).
        public var group: String?
        public var now: Session?
        public var next: Session?
    }

    public var event: Event
    /// The event's wall clock at the moment asked about.
    public var time: LocalDateTime
    public var rows: [Row]
    /// Whether the event is on: the day is one of its days, or a session is running (the night after).
    public var isOn: Bool

    /// `only`: restrict to these sessions (starred). `next` is the first session starting after
    /// `time` on the same calendar day or in the night after it (before 06:00): what is still to come "today".
    public init(event: Event, at time: LocalDateTime, by grouping: Grouping = .room, only: Set<SessionAddress>? = nil) {
        self.event = event
        self.time = time
        let zone = event.timeZone.flatMap(TimeZones.zone(named:))
        let dayEnd = LocalDateTime(date: time.date.adding(days: time.time.hour < 6 ? 0 : 1), time: ClockTime(hour: 6, minute: 0)!)
        var order: [String?] = []
        var byGroup: [String?: Row] = [:]
        var running = false
        for session in event.sessions {
            guard let start = session.start else { continue }
            if let only, !only.contains(SessionAddress(event: event.id, session: session.id)) { continue }
            let keys: [String?] = grouping == .room ? [session.room] : (session.tracks.isEmpty ? [nil] : session.tracks.map { Optional($0) })
            let end = session.end(inTimeZone: zone) ?? start
            let isNow = start <= time && time < end
            let isNext = start > time && start < dayEnd
            guard isNow || isNext else { continue }
            running = running || isNow
            for key in keys {
                if byGroup[key] == nil { order.append(key); byGroup[key] = Row(group: key) }
                if isNow, byGroup[key]!.now.map({ start > $0.start! }) ?? true { byGroup[key]!.now = session }
                if isNext, byGroup[key]!.next.map({ start < $0.start! }) ?? true { byGroup[key]!.next = session }
            }
        }
        let roomOrder = Dictionary(event.rooms.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.rows = order.map { byGroup[$0]! }.sorted { a, b in
            if grouping == .room { return (a.group.flatMap { roomOrder[$0] } ?? Int.max, a.group ?? "") < (b.group.flatMap { roomOrder[$0] } ?? Int.max, b.group ?? "") }
            return (a.group ?? "\u{10FFFF}") < (b.group ?? "\u{10FFFF}")
        }
        self.isOn = event.dayIndex(of: time.date) != nil || running
    }

    /// The soonest session still to come today across all rows (ties: the first row's).
    public var soonest: Session? {
        rows.compactMap(\.next).min { $0.start! < $1.start! }
    }
}

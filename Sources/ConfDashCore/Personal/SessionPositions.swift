/// Where each session sits in its event's list, by id: finds a starred session without going
/// through the event's sessions. My agenda and the overlap lines look up only the starred
/// sessions, so their cost follows the stars, not the size of the schedule. Built once per
/// dataset (a dictionary insert per session).
public final class SessionPositions: Sendable {
    /// One event's sessions by id; `listsOnce` false when it lists an id more than once (a
    /// damaged or hand-made schedule): an address there stands for several sessions, so callers
    /// go through the event instead.
    public struct Event: Sendable {
        let positions: [String: Int]
        public let listsOnce: Bool

        /// The position of the session `id` in the event's `sessions`, when the event lists each id once.
        public func position(of id: String) -> Int? { listsOnce ? positions[id] : nil }
    }

    private let byEvent: [String: Event]

    public init(_ dataset: Dataset) {
        var byEvent: [String: Event] = [:]
        byEvent.reserveCapacity(dataset.events.count)
        var repeatedEvents: Set<String> = []
        for event in dataset.events {
            var positions: [String: Int] = [:]
            positions.reserveCapacity(event.sessions.count)
            var once = true
            for position in event.sessions.indices where positions.updateValue(position, forKey: event.sessions[position].id) != nil {
                once = false
            }
            if byEvent.updateValue(Event(positions: positions, listsOnce: once), forKey: event.id) != nil { repeatedEvents.insert(event.id) }
        }
        // Two events with one id: neither can be told from the other by an address.
        for id in repeatedEvents { byEvent[id] = Event(positions: [:], listsOnce: false) }
        self.byEvent = byEvent
    }

    /// The sessions of the event `id`; nil when the dataset has no such event.
    public func event(_ id: String) -> Event? { byEvent[id] }

    /// The position of the session at `address` in its event's `sessions`; nil when there is no
    /// such session, or when the event lists its id more than once (see `listsOnce`).
    public func position(of address: SessionAddress) -> Int? { byEvent[address.event]?.position(of: address.session) }

    /// Whether every session id of `event` (and the event's own id) is listed once, so that an
    /// address names exactly one session.
    public func listsOnce(_ event: String) -> Bool { byEvent[event]?.listsOnce ?? true }
}

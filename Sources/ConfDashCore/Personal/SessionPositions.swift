/// Where each session sits in its event's list, by id: finds a starred session without going
/// through the event's sessions. My agenda and the overlap lines look up only the starred
/// sessions, so their cost follows the stars, not the size of the schedule. Built once per
/// dataset (a dictionary insert per session).
public final class SessionPositions: Sendable {
    private let byEvent: [String: [String: Int]]
    /// Events that list a session id more than once (a damaged or hand-made schedule): an
    /// address there stands for several sessions, so callers go through the event instead.
    private let repeatedIDs: Set<String>

    public init(_ dataset: Dataset) {
        var byEvent: [String: [String: Int]] = [:]
        var repeated: Set<String> = []
        byEvent.reserveCapacity(dataset.events.count)
        for event in dataset.events {
            var positions: [String: Int] = [:]
            positions.reserveCapacity(event.sessions.count)
            for position in event.sessions.indices where positions.updateValue(position, forKey: event.sessions[position].id) != nil {
                repeated.insert(event.id)
            }
            if byEvent.updateValue(positions, forKey: event.id) != nil { repeated.insert(event.id) }
        }
        self.byEvent = byEvent
        repeatedIDs = repeated
    }

    /// The position of the session at `address` in its event's `sessions`; nil when there is no
    /// such session, or when the event lists its id more than once (see `listsOnce`).
    public func position(of address: SessionAddress) -> Int? {
        guard !repeatedIDs.contains(address.event) else { return nil }
        return byEvent[address.event]?[address.session]
    }

    /// Whether every session id of `event` (and the event's own id) is listed once, so that an
    /// address names exactly one session.
    public func listsOnce(_ event: String) -> Bool { !repeatedIDs.contains(event) }
}

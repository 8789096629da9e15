/// How often a track or technology occurs: in how many events and sessions, and per year.
public struct UsageCount: Equatable, Sendable {
    public var events: Int = 0
    /// Sessions only: an entry that stands for a topic grouped sessions covered counts in `topics`.
    public var sessions: Int = 0
    /// Entries that are a topic of grouped sessions ("breakouts on topics such as…"), not sessions.
    public var topics: Int = 0
    /// False once a counted topic is not a breakout's ("11 sessions and 8 breakout topics").
    public var topicsAreBreakouts = true
    /// Sessions (not topics) per year of the event's start date, for trends.
    public var sessionsByYear: [Int: Int] = [:]
    public var eventIDs: [String] = []

    /// No use at all: zero everywhere.
    public init() {}
}

extension DatasetIndex {
    /// Usage of each track by id. Every track in the dataset appears, unused ones with zero counts.
    public func trackUsage() -> [String: UsageCount] {
        usage(ids: dataset.tracks.map(\.id), eventLevel: { _ in [] }, sessionLevel: \.tracks)
    }

    /// Usage of each technology by id. An event counts when it or one of its sessions mentions the technology.
    public func technologyUsage() -> [String: UsageCount] {
        usage(ids: dataset.technologies.map(\.id), eventLevel: \.technologies, sessionLevel: \.technologies)
    }

    private func usage(ids: [String], eventLevel: (Event) -> [String], sessionLevel: (Session) -> [String]) -> [String: UsageCount] {
        // An id listed twice (the dataset reader refuses it, but a dataset made in memory can
        // have it) is counted once, not a trap.
        var result = Dictionary(ids.map { ($0, UsageCount()) }, uniquingKeysWith: { first, _ in first })
        for event in eventsByDate {
            var inEvent = Set(eventLevel(event))
            for session in event.sessions {
                for id in Set(sessionLevel(session)) where result[id] != nil {
                    if session.groupTopic {
                        result[id]!.topics += 1
                        if session.kind != .breakout { result[id]!.topicsAreBreakouts = false }
                    } else {
                        result[id]!.sessions += 1
                        result[id]!.sessionsByYear[event.startDate.year, default: 0] += 1
                    }
                    inEvent.insert(id)
                }
            }
            for id in inEvent where result[id] != nil {
                result[id]!.events += 1
                result[id]!.eventIDs.append(event.id)
            }
        }
        return result
    }

    /// Events of each region, oldest first; every region appears, even with none.
    public func eventsByRegion() -> [String: [Event]] {
        var result = Dictionary(uniqueKeysWithValues: dataset.regions.map { ($0.id, [Event]()) })
        for event in eventsByDate { if let region = event.region, result[region] != nil { result[region]!.append(event) } }
        return result
    }
}

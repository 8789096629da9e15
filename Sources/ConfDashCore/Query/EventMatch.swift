/// The parts of an event's own text a search can match.
public enum EventSearchField: String, Sendable, CaseIterable, Encodable {
    case title, theme, description, place, organisations

    /// "theme", "organisations": how the field is named to the user (the words are in `Labels`).
    public func label(_ labels: Labels) -> String { labels.searchField(self) }
}

/// An event found by a search on its own text rather than through one of its sessions.
public struct EventMatch: Sendable {
    public var event: Event
    /// The fields that hold a word of the search, in a fixed order.
    public var fields: [EventSearchField]

    public init(event: Event, fields: [EventSearchField]) { self.event = event; self.fields = fields }
}

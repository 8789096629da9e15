import ConfDashCore

/// An id that says what it names. The filters hold track, technology and region ids and the
/// state the selected event's id, all strings in the data (as are session and room ids): typed,
/// a region id cannot be put where a technology is expected, nor a session id where an event's is.
public struct TypedID<Subject>: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
}

extension Track { var typedID: TypedID<Track> { TypedID(id) } }
extension Technology { var typedID: TypedID<Technology> { TypedID(id) } }
extension Region { var typedID: TypedID<Region> { TypedID(id) } }
extension Room { var typedID: TypedID<Room> { TypedID(id) } }
extension Event { var typedID: EventID { EventID(id) } }

/// The id of an event (a conference), as the dashboard's state holds it.
public typealias EventID = TypedID<Event>

import ConfDashCore

/// An id that says what it names. The filters hold track, technology and region ids, all
/// strings in the data: typed, a region id cannot be put where a technology is expected.
public struct TypedID<Subject>: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
}

extension Track { var typedID: TypedID<Track> { TypedID(id) } }
extension Technology { var typedID: TypedID<Technology> { TypedID(id) } }
extension Region { var typedID: TypedID<Region> { TypedID(id) } }

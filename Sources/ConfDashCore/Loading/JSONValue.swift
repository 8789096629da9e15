/// Where a JSON value starts in its text. Kept on every value so that problems found long after
/// parsing (an unknown id, a date outside the event) can still point at the right line.
public struct JSONPosition: Hashable, Sendable, CustomStringConvertible {
    /// 1-based.
    public var line: Int
    /// 1-based, counted in Unicode scalars.
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }
}

/// A parsed JSON document that remembers positions and keeps object members in file order,
/// duplicates included (Foundation's JSONSerialization gives neither).
public struct JSONValue: Sendable {
    public enum Content: Sendable {
        case null
        case bool(Bool)
        /// The number's text as written: whether it is an integer, and its exact digits, are the reader's business.
        case number(String)
        case string(String)
        case array([JSONValue])
        case object([JSONMember])
    }

    public var content: Content
    public var position: JSONPosition

    public init(_ content: Content, at position: JSONPosition) {
        self.content = content
        self.position = position
    }

    /// "a string", "an object"…, for messages such as "expected a string, found a number".
    public var kindDescription: String {
        switch content {
        case .null: return "null"
        case .bool: return "true or false"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The first member named `key`, when this is an object.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = content else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var stringValue: String? {
        if case let .string(text) = content { return text }
        return nil
    }
}

public struct JSONMember: Sendable {
    public var key: String
    public var keyPosition: JSONPosition
    public var value: JSONValue

    public init(key: String, keyPosition: JSONPosition, value: JSONValue) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}

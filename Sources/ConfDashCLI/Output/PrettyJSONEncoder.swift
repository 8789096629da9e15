import ConfDashCore
import Foundation

/// The CLI's JSON, byte for byte what Foundation's `JSONEncoder` writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` followed by
/// `TerminalText.escapedJSON`, plus U+2028 and U+2029 escaped (valid JSON either way; escaped,
/// the output can also be pasted into JavaScript).
///
/// Written by hand because `JSONEncoder` was 45 % of `confdash agenda --format json`: it boxes
/// every value, sorts keys with a locale-aware comparison and then copies the text twice more
/// (to `Data`, to `String`, through the escaping pass). This encoder builds a small tree of
/// slots, sorts each object's keys once by their UTF-8 bytes (the records' keys are ASCII, where
/// that order and Foundation's agree; a test compares the two), and writes UTF-8 bytes once.
///
/// Strings are escaped by `JSONQuoting`.
struct PrettyJSONEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let slot = try JSONSlotEncoder.slot(for: value)
        var writer = JSONSlotWriter()
        writer.write(slot, depth: 0)
        return writer.bytes
    }
}

/// A value being encoded. Objects and arrays are classes so that nested containers can keep
/// filling them after they are placed in their parent, as `Encoder` allows.
enum JSONSlot {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array(JSONArrayStorage)
    case object(JSONObjectStorage)
}

final class JSONArrayStorage { var items: [JSONSlot] = [] }
final class JSONObjectStorage {
    /// In the order encoded. A keyed container may encode a key twice: both are kept here, and the
    /// writer writes the last value (looking for the key on every set was quadratic in the keys).
    var members: [(key: String, value: JSONSlot)] = []
    func set(_ key: String, _ value: JSONSlot) { members.append((key, value)) }
}

/// An `Encoder` that turns one value into a `JSONSlot`.
final class JSONSlotEncoder: Encoder {
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    fileprivate var slot: JSONSlot?

    init(codingPath: [any CodingKey] = []) { self.codingPath = codingPath }

    /// The slot for `value`, without an encoder for the common leaf types.
    static func slot<T: Encodable>(for value: T, codingPath: [any CodingKey] = []) throws -> JSONSlot {
        // The type compared, not the value cast: a dynamic cast of every record and field to
        // String, Int, Bool and Double in turn (with the runtime's conformance look-ups) was a
        // tenth of `agenda --format json`. An optional of these goes through its own `encode`,
        // which gives the same slot (or null).
        if T.self == String.self { return .string(value as! String) }
        if T.self == Int.self { return .number(String(value as! Int)) }
        if T.self == Bool.self { return .bool(value as! Bool) }
        if T.self == Double.self { return try .number(JSONSlotWriter.text(of: value as! Double, codingPath)) }
        let encoder = JSONSlotEncoder(codingPath: codingPath)
        try value.encode(to: encoder)
        // A type that encodes nothing at all: Foundation writes an empty object.
        return encoder.slot ?? .object(JSONObjectStorage())
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let storage: JSONObjectStorage
        if case .object(let existing)? = slot { storage = existing } else { storage = JSONObjectStorage(); slot = .object(storage) }
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(storage: storage, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let storage: JSONArrayStorage
        if case .array(let existing)? = slot { storage = existing } else { storage = JSONArrayStorage(); slot = .array(storage) }
        return JSONUnkeyedContainer(storage: storage, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONSingleValueContainer(encoder: self) }
}

private struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: JSONObjectStorage
    var codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { storage.set(key.stringValue, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { storage.set(key.stringValue, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { storage.set(key.stringValue, .string(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { storage.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        storage.set(key.stringValue, .number(try JSONSlotWriter.text(of: value, codingPath + [key])))
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        storage.set(key.stringValue, try JSONSlotEncoder.slot(for: value, codingPath: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectStorage()
        storage.set(key.stringValue, .object(nested))
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(storage: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONArrayStorage()
        storage.set(key.stringValue, .array(nested))
        return JSONUnkeyedContainer(storage: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

    private func superEncoder(named name: String) -> any Encoder {
        // Encoded straight into a fresh object placed under the key.
        let nested = JSONObjectStorage()
        storage.set(name, .object(nested))
        let encoder = JSONSlotEncoder(codingPath: codingPath)
        encoder.slot = .object(nested)
        return encoder
    }
}

private struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let storage: JSONArrayStorage
    var codingPath: [any CodingKey]
    var count: Int { storage.items.count }

    mutating func encodeNil() throws { storage.items.append(.null) }
    mutating func encode(_ value: Bool) throws { storage.items.append(.bool(value)) }
    mutating func encode(_ value: String) throws { storage.items.append(.string(value)) }
    mutating func encode(_ value: Int) throws { storage.items.append(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        storage.items.append(try JSONSlotEncoder.slot(for: value, codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectStorage()
        storage.items.append(.object(nested))
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(storage: nested, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONArrayStorage()
        storage.items.append(.array(nested))
        return JSONUnkeyedContainer(storage: nested, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        let nested = JSONObjectStorage()
        storage.items.append(.object(nested))
        let encoder = JSONSlotEncoder(codingPath: codingPath)
        encoder.slot = .object(nested)
        return encoder
    }
}

private struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONSlotEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.slot = .null }
    mutating func encode(_ value: Bool) throws { encoder.slot = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.slot = .string(value) }
    mutating func encode(_ value: Int) throws { encoder.slot = .number(String(value)) }
    mutating func encode(_ value: Double) throws { encoder.slot = .number(try JSONSlotWriter.text(of: value, codingPath)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.slot = try JSONSlotEncoder.slot(for: value, codingPath: codingPath)
    }
}

/// Writes slots as pretty-printed UTF-8 in `JSONEncoder`'s layout: two-space indents,
/// `"key" : value`, and an empty array or object on three lines (`[`, an empty line, `]`).
struct JSONSlotWriter {
    private(set) var bytes: [UInt8] = []
    /// The written order of recent objects' members, by their keys as encoded: the records of a
    /// list all encode the same keys in the same order, so each shape of object is sorted once.
    private var orders: [(keys: [String], order: [Int])] = []

    /// A number as `JSONEncoder` writes it: Swift's shortest round-trip text, without a trailing
    /// `.0`. Not-a-number and infinities have no JSON form.
    static func text(of number: Double, _ codingPath: [any CodingKey]) throws -> String {
        guard number.isFinite else {
            throw EncodingError.invalidValue(number, EncodingError.Context(codingPath: codingPath,
                                                                          debugDescription: "\(number) has no JSON form"))
        }
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    mutating func write(_ slot: JSONSlot, depth: Int) {
        switch slot {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .number(let text): append(text)
        case .string(let text): quote(text)
        case .array(let storage):
            bytes.append(UInt8(ascii: "["))
            bytes.append(0x0A)
            for (offset, item) in storage.items.enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")); bytes.append(0x0A) }
                indent(depth + 1)
                write(item, depth: depth + 1)
            }
            bytes.append(0x0A)
            indent(depth)
            bytes.append(UInt8(ascii: "]"))
        case .object(let storage):
            bytes.append(UInt8(ascii: "{"))
            bytes.append(0x0A)
            let members = storage.members
            for (offset, index) in order(of: members).enumerated() {
                let member = members[index]
                if offset > 0 { bytes.append(UInt8(ascii: ",")); bytes.append(0x0A) }
                indent(depth + 1)
                quote(member.key)
                append(" : ")
                write(member.value, depth: depth + 1)
            }
            bytes.append(0x0A)
            indent(depth)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Which members are written, in which order: sorted by the keys' UTF-8 bytes, and of a key
    /// encoded more than once only the last.
    private mutating func order(of members: [(key: String, value: JSONSlot)]) -> [Int] {
        for known in orders where known.keys.count == members.count {
            if known.keys.indices.allSatisfy({ Self.compare(known.keys[$0], members[$0].key) == 0 }) { return known.order }
        }
        // Stable: of equal keys the one encoded last comes last, and is the one kept.
        let sorted = members.indices.sorted { left, right in
            let order = Self.compare(members[left].key, members[right].key)
            return order != 0 ? order < 0 : left < right
        }
        var order: [Int] = []
        order.reserveCapacity(sorted.count)
        for (position, index) in sorted.enumerated() {
            if position + 1 < sorted.count, Self.compare(members[sorted[position + 1]].key, members[index].key) == 0 { continue }
            order.append(index)
        }
        // A dictionary's keys are data, different in every object: only so many shapes are kept.
        if orders.count < 16 { orders.append((members.map(\.key), order)) }
        return order
    }

    /// The order of two keys' UTF-8 bytes: negative, zero or positive.
    private static func compare(_ left: String, _ right: String) -> Int {
        var left = left, right = right
        return left.withUTF8 { a in
            right.withUTF8 { b in
                let common = min(a.count, b.count)
                if common > 0 {
                    let order = memcmp(a.baseAddress!, b.baseAddress!, common)
                    if order != 0 { return Int(order) }
                }
                return a.count - b.count
            }
        }
    }

    private mutating func indent(_ depth: Int) {
        for _ in 0..<(2 * depth) { bytes.append(0x20) }
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private mutating func quote(_ text: String) { JSONQuoting.appendQuoted(text, to: &bytes) }
}

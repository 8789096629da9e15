/// Turns one JSON value at a path into a model value, reporting what is wrong and returning nil
/// instead of stopping.
typealias ValueReader<T> = (JSONValue, String) -> T?

/// Reads the members of one JSON object. It remembers which keys the caller asked for, so that
/// `finish()` can report the others as unknown (most likely typos). Callers therefore ask for every
/// field before giving up on a record.
final class ObjectReader {
    let path: String
    let position: JSONPosition
    private let log: ProblemLog
    private let members: [JSONMember]
    /// Only for large objects: for the usual dozen members a linear scan beats hashing every key.
    private var indexByKey: [String: Int]?
    private var knownKeys: [String] = []

    /// Nil (with the problem reported) when `value` is not an object.
    init?(_ value: JSONValue, path: String, log: ProblemLog) {
        guard case let .object(members) = value.content else {
            log.error("expected an object, found \(value.kindDescription)", at: path, value.position)
            return nil
        }
        self.path = path
        self.position = value.position
        self.log = log
        self.members = members
        if members.count > 16 { indexByKey = [:] }
        for (index, member) in members.enumerated() {
            if let first = self.index(of: member.key), first < index {
                // Parsers disagree on which duplicate wins, so the file means different things to different tools.
                log.error("duplicate key \(quoted(member.key)) (first at \(members[first].keyPosition))",
                          at: ProblemPath.member(path, member.key), member.keyPosition)
            } else {
                indexByKey?[member.key] = index
            }
        }
    }

    /// The first member named `key`.
    private func index(of key: String) -> Int? {
        if let indexByKey { return indexByKey[key] }
        return members.firstIndex { $0.key == key }
    }

    func fieldPath(_ key: String) -> String {
        ProblemPath.member(path, key)
    }

    /// The member's value, or nil when absent or null (both mean "not given" for optional fields).
    func value(_ key: String) -> JSONValue? {
        knownKeys.append(key)
        guard let index = index(of: key) else { return nil }
        let value = members[index].value
        if case .null = value.content { return nil }
        return value
    }

    /// Where to point for a problem with `key`: its value, or the whole object when it is absent.
    func position(of key: String) -> JSONPosition {
        index(of: key).map { members[$0].value.position } ?? position
    }

    func required<T>(_ key: String, _ read: ValueReader<T>) -> T? {
        knownKeys.append(key)
        guard let index = index(of: key) else {
            log.error("missing required field \(quoted(key))", at: fieldPath(key), position)
            return nil
        }
        return read(members[index].value, fieldPath(key))
    }

    func optional<T>(_ key: String, _ read: ValueReader<T>) -> T? {
        value(key).flatMap { read($0, fieldPath(key)) }
    }

    /// An array field; absent means empty (null does not: the format says so, to keep one way of writing "none").
    /// Elements that cannot be read are left out.
    func list<T>(_ key: String, required: Bool = false, _ read: ValueReader<T>) -> [T] {
        if required && index(of: key) == nil {
            knownKeys.append(key)
            log.error("missing required field \(quoted(key))", at: fieldPath(key), position)
            return []
        }
        knownKeys.append(key)
        guard let index = index(of: key) else { return [] }
        let value = members[index].value
        guard case let .array(elements) = value.content else {
            log.error("expected an array, found \(value.kindDescription)", at: fieldPath(key), value.position)
            return []
        }
        let base = fieldPath(key)
        var result: [T] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            if let item = read(element, ProblemPath.element(base, index)) { result.append(item) }
        }
        return result
    }

    /// Reports every key nobody asked for.
    func finish() {
        for member in members where !knownKeys.contains(member.key) {
            var message = "unknown key \(quoted(member.key)) is ignored"
            if let guess = log.suggestion(for: member.key, among: knownKeys) {
                message += "; did you mean \(quoted(guess))?"
            }
            log.warning(message, at: fieldPath(member.key), member.keyPosition)
        }
    }
}

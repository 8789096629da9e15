import Foundation

/// The first syntax error in a JSON text. Parsing stops there: after a syntax error the rest
/// of the text cannot be trusted to mean anything.
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int
    /// The innermost array or object the error is in, as in problems (`events[2].sessions`); "" at the top.
    public var path: String

    public init(message: String, line: Int, column: Int, path: String = "") {
        self.message = message
        self.line = line
        self.column = column
        self.path = path
    }

    public var description: String { "\(line):\(column): \(message)" }
}

/// A strict RFC 8259 parser that records positions. Written by hand rather than on top of
/// JSONSerialization so that errors carry line and column and values keep theirs.
///
/// It never recurses (nesting lives in an explicit stack), so no input can exhaust the call stack;
/// nesting beyond `maximumDepth` is refused so that the tree stays cheap to walk and free.
public enum JSONParser {
    public static let maximumDepth = 512

    public static func parse(_ data: Data) -> Result<JSONValue, JSONSyntaxError> {
        parse(bytes: [UInt8](data))
    }

    public static func parse(_ text: String) -> Result<JSONValue, JSONSyntaxError> {
        parse(bytes: Array(text.utf8))
    }

    public static func parse(bytes: [UInt8]) -> Result<JSONValue, JSONSyntaxError> {
        parse(bytes: bytes, tap: nil)
    }

    /// Parses `bytes`, handing each object found at `tap`'s place to it as soon as the object is
    /// read. An object the tap takes is left in the tree as an empty object at the same position,
    /// so that a large list of them is never held as a tree all at once (see `JSONTap`).
    static func parse(bytes: [UInt8], tap: JSONTap?) -> Result<JSONValue, JSONSyntaxError> {
        parse(JSONScanner(bytes: bytes), tap: tap)
    }

    /// `parse(bytes:tap:)`, taking the bytes from the caller (`bytes` is left empty): the pages
    /// of the text the parser has passed are handed back to the system as it goes
    /// (`PassedPages`), so a large schedule.json is not held whole while the sessions read from
    /// it grow (at 100,000 sessions the file was a third of the peak).
    static func parse(taking bytes: inout [UInt8], tap: JSONTap?) -> Result<JSONValue, JSONSyntaxError> {
        var owned: [UInt8] = []
        swap(&owned, &bytes)
        // A mutable buffer makes the array's storage this function's alone (copied first if
        // anything else still held it), so no one else can read the pages released.
        owned.withUnsafeMutableBufferPointer { _ in }
        var scanner = JSONScanner(bytes: owned)
        owned = []
        scanner.releasing = true
        return parse(scanner, tap: tap)
    }

    private static func parse(_ scanner: consuming JSONScanner, tap: JSONTap?) -> Result<JSONValue, JSONSyntaxError> {
        if let error = UTF8Check.firstError(in: scanner.bytes) { return .failure(error) }
        var scanner = scanner
        scanner.tap = tap
        do {
            return .success(try scanner.parseDocument())
        } catch {
            return .failure(error)
        }
    }
}

/// The parser's cursor. Only valid UTF-8 reaches it, so columns can be counted by skipping
/// continuation bytes.
struct JSONScanner {
    // Not private: the lexing half lives in JSONScanner+Lexing.swift.
    let bytes: [UInt8]
    var offset = 0
    var line = 1
    var column = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
        // Editors on Windows like to write a byte order mark; RFC 8259 §8.1 lets parsers ignore it.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
    }

    /// Arrays and objects still being filled in, outermost first.
    var stack: [Frame] = []
    /// Takes the objects found at one place of the document as they are read (nil: none is taken).
    var tap: JSONTap?
    /// Whether the pages of `bytes` the parser has passed are handed back (the parser owns them).
    var releasing = false
    /// The bytes before this offset have been handed back.
    var releasedUpTo = 0

    enum PathComponent {
        case key(String)
        case index(Int)
    }

    struct Frame {
        var isObject: Bool
        var position: JSONPosition
        /// Where this container sits in its parent, for the path of errors inside it.
        var component: PathComponent?
        var elements: [JSONValue] = []
        var members: [JSONMember] = []
        var pendingKey = ""
        var pendingKeyPosition = JSONPosition(line: 0, column: 0)
        /// Whether this container sits where `tap.place` leads so far (its parents' steps all match).
        var onTapPlace = false
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        if peek == nil { throw failure("empty file: expected a JSON value") }
        let value = try parseValue()
        skipWhitespace()
        if peek != nil { throw failure("unexpected \(found) after the end of the JSON value") }
        return value
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        var afterComma = false
        // The value just finished was an object the tap read straight from the bytes.
        var readDirectly = false
        while true {
            skipWhitespace()
            // At the start of a value nothing before it is read again: strings, numbers and
            // words are read from their own first byte on, and messages need only the path
            // (Strings on the stack) and what is at the cursor.
            if releasing && offset - releasedUpTo >= PassedPages.step { releasePassedPages() }
            let start = position
            let commaBefore = afterComma
            afterComma = false
            var value: JSONValue
            switch peek {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = peek == UInt8(ascii: "{")
                if stack.count >= JSONParser.maximumDepth {
                    throw failure("nesting is deeper than \(JSONParser.maximumDepth) levels")
                }
                if isObject, let read = tap?.read, readsDirectly(read) {
                    // Read straight from the bytes by the tap: the tree keeps `{}` in its place.
                    value = JSONValue(.object([]), at: start)
                    readDirectly = true
                    break
                }
                advance()
                skipWhitespace()
                if peek == UInt8(ascii: isObject ? "}" : "]") {
                    advance()
                    value = JSONValue(isObject ? .object([]) : .array([]), at: start)
                } else {
                    let component: PathComponent? = stack.last.map { parent in
                        parent.isObject ? .key(parent.pendingKey) : .index(parent.elements.count)
                    }
                    // Pushed before reading the first key so that an error there has the object in its path.
                    var frame = Frame(isObject: isObject, position: start, component: component)
                    if let tap, stack.count < tap.place.count {
                        frame.onTapPlace = stack.isEmpty || (stack[stack.count - 1].onTapPlace && tap.place[stack.count - 1].matches(component))
                    }
                    stack.append(frame)
                    if isObject {
                        let (key, keyPosition) = try parseKey()
                        stack[stack.count - 1].pendingKey = key
                        stack[stack.count - 1].pendingKeyPosition = keyPosition
                    }
                    continue
                }
            case UInt8(ascii: "]") where commaBefore:
                throw failure("trailing comma before ']'")
            default:
                value = try parseScalar()
            }

            // Hand the finished value to its container; closing a container finishes another value.
            closing: while true {
                guard let top = stack.indices.last else { return value }
                skipWhitespace()
                let isObject = stack[top].isObject
                if readDirectly {
                    readDirectly = false
                } else if stack[top].onTapPlace, top == tap!.place.count - 1, case .object = value.content, tapped(value, in: top) {
                    value = JSONValue(.object([]), at: value.position)
                }
                if isObject {
                    stack[top].members.append(JSONMember(key: stack[top].pendingKey,
                                                         keyPosition: stack[top].pendingKeyPosition, value: value))
                } else {
                    stack[top].elements.append(value)
                }
                if peek == UInt8(ascii: ",") {
                    advance()
                    if isObject {
                        let (key, keyPosition) = try parseKey(afterComma: true)
                        stack[top].pendingKey = key
                        stack[top].pendingKeyPosition = keyPosition
                    } else {
                        afterComma = true
                    }
                    break closing
                } else if peek == UInt8(ascii: isObject ? "}" : "]") {
                    advance()
                    let frame = stack.removeLast()
                    value = JSONValue(isObject ? .object(frame.members) : .array(frame.elements), at: frame.position)
                } else {
                    throw failure(isObject ? "expected ',' or '}' after object member, found \(found)"
                                           : "expected ',' or ']' after array element, found \(found)")
                }
            }
        }
    }

    private mutating func releasePassedPages() {
        bytes.withUnsafeBufferPointer { PassedPages.release($0, from: releasedUpTo, to: offset) }
        releasedUpTo = offset
    }

    /// Whether the tap read the object at the cursor (its `{`), the next member or element of the
    /// innermost container, straight from the bytes. When it did not (a shape or a mistake it
    /// leaves to the parser), the cursor is put back where it was and the parser reads the object
    /// as any other, so that what is accepted, and every error, stay the parser's.
    private mutating func readsDirectly(_ read: JSONTap.Read) -> Bool {
        guard let tap, let top = stack.indices.last, top == tap.place.count - 1, stack[top].onTapPlace else { return false }
        let last: PathComponent = stack[top].isObject ? .key(stack[top].pendingKey) : .index(stack[top].elements.count)
        guard tap.place[top].matches(last) else { return false }
        let saved = (offset, line, column)
        if read(&self) { return true }
        (offset, line, column) = saved
        return false
    }

    /// The key or index at `level` of the path from the root to the value at the cursor (the
    /// path `JSONTap.take` is given), without making the whole path.
    func pathComponent(_ level: Int) -> PathComponent {
        if level + 1 < stack.count { return stack[level + 1].component! }
        let top = stack.count - 1
        return stack[top].isObject ? .key(stack[top].pendingKey) : .index(stack[top].elements.count)
    }

    /// Whether the tap took `value`, the next member or element of `stack[top]`.
    private mutating func tapped(_ value: JSONValue, in top: Int) -> Bool {
        let last: PathComponent = stack[top].isObject ? .key(stack[top].pendingKey) : .index(stack[top].elements.count)
        guard let tap, tap.place[top].matches(last) else { return false }
        var path = stack[1...].map { $0.component! }
        path.append(last)
        return tap.take(value, path)
    }

    private mutating func parseKey(afterComma: Bool = false) throws(JSONSyntaxError) -> (String, JSONPosition) {
        skipWhitespace()
        let keyPosition = position
        guard peek == UInt8(ascii: "\"") else {
            if afterComma && peek == UInt8(ascii: "}") { throw failure("trailing comma before '}'") }
            throw failure("expected a member name in double quotes, found \(found)")
        }
        let key = try parseString()
        skipWhitespace()
        guard peek == UInt8(ascii: ":") else { throw failure("expected ':' after member name, found \(found)") }
        advance()
        return (key, keyPosition)
    }

    mutating func parseScalar() throws(JSONSyntaxError) -> JSONValue {
        let start = position
        guard let byte = peek else { throw failure("unexpected end of file, expected a value") }
        switch byte {
        case UInt8(ascii: "\""):
            return JSONValue(.string(try parseString()), at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(.number(try parseNumber()), at: start)
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            let wordStart = offset
            while let next = peek, next.isASCIILetterOrDigit { advance() }
            let word = String(decoding: bytes[wordStart..<offset], as: UTF8.self)
            switch word {
            case "true": return JSONValue(.bool(true), at: start)
            case "false": return JSONValue(.bool(false), at: start)
            case "null": return JSONValue(.null, at: start)
            default:
                throw failure("expected a value, found '\(word.prefix(20))' (strings need double quotes)", at: start)
            }
        case UInt8(ascii: "/"):
            throw failure("expected a value, found '/' (JSON has no comments)")
        default:
            throw failure("expected a value, found \(found)")
        }
    }
}

/// Hands the objects at one place of a JSON document to `take` as they are read, instead of
/// keeping them in the tree: the schedule.json reader takes each session this way, so that a
/// file of 100,000 sessions never exists as one tree of values (it was most of the memory).
struct JSONTap {
    enum Step {
        case key(String)
        case anyKey
        case anyIndex

        func matches(_ component: JSONScanner.PathComponent?) -> Bool {
            switch (self, component) {
            case let (.key(name), .key(key)?): return name == key
            case (.anyKey, .key?), (.anyIndex, .index?): return true
            default: return false
            }
        }
    }

    /// Reads the object at the scanner's cursor (its `{`) to its end (its path is the scanner's
    /// `pathComponent(_:)`s) and says whether it did; on false the parser puts the cursor back
    /// and parses the object itself.
    typealias Read = (inout JSONScanner) -> Bool

    /// From the root: the member or element taken at each level, the last one being the object taken.
    var place: [Step]
    /// Tried first at each object at `place`: reading it straight from the bytes, without a tree.
    var read: Read?
    /// Given an object at `place` and its path (the keys and indices from the root); true when it
    /// took the object, which is then left in the tree as `{}` at the same position.
    var take: (JSONValue, [JSONScanner.PathComponent]) -> Bool
}

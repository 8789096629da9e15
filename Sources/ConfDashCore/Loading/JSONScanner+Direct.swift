/// Reading parts of a document straight from the bytes, for a tap (`JSONTap.read`) that turns an
/// object into its own shape without the tree. Each function reads what the parser would accept
/// and throws at anything else: a mistake, or nesting deeper than it was given (these recurse,
/// unlike the parser). The tap then leaves the object to the parser, which reads it again from
/// its start and reports the mistake as it always does.
extension JSONScanner {
    /// What a tap reading straight from the bytes throws to leave the object to the parser.
    static let leftToParser = JSONSyntaxError(message: "left to the parser", line: 0, column: 0)

    /// Reads the object at the cursor (its `{`): `member` is called at each member's name (its
    /// opening quote) and reads the name (`readMemberName`) and the value.
    mutating func readMembers(_ member: (inout JSONScanner) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        try readItems(closedBy: UInt8(ascii: "}")) { scanner throws(JSONSyntaxError) in
            guard scanner.peek == UInt8(ascii: "\"") else { throw Self.leftToParser }
            try member(&scanner)
        }
    }

    /// Reads the array at the cursor (its `[`): `element` is called at the start of each element and reads it.
    mutating func readElements(_ element: (inout JSONScanner) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        try readItems(closedBy: UInt8(ascii: "]"), element)
    }

    /// The items of the container at the cursor, separated by commas, to `close`.
    private mutating func readItems(closedBy close: UInt8, _ item: (inout JSONScanner) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        advance()
        skipWhitespace()
        if peek == close {
            advance()
            return
        }
        while true {
            skipWhitespace()
            try item(&self)
            skipWhitespace()
            guard peek == UInt8(ascii: ",") else { break }
            advance()
        }
        guard peek == close else { throw Self.leftToParser }
        advance()
    }

    /// The member name at the cursor (its opening quote) as `match` sees its UTF-8 (decoded
    /// first when written with escapes), then the ':' after it: the cursor is left at the value.
    mutating func readMemberName<Meaning>(_ match: (UnsafeRawBufferPointer) -> Meaning) throws(JSONSyntaxError) -> Meaning {
        var decoded: [UInt8] = []
        let name = try scanString(decodingEscapesInto: &decoded)
        let meaning = name.escaped ? decoded.withUnsafeBytes(match)
            : bytes.withUnsafeBytes { match(UnsafeRawBufferPointer(rebasing: $0[name.start..<name.end])) }
        try readColon()
        return meaning
    }

    private mutating func readColon() throws(JSONSyntaxError) {
        skipWhitespace()
        guard peek == UInt8(ascii: ":") else { throw Self.leftToParser }
        advance()
        skipWhitespace()
    }

    /// The value at the cursor as a schedule's text: a string's, a number's as written; nil for
    /// anything else, which is passed over (`depth` levels of nesting at most).
    mutating func readText(depth: Int) throws(JSONSyntaxError) -> String? {
        switch peek ?? 0 {
        case UInt8(ascii: "\""): return try parseString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default:
            try skipValue(depth: depth)
            return nil
        }
    }

    /// Passes over the value at the cursor without making anything of it; containers nested more
    /// than `depth` levels deep are left to the parser.
    mutating func skipValue(depth: Int) throws(JSONSyntaxError) {
        var scratch: [UInt8] = []
        switch peek {
        case UInt8(ascii: "{"):
            guard depth > 0 else { throw Self.leftToParser }
            try readMembers { scanner throws(JSONSyntaxError) in
                _ = try scanner.scanString(decodingEscapesInto: &scratch)
                try scanner.readColon()
                try scanner.skipValue(depth: depth - 1)
            }
        case UInt8(ascii: "["):
            guard depth > 0 else { throw Self.leftToParser }
            try readElements { scanner throws(JSONSyntaxError) in try scanner.skipValue(depth: depth - 1) }
        case UInt8(ascii: "\""):
            _ = try scanString(decodingEscapesInto: &scratch)
        default:
            _ = try parseScalar()
        }
    }
}

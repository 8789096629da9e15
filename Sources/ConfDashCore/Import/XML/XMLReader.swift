private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

/// The first thing that makes an XML text unreadable, with its place.
struct XMLSyntaxError: Error, Equatable {
    var message: String
    var position: JSONPosition
}

/// A small non-validating XML 1.0 reader: elements, attributes, character data, CDATA, the five
/// predefined entities and character references; comments, processing instructions and the
/// DOCTYPE are skipped.
///
/// Written by hand instead of using Foundation's XMLParser: on Linux that lives in FoundationXML
/// and needs libxml2 at run time, it reports positions less precisely, and a byte loop over a
/// schedule is several times faster than its delegate callbacks. Only UTF-8 input is read.
/// It never recurses, and refuses nesting deeper than `maximumDepth`, so no input can exhaust
/// the stack; every loop advances through the bytes, so none can hang.
struct XMLReader {
    static let maximumDepth = 256
    /// schedule.xml elements have at most a handful; a duplicate check over thousands was quadratic.
    static let maximumAttributes = 256

    struct Output {
        var root: XMLElement
        /// Things a strict parser would refuse but that leave the meaning clear (an unknown entity
        /// such as `&nbsp;` is kept as written, for the markup cleaner to decode).
        var warnings: [(message: String, position: JSONPosition)]
    }

    /// `observer` sees elements open and close as they are read (see `XMLTreeBuilder.observer`).
    static func parse(_ bytes: [UInt8], observer: XMLObserver? = nil) -> Result<Output, XMLSyntaxError> {
        if let error = encodingError(bytes) { return .failure(error) }
        var reader = XMLReader(bytes: bytes)
        reader.tree.observer = observer
        do {
            let root = try reader.document()
            return .success(Output(root: root, warnings: reader.warnings))
        } catch {
            return .failure(error)
        }
    }

    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var lineStart = 0
    /// Columns are counted only when a position is asked for, from the last place one was counted
    /// on the same line: positions are asked for in file order, so even a schedule written on one
    /// long line costs linear time.
    private var columnMark = (offset: 0, column: 1)
    private var tree = XMLTreeBuilder()
    private var warnings: [(message: String, position: JSONPosition)] = []
    private var warnedEntities: Set<String> = []
    /// A schedule repeats a few dozen element names thousands of times; each is made a String once.
    /// Keyed by an FNV-1a hash of the bytes (checked on use): hashing an ArraySlice byte by byte
    /// through Hasher cost more than making the strings.
    private var names: [UInt64: String] = [:]

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            offset = 3
            lineStart = 3
            columnMark = (3, 1)
        }
    }

    // MARK: Positions

    private var here: JSONPosition {
        mutating get {
            if columnMark.offset < lineStart || columnMark.offset > offset { columnMark = (lineStart, 1) }
            var column = columnMark.column
            for index in columnMark.offset..<min(offset, bytes.count) where bytes[index] & 0xC0 != 0x80 { column += 1 }
            columnMark = (offset, column)
            return JSONPosition(line: line, column: column)
        }
    }

    private mutating func fail(_ message: String, at position: JSONPosition? = nil) -> XMLSyntaxError {
        XMLSyntaxError(message: message, position: position ?? here)
    }

    /// Moves past one byte, counting lines.
    private mutating func step() {
        if bytes[offset] == 0x0A {
            line += 1
            lineStart = offset + 1
        }
        offset += 1
    }

    /// Whether the bytes at the cursor spell `text` (ASCII). Compares the UTF-8 view in place:
    /// building an array per call was a tenth of the time spent on a large schedule.
    private func peek(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        let pattern = text.utf8Start
        for index in 0..<count where bytes[offset + index] != pattern[index] { return false }
        return true
    }

    /// Skips to just after `terminator`, or fails with `unterminated` at `start`.
    private mutating func skip(past terminator: StaticString, unterminated: String, start: JSONPosition) throws(XMLSyntaxError) -> Range<Int> {
        let first = offset
        while offset < bytes.count {
            if peek(terminator) {
                let content = first..<offset
                for _ in 0..<terminator.utf8CodeUnitCount { step() }
                return content
            }
            step()
        }
        throw fail(unterminated, at: start)
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count, Self.isSpace(bytes[offset]) { step() }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    // MARK: Document structure

    private mutating func document() throws(XMLSyntaxError) -> XMLElement {
        while offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "<") {
                try markup()
            } else {
                try characterData()
            }
            if tree.depth == 0, tree.root != nil { break }
        }
        // After the root element only comments, processing instructions and whitespace may follow.
        while offset < bytes.count {
            if Self.isSpace(bytes[offset]) { step(); continue }
            if peek("<!--") || peek("<?") { try markup(); continue }
            throw fail(bytes[offset] == UInt8(ascii: "<") ? "a second root element: an XML document has exactly one"
                       : "text after the end of the root element")
        }
        guard let root = tree.root else { throw fail("no root element: the file is empty or holds no XML element") }
        if let open = tree.openElement {
            throw fail("the file ends inside <\(Self.short(open.name))> (opened at line \(open.position.line)); it looks truncated")
        }
        return root
    }

    private mutating func markup() throws(XMLSyntaxError) {
        let start = here
        if peek("<!--") {
            _ = try skip(past: "-->", unterminated: "comment not closed with -->", start: start)
        } else if peek("<![CDATA[") {
            guard tree.depth > 0 else { throw fail("CDATA outside the root element") }
            for _ in 0..<9 { step() }
            let content = try skip(past: "]]>", unterminated: "CDATA section not closed with ]]>", start: start)
            tree.appendText(bytes[content])
        } else if peek("<!") {
            try doctype(start)
        } else if peek("<?") {
            _ = try skip(past: "?>", unterminated: "processing instruction not closed with ?>", start: start)
        } else if peek("</") {
            try endTag(start)
        } else {
            try startTag(start)
        }
    }

    /// `<!DOCTYPE …>`, with an internal subset in brackets that may itself contain `>`.
    private mutating func doctype(_ start: JSONPosition) throws(XMLSyntaxError) {
        guard tree.root == nil else { throw fail("a DOCTYPE may only come before the root element") }
        var brackets = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            step()
            if byte == UInt8(ascii: "[") { brackets += 1 }
            if byte == UInt8(ascii: "]") { brackets = max(0, brackets - 1) }
            if byte == UInt8(ascii: ">") && brackets == 0 { return }
        }
        throw fail("DOCTYPE not closed with >", at: start)
    }

    private mutating func name() throws(XMLSyntaxError) -> String {
        let first = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            let isNameByte = byte >= 0x80 || byte.isASCIILetterOrDigit || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
            guard isNameByte else { break }
            step()
        }
        guard offset > first, !bytes[first].isASCIIDigit, bytes[first] != UInt8(ascii: "-"), bytes[first] != UInt8(ascii: ".") else {
            throw fail(offset < bytes.count ? "expected a name, found \(describe(bytes[offset]))" : "the file ends in the middle of a tag")
        }
        let slice = bytes[first..<offset]
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in slice { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        if let known = names[hash], Self.spells(known, slice) { return known }
        let name = String(decoding: slice, as: UTF8.self)
        if names.count < 1000 && names[hash] == nil { names[hash] = name }
        return name
    }

    /// Whether `name` is exactly `bytes`, compared through buffers: the generic `elementsEqual`
    /// of a String's UTF-8 view with an array slice was a twentieth of reading a schedule.
    private static func spells(_ name: String, _ bytes: ArraySlice<UInt8>) -> Bool {
        var name = name
        return name.withUTF8 { known in
            bytes.withUnsafeBufferPointer { read in
                guard known.count == read.count else { return false }
                for index in 0..<read.count where known[index] != read[index] { return false }
                return true
            }
        }
    }

    private func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x0A: return "a line break"
        case 0x20..<0x7F: return "'\(Character(UnicodeScalar(byte)))'"
        default: return "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }
    }

    private mutating func startTag(_ start: JSONPosition) throws(XMLSyntaxError) {
        if tree.root != nil && tree.depth == 0 { throw fail("a second root element: an XML document has exactly one") }
        guard tree.depth < Self.maximumDepth else { throw fail("elements nested more than \(Self.maximumDepth) deep") }
        step()  // <
        let elementName = try name()
        var attributes: [(name: String, value: String)] = []
        while true {
            let hadSpace = offset < bytes.count && Self.isSpace(bytes[offset])
            skipWhitespace()
            guard offset < bytes.count else { throw fail("the file ends inside the tag <\(Self.short(elementName))>", at: start) }
            if bytes[offset] == UInt8(ascii: ">") {
                step()
                tree.open(XMLElement(name: elementName, attributes: attributes, position: start))
                return
            }
            if peek("/>") {
                step(); step()
                tree.open(XMLElement(name: elementName, attributes: attributes, position: start))
                tree.close()
                return
            }
            guard hadSpace else { throw fail("expected a space, > or /> in <\(Self.short(elementName))>, found \(describe(bytes[offset]))") }
            let attributePosition = here
            let attributeName = try name()
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "=") else {
                throw fail("attribute \(Self.short(attributeName)) of <\(Self.short(elementName))> has no value (expected =)")
            }
            step()
            skipWhitespace()
            let value = try attributeValue(of: attributeName)
            guard attributes.count < Self.maximumAttributes else {
                throw fail("more than \(Self.maximumAttributes) attributes in <\(Self.short(elementName))>: not a schedule (the limit is \(Self.maximumAttributes))",
                           at: attributePosition)
            }
            if attributes.contains(where: { $0.name == attributeName }) {
                warnings.append(("attribute \(Self.short(attributeName)) given twice in <\(Self.short(elementName))>; the first is used", attributePosition))
            } else {
                attributes.append((attributeName, value))
            }
        }
    }

    private mutating func attributeValue(of attribute: String) throws(XMLSyntaxError) -> String {
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") || bytes[offset] == UInt8(ascii: "'") else {
            throw fail("the value of attribute \(Self.short(attribute)) must be in quotes")
        }
        let quote = bytes[offset]
        let start = here
        step()
        var value: [UInt8] = []
        while offset < bytes.count, bytes[offset] != quote {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "<") { throw fail("'<' inside the value of attribute \(Self.short(attribute)) (unclosed quote?)") }
            if byte == UInt8(ascii: "&") {
                try reference(into: &value)
                continue
            }
            // Attribute-value normalisation (XML 1.0 §3.3.3): line breaks and tabs read as spaces.
            value.append(Self.isSpace(byte) ? 0x20 : byte)
            step()
        }
        guard offset < bytes.count else { throw fail("the value of attribute \(Self.short(attribute)) is not closed", at: start) }
        step()
        return String(decoding: value, as: UTF8.self)
    }

    private mutating func endTag(_ start: JSONPosition) throws(XMLSyntaxError) {
        step(); step()  // </
        let closing = try name()
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: ">") else {
            throw fail("expected > to end </\(Self.short(closing))>")
        }
        step()
        guard let open = tree.openElement else { throw fail("</\(Self.short(closing))> closes nothing", at: start) }
        guard open.name == closing else {
            throw fail("</\(Self.short(closing))> does not match <\(Self.short(open.name))> opened at line \(open.position.line)", at: start)
        }
        tree.close()
    }

    private mutating func characterData() throws(XMLSyntaxError) {
        // Only text outside the root can be an error, so only there is its place worked out.
        let start = tree.depth == 0 ? here : JSONPosition(line: line, column: 1)
        var onlySpace = true
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "<") {
            if bytes[offset] == UInt8(ascii: "&") {
                var decoded: [UInt8] = []
                try reference(into: &decoded)
                tree.appendText(decoded)
                onlySpace = false
                continue
            }
            // The run up to the next markup or reference goes in at once: this is most of a file,
            // so it is scanned through a buffer pointer.
            let run = offset
            var end = offset, lines = 0, lastBreak = -1, spaceOnly = true
            bytes.withUnsafeBufferPointer { buffer in
                while end < buffer.count {
                    let byte = buffer[end]
                    if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") { break }
                    if byte == 0x0A {
                        lines += 1
                        lastBreak = end
                    } else if spaceOnly && !Self.isSpace(byte) {
                        spaceOnly = false
                    }
                    end += 1
                }
            }
            offset = end
            line += lines
            if lastBreak >= 0 { lineStart = lastBreak + 1 }
            onlySpace = onlySpace && spaceOnly
            tree.appendText(bytes[run..<offset])
        }
        if tree.depth == 0 && !onlySpace {
            throw fail(tree.root == nil ? "text before the root element: this is not an XML document"
                       : "text after the end of the root element", at: start)
        }
    }

    /// `&amp;`, `&#233;`, `&#xE9;`. An unknown name (HTML's `&nbsp;` without a DTD) is kept as
    /// written with a warning; a bare `&` is kept as itself with a warning.
    private mutating func reference(into text: inout [UInt8]) throws(XMLSyntaxError) {
        let start = here
        var end = offset + 1
        while end < bytes.count, end - offset <= 32, bytes[end] != UInt8(ascii: ";"), !Self.isSpace(bytes[end]),
              bytes[end] != UInt8(ascii: "<"), bytes[end] != UInt8(ascii: "&") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > offset + 1 else {
            warn("a bare '&' (write &amp;); kept as it is", start, key: "&")
            text.append(UInt8(ascii: "&"))
            step()
            return
        }
        let body = String(decoding: bytes[(offset + 1)..<end], as: UTF8.self)
        let raw = bytes[offset...end]
        for _ in offset...end { step() }
        switch body {
        case "amp": text.append(UInt8(ascii: "&"))
        case "lt": text.append(UInt8(ascii: "<"))
        case "gt": text.append(UInt8(ascii: ">"))
        case "quot": text.append(UInt8(ascii: "\""))
        case "apos": text.append(UInt8(ascii: "'"))
        default:
            if body.hasPrefix("#") {
                let digits = body.dropFirst()
                let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                if let value, let scalar = UnicodeScalar(value), Self.isXMLCharacter(scalar) {
                    text.append(contentsOf: String(Character(scalar)).utf8)
                } else if let value, value < 0x20 {
                    // XML 1.0 forbids control characters even as references: `&#27;` is an escape
                    // sequence waiting for a terminal.
                    throw fail("&\(body); is a control character, which XML 1.0 does not allow", at: start)
                } else {
                    warn("&\(body); is not a valid character; left out", start, key: body)
                }
            } else {
                warn("unknown entity &\(body); kept as written", start, key: body)
                text.append(contentsOf: raw)
            }
        }
    }

    /// One warning per kind of oddity: a file with a thousand `&nbsp;` needs telling once.
    private mutating func warn(_ message: String, _ position: JSONPosition, key: String) {
        guard warnedEntities.insert(key).inserted else { return }
        warnings.append((message, position))
    }

    /// A name as a message shows it: element and attribute names have no length limit.
    static func short(_ name: String) -> String { name.count > 40 ? String(name.prefix(40)) + "…" : name }

    /// XML 1.0 §2.2 Char: tab, line feed, carriage return, and everything from U+0020 except
    /// surrogates (not scalars anyway), U+FFFE and U+FFFF.
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00..<0x20, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    // MARK: Encoding

    /// UTF-8 only: anything else is reported at the first byte that is not UTF-8, or by its BOM or declaration.
    private static func encodingError(_ bytes: [UInt8]) -> XMLSyntaxError? {
        if let encoding = UTF8Check.byteOrderMarkEncoding(bytes) {
            return XMLSyntaxError(message: "the file is \(encoding); confdash reads UTF-8 XML (save it as UTF-8)",
                                  position: JSONPosition(line: 1, column: 1))
        }
        let head = String(decoding: bytes.prefix(200), as: UTF8.self)
        if head.hasPrefix("<?xml") || head.hasPrefix("\u{FEFF}<?xml"), let range = head.range(of: "encoding") {
            let rest = head[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
            // XML's EncName is [A-Za-z][A-Za-z0-9._-]*: stop at anything else, so no line break or
            // control character of a broken declaration reaches the message (a fuzz finding).
            let encoding = rest.prefix(40).prefix { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
            if !["utf-8", "utf8", "us-ascii", "ascii"].contains(encoding.lowercased()) {
                return XMLSyntaxError(message: "the file declares encoding \(encoding); confdash reads UTF-8 XML (save it as UTF-8)",
                                      position: JSONPosition(line: 1, column: 1))
            }
        }
        if let error = UTF8Check.firstError(in: bytes) {
            return XMLSyntaxError(message: error.message, position: JSONPosition(line: error.line, column: error.column))
        }
        return controlCharacterError(bytes)
    }

    /// The first raw control character (XML 1.0 allows only tab, line feed and carriage return
    /// below U+0020), with its place: one pass over bytes already known to be UTF-8.
    private static func controlCharacterError(_ bytes: [UInt8]) -> XMLSyntaxError? {
        // Through a buffer: a closure per byte of the file was 3 % of opening 38C3.
        let found = bytes.withUnsafeBufferPointer { buffer -> Int? in
            for index in 0..<buffer.count {
                let byte = buffer[index]
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return index }
            }
            return nil
        }
        guard let index = found else { return nil }
        let lineStart = bytes[..<index].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = 1 + bytes[..<index].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        let column = 1 + bytes[lineStart..<index].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        let code = "U+" + String(bytes[index], radix: 16, uppercase: true).leftPadded(to: 4)
        return XMLSyntaxError(message: "control character \(code) in the file, which XML 1.0 does not allow",
                              position: JSONPosition(line: line, column: column))
    }
}

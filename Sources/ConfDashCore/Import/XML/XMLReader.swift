#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

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
///
/// `XMLScanner` does the reading and tells an `XMLHandler` what it meets; `parse` hands that to
/// an `XMLTreeBuilder` for a tree of `XMLElement`s, and the schedule reader to a handler that
/// fills sessions straight from the bytes, with no object per element.
enum XMLReader {
    static let maximumDepth = 256
    /// schedule.xml elements have at most a handful; a duplicate check over thousands was quadratic.
    static let maximumAttributes = 256

    struct Output {
        var root: XMLElement
        /// Things a strict parser would refuse but that leave the meaning clear (an unknown entity
        /// such as `&nbsp;` is kept as written, for the markup cleaner to decode).
        var warnings: [XMLWarning]
    }

    /// The whole document as a tree of elements.
    static func parse(_ bytes: [UInt8]) -> Result<Output, XMLSyntaxError> {
        var tree = XMLTreeBuilder()
        return scan(bytes, into: &tree).map { Output(root: tree.root!, warnings: $0) }
    }

    /// Reads `bytes`, telling `handler` of every element and run of text; the warnings, or the
    /// first syntax error. On success the handler has seen exactly one root element, opened and closed.
    static func scan<Handler: XMLHandler>(_ bytes: [UInt8], into handler: inout Handler) -> Result<[XMLWarning], XMLSyntaxError> {
        if let error = encodingError(bytes) { return .failure(error) }
        return bytes.withUnsafeBufferPointer { scan($0, into: &handler, releasing: false) }
    }

    /// `scan`, taking the bytes from the caller (`bytes` is left empty): the pages of the file
    /// the scan has passed are handed back to the system as it goes, so a large file is not
    /// held whole while what was read from it grows (see `XMLScanner.releasePassedPages`).
    static func scan<Handler: XMLHandler>(taking bytes: inout [UInt8], into handler: inout Handler) -> Result<[XMLWarning], XMLSyntaxError> {
        var owned: [UInt8] = []
        swap(&owned, &bytes)
        if let error = encodingError(owned) { return .failure(error) }
        // A mutable buffer makes the array's storage this function's alone (copied first if
        // anything else still held it), so no one else can read the pages released.
        return owned.withUnsafeMutableBufferPointer { scan(UnsafeBufferPointer($0), into: &handler, releasing: true) }
    }

    static func scan<Handler: XMLHandler>(_ bytes: UnsafeBufferPointer<UInt8>, into handler: inout Handler,
                                                  releasing: Bool) -> Result<[XMLWarning], XMLSyntaxError> {
        var scanner = XMLScanner(bytes: bytes, handler: handler, releasing: releasing)
        defer { handler = scanner.handler }
        do {
            try scanner.document()
            return .success(scanner.warnings)
        } catch {
            return .failure(error)
        }
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

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
}

typealias XMLWarning = (message: String, position: JSONPosition)
typealias XMLAttribute = (name: String, value: String)

/// An element's name, and its number among the names of the document (the same name, the same
/// number; -1 past the first thousand names), so a handler can remember what a name means
/// without comparing strings.
struct XMLName {
    var text: String
    var id: Int
}

/// What an `XMLScanner` tells as it reads, in document order. Specialised per handler (a generic
/// parameter, not an existential), so the calls cost no more than the tree builder's did inline.
protocol XMLHandler {
    /// An element opens: its name, its attributes (the first of duplicates), where its `<` is,
    /// and its depth (the root is 1).
    mutating func open(_ name: XMLName, attributes: [XMLAttribute], position: JSONPosition, depth: Int)
    /// Character data directly inside the innermost open element (entities decoded, CDATA as is),
    /// in pieces: an element's text is all its pieces joined. Never called outside the root.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>)
    /// The innermost open element closes; `depth` is the depth it had.
    mutating func close(depth: Int)
    /// Asked by the first part of a split read (`XMLSplitScan`) where the second part started:
    /// a number that says what the handler's state is there, which the second part's handler was
    /// made for; nil when reading cannot go on from there in another handler.
    var splitMark: Int? { get }
}

extension XMLHandler {
    var splitMark: Int? { nil }
}

/// The reading itself (see `XMLReader`).
struct XMLScanner<Handler: XMLHandler> {
    var handler: Handler
    var warnings: [XMLWarning] = []
    /// What each warning is one of (an entity's name, `&` for a bare ampersand), or nil for a
    /// warning given every time: a split read (`XMLSplitScan`) tells its second part's warnings
    /// that the first part already gave.
    private(set) var warningKeys: [String?] = []
    /// The document, read through a pointer: it outlives the scanner (`XMLReader.scan` holds it).
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line = 1
    private var lineStart = 0
    /// Columns are counted only when a position is asked for, from the last place one was counted
    /// on the same line: positions are asked for in file order, so even a schedule written on one
    /// long line costs linear time.
    private var columnMark = (offset: 0, column: 1)
    /// The open elements, innermost last: their names (for the end tag to match) and lines (for messages).
    private var open: [(name: XMLName, line: Int)] = []
    private var sawRoot = false
    /// Whether the scanner owns the bytes' pages and may hand back those it has passed.
    private let releasing: Bool
    /// The bytes before this offset have been handed back (see `releasePassedPages`).
    private var releasedUpTo = 0
    /// Where the next pause between two pieces is due (`pause`): the next page release, or the
    /// next look at `part`'s rendezvous.
    private var nextPause = Int.max
    /// The part of a split read this scanner reads, if any (see `XMLSplitScan`).
    private var part: XMLSplitPart?
    /// A first part stops where the second starts when the rendezvous says so (`stoppedAtSplit`).
    private var splitOffset = Int.max
    private(set) var stoppedAtSplit = false
    private var warnedEntities: Set<String> = []
    /// The attribute list `startTag` fills, kept between tags for its capacity.
    private var attributeScratch: [XMLAttribute] = []
    /// Decoded entity and character references, handed to the handler as text: reused, not one array each.
    private var scratch: [UInt8] = []
    /// A schedule repeats a few dozen element names thousands of times; each is made a String once
    /// and given a number. Found by an FNV-1a hash of the bytes (checked on use) in an open-addressed
    /// table: hashing an ArraySlice through Hasher, then a Dictionary's own hashing of the key,
    /// cost more than making the strings.
    private var nameSlots = [Int32](repeating: -1, count: Self.nameSlotCount)
    private var nameList: [(hash: UInt64, name: String)] = []
    /// Each numbered name's bytes, one after another (`nameBytes[nameRanges[id]]`): names are
    /// compared with the document here, without touching (retaining) their Strings.
    private var nameBytes: [UInt8] = []
    private var nameRanges: [Range<Int>] = []
    /// By the last tag event (`3 * name number + NameEvent`): the number of the name read next
    /// the last time, or -1 (see `name(_:)`). Empty until the first name is numbered.
    private var nextNames: [Int32] = []
    /// The last tag event's key in `nextNames`, or -1 (none yet, or a name past the first thousand).
    private var lastNameEvent = -1
    private static var nameSlotCount: Int { 2048 }
    /// At most half the slots are used, so a probe always ends at an empty one.
    private static var maximumNames: Int { 1000 }

    init(bytes: UnsafeBufferPointer<UInt8>, handler: Handler, releasing: Bool) {
        self.bytes = bytes
        self.handler = handler
        self.releasing = releasing
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            offset = 3
            lineStart = 3
            columnMark = (3, 1)
        }
        if releasing { nextPause = PassedPages.step }
    }

    /// The first part of a split read: from the start, as `init(bytes:handler:releasing:)`, and
    /// asking `part` what to do when it reaches `part.offset` or passes it.
    init(firstPartOf bytes: UnsafeBufferPointer<UInt8>, handler: Handler, releasing: Bool, part: XMLSplitPart) {
        self.init(bytes: bytes, handler: handler, releasing: releasing)
        self.part = part
        splitOffset = part.offset
    }

    /// The second part of a split read: from `part.offset`, inside the root element `root`
    /// (opened at line `rootLine`), on line `line`, which starts at `lineStart`. It hands back no
    /// page until `part` says the first part reached this place in that state.
    init(secondPartOf bytes: UnsafeBufferPointer<UInt8>, handler: Handler, releasing: Bool, part: XMLSplitPart,
         root: String, rootLine: Int, line: Int, lineStart: Int) {
        self.bytes = bytes
        self.handler = handler
        self.releasing = releasing
        self.part = part
        offset = part.offset
        releasedUpTo = part.offset
        self.line = line
        self.lineStart = lineStart
        columnMark = (lineStart, 1)
        open = [(XMLName(text: root, id: -1), rootLine)]
        sawRoot = true
        nextPause = part.offset + PassedPages.step
    }

    // MARK: Positions

    private var here: JSONPosition {
        mutating get {
            if columnMark.offset < lineStart || columnMark.offset > offset { columnMark = (lineStart, 1) }
            let column = columnMark.column + Self.characterCount(bytes, columnMark.offset..<min(offset, bytes.count))
            columnMark = (offset, column)
            return JSONPosition(line: line, column: column)
        }
    }

    /// The characters of UTF-8 `bytes[range]`: the bytes that are not continuation bytes
    /// (10xxxxxx), counted eight at a time, since every byte of the file is counted once this way.
    static func characterCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        do {
            let raw = UnsafeRawBufferPointer(bytes)
            var index = range.lowerBound, count = 0
            while index + 8 <= range.upperBound {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // A continuation byte has its top bit set and the next one clear.
                let continuation = word & ~(word << 1) & 0x8080_8080_8080_8080
                count += 8 - continuation.nonzeroBitCount
                index += 8
            }
            while index < range.upperBound {
                if raw[index] & 0xC0 != 0x80 { count += 1 }
                index += 1
            }
            return count
        }
    }

    /// The place of a byte on the current line or an earlier one, worked out when a message needs it.
    private func position(of mark: Mark) -> JSONPosition {
        JSONPosition(line: mark.line, column: 1 + Self.characterCount(bytes, mark.lineStart..<mark.offset))
    }

    private struct Mark {
        var offset: Int
        var line: Int
        var lineStart: Int
    }

    private var mark: Mark { Mark(offset: offset, line: line, lineStart: lineStart) }

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
        while offset < bytes.count, XMLReader.isSpace(bytes[offset]) { step() }
    }

    /// Hands the pages before the current line back to the system. Between two pieces of the
    /// document (a tag, a run of text), nothing before the current line is read again: the
    /// handlers copy what they are given, element and attribute names are Strings, and every
    /// place a message needs is counted from the start of the line it is on (`here`,
    /// `position(of:)`, whose marks are taken on this line or later). So a large file's pages
    /// go as the scan passes them instead of all being held until the end.
    private mutating func releasePassedPages() {
        PassedPages.release(bytes, from: releasedUpTo, to: lineStart)
        releasedUpTo = lineStart
    }

    /// Between two pieces, every `PassedPages.step` bytes: hands back the pages passed, unless
    /// this is the second part of a split read that the first part has not yet confirmed (then
    /// they are kept, for the first part to read on if it does not stop where this one started),
    /// or one the first part has given up (then it stops: its reading will not be used).
    private mutating func pause() throws(XMLSyntaxError) {
        if let part, part.isSecond {
            switch part.decision {
            case .undecided:
                nextPause = lineStart + PassedPages.step
                return
            case .abandoned:
                throw XMLSplitPart.cancelled
            case .confirmed:
                self.part = nil
            }
        }
        if releasing {
            releasePassedPages()
            nextPause = lineStart + PassedPages.step
        } else {
            nextPause = Int.max
        }
    }

    // MARK: Document structure

    mutating func document() throws(XMLSyntaxError) {
        while offset < bytes.count {
            if offset >= splitOffset {
                // A first part at (or past) the place the second part started from.
                splitOffset = Int.max
                if part!.arrived(exactly: offset == part!.offset && open.count == 1, handler: handler) {
                    stoppedAtSplit = true
                    return
                }
            }
            if bytes[offset] == UInt8(ascii: "<") {
                try markup()
            } else {
                try characterData()
            }
            if open.isEmpty, sawRoot { break }
            if lineStart >= nextPause { try pause() }
        }
        // After the root element only comments, processing instructions and whitespace may follow.
        while offset < bytes.count {
            if XMLReader.isSpace(bytes[offset]) { step(); continue }
            if peek("<!--") || peek("<?") { try markup(); continue }
            throw fail(bytes[offset] == UInt8(ascii: "<") ? "a second root element: an XML document has exactly one"
                       : "text after the end of the root element")
        }
        guard sawRoot else { throw fail("no root element: the file is empty or holds no XML element") }
        if let innermost = open.last {
            throw fail("the file ends inside <\(XMLReader.short(innermost.name.text))> (opened at line \(innermost.line)); it looks truncated")
        }
    }

    private mutating func markup() throws(XMLSyntaxError) {
        // Most markup is tags: their places are worked out only where they are kept (start tags)
        // or reported (errors).
        let next = offset + 1 < bytes.count ? bytes[offset + 1] : 0
        if next == UInt8(ascii: "/") { return try endTag(mark) }
        if next != UInt8(ascii: "!") && next != UInt8(ascii: "?") { return try startTag(here) }
        let start = here
        if peek("<!--") {
            _ = try skip(past: "-->", unterminated: "comment not closed with -->", start: start)
        } else if peek("<![CDATA[") {
            guard !open.isEmpty else { throw fail("CDATA outside the root element") }
            for _ in 0..<9 { step() }
            let content = try skip(past: "]]>", unterminated: "CDATA section not closed with ]]>", start: start)
            handler.text(UnsafeBufferPointer(rebasing: bytes[content]))
        } else if peek("<!") {
            try doctype(start)
        } else if peek("<?") {
            _ = try skip(past: "?>", unterminated: "processing instruction not closed with ?>", start: start)
        } else {
            throw fail("expected a name, found \(describe(next))")
        }
    }

    /// `<!DOCTYPE …>`, with an internal subset in brackets that may itself contain `>`.
    private mutating func doctype(_ start: JSONPosition) throws(XMLSyntaxError) {
        guard !sawRoot else { throw fail("a DOCTYPE may only come before the root element") }
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

    /// What a name is read for, and a kind of the tag events `nextNames` is keyed by.
    private enum NameEvent: Int {
        case open = 0, close = 1, attribute = 2
    }

    /// The name at the cursor, read for a start tag or an attribute. A schedule's tags come in
    /// the same order event after event (`<date>` after `<event id=…>`, `<start>` after `</date>`,
    /// …), so the name that followed the previous tag event last time is compared with the bytes
    /// first (`nextNames`): when they spell it, exactly, the name is that one, without hashing its
    /// bytes or probing the table (issue 13). Otherwise `name()` reads it.
    private mutating func name(_ event: NameEvent) throws(XMLSyntaxError) -> XMLName {
        if lastNameEvent >= 0 {
            let predicted = Int(nextNames[lastNameEvent])
            if predicted >= 0, let length = knownNameLength(predicted) {
                offset += length
                lastNameEvent = predicted * 3 + event.rawValue
                return XMLName(text: nameList[predicted].name, id: predicted)
            }
        }
        let read = try name()
        if read.id >= 0 {
            if nextNames.isEmpty { nextNames = [Int32](repeating: -1, count: Self.maximumNames * 3) }
            if lastNameEvent >= 0 { nextNames[lastNameEvent] = Int32(read.id) }
            lastNameEvent = read.id * 3 + event.rawValue
        } else {
            lastNameEvent = -1
        }
        return read
    }

    /// The length of numbered name `id` when the bytes at the cursor are exactly that name (as
    /// `prefixLength` tells): names of up to sixteen bytes, with seventeen bytes of the document
    /// left, are compared as two words masked to the name's length (the zero bytes after the
    /// names make the words loadable); the rest byte by byte.
    @inline(__always)
    private func knownNameLength(_ id: Int) -> Int? {
        let range = nameRanges[id]
        let count = range.count
        guard count <= 16, offset + 17 <= bytes.count, let base = bytes.baseAddress else {
            return nameBytes.withUnsafeBufferPointer { Self.prefixLength(UnsafeBufferPointer(rebasing: $0[range]), bytes, at: offset) }
        }
        let read = UnsafeRawPointer(base + offset)
        let matches = nameBytes.withUnsafeBytes { known -> Bool in
            let name = known.baseAddress! + range.lowerBound
            let first = name.loadUnaligned(as: UInt64.self) ^ read.loadUnaligned(as: UInt64.self)
            if count <= 8 {
                return first & Self.lowBytes(count) == 0
            }
            let second = name.loadUnaligned(fromByteOffset: 8, as: UInt64.self) ^ read.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            return first == 0 && second & Self.lowBytes(count - 8) == 0
        }
        guard matches, !Self.isNameByte(base[offset + count]) else { return nil }
        return count
    }

    /// A mask of the first `count` bytes (1...8) of a little-endian word.
    @inline(__always)
    private static func lowBytes(_ count: Int) -> UInt64 {
        count >= 8 ? ~0 : (1 << UInt64(count * 8)) &- 1
    }

    private mutating func name() throws(XMLSyntaxError) -> XMLName {
        let first = offset
        // The name's bytes and their hash in one pass through a buffer; a name holds no line break.
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var end = first
        while end < bytes.count {
            let byte = bytes[end]
            guard Self.isNameByte(byte) else { break }
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
            end += 1
        }
        offset = end
        guard offset > first, !bytes[first].isASCIIDigit, bytes[first] != UInt8(ascii: "-"), bytes[first] != UInt8(ascii: ".") else {
            throw fail(offset < bytes.count ? "expected a name, found \(describe(bytes[offset]))" : "the file ends in the middle of a tag")
        }
        let slice = UnsafeBufferPointer(rebasing: bytes[first..<offset])
        var slot = Int(truncatingIfNeeded: hash) & (Self.nameSlotCount - 1)
        while nameSlots[slot] >= 0 {
            let id = Int(nameSlots[slot])
            if nameList[id].hash == hash, spells(id, slice) { return XMLName(text: nameList[id].name, id: id) }
            slot = (slot + 1) & (Self.nameSlotCount - 1)
        }
        let name = String(decoding: slice, as: UTF8.self)
        guard nameList.count < Self.maximumNames else { return XMLName(text: name, id: -1) }
        nameSlots[slot] = Int32(nameList.count)
        nameList.append((hash, name))
        // The names are followed by eight zero bytes, so that any name's first sixteen bytes can
        // be loaded as two words (`knownNameLength`).
        if !nameBytes.isEmpty { nameBytes.removeLast(8) }
        nameRanges.append(nameBytes.count..<(nameBytes.count + slice.count))
        nameBytes.append(contentsOf: slice)
        nameBytes.append(contentsOf: repeatElement(0, count: 8))
        return XMLName(text: name, id: nameList.count - 1)
    }

    /// A byte of a name: ASCII letters and digits, `_ - . :`, and every byte of a non-ASCII
    /// character. Two bit masks (bytes below 64, bytes 64 to 127) instead of six comparisons a byte.
    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
        // 0x2D '-', 0x2E '.', 0x30-0x39 digits, 0x3A ':'
        let low: UInt64 = 0x07FF_6000_0000_0000
        // 0x41-0x5A, 0x5F '_', 0x61-0x7A, as bits 1-26, 31, 33-58
        let high: UInt64 = 0x07FF_FFFE_87FF_FFFE
        if byte >= 0x80 { return true }
        let mask = byte < 0x40 ? low : high
        return mask >> UInt64(byte & 0x3F) & 1 != 0
    }

    /// Whether `name` is exactly `bytes`, compared through buffers: the generic `elementsEqual`
    /// of a String's UTF-8 view with an array slice was a twentieth of reading a schedule.
    private func spells(_ id: Int, _ read: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = nameRanges[id]
        guard range.count == read.count else { return false }
        return nameBytes.withUnsafeBufferPointer { known in
            for index in 0..<read.count where known[range.lowerBound + index] != read[index] { return false }
            return true
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
        if sawRoot && open.isEmpty { throw fail("a second root element: an XML document has exactly one") }
        guard open.count < XMLReader.maximumDepth else { throw fail("elements nested more than \(XMLReader.maximumDepth) deep") }
        step()  // <
        let element = try name(.open)
        let elementName = element.text
        // One array for every tag's attributes, emptied and refilled: a new array per tag grew
        // through two allocations for frab's two attributes (issue 13). A handler that keeps the
        // array (the tree builder) leaves it shared, and the next tag's removal makes a new one.
        var attributes: [XMLAttribute] = []
        swap(&attributes, &attributeScratch)
        if !attributes.isEmpty { attributes.removeAll(keepingCapacity: true) }
        defer { swap(&attributes, &attributeScratch) }
        while true {
            let hadSpace = offset < bytes.count && XMLReader.isSpace(bytes[offset])
            skipWhitespace()
            guard offset < bytes.count else { throw fail("the file ends inside the tag <\(XMLReader.short(elementName))>", at: start) }
            if bytes[offset] == UInt8(ascii: ">") {
                step()
                openElement(element, attributes: attributes, position: start)
                return
            }
            if peek("/>") {
                step(); step()
                openElement(element, attributes: attributes, position: start)
                closeElement()
                return
            }
            guard hadSpace else { throw fail("expected a space, > or /> in <\(XMLReader.short(elementName))>, found \(describe(bytes[offset]))") }
            let attributePosition = here
            let attributeName = try name(.attribute).text
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "=") else {
                throw fail("attribute \(XMLReader.short(attributeName)) of <\(XMLReader.short(elementName))> has no value (expected =)")
            }
            step()
            skipWhitespace()
            let value = try attributeValue(of: attributeName)
            guard attributes.count < XMLReader.maximumAttributes else {
                throw fail("more than \(XMLReader.maximumAttributes) attributes in <\(XMLReader.short(elementName))>: not a schedule (the limit is \(XMLReader.maximumAttributes))",
                           at: attributePosition)
            }
            if attributes.contains(where: { $0.name == attributeName }) {
                warnings.append(("attribute \(XMLReader.short(attributeName)) given twice in <\(XMLReader.short(elementName))>; the first is used", attributePosition))
                warningKeys.append(nil)
            } else {
                attributes.append((attributeName, value))
            }
        }
    }

    private mutating func attributeValue(of attribute: String) throws(XMLSyntaxError) -> String {
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") || bytes[offset] == UInt8(ascii: "'") else {
            throw fail("the value of attribute \(XMLReader.short(attribute)) must be in quotes")
        }
        let quote = bytes[offset]
        // Most values hold no reference, no `<` and no whitespace to normalise (a space stays a
        // space): taken as they are.
        var plainEnd: Int?
        var end = offset + 1
        while end < bytes.count {
            let byte = bytes[end]
            if byte == quote {
                plainEnd = end
                break
            }
            if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == 0x0A || byte == 0x09 || byte == 0x0D { break }
            end += 1
        }
        if let plainEnd {
            let value = String(decoding: bytes[(offset + 1)..<plainEnd], as: UTF8.self)
            offset = plainEnd + 1
            return value
        }
        let start = here
        step()
        var value: [UInt8] = []
        while offset < bytes.count, bytes[offset] != quote {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "<") { throw fail("'<' inside the value of attribute \(XMLReader.short(attribute)) (unclosed quote?)") }
            if byte == UInt8(ascii: "&") {
                try reference(into: &value)
                continue
            }
            // Attribute-value normalisation (XML 1.0 §3.3.3): line breaks and tabs read as spaces.
            value.append(XMLReader.isSpace(byte) ? 0x20 : byte)
            step()
        }
        guard offset < bytes.count else { throw fail("the value of attribute \(XMLReader.short(attribute)) is not closed", at: start) }
        step()
        return String(decoding: value, as: UTF8.self)
    }

    private mutating func endTag(_ start: Mark) throws(XMLSyntaxError) {
        step(); step()  // </
        // Nearly every end tag closes the innermost element: its name is compared with the bytes
        // in place, without hashing them; anything else goes the long way, for its message.
        if let innermost = open.last, closes(innermost.name) {
            skipWhitespace()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: ">") {
                step()
                closeElement()
                return
            }
            throw fail("expected > to end </\(XMLReader.short(innermost.name.text))>")
        }
        let closingName = try name()
        let closing = closingName.text
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: ">") else {
            throw fail("expected > to end </\(XMLReader.short(closing))>")
        }
        step()
        guard let innermost = open.last else { throw fail("</\(XMLReader.short(closing))> closes nothing", at: position(of: start)) }
        guard innermost.name.id >= 0 ? innermost.name.id == closingName.id : innermost.name.text == closing else {
            throw fail("</\(XMLReader.short(closing))> does not match <\(XMLReader.short(innermost.name.text))> opened at line \(innermost.line)",
                       at: position(of: start))
        }
        closeElement()
    }

    /// Whether the bytes at the cursor are exactly `name` (not a longer name it begins), moving
    /// past them when they are. A name holds no line break, so lines need no counting.
    private mutating func closes(_ name: XMLName) -> Bool {
        // A numbered name is compared from the names' own bytes; only a name past the first
        // thousand goes through its String.
        let length: Int?
        if name.id >= 0 {
            length = knownNameLength(name.id)
        } else {
            var text = name.text
            length = text.withUTF8 { Self.prefixLength($0, bytes, at: offset) }
        }
        guard let length else { return false }
        offset += length
        return true
    }

    /// `known.count` when `read` holds exactly the name `known` at `offset` (not a longer name
    /// that begins with it), else nil.
    private static func prefixLength(_ known: UnsafeBufferPointer<UInt8>, _ read: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        guard offset + known.count <= read.count else { return nil }
        // Eight bytes at a time, then the rest one by one.
        var index = 0
        if let knownBase = known.baseAddress, let readBase = read.baseAddress {
            let a = UnsafeRawPointer(knownBase), b = UnsafeRawPointer(readBase + offset)
            while index + 8 <= known.count {
                if a.loadUnaligned(fromByteOffset: index, as: UInt64.self) != b.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
                    return nil
                }
                index += 8
            }
        }
        while index < known.count {
            if known[index] != read[offset + index] { return nil }
            index += 1
        }
        let after = offset + known.count
        guard after < read.count else { return known.count }
        return isNameByte(read[after]) ? nil : known.count
    }

    private mutating func openElement(_ name: XMLName, attributes: [XMLAttribute], position: JSONPosition) {
        open.append((name, position.line))
        if !sawRoot, let part { part.rootOpened(name.text, line: position.line) }
        sawRoot = true
        handler.open(name, attributes: attributes, position: position, depth: open.count)
    }

    private mutating func closeElement() {
        handler.close(depth: open.count)
        let closed = open.removeLast().name.id
        lastNameEvent = closed >= 0 && !nextNames.isEmpty ? closed * 3 + NameEvent.close.rawValue : -1
    }

    private mutating func characterData() throws(XMLSyntaxError) {
        // Only text outside the root can be an error, so only there is its place worked out.
        let start = open.isEmpty ? here : JSONPosition(line: line, column: 1)
        var onlySpace = true
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "<") {
            if bytes[offset] == UInt8(ascii: "&") {
                var decoded: [UInt8] = []
                swap(&decoded, &scratch)
                decoded.removeAll(keepingCapacity: true)
                try reference(into: &decoded)
                if !open.isEmpty { decoded.withUnsafeBufferPointer { handler.text($0) } }
                scratch = decoded
                onlySpace = false
                continue
            }
            // The run up to the next markup or reference goes in at once: this is most of a file,
            // so it is scanned through a buffer pointer.
            let run = offset
            // Whether the run is only whitespace matters outside the root element alone (text
            // there is an error): inside it the question is not asked (issue 13).
            var end = offset, lines = 0, lastBreak = -1, spaceOnly = open.isEmpty
            do {
                // Eight bytes at a time up to the first `<` or `&`: one word's masks instead of
                // three tests per byte (the abstracts are most of a schedule's bytes).
                let buffer = bytes
                let raw = UnsafeRawBufferPointer(buffer)
                var stopped = false
                #if arch(x86_64)
                // Sixteen at a time with SSE2 while that many are left (issue 13).
                if let base = raw.baseAddress {
                    while end + 16 <= buffer.count {
                        let found = Self.sixteen(base + end)
                        let length = found.stops == 0 ? 16 : found.stops.trailingZeroBitCount
                        let kept: UInt32 = length == 16 ? 0xFFFF : (1 << UInt32(length)) &- 1
                        let breaks = found.breaks & kept
                        if breaks != 0 {
                            lines += breaks.nonzeroBitCount
                            lastBreak = end + (31 - breaks.leadingZeroBitCount)
                        }
                        if spaceOnly && ~found.spaces & kept != 0 { spaceOnly = false }
                        end += length
                        if found.stops != 0 {
                            stopped = true
                            break
                        }
                    }
                }
                #endif
                while !stopped && end + 8 <= buffer.count {
                    let word = raw.loadUnaligned(fromByteOffset: end, as: UInt64.self)
                    let stops = ByteWords.equal(word, UInt8(ascii: "<")) | ByteWords.equal(word, UInt8(ascii: "&"))
                    let length = stops == 0 ? 8 : stops.trailingZeroBitCount / 8
                    let kept = ByteWords.firstBytes(length)
                    let breaks = ByteWords.equal(word, 0x0A) & kept
                    if breaks != 0 {
                        lines += breaks.nonzeroBitCount
                        lastBreak = end + (63 - breaks.leadingZeroBitCount) / 8
                    }
                    if spaceOnly && ~ByteWords.spaces(word) & kept != 0 { spaceOnly = false }
                    end += length
                    if stops != 0 { break }
                }
                // Stopped at a `<` or `&` (the loop below ends at once), or the last few bytes.
                while end < buffer.count {
                    let byte = buffer[end]
                    if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") { break }
                    if byte == 0x0A {
                        lines += 1
                        lastBreak = end
                    } else if spaceOnly && !XMLReader.isSpace(byte) {
                        spaceOnly = false
                    }
                    end += 1
                }
            }
            offset = end
            line += lines
            if lastBreak >= 0 { lineStart = lastBreak + 1 }
            if open.isEmpty { onlySpace = onlySpace && spaceOnly }
            if !open.isEmpty && offset > run { handler.text(UnsafeBufferPointer(rebasing: bytes[run..<offset])) }
        }
        if open.isEmpty && !onlySpace {
            throw fail(!sawRoot ? "text before the root element: this is not an XML document"
                       : "text after the end of the root element", at: start)
        }
    }

    #if arch(x86_64)
    /// For the sixteen bytes at `pointer`, a bit each: `<` or `&` (`stops`), a line feed
    /// (`breaks`), XML whitespace (`spaces`).
    @inline(__always)
    private static func sixteen(_ pointer: UnsafeRawPointer) -> (stops: UInt32, breaks: UInt32, spaces: UInt32) {
        let word = _mm_loadu_si128(pointer.assumingMemoryBound(to: __m128i.self))
        let stops = _mm_or_si128(_mm_cmpeq_epi8(word, _mm_set1_epi8(0x3C)), _mm_cmpeq_epi8(word, _mm_set1_epi8(0x26)))
        let breaks = _mm_cmpeq_epi8(word, _mm_set1_epi8(0x0A))
        let spaces = _mm_or_si128(_mm_or_si128(breaks, _mm_cmpeq_epi8(word, _mm_set1_epi8(0x20))),
                                  _mm_or_si128(_mm_cmpeq_epi8(word, _mm_set1_epi8(0x09)), _mm_cmpeq_epi8(word, _mm_set1_epi8(0x0D))))
        return (UInt32(truncatingIfNeeded: _mm_movemask_epi8(stops)), UInt32(truncatingIfNeeded: _mm_movemask_epi8(breaks)),
                UInt32(truncatingIfNeeded: _mm_movemask_epi8(spaces)))
    }
    #endif

    /// `&amp;`, `&#233;`, `&#xE9;`. An unknown name (HTML's `&nbsp;` without a DTD) is kept as
    /// written with a warning; a bare `&` is kept as itself with a warning.
    private mutating func reference(into text: inout [UInt8]) throws(XMLSyntaxError) {
        let start = here
        var end = offset + 1
        while end < bytes.count, end - offset <= 32, bytes[end] != UInt8(ascii: ";"), !XMLReader.isSpace(bytes[end]),
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
                if let value, let scalar = UnicodeScalar(value), XMLReader.isXMLCharacter(scalar) {
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
        warningKeys.append(key)
    }

}

// MARK: Encoding

extension XMLReader {

    /// UTF-8 only: anything else is reported at the first byte that is not UTF-8, or by its BOM or declaration.
    fileprivate static func encodingError(_ bytes: [UInt8]) -> XMLSyntaxError? {
        if let error = declaredEncodingError(bytes) { return error }
        // Nearly every file is clean: one pass says so, and only a file it doubts goes through
        // the two checks below, which find and place the problem.
        if isCleanUTF8WithoutControls(bytes) { return nil }
        if let error = UTF8Check.firstError(in: bytes) {
            return XMLSyntaxError(message: error.message, position: JSONPosition(line: error.line, column: error.column))
        }
        return controlCharacterError(bytes)
    }

    /// A byte order mark or declaration of another encoding than UTF-8: the checks of
    /// `encodingError` that look at the start of the file only.
    static func declaredEncodingError(_ bytes: [UInt8]) -> XMLSyntaxError? {
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
        return nil
    }

    /// Whether `bytes` are well-formed UTF-8 with no control character but tab, line feed and
    /// carriage return: `UTF8Check.firstError` and `controlCharacterError` would both find
    /// nothing. One pass, eight bytes at a time where they are ASCII, instead of one pass each.
    static func isCleanUTF8WithoutControls(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { isCleanUTF8WithoutControls($0) }
    }

    /// The same over raw bytes (a split read checks each part on its own core: parts cut before
    /// a `<` cut no character in two).
    static func isCleanUTF8WithoutControls(_ raw: UnsafeRawBufferPointer) -> Bool {
        do {
            var index = 0
            while index + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & ByteWords.highBits != 0 {
                    // A multi-byte character in the word: the exact check takes over from its first
                    // byte, and gives back where the next whole character starts.
                    let first = index + (word & ByteWords.highBits).trailingZeroBitCount / 8
                    if !hasNoControls(raw, index..<first) { return false }
                    guard let next = UTF8Check.endOfCharacter(raw, at: first) else { return false }
                    index = next
                    continue
                }
                let controls = ByteWords.below0x20(word)
                if controls != 0,
                   controls & ~(ByteWords.equal(word, 0x09) | ByteWords.equal(word, 0x0A) | ByteWords.equal(word, 0x0D)) != 0 {
                    return false
                }
                index += 8
            }
            while index < raw.count {
                if raw[index] < 0x80 {
                    if !hasNoControls(raw, index..<(index + 1)) { return false }
                    index += 1
                } else {
                    guard let next = UTF8Check.endOfCharacter(raw, at: index) else { return false }
                    index = next
                }
            }
            return true
        }
    }

    private static func hasNoControls(_ raw: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        for index in range {
            let byte = raw[index]
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
        }
        return true
    }

    /// The first raw control character (XML 1.0 allows only tab, line feed and carriage return
    /// below U+0020), with its place: one pass over bytes already known to be UTF-8.
    private static func controlCharacterError(_ bytes: [UInt8]) -> XMLSyntaxError? {
        // Through a buffer: a closure per byte of the file was 3 % of opening 38C3.
        // Eight bytes at a time, with exact per-byte masks; the last few bytes one by one.
        let found = bytes.withUnsafeBytes { raw -> Int? in
            var index = 0
            while index < raw.count {
                if index + 8 <= raw.count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    // Exact per byte, so a word holding line breaks needs no second look; only
                    // such a word (one in five) is checked for which control characters it holds.
                    let controls = ByteWords.below0x20(word)
                    if controls == 0 {
                        index += 8
                        continue
                    }
                    let allowed = ByteWords.equal(word, 0x09) | ByteWords.equal(word, 0x0A) | ByteWords.equal(word, 0x0D)
                    let forbidden = controls & ~allowed
                    if forbidden != 0 { return index + forbidden.trailingZeroBitCount / 8 }
                    index += 8
                    continue
                }
                for at in index..<min(index + 8, raw.count) {
                    let byte = raw[at]
                    if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return at }
                }
                index += 8
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

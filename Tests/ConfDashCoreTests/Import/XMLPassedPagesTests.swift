import Testing
@testable import ConfDashCore

/// `XMLReader.scan(taking:)` hands the pages of the file it has passed back to the system as it
/// reads (issue 13: peak memory of a 62 MB schedule.xml). Released pages read as zeros, so these
/// checks make sure it reads exactly what the ordinary scan reads, reports the same errors at the
/// same places, and never touches bytes someone else still holds.
@Suite("Import: scanning XML while letting its passed pages go reads what the plain scan reads")
struct XMLPassedPagesTests {
    /// A document of `events` events (about 400 bytes each), with text, entities, CDATA and
    /// attributes spread over many lines; `tail` goes just before the end tag of the root.
    static func document(events: Int, tail: String = "", oneLine: Bool = false) -> [UInt8] {
        var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<schedule>\n"
        text.reserveCapacity(events * 420)
        for number in 0..<events {
            var event = "<event id=\"\(number)\" guid=\"g-\(number)\">\n  <title>Talk &amp; number \(number) — café</title>\n"
            event += "  <abstract><![CDATA[Line one <b>\(number)</b>\nline two]]> and &#233;t&#xE9; &lt;ok&gt;</abstract>\n"
            event += "  <persons><person id=\"p\(number % 97)\">Person \(number % 97)</person></persons>\n"
            event += "  <description>" + String(repeating: "word ", count: 40) + "</description>\n</event>\n"
            text += oneLine ? event.replacingOccurrences(of: "\n", with: " ") : event
        }
        text += tail + "</schedule>\n"
        return Array(text.utf8)
    }

    /// The tree, written out with every name, attribute, position and text.
    static func describe(_ element: XMLElement) -> String {
        var out = "<\(element.name) \(element.attributes.map { "\($0.name)=\($0.value)" }) @\(element.position.line):\(element.position.column) \(element.text.debugDescription)"
        for child in element.children { out += describe(child) }
        return out + ">"
    }

    static func plain(_ bytes: [UInt8]) -> String {
        var tree = XMLTreeBuilder()
        return outcome(XMLReader.scan(bytes, into: &tree), tree)
    }

    static func taking(_ bytes: inout [UInt8]) -> String {
        var tree = XMLTreeBuilder()
        return outcome(XMLReader.scan(taking: &bytes, into: &tree), tree)
    }

    static func outcome(_ result: Result<[XMLWarning], XMLSyntaxError>, _ tree: XMLTreeBuilder) -> String {
        switch result {
        case .success(let warnings): return "\(warnings.map { "\($0.message) \($0.position)" }) " + (tree.root.map(describe) ?? "no root")
        case .failure(let error): return "error \(error.message) at \(error.position)"
        }
    }

    @Test("a 12 MB document: the same tree, and the bytes are taken from the caller")
    func sameTree() {
        var bytes = Self.document(events: 30_000)
        #expect(bytes.count > 3 * PassedPages.step)
        let expected = Self.plain(bytes)
        #expect(Self.taking(&bytes) == expected)
        #expect(bytes.isEmpty)
    }

    @Test("errors far into a large document are reported at the same place", arguments: [
        "<oops>", "</schedule>", "text & more < less", "<a b='1' b='2'/>&nbsp;<x>\u{1}</x>", "<![CDATA[ never closed",
        "<event>\n\n  <title>unclosed", "&#27;",
    ])
    func sameErrors(tail: String) {
        var bytes = Self.document(events: 25_000, tail: tail)
        let expected = Self.plain(bytes)
        #expect(Self.taking(&bytes) == expected)
    }

    @Test("a document on one line (no page is ever behind its line) and an error at its end")
    func oneLine() {
        var bytes = Self.document(events: 25_000, tail: "</wrong>", oneLine: true)
        let expected = Self.plain(bytes)
        #expect(expected.contains("does not match"))
        #expect(Self.taking(&bytes) == expected)
    }

    @Test("bytes someone else still holds are copied first, and stay whole")
    func sharedBytes() {
        var bytes = Self.document(events: 25_000)
        let kept = bytes
        let expected = Self.plain(kept)
        #expect(Self.taking(&bytes) == expected)
        #expect(kept == Self.document(events: 25_000))
        #expect(Self.plain(kept) == expected)
    }

    @Test("empty, blank and tiny inputs give what the plain scan gives", arguments: ["", " \n", "<a/>", "<a>", "\u{FEFF}<a>é</a>"])
    func tiny(text: String) {
        var bytes = Array(text.utf8)
        let expected = Self.plain(bytes)
        #expect(Self.taking(&bytes) == expected)
    }

    @Test("release rounds inward to whole pages and ignores empty or reversed ranges")
    func releaseBounds() {
        var bytes = [UInt8](repeating: 0x41, count: 3 * 65_536)
        bytes.withUnsafeMutableBufferPointer { buffer in
            let pointer = UnsafeBufferPointer(buffer)
            PassedPages.release(pointer, from: 10, to: 10)
            PassedPages.release(pointer, from: 100, to: 50)
            PassedPages.release(pointer, from: 0, to: pointer.count + 1)
            PassedPages.release(pointer, from: 1, to: 4_000)
        }
        // Nothing above was a whole page strictly inside a valid range except possibly none: all bytes remain.
        #expect(bytes.allSatisfy { $0 == 0x41 })
        bytes.withUnsafeMutableBufferPointer { buffer in
            PassedPages.release(UnsafeBufferPointer(buffer), from: 0, to: 2 * 65_536)
        }
        // The last page, past the released range, is untouched.
        #expect(bytes[(2 * 65_536 + 4_096)...].allSatisfy { $0 == 0x41 })
        #expect(bytes.count == 3 * 65_536)
    }
}

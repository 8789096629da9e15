import ConfDashTestSupport
import Testing
@testable import ConfDashCore

@Suite("Import: the XML reader")
struct XMLReaderTests {
    private func parse(_ text: String) -> Result<XMLReader.Output, XMLSyntaxError> {
        XMLReader.parse(Array(text.utf8))
    }

    private func root(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> XMLElement {
        switch parse(text) {
        case .success(let output): return output.root
        case .failure(let error):
            Issue.record("\(error.position): \(error.message)", sourceLocation: sourceLocation)
            throw error
        }
    }

    private func error(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> XMLSyntaxError? {
        if case .failure(let error) = parse(text) { return error }
        Issue.record("parsed, but should not have", sourceLocation: sourceLocation)
        return nil
    }

    @Test func elementsAttributesAndText() throws {
        let root = try root("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE schedule [ <!ELEMENT schedule ANY> ]>
            <!-- a comment -->
            <schedule a='1' b="two &amp; three">
              <title>Caf\u{E9} &lt;3 &#233;&#xE9; <![CDATA[<b>raw</b> & more]]></title>
              <empty/>
              <?processing instruction?>
            </schedule>
            """)
        #expect(root.name == "schedule")
        #expect(root.attribute("a") == "1")
        #expect(root.attribute("b") == "two & three")
        #expect(root.child("title")?.text == "Café <3 éé <b>raw</b> & more")
        #expect(root.child("empty")?.text == "")
        #expect(root.child("title")?.position == JSONPosition(line: 5, column: 3))
    }

    @Test func attributeValuesHaveTheirLineBreaksNormalised() throws {
        #expect(try root("<a b=\"x\ny\tz\"/>").attribute("b") == "x y z")
    }

    @Test("malformed XML is an error naming the line and column", arguments: [
        ("<a>\n  <b>\n</a>", 3, 1, "</a> does not match <b> opened at line 2"),
        ("<a>\n  <b>text", 2, 10, "the file ends inside <b> (opened at line 2)"),
        ("<a>\n<b c=d/></a>", 2, 6, "must be in quotes"),
        ("<a></a>\n<b/>", 2, 1, "a second root element"),
        ("hello", 1, 1, "text before the root element"),
        ("<a>\n<!-- never closed\n</a>", 2, 1, "comment not closed"),
        ("<a b=\"1\"c=\"2\"/>", 1, 9, "expected a space"),
        ("", 1, 1, "no root element"),
    ])
    func malformed(text: String, line: Int, column: Int, message: String) {
        guard let error = error(text) else { return }
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.position == JSONPosition(line: line, column: column), "\(error.position)")
    }

    @Test func unknownEntitiesAreKeptWithOneWarning() throws {
        guard case .success(let output) = parse("<a>x&nbsp;y&nbsp;z &amp</a>") else { Issue.record("did not parse"); return }
        #expect(output.root.text == "x&nbsp;y&nbsp;z &amp")
        #expect(output.warnings.map(\.message) == ["unknown entity &nbsp; kept as written", "a bare '&' (write &amp;); kept as it is"])
    }

    @Test func otherEncodingsAreRefusedClearly() {
        #expect(error("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>")?.message.contains("ISO-8859-1") == true)
        let utf16: [UInt8] = [0xFF, 0xFE, 0x3C, 0x00]
        if case .failure(let error) = XMLReader.parse(utf16) { #expect(error.message.contains("UTF-16")) } else { Issue.record("parsed UTF-16") }
        if case .failure(let error) = XMLReader.parse(Array("<a>\n é".utf8) + [0xFF] + Array("</a>".utf8)) {
            #expect(error.position == JSONPosition(line: 2, column: 3))
        } else {
            Issue.record("parsed invalid UTF-8")
        }
    }

    @Test func deepNestingIsRefusedNotOverflowed() {
        let deep = String(repeating: "<a>", count: 100_000)
        #expect(error(deep)?.message.contains("nested more than") == true)
    }

    @Test func columnsOnOneLongLineStayCorrectAndFast() throws {
        // A schedule written on one line: columns are counted without rescanning the line.
        let element = "<event><title>é</title></event>"
        let text = "<schedule>" + String(repeating: element, count: 20_000) + "</schedule>"
        let clock = ContinuousClock()
        var root: XMLElement?
        let elapsed = try clock.measure { root = try self.root(text) }
        #expect(root?.children.count == 20_000)
        let lastTitle = root?.children.last?.child("title")
        #expect(lastTitle?.position.column == 11 + 19_999 * 31 + 7)
        #expect(elapsed < .seconds(5 * testTimeoutScale), "took \(elapsed)")
    }
}

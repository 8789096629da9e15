import Foundation
import Testing
@testable import ConfDashCore

/// `ScheduleXMLHandler` fills each event's draft straight from the bytes; `ScheduleXMLReader`
/// can also read the same event from a tree of elements. Both must give the same draft, field for
/// field (texts, positions, paths, persons, links, their order), on real and on odd files.
@Suite("Import: schedule.xml read as a stream equals read as a tree")
struct ScheduleXMLHandlerTests {
    /// The draft read from a tree of every element, and the one read as a stream, as dumps.
    private func drafts(_ bytes: [UInt8]) -> (tree: String, stream: String)? {
        guard case .success(let output) = XMLReader.parse(bytes) else { return nil }
        let treeLog = ProblemLog(file: "f")
        var tree = ""
        dump(Self.visible(ScheduleXMLReader.read(output.root, log: treeLog)), to: &tree)

        var handler = ScheduleXMLHandler()
        guard case .success = XMLReader.scan(bytes, into: &handler), let root = handler.tree.root else {
            Issue.record("the tree parsed but the stream did not")
            return nil
        }
        let streamLog = ProblemLog(file: "f")
        var stream = ""
        dump(Self.visible(ScheduleXMLReader.read(root, events: handler.takeEvents(), log: streamLog)), to: &stream)
        #expect(treeLog.sorted() == streamLog.sorted())
        return (tree, stream)
    }

    /// Everything a draft says, without its room set (whose order is hashing's, not the file's).
    private static func visible(_ draft: ScheduleDraft?) -> Any {
        guard let draft else { return "no draft" }
        return (draft.title, draft.acronym, draft.generator, draft.version, draft.url, draft.baseURL, draft.timeZoneName,
                draft.start, draft.end, draft.dayChange, draft.tracks, draft.rooms, draft.days)
    }

    /// The first line where the two dumps differ, with the lines before it for context.
    private func expectEqualDumps(_ tree: String, _ stream: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard tree != stream else { return }
        let a = tree.split(separator: "\n", omittingEmptySubsequences: false)
        let b = stream.split(separator: "\n", omittingEmptySubsequences: false)
        let first = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        // Dump lines can be long (the first holds everything): show where in the line they part.
        let lineA = first < a.count ? Array(a[first]) : [], lineB = first < b.count ? Array(b[first]) : []
        let column = (0..<min(lineA.count, lineB.count)).first { lineA[$0] != lineB[$0] } ?? min(lineA.count, lineB.count)
        let window = max(0, column - 200)
        Issue.record("""
            the drafts differ at line \(first + 1) of \(a.count) / \(b.count), character \(column):
            tree:   …\(String(lineA[window..<min(lineA.count, column + 100)]))
            stream: …\(String(lineB[window..<min(lineB.count, column + 100)]))
            """, sourceLocation: sourceLocation)
    }

    private func expectSame(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let (tree, stream) = drafts(Array(text.utf8)) else {
            Issue.record("did not parse", sourceLocation: sourceLocation)
            return
        }
        expectEqualDumps(tree, stream, sourceLocation: sourceLocation)
        #expect(tree.contains("DraftSession"), "no session read: the case tests nothing", sourceLocation: sourceLocation)
    }

    @Test func theRichFixture() {
        expectSame(ScheduleFixtures.richXML)
    }

    @Test func theReal38C3Schedule() {
        guard let bytes = RealSchedules.bytes("38c3-schedule.xml") else { return }
        guard let (tree, stream) = drafts(bytes) else { Issue.record("did not parse"); return }
        expectEqualDumps(tree, stream)
        #expect(tree.count > 1_000_000)
    }

    @Test("odd events", arguments: [
        // A field given twice (the last counts), with entities, CDATA and a comment in it.
        "<title>One</title><title>Two &amp; <![CDATA[<three>]]><!-- c --> four</title>",
        // Whitespace-only text around children is not content; text beside children is.
        "<title>\n  <b>bold</b>\n</title><subtitle> a <i>b</i> c </subtitle><abstract>  </abstract>",
        // Persons: guid before id, a person without either, nested markup, something not a person.
        """
        <persons><person id="1" guid="g-1">Ada</person><person id="2">Grace <b>H</b></person>
        <person>  </person><speaker id="3">Not read</speaker><person guid="dup" guid="x">Dup</person></persons>
        <persons><person id="9">Second list</person></persons>
        """,
        // Links and attachments, each holding either kind; one without href; an empty title.
        """
        <links><link href="https://a.example">A</link><attachment href="/b.pdf"> B </attachment><link>no href</link></links>
        <attachments><attachment href="/c.pdf"></attachment><link href="x"><i>nested</i></link></attachments>
        """,
        // Names that are not fields, fields nested deeper (not read), an empty element.
        "<recording><license>CC</license><title>not the title</title></recording><room/><track></track><unknown>x</unknown>",
        // Events inside an event (not sessions), text directly in the event.
        "stray text<event id=\"inner\"><title>Inner</title></event><title>Outer</title>",
        // Attributes of the event given twice, references in them and in text.
        "<title>&#233;&#xE9;&lt;&gt;&quot;&apos;&nbsp; &amp</title><description>line\r\nbreak\n\ttab</description>",
    ])
    func oddEvents(children: String) {
        expectSame(ScheduleFixtures.xml(rooms: ScheduleFixtures.xmlEvent(children) + ScheduleFixtures.xmlEvent(id: "102", "<title>Next</title>")))
    }

    @Test func eventsOutsideRoomsAndDaysWrappersAndOtherRoots() {
        // Events straight under <day>, a <days> wrapper, a second room, numbering across rooms and days.
        let rooms = """
            <event id="1" guid="g1" code="C1"><title>Under the day</title><room>Side</room></event>
            <room name=" Hall A "><event id="2"><title>A1</title></event><break/><event id="3"><title>A2</title></event></room>
            <room><event id="4"><title>No room name</title></event></room>
            <notaroom><event id="5"><title>Not read</title></event></notaroom>
            """
        var text = ScheduleFixtures.xml(rooms: rooms)
        text = text.replacingOccurrences(of: "</schedule>", with: """
              <day index="2" date="2024-03-09"><room name="B"><event id="6"><title>Day 2</title></event></room></day>
              <days><day index="3"><room name="C"><event id="7"><title>Wrapped</title></event></room></day></days>
            </schedule>
            """)
        expectSame(text)
    }

    @Test func aDocumentThatIsNotASchedule() {
        // Not <schedule> at the root: nothing is streamed, both read the same (nothing).
        let text = "<calendar><day><room><event><title>x</title></event></room></day></calendar>"
        guard let (tree, stream) = drafts(Array(text.utf8)) else { Issue.record("did not parse"); return }
        expectEqualDumps(tree, stream)
    }
}

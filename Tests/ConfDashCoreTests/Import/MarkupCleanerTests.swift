import Testing
@testable import ConfDashCore

@Suite("Import: HTML and Markdown in abstracts become clean text")
struct MarkupCleanerTests {
    @Test("HTML", arguments: [
        ("<p>Welcome to <b>TestCon</b>!</p><p>Second paragraph.</p>", "Welcome to TestCon!\n\nSecond paragraph."),
        ("one<br>two<br/>three", "one\ntwo\nthree"),
        ("<ul><li>first</li><li>second</li></ul>", "• first\n• second"),
        ("See <a href=\"https://example.org/slides\">the slides</a>.", "See the slides (https://example.org/slides)."),
        ("<a href=\"https://example.org\">https://example.org</a>", "https://example.org"),
        ("Tom &amp; Jerry &hellip; &#8211; &#x2014; caf&eacute;", "Tom & Jerry … – — café"),
        ("<script>alert(1)</script>Safe", "Safe"),
        ("I <3 hardware, and a < b > c", "I <3 hardware, and a < b > c"),
        ("<unknowntag> stays", "<unknowntag> stays"),
        ("Link: <https://example.org/x>", "Link: https://example.org/x"),
    ])
    func html(input: String, expected: String) {
        #expect(MarkupCleaner.clean(input) == expected)
    }

    @Test("Markdown", arguments: [
        ("# Heading\nText", "Heading\nText"),
        ("**bold** and __strong__ and *em* and _em_ and `code`", "bold and strong and em and em and code"),
        ("[the guide](https://example.org/guide)", "the guide (https://example.org/guide)"),
        ("![a photo](https://example.org/p.png) caption", "a photo caption"),
        ("- one\n* two\n+ three", "• one\n• two\n• three"),
        ("> quoted", "quoted"),
        ("above\n\n---\n\nbelow", "above\n\nbelow"),
        ("snake_case_name and 2*3*4 stay", "snake_case_name and 2*3*4 stay"),
        ("\\*not emphasis\\*", "*not emphasis*"),
        ("snake\\_case and \\_word\\_", "snake_case and _word_"),
        // Not an escape: a shrug keeps its backslash (38C3's "GLAM zwischen LOD und ¯\\_(ツ)_/¯").
        ("¯\\_(ツ)_/¯ = Platzhalter", "¯\\_(ツ)_/¯ = Platzhalter"),
        ("```\ncode block\n```", "code block"),
    ])
    func markdown(input: String, expected: String) {
        #expect(MarkupCleaner.clean(input) == expected)
    }

    @Test func whitespaceIsTidied() {
        let input = "  First line   with  spaces  \n                    indented continuation\n\n\n\nLast\t\tline \r\n"
        #expect(MarkupCleaner.clean(input) == "First line with spaces\nindented continuation\n\nLast line")
    }

    @Test func titlesKeepTheirTextOnOneLine() {
        #expect(MarkupCleaner.cleanLine("  Welcome to the House of Tea! <3 \n &amp; more ") == "Welcome to the House of Tea! <3 & more")
        let clean = "Already clean"
        #expect(MarkupCleaner.cleanLine(clean) == clean)
    }
}

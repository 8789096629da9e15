import ConfDashTestSupport
import Testing
@testable import ConfDashCore

/// `MarkupCleaner.clean` hands plain, tidy texts back untouched and skips the Markdown stripper
/// for texts without a marker (issue 13: most of a large schedule's abstracts). Those shortcuts
/// must never change a result: every text, shortcut or not, cleans as the full path cleans it.
@Suite("Import: the markup cleaner's shortcuts give what the full cleaning gives")
struct TextShapeTests {
    static let pieces = ["word", "two words", "café", "日本語", " ", "  ", "\n", "\n\n", "\n\n\n", "\t", "\r\n", " \n ",
                         "- item", "# heading", "> quote", "+ plus", "~~~", "a-b", "x > y", "1 + 1", "**bold**", "_em_",
                         "`code`", "[link](https://example.org)", "<b>tag</b>", "&amp;", "a\\*b", "snake_case", "2*3*4",
                         "#hashtag", "  - indented item", "end.", "***", "---"]

    @Test("random texts from plain and marked-up pieces")
    func randomTexts() {
        var random = SeededGenerator(state: 13)
        for _ in 0..<4_000 {
            let count = Int.random(in: 1...8, using: &random)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            #expect(MarkupCleaner.clean(text) == MarkupCleaner.cleanFully(text), "\(text.debugDescription)")
        }
    }

    @Test("which texts are plain and tidy", arguments: [
        ("A plain sentence, with commas; and a-dash.", true, true),
        ("Two paragraphs.\n\nSecond one.", true, true),
        ("Ends with a space ", true, false),
        ("Two  spaces", true, false),
        ("Three\n\n\nbreaks", true, false),
        ("tab\there", true, false),
        ("- a list item", false, true),
        ("line\n# heading", false, true),
        ("x > y and 1 + 1", true, true),
        ("**bold**", false, true),
        ("Tom &amp; Jerry", false, true),
        ("", true, true),
    ])
    func shapes(text: String, plain: Bool, tidy: Bool) {
        let shape = TextShape(text)
        #expect(shape.isPlain == plain, "\(text.debugDescription)")
        #expect(shape.isTidy == tidy, "\(text.debugDescription)")
    }
}

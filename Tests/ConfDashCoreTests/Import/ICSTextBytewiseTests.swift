import ConfDashTestSupport
import Testing
@testable import ConfDashCore

/// `ICSValues.text` unescapes on bytes where that is sure to give what the character loop gives
/// (`characterwiseText`, the definition), and declines otherwise. Checked on strings made of the
/// pieces that make grapheme clusters differ from bytes: combining marks, a Prepend scalar,
/// joiners, CR LF, emoji, regional indicators, with backslashes and escapes everywhere.
@Suite("Import: iCalendar text unescaped on bytes")
struct ICSTextBytewiseTests {
    private static let pieces = ["\\", "\\", "\\n", "\\N", "\\,", "\\;", "\\\\", "n", "N", ",", "a", " ", ".",
                                 "\u{301}", "\u{600}", "\u{200D}", "\r", "\n", "\r\n", "é", "網", "🎉", "👩‍💻", "🇫🇷", "\u{94D}"]

    private func expectSame(_ raw: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(ICSValues.text(raw) == ICSValues.characterwiseText(raw), "\(Array(raw.unicodeScalars))", sourceLocation: sourceLocation)
        #expect(Array(ICSValues.text(raw).utf8) == Array(ICSValues.characterwiseText(raw).utf8), sourceLocation: sourceLocation)
    }

    @Test func commonTexts() {
        for raw in ["Repair battery protocol.\\n\\nLight identity", "a\\, b\\; c\\\\ d", "ends with \\", "\\", "\\\\\\n",
                    "données\\nénergie", "Straße\\, société", "網絡\\N網絡", ""] {
            expectSame(raw)
            if raw.unicodeScalars.allSatisfy(\.isASCII) { #expect(ICSValues.bytewiseText(raw) != nil, "ASCII is always read on bytes") }
        }
        #expect(ICSValues.bytewiseText("Repair.\\n\\nLight sécurité") != nil)
    }

    @Test func declinesWhereClustersDiffer() {
        // A combining mark on the backslash, on the escaped n, a Prepend before the backslash.
        for raw in ["x\\\u{301}n", "x\\n\u{301}", "\u{600}\\n"] {
            #expect(ICSValues.bytewiseText(raw) == nil)
            expectSame(raw)
        }
    }

    @Test func randomMixtures() {
        var generator = SeededGenerator(state: 1313)
        for _ in 0..<4_000 {
            let count = Int.random(in: 0...12, using: &generator)
            let raw = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            expectSame(raw)
        }
    }
}

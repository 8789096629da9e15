import ConfDashTestSupport
import Testing
@testable import ConfDashCore

/// `ICSValues.list` (CATEGORIES) splits on bytes where that is sure to give what the character
/// loop gives (`characterwiseParts`, the definition), and declines otherwise: a comma or a
/// backslash next to a non-ASCII scalar may be part of a larger grapheme cluster.
@Suite("Import: iCalendar lists split on bytes")
struct ICSListBytewiseTests {
    private static let pieces = ["\\", "\\,", "\\\\", ",", ",", " ", "a", "n", "\u{301}", "\u{600}", "\u{200D}", "\r", "\r\n",
                                 "é", "網", "👩‍💻", "🇫🇷"]

    private func expectSame(_ raw: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if let parts = ICSValues.bytewiseParts(raw) {
            #expect(parts.map { Array($0.utf8) } == ICSValues.characterwiseParts(raw).map { Array($0.utf8) },
                    "\(Array(raw.unicodeScalars))", sourceLocation: sourceLocation)
        }
    }

    @Test func commonLists() {
        for raw in ["Art & Beauty", "One,Two\\, with comma, Three", "a,,b,", "ends with \\", "Sécurité ,Réseau", "網絡 , 自由"] {
            #expect(ICSValues.bytewiseParts(raw) != nil, "\(raw)")
            expectSame(raw)
        }
        // Next to a comma, a letter outside ASCII sends the value to the character loop, which reads it alike.
        for raw in ["Sécurité,Réseau", "網絡,自由"] {
            #expect(ICSValues.bytewiseParts(raw) == nil)
            #expect(ICSValues.list(raw) == ICSValues.characterwiseParts(raw))
        }
        #expect(ICSValues.list("One,Two\\, with comma, Three") == ["One", "Two, with comma", "Three"])
    }

    @Test func declinesWhereClustersDiffer() {
        // A combining mark on the comma, a Prepend before it, a mark on the backslash.
        for raw in ["a,\u{301}b", "\u{600},b", "a\\\u{301}"] {
            #expect(ICSValues.bytewiseParts(raw) == nil)
        }
        #expect(ICSValues.characterwiseParts("a,\u{301}b") == ["a,\u{301}b"])
    }

    @Test func randomMixtures() {
        var generator = SeededGenerator(state: 1314)
        for _ in 0..<4_000 {
            let count = Int.random(in: 0...12, using: &generator)
            expectSame((0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined())
        }
    }

    /// The event reader's id hint finds the `@` of an ASCII UID on bytes; any other goes to `ImportIDs.hint(uid:)`.
    @Test func idHintsAgreeWithImportIDs() {
        var generator = SeededGenerator(state: 1315)
        let pieces = ["@", "a", "Z", "0", "-", "_", ".", " ", "\r\n", "é", "\u{301}", "網", "👩‍💻", "x@y"]
        for uid in ["talk-1@example.org", "4a07bd34-ad47-4643-94d8-4a0fccd1c5d0@generated.confdash", "no-at", "@lead", "bad id@x", ""]
            + (0..<2_000).map({ _ in (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined() }) {
            #expect(ICSEventReader.idHint(uid: uid) == ImportIDs.hint(uid: uid), "\(Array(uid.unicodeScalars))")
        }
    }
}

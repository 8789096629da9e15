import ConfDashTestSupport
import Testing
@testable import ConfDashCore

/// `searchFolded` folds word by word through a table for speed; it must give exactly what
/// Foundation's folding gives for the whole text, or searches would find different things.
@Suite struct SearchFoldingFastPathTests {
    @Test func sameAsFoundationOnTheBundledData() {
        let dataset = Bundled.dataset
        var texts = dataset.events.flatMap { event in
            event.sessions.flatMap { ($0.title.allTexts + ($0.description?.allTexts ?? [])) }
        }
        texts += dataset.people.map(\.name) + dataset.organisations.flatMap(\.name.allTexts)
        for text in texts { #expect(text.searchFolded == text.foldedForSearchByFoundation, "\(text)") }
    }

    @Test func sameAsFoundationOnARealSchedule() throws {
        guard let dataset = try RealSchedules.load("38c3-schedule.xml")?.dataset else { return }
        let texts = dataset.events.flatMap(\.sessions).flatMap { $0.title.allTexts + ($0.abstract?.allTexts ?? []) }
        var differing = 0
        for text in texts where text.searchFolded != text.foldedForSearchByFoundation {
            differing += 1
            if differing <= 3 { Issue.record("differs: \(text.prefix(200))") }
        }
        #expect(texts.count > 1500)
    }

    @Test func sameAsFoundationOnAwkwardText() {
        var random = SeededGenerator(state: 7)
        let pieces = ["a", "Z", " ", "\t", "\n", "\r\n", "é", "E\u{301}", "\u{301}", "œ", "Æ", "ß", "ł", "İ", "ı", "ǅ", "’", "ʼ",
                      "\u{00A0}", "\u{202F}", "\u{2028}", "日本", "🙂", "ﬁ", "Σ", "ς", "'", "-", "×", "Ø", "ȿ", "\u{0085}", "–", "—", "“", "”", "„", "…", "‰", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}",
                      "\u{200B}", "\u{2060}", "‹", "›"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(text.searchFolded == text.foldedForSearchByFoundation, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// The tables are written out in the source: each entry must be what Foundation gives.
    @Test func tablesAreFoundationsFolds() {
        for table in [SearchFoldingTable.latin, SearchFoldingTable.punctuation, SearchFoldingTable.morePunctuation] {
            for scalar in table.range {
                let alone = String(UnicodeScalar(UInt32(scalar))!)
                #expect(Array(table.folded(scalar)) == Array(alone.foldedForSearchByFoundation.utf8), "U+\(String(scalar, radix: 16))")
                // And through the word-by-word path, in a word of its own and inside one.
                for text in [alone, "x\(alone)y", "Ab \(alone)\(alone) c"] {
                    #expect(text.searchFolded == text.foldedForSearchByFoundation, "U+\(String(scalar, radix: 16)) in \(text)")
                }
            }
        }
        #expect(SearchFoldingTable.latin.range == 0xC0...0x24F)
        #expect(SearchFoldingTable.punctuation.range == 0x2010...0x2027)
        #expect(SearchFoldingTable.morePunctuation.range == 0x2030...0x205E)
    }
}

import ConfDashTestSupport
import Testing
import ConfDashCore

/// SplitMix64: a fixed seed gives the same strings on every run and platform.
/// Words mixing everything that is easy to get wrong: decomposed accents, CJK, Hangul jamo,
/// emoji sequences, flags, zero-width joiners, no-break spaces.
let tricky: [String] = [
    "a", "Hanoï", "Ja\u{301}uregui", "Nuñez", "sécurité", "日本", "東京都", "한국어", "\u{1112}\u{1161}\u{11AB}",
    "Ａ", "🚀", "🇫🇷", "👨\u{200D}👩\u{200D}👧\u{200D}👦", "👍🏽", "1️⃣", "e\u{301}\u{302}\u{303}", "x",
    "l’OMD", "«\u{202F}douane\u{202F}»", "\u{200B}", "supercalifragilistic", "Ω", "क्षत्रिय",
]

func trickyStrings(count: Int, seed: UInt64) -> [String] {
    var generator = SeededGenerator(state: seed)
    return (0..<count).map { _ in
        let words = (0..<Int.random(in: 0...8, using: &generator)).map { _ in tricky.randomElement(using: &generator)! }
        let separator = Bool.random(using: &generator) ? " " : (Bool.random(using: &generator) ? "" : "  ")
        return words.joined(separator: separator)
    }
}

@Suite struct TextLayoutTests {
    @Test func truncationKeepsWholeClustersAndNeverOverflows() {
        for text in trickyStrings(count: 400, seed: 1) {
            for width in 0...24 {
                for ellipsis in ["…", "", "..."] {
                    let result = text.truncated(toWidth: width, ellipsis: ellipsis)
                    #expect(result.terminalWidth <= width, "\(text) at \(width): \(result)")
                    if text.terminalWidth <= width {
                        #expect(result == text)
                        continue
                    }
                    let kept = ellipsis.terminalWidth <= width && result.hasSuffix(ellipsis)
                        ? String(result.unicodeScalars.dropLast(ellipsis.unicodeScalars.count)) : result
                    // A prefix of whole grapheme clusters: same scalars, ending on a cluster boundary.
                    #expect(text.unicodeScalars.starts(with: kept.unicodeScalars), "\(text) → \(result)")
                    #expect(String(text.prefix(kept.count)).unicodeScalars.elementsEqual(kept.unicodeScalars),
                            "\(text) → \(result) splits a cluster")
                }
            }
        }
    }

    @Test func truncationExamples() {
        #expect("Hello world".truncated(toWidth: 20) == "Hello world")
        #expect("Hello world".truncated(toWidth: 8) == "Hello w…")
        #expect("Hello world".truncated(toWidth: 7) == "Hello…")
        #expect("日本語".truncated(toWidth: 4) == "日…")
        #expect("日本語".truncated(toWidth: 5) == "日本…")
        #expect("e\u{301}e\u{301}e\u{301}".truncated(toWidth: 2) == "e\u{301}…")
        #expect("👨\u{200D}👩\u{200D}👧 family".truncated(toWidth: 3) == "👨\u{200D}👩\u{200D}👧…")
        #expect("abc".truncated(toWidth: 0) == "")
        #expect("abcdef".truncated(toWidth: 2, ellipsis: "...") == "ab")
    }

    @Test func padding() {
        #expect("日本".padded(toWidth: 6) == "日本  ")
        #expect("日本".padded(toWidth: 6, alignment: .right) == "  日本")
        #expect("é".padded(toWidth: 4, alignment: .center) == " é  ")
        #expect("toolong".padded(toWidth: 3) == "toolong")
    }

    @Test func fittedIsExactlyTheWidthEvenWhenAWideCharacterIsCut() {
        #expect("日本語".fitted(toWidth: 3, ellipsis: "") == "日 ")
        #expect("日本語".fitted(toWidth: 1, ellipsis: "") == " ")
        for text in trickyStrings(count: 200, seed: 2) {
            for width in 0...16 {
                for alignment in TextAlignment.allCases {
                    #expect(text.fitted(toWidth: width, alignment: alignment).terminalWidth == width)
                }
            }
        }
    }

    @Test func wrappingKeepsEveryWordAndStaysWithinWidth() {
        for text in trickyStrings(count: 300, seed: 3) {
            for width in 2...30 {
                let lines = text.wrapped(toWidth: width)
                for line in lines {
                    // A Devanagari cluster with a spacing vowel sign can be 3 columns on its own.
                    #expect(line.terminalWidth <= width || line.count == 1, "\(text) at \(width): \(line)")
                    #expect(line.first != " " && line.last != " ", "\(text) at \(width): \(lines)")
                }
                // Only spaces come and go: every other character is there, in order.
                let withoutSpaces = { (text: String) in text.split(separator: " ").joined() }
                #expect(withoutSpaces(lines.joined()) == withoutSpaces(text), "\(text) at \(width): \(lines)")
            }
        }
    }

    @Test func wrappingExamples() {
        #expect("the quick brown fox".wrapped(toWidth: 10) == ["the quick", "brown fox"])
        #expect("the   quick".wrapped(toWidth: 40) == ["the quick"])
        #expect("abcdefghij xy".wrapped(toWidth: 4) == ["abcd", "efgh", "ij", "xy"])
        #expect("日本語のテキスト".wrapped(toWidth: 5) == ["日本", "語の", "テキ", "スト"])
        #expect("one\n\ntwo".wrapped(toWidth: 10) == ["one", "", "two"])
        #expect("".wrapped(toWidth: 10) == [""])
        #expect("Prix\u{202F}: 10 €".wrapped(toWidth: 6) == ["Prix\u{202F}:", "10 €"])
        #expect("日".wrapped(toWidth: 1) == ["日"])
    }
}

/// The room grid's wrapping: lines break between words only; a word wider than a line is cut with "…".
@Suite struct WordWrapTests {
    @Test func breaksOnlyBetweenWords() {
        #expect("09:15 Hack Your Brain: Neurobiologische Tools".wrappedAtWords(toWidth: 17)
                == ["09:15 Hack Your", "Brain:", "Neurobiologische", "Tools"])
        #expect("Verwaltungsdigitalisierung (Faxgeräteclub)".wrappedAtWords(toWidth: 12) == ["Verwaltungs…", "(Faxgerätec…"])
        #expect("a\nb c".wrappedAtWords(toWidth: 10) == ["a", "b c"])
        #expect("日本語 テキスト".wrappedAtWords(toWidth: 6) == ["日本語", "テキ…"])
        #expect("".wrappedAtWords(toWidth: 5) == [""])
    }
}

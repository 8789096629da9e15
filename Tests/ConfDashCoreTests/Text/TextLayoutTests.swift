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

    /// Text of simple scalars is wrapped from its bytes (`wrapSimple`); anything else by
    /// Characters. Both must give the lines the Character rule gives (`referenceWrapped`, the
    /// algorithm as it was before the byte path), on text that mixes what takes the byte path
    /// (ASCII, tabs, line feeds, Latin letters, dashes, arrows, wide symbols, no-break spaces)
    /// with what does not (CR, a combining mark, C1 controls, CJK, U+2028).
    @Test func wrappingFromBytesGivesTheCharacterRulesLines() {
        let simple: [String] = ["a", "b", "Z", "1", ".", "!", " ", " ", "  ", "\t", "\n", "é", "ß", "·", "—", "–", "…", "→", "■",
                                "⚡", "✅", "\u{00A0}", "\u{00AD}", "«", "»", "longword", "Überzeugung", "x—y"]
        let other: [String] = ["\r", "\r\n", "\u{0301}", "\u{0085}", "日本", "\u{2028}", "\u{000B}", "\u{0007}", "🇫🇷", "\u{200B}"]
        var generator = SeededGenerator(state: 1314)
        var simpleTexts = 0
        for round in 0..<600 {
            let pool = round % 3 == 0 ? simple + other : simple
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()
            if pool.count == simple.count { simpleTexts += 1 }
            for width in [1, 2, 3, 4, 5, 7, 10, 16, 40] {
                #expect(text.wrapped(toWidth: width) == referenceWrapped(text, width), "\(text.debugDescription) at \(width)")
            }
        }
        #expect(simpleTexts > 300)
    }

    @Test func repeatingIsTheStandardLibrarysRepeating() {
        for piece in [" ", "─", "▆", "ab", "日", "e\u{0301}", "🇫🇷", ""] {
            for count in 0...70 {
                #expect(String.repeating(piece, count: count) == String(repeating: piece, count: count))
                #expect(Array(String.repeating(piece, count: count).utf8) == Array(String(repeating: piece, count: count).utf8))
            }
        }
        #expect(String.repeating(" ", count: -3) == "")
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

/// `String.wrapped(toWidth:)` by Characters only, as it was before the byte path.
private func referenceWrapped(_ text: String, _ width: Int) -> [String] {
    let width = max(width, 1)
    let noBreak: Set<Character> = ["\u{00A0}", "\u{2007}", "\u{202F}"]
    return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).flatMap { paragraph -> [String] in
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in paragraph.split(whereSeparator: { $0.isWhitespace && !noBreak.contains($0) }) {
            let wordWidth = word.terminalWidth
            if !line.isEmpty && lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = ""
            lineWidth = 0
            for character in word {
                let characterWidth = character.terminalWidth
                if !line.isEmpty && lineWidth + characterWidth > width {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                line.append(character)
                lineWidth += characterWidth
            }
        }
        lines.append(line)
        return lines
    }
}

import ConfDashTestSupport
import Testing
@testable import ConfDashCore

/// The byte-level widths (`TerminalWidth.simpleWidth`, `simplePrefixLength`) against the
/// cluster-by-cluster measure they short-cut, on random hostile text: whatever the fast path
/// answers must be what adding up `Character`s gives, and truncation must cut at the same place.
@Suite struct TerminalWidthFastPathTests {
    /// Pieces a stranger's schedule could hold, many at the edges of the simple ranges.
    static let pieces: [String] = [
        "a", "Z", " ", "~", "\u{7F}", "\u{0}", "\u{1B}", "\t", "\r", "\n", "\r\n", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "\u{AD}",
        "é", "ß", "ÿ", "\u{100}", "\u{2C7}", "\u{2FF}", "\u{300}", "e\u{301}", "\u{36F}", "\u{370}", "Ω", "\u{200B}", "\u{200D}",
        "\u{200F}", "\u{2010}", "–", "—", "‘", "’", "“", "”", "•", "…", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202E}", "\u{2030}",
        "©", "©\u{FE0F}", "®", "1\u{FE0F}\u{20E3}", "#\u{20E3}", "\u{FE0F}", "👩🏽‍💻", "👍", "🇫🇷", "\u{1F1EB}", "漢", "字", "ｱ",
        "한", "\u{1100}\u{1161}", "\u{1161}", "क्षि", "\u{E000}", "\u{10FFFF}", "\u{600}", "\u{600}1",
        "─", "│", "█", "▕", "→", "↓", "≈", "−", "★", "★\u{FE0F}", "★\u{200D}", "☆", "⚠", "⚠\u{FE0F}", "✎", "⌚", "⚡", "✅", "☝\u{1F3FD}",
        "\u{20D0}", "\u{20E3}", "\u{20FF}", "\u{2100}", "\u{27BF}", "\u{27C0}", "\u{2FFF}", "\u{3000}",
    ]

    static func text(_ generator: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...14, using: &generator) {
            // Mostly simple text, as titles are, with the odd hostile piece.
            if Bool.random(using: &generator) {
                text += ["Vortrag über Anführungszeichen ", "Saal 1 – ", "“quoted” ", "Über…", "x"][Int.random(in: 0..<5, using: &generator)]
            } else {
                text += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
        }
        return text
    }

    static func referenceWidth<S: StringProtocol>(_ text: S) -> Int { text.reduce(0) { $0 + $1.terminalWidth } }

    static func referencePrefix(_ text: String, _ width: Int) -> String {
        var used = 0
        var end = text.startIndex
        for character in text {
            if used + character.terminalWidth > width { break }
            used += character.terminalWidth
            end = text.index(after: end)
        }
        return String(text[..<end])
    }

    @Test func widthsAreTheClustersSum() {
        var generator = SeededGenerator(state: 11)
        var simple = 0
        for _ in 0..<6_000 {
            let text = Self.text(&generator)
            #expect(text.terminalWidth == Self.referenceWidth(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            let cut = text.dropFirst(Int.random(in: 0...3, using: &generator))
            #expect(cut.terminalWidth == Self.referenceWidth(cut))
            var copy = text
            if copy.withUTF8({ TerminalWidth.simpleWidth(ofUTF8: $0) }) != nil { simple += 1 }
        }
        // Both paths were taken.
        #expect(simple > 500 && simple < 5_500, "\(simple) simple texts")
    }

    @Test func truncationCutsWhereTheClustersDo() {
        var generator = SeededGenerator(state: 12)
        for _ in 0..<6_000 {
            let text = Self.text(&generator)
            let width = Int.random(in: 0...40, using: &generator)
            let ellipsis = ["…", "", "..."][Int.random(in: 0..<3, using: &generator)]
            var reference = text
            if Self.referenceWidth(text) > width {
                if width <= 0 {
                    reference = ""
                } else if ellipsis.terminalWidth > width {
                    reference = Self.referencePrefix(text, width)
                } else {
                    var kept = Substring(Self.referencePrefix(text, width - ellipsis.terminalWidth))
                    if !ellipsis.isEmpty { while let last = kept.last, last.isWhitespace { kept = kept.dropLast() } }
                    reference = String(kept) + ellipsis
                }
            }
            #expect(text.truncated(toWidth: width, ellipsis: ellipsis) == reference,
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) }) at \(width)")
        }
    }

    @Test func realCongressTexts() throws {
        guard let dataset = try RealSchedules.load("38c3-schedule.xml")?.dataset else { return }
        let texts = dataset.events.flatMap(\.sessions).flatMap { $0.title.allTexts + ($0.abstract?.allTexts ?? []) }
        #expect(texts.count > 1500)
        for text in texts {
            #expect(text.terminalWidth == Self.referenceWidth(text))
            for width in [10, 30, 57] {
                #expect(text.truncated(toWidth: width) == (Self.referenceWidth(text) > width
                    ? String(Self.referencePrefix(text, width - 1).reversed().drop(while: \.isWhitespace).reversed()) + "…" : text))
            }
        }
    }

    @Test func edgesOfTheSimpleRanges() {
        let edges: [UInt32] = [0x1F, 0x20, 0x7E, 0x7F, 0x80, 0x9F, 0xA0, 0xAD, 0x2FF, 0x300, 0x200F, 0x2010, 0x2027, 0x2028,
                               0x20FF, 0x2100, 0x231A, 0x24FF, 0x2500, 0x259F, 0x25FD, 0x26A1, 0x27BF, 0x27C0]
        for value in edges + Array(UInt32(0x2100)...UInt32(0x27BF)) {
            let text = "a" + String(Unicode.Scalar(value)!) + "b"
            #expect(text.terminalWidth == Self.referenceWidth(text), "U+\(String(value, radix: 16))")
        }
        var crlf = "x\r\ny"
        #expect(crlf.withUTF8 { TerminalWidth.simpleWidth(ofUTF8: $0) } == 2)
        #expect(crlf.withUTF8 { TerminalWidth.simplePrefixLength(ofUTF8: $0, fitting: 1) } == 3)
        var combining = "e\u{301}"
        #expect(combining.withUTF8 { TerminalWidth.simpleWidth(ofUTF8: $0) } == nil)
    }
}

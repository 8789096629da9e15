import Testing
@testable import ConfDashCore

@Suite struct TerminalWidthTests {
    @Test(arguments: [
        ("", 0), ("abc", 3), ("日本", 4), ("e\u{301}", 1), ("é", 1), ("Hanoï", 5), ("Hano\u{69}\u{308}", 5),
        ("Jáuregui", 8), ("Ja\u{301}uregui", 8), ("한국어", 6), ("\u{1112}\u{1161}\u{11AB}", 2),
        ("Ａ", 2), ("ｱ", 1), ("🚀", 2), ("🇫🇷", 2), ("🇫🇷🇯🇵", 4), ("👨\u{200D}👩\u{200D}👧\u{200D}👦", 2),
        ("👍🏽", 2), ("❤️", 2), ("❤", 1), ("1️⃣", 2), ("🏳️‍🌈", 2), ("🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", 2),
        ("a\u{200B}b", 2), ("soft\u{AD}hyphen", 11), ("\u{0600}", 1), ("tab\there", 7), ("\u{3000}", 2),
        ("Ω≈ç√", 4), ("Лось", 4), ("ﬁ", 1), ("க்ஷ", 2),
    ])
    func knownWidths(text: String, width: Int) {
        #expect(text.terminalWidth == width, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func scalarWidths() {
        #expect(Unicode.Scalar(0x0301)!.terminalWidth == 0)
        #expect(Unicode.Scalar(0x20DD)!.terminalWidth == 0)  // enclosing mark
        #expect(Unicode.Scalar(0x200D)!.terminalWidth == 0)
        #expect(Unicode.Scalar(0xFEFF)!.terminalWidth == 0)
        #expect(Unicode.Scalar(0x1B)!.terminalWidth == 0)
        #expect(Unicode.Scalar(0x85)!.terminalWidth == 0)
        #expect(Unicode.Scalar(0x1160)!.terminalWidth == 0)
        #expect(Unicode.Scalar(0x4E00)!.terminalWidth == 2)
        #expect(Unicode.Scalar(0x1F300)!.terminalWidth == 2)
        #expect(Unicode.Scalar(0x1F64F)!.terminalWidth == 2)
        #expect(Unicode.Scalar(0x1F650)!.terminalWidth == 1)
        #expect(Unicode.Scalar(0x1F321)!.terminalWidth == 1)  // 🌡 is text-presentation by default
        #expect(Unicode.Scalar(0x1F9FF)!.terminalWidth == 2)
        #expect(Unicode.Scalar(0x2A6DF)!.terminalWidth == 2)
        #expect(Unicode.Scalar(0xFF61)!.terminalWidth == 1)  // halfwidth katakana punctuation
    }

    @Test func wideTableIsSortedAndDisjoint() {
        let ranges = TerminalWidth.wideRanges
        for (previous, next) in zip(ranges, ranges.dropFirst()) {
            #expect(previous.upperBound + 1 < next.lowerBound, "\(previous) then \(next)")
        }
    }

    @Test func binarySearchAgreesWithLinearScan() {
        for value in UInt32(0)...0x40000 {
            let linear = TerminalWidth.wideRanges.contains { $0.contains(value) }
            if TerminalWidth.isWide(value) != linear {
                Issue.record("U+\(String(value, radix: 16)): binary search \(!linear), scan \(linear)")
                return
            }
        }
    }
}

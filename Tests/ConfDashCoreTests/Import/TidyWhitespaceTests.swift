import ConfDashTestSupport
import Testing
@testable import ConfDashCore

/// `MarkupCleaner.tidyWhitespace` copies runs of text eight bytes at a time (issue 13). It must
/// give exactly what the byte-by-byte rule gives, wherever whitespace, control bytes and
/// multi-byte characters fall against the eight-byte words.
@Suite("Import: whitespace tidying eight bytes at a time gives what the byte rule gives")
struct TidyWhitespaceTests {
    /// The rule, one byte at a time, as the cleaner had it before.
    static func reference(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var pendingSpace = false, pendingBreaks = 0
        for byte in bytes {
            switch byte {
            case 0x0A:
                pendingBreaks += 1
                pendingSpace = false
            case 0x20, 0x09, 0x0D:
                pendingSpace = true
            default:
                if !output.isEmpty {
                    if pendingBreaks > 0 {
                        output.append(0x0A)
                        if pendingBreaks > 1 { output.append(0x0A) }
                    } else if pendingSpace {
                        output.append(0x20)
                    }
                }
                pendingBreaks = 0
                pendingSpace = false
                output.append(byte)
            }
        }
        return output
    }

    @Test("random byte texts of every length up to 80")
    func randomTexts() {
        var random = SeededGenerator(state: 13)
        let alphabet: [UInt8] = [0x20, 0x20, 0x0A, 0x09, 0x0D, 0x01, 0x1F, 0x21, 0x7F, 0x80, 0xC3, 0xA9, 0xFF] + Array("abcdefgh.,".utf8)
        for length in 0...80 {
            for _ in 0..<60 {
                let bytes = (0..<length).map { _ in alphabet.randomElement(using: &random)! }
                #expect(MarkupCleaner.tidyWhitespace(bytes) == Self.reference(bytes), "\(bytes)")
            }
        }
    }

    @Test("texts with long words, long gaps and blank lines", arguments: [
        "", " ", "\n\n\n", "word", "  lead and trail  ", "a\n\n\n\nb", "twelve-letter-word \t\r\n next",
        "αβγδεζηθικλμνξοπρστυφχψω  ωψχ", "x\u{1}y\u{1F}z", String(repeating: "abcdefghij ", count: 30),
        String(repeating: "w", count: 64) + "\n \n" + String(repeating: "v", count: 17),
    ])
    func shapes(text: String) {
        let bytes = Array(text.utf8)
        #expect(MarkupCleaner.tidyWhitespace(bytes) == Self.reference(bytes))
    }
}

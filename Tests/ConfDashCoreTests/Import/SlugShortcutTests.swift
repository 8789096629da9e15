import ConfDashTestSupport
import Testing
@testable import ConfDashCore

/// `ImportIDs.slug` hands back a text that already is a slug as it is (issue 13: every session,
/// room and person id goes through it). The shortcut must give what the byte rule gives.
@Suite("Import: ids that already are slugs are kept as the slug rule would make them")
struct SlugShortcutTests {
    /// The rule, as `slug` applies it to ASCII text.
    static func reference(_ text: String) -> String {
        var result: [UInt8] = []
        var pendingHyphen = false
        for byte in text.utf8 {
            if byte.isASCIILetterOrDigit {
                if pendingHyphen && !result.isEmpty { result.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                result.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
                if result.count >= ImportIDs.maximumLength { break }
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    @Test("random ASCII ids of up to 70 characters")
    func randomIDs() {
        var random = SeededGenerator(state: 13)
        let alphabet = Array("ab09-Z_ .-")
        for length in 0...70 {
            for _ in 0..<50 {
                let text = String((0..<length).map { _ in alphabet.randomElement(using: &random)! })
                #expect(ImportIDs.slug(text) == Self.reference(text), "\(text.debugDescription)")
                if ImportIDs.isSlug(text) { #expect(Self.reference(text) == text) }
            }
        }
    }

    @Test("which ids are slugs already", arguments: [
        ("12345", true), ("h23-opening", true), ("a-b-c", true), ("-a", false), ("a-", false), ("a--b", false),
        ("Abc", false), ("a_b", false), ("", false), (String(repeating: "a", count: 64), true), (String(repeating: "a", count: 65), false),
        ("café", false),
    ])
    func slugs(text: String, isSlug: Bool) {
        #expect(ImportIDs.isSlug(text) == isSlug)
        #expect(ImportIDs.slug(text) == (isSlug ? text : ImportIDs.slug(text)))
    }
}

import ConfDashTestSupport
import Testing
@testable import ConfDashCore

/// The scanner skips the plain part of strings and indentation eight bytes at a time. Whatever
/// sits where in those eight bytes (a quote, a backslash, a control character, a character of
/// 2 to 4 bytes cut by the word's end), the value read and every column counted must be those a
/// byte-by-byte reading gives: here checked against the text itself, on random strings.
@Suite("JSON string scanning")
struct JSONStringScanTests {
    /// What a piece is in the file, and what it reads as.
    private static let pieces: [(source: String, value: String)] = [
        ("a", "a"), ("Z", "Z"), (" ", " "), ("é", "é"), ("€", "€"), ("😀", "😀"), ("ü", "ü"), ("\u{7F}", "\u{7F}"),
        ("\\\"", "\""), ("\\\\", "\\"), ("\\/", "/"), ("\\n", "\n"), ("\\t", "\t"), ("\\u00e9", "é"),
        ("\\ud83d\\ude00", "😀"), ("0123456789", "0123456789"), ("        ", "        "),
    ]

    @Test func valuesAndColumnsAgreeWithTheText() throws {
        var generator = SeededGenerator(state: 8)
        for _ in 0..<2000 {
            let count = Int.random(in: 0...24, using: &generator)
            let chosen = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }
            let source = chosen.map(\.source).joined(), value = chosen.map(\.value).joined()
            let indent = String(repeating: " ", count: Int.random(in: 0...19, using: &generator))
            // A value, then a mistake whose column counts every character before it.
            let text = "[\n\(indent)\"\(source)\", @]"
            guard case let .failure(error) = JSONParser.parse(text) else {
                Issue.record("no error in \(text)")
                continue
            }
            let expectedColumn = indent.unicodeScalars.count + source.unicodeScalars.count + 5
            #expect(error.line == 2 && error.column == expectedColumn, "\(text): \(error)")
            guard case let .success(root) = JSONParser.parse("[\n\(indent)\"\(source)\"]"),
                  case let .array(items) = root.content else {
                Issue.record("\(source) does not parse")
                continue
            }
            #expect(items.first?.stringValue == value, "\(source)")
            #expect(items.first?.position == JSONPosition(line: 2, column: indent.count + 1))
        }
    }

    /// A control character anywhere in a run of plain bytes is found, at its own column.
    @Test func controlCharactersAreFoundWhereverTheyAre() {
        for before in 0..<20 {
            for control in [UInt8(0x01), 0x09, 0x1F] {
                let head = String(repeating: "é", count: before / 2) + String(repeating: "x", count: before % 2)
                var bytes = Array("[\"\(head)".utf8)
                bytes.append(control)
                bytes.append(contentsOf: Array("abcdefghijkl\"]".utf8))
                guard case let .failure(error) = JSONParser.parse(bytes: bytes) else {
                    Issue.record("control character \(control) after \(before) accepted")
                    continue
                }
                #expect(error.message.contains("must be escaped"), "\(error)")
                #expect(error.column == head.unicodeScalars.count + 3, "\(before): \(error)")
            }
        }
    }
}

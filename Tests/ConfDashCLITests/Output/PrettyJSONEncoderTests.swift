import ConfDashCore
import Foundation
import Testing
@testable import ConfDashCLI

/// `PrettyJSONEncoder` must write what the CLI wrote before it with Foundation's `JSONEncoder`
/// (then `TerminalText.escapedJSON`), byte for byte, plus U+2028/U+2029 escaped.
@Suite("Pretty JSON encoder")
struct PrettyJSONEncoderTests {
    struct Inner: Encodable {
        var name: String
        @Null var note: String?
        var flags: [Bool]
    }

    struct Sample: Encodable {
        var zeta = "last"
        var alpha = 1
        var eventTitle = "title"
        var events = ["a", "b"]
        var event = "e"
        var kindLabel = "label"
        var kind = "k"
        var dayIndex: Int? = nil
        var dayBasis: Int? = 3
        @Null var missing: String?
        @Null var latitude: Double? = 52.52
        var numbers: [Double] = [0.1, -3.0, 100.0, 1e21, 1.5e-7, 12_345.678, -0.0]
        var integers = [0, -1, Int.max, Int.min]
        var empty: [String] = []
        var emptyInner: [Inner] = []
        var nested = [Inner(name: "x", note: nil, flags: []), Inner(name: "y", note: "n", flags: [true, false])]
        var byYear = ["2024": 3, "2021": 1, "2023": 0]
        var emptyMap: [String: Int] = [:]
        var text: String
    }

    /// Every C0 control, quote, backslash, slash, DEL, C1 controls, the bidirectional controls,
    /// the line and paragraph separators, and text that only looks close to them.
    static let hostile: String = {
        var scalars = (0..<0x20).map { String(Character(Unicode.Scalar(UInt8($0)))) }
        scalars += ["\"", "\\", "/", "\u{7F}", "\u{80}", "\u{9B}", "\u{9F}", "\u{A0}", "é", "\u{2027}", "\u{2028}", "\u{2029}",
                    "\u{202A}", "\u{202E}", "\u{202F}", "\u{2065}", "\u{2066}", "\u{2069}", "\u{206A}", "€", "日本", "👩🏽‍💻", "e\u{301}"]
        return scalars.joined()
    }()

    private func foundation<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        return TerminalText.escapedJSON(text).replacingOccurrences(of: "\u{2028}", with: "\\u2028")
            .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }

    private func ours<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try PrettyJSONEncoder.encode(value), as: UTF8.self)
    }

    @Test func sameBytesAsFoundationOnEveryShape() throws {
        let sample = Sample(text: Self.hostile)
        #expect(try ours(sample) == foundation(sample))
    }

    @Test func eachHostileCharacterAlone() throws {
        for character in Self.hostile.unicodeScalars {
            let value = ["k": String(character), "pre\(character)post": "x\(character)y"]
            #expect(try ours(value) == foundation(value), "U+\(String(character.value, radix: 16))")
        }
    }

    /// Each hostile character at every offset of a longer text: the quoting skips eight bytes
    /// at a time up to the first character it may have to escape.
    @Test func eachHostileCharacterAtEveryOffset() throws {
        for character in Self.hostile.unicodeScalars {
            for offset in 0..<18 {
                let text = String(repeating: "a", count: offset) + String(character) + String(repeating: "b", count: 20 - offset) + String(character)
                #expect(try ours(["k": text]) == foundation(["k": text]), "U+\(String(character.value, radix: 16)) at \(offset)")
            }
        }
    }

    @Test func separatorsAndControlsNeverReachTheOutputRaw() throws {
        let text = try ours(["t": Self.hostile])
        for scalar in text.unicodeScalars {
            #expect(!TerminalText.isUnsafe(scalar) || scalar == "\n", "U+\(String(scalar.value, radix: 16)) written raw")
            #expect(scalar != "\u{2028}" && scalar != "\u{2029}")
        }
        // It is still JSON, and reads back to the same text.
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
        #expect(decoded?["t"] == Self.hostile)
    }

    @Test func topLevelValuesAndArrays() throws {
        #expect(try ours([[1, 2], []]) == foundation([[1, 2], []]))
        #expect(try ours(["a", "b"]) == foundation(["a", "b"]))
        #expect(try ours([String: [Int]]()) == foundation([String: [Int]]()))
    }

    /// Objects of one shape are sorted once and that order reused: many records, records of
    /// several shapes in turn, and dictionaries whose keys change from one object to the next
    /// must still come out as Foundation writes them.
    @Test func manyObjectsOfChangingShapes() throws {
        let records = (0..<40).map { Sample(dayIndex: $0 % 3 == 0 ? $0 : nil, byYear: ["y\($0)": $0, "a\($0 % 5)": 1], text: "t\($0)") }
        #expect(try ours(records) == foundation(records))
        let maps: [[String: Int]] = (0..<40).map { index in Dictionary(uniqueKeysWithValues: (0..<(index % 7)).map { ("k\(index * $0)", $0) }) }
        #expect(try ours(maps) == foundation(maps))
    }

    /// A keyed container may encode a key twice: the last value is written, once.
    struct Twice: Encodable {
        enum Key: String, CodingKey { case b, a }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode("first", forKey: .b)
            try container.encode(1, forKey: .a)
            try container.encode("last", forKey: .b)
        }
    }

    @Test func aKeyEncodedTwiceKeepsTheLastValue() throws {
        #expect(try ours(Twice()) == "{\n  \"a\" : 1,\n  \"b\" : \"last\"\n}")
        #expect(try ours([Twice(), Twice()]) == foundation([["a": "1", "b": "last"], ["a": "1", "b": "last"]]).replacingOccurrences(of: "\"1\"", with: "1"))
    }

    @Test func notANumberIsAnError() {
        #expect(throws: EncodingError.self) { try PrettyJSONEncoder.encode(["x": Double.nan]) }
    }
}

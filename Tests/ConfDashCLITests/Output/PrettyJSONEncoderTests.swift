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

    @Test func notANumberIsAnError() {
        #expect(throws: EncodingError.self) { try PrettyJSONEncoder.encode(["x": Double.nan]) }
    }
}

import ConfDashTestSupport
import Foundation
import Testing
@testable import ConfDashCore

/// The state file's key order (`KeyOrder`: byte comparison when every key is ASCII) against
/// `String`'s `<` that it replaces, and the whole writer against the JSONText reference on states
/// whose keys are all ASCII (the byte path; `StateFileBytesTests` covers mixed keys).
@Suite struct KeyOrderTests {
    static let asciiPieces = ["", "a", "A", "z", "Z", "0", "9", "-", "_", "~", " ", "\"", "\\", "\u{0}", "\u{1F}", "\u{7F}", "ab", "aB",
                              "0123", "b5f0c1de-2c4a-5d4e-9f62-0a4b4c1d2e3f", "B5F0C1DE", "k1", "k10", "k2", "guid"]
    static let otherPieces = ["é", "e\u{301}", "É", "ß", "ẞ", "漢", "👩🏽‍💻", "\u{FB01}", "Å", "A\u{30A}", "\u{212B}", "ǅ"]

    static func keys(_ generator: inout SeededGenerator, count: Int, ascii: Bool) -> [String] {
        let pieces = ascii ? asciiPieces : asciiPieces + otherPieces
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
        }
    }

    @Test func orderIsStringsOrderWithTiesInInputOrder() {
        var generator = SeededGenerator(state: 41)
        for round in 0..<400 {
            let keys = Self.keys(&generator, count: Int.random(in: 0...60, using: &generator), ascii: round % 2 == 0)
            let items = Array(keys.enumerated())
            // Swift's sort is stable, so equal keys (and canonically equal ones) keep their order.
            let expected = items.sorted { $0.element < $1.element }.map(\.offset)
            #expect(KeyOrder.sorted(items, by: \.element).map(\.offset) == expected, "round \(round): \(keys)")
        }
    }

    /// Keys compared by their first 8 bytes first: keys of 7 to 9 bytes, keys equal in those 8
    /// bytes and differing later, NUL bytes where a shorter key has none.
    @Test func keysAroundTheEightBytePrefix() {
        let pieces = ["session-", "12345678", "1234567", "123456789", "\u{0}", "a", "\u{7F}", "-1", "-10", "-2", ""]
        var generator = SeededGenerator(state: 43)
        for round in 0..<300 {
            let keys = (0..<Int.random(in: 2...50, using: &generator)).map { _ in
                (0..<Int.random(in: 1...3, using: &generator)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            }
            let items = Array(keys.enumerated())
            let expected = items.sorted { $0.element < $1.element }.map(\.offset)
            #expect(KeyOrder.sorted(items, by: \.element).map(\.offset) == expected, "round \(round): \(keys)")
        }
    }

    @Test func writerIsTheReferenceOnAllASCIIKeys() {
        var generator = SeededGenerator(state: 42)
        for seed in 0..<40 as Range<UInt64> {
            var state = StateFileBytesTests.state(seed: seed + 500, marks: Int(seed) * 4)
            // Same marks under ASCII keys (distinct, many sharing prefixes), so the byte comparison sorts them.
            var rekeyed = PersonalState(schedule: state.schedule, exports: state.exports)
            for (number, mark) in state.marks.values.enumerated() {
                var mark = mark
                mark.ref.key = Self.keys(&generator, count: 1, ascii: true)[0] + "#\(number)"
                rekeyed.marks[mark.ref.key] = mark
            }
            state = rekeyed
            #expect(PersonalStateFile.text(of: state) == StateFileBytesTests.referenceText(of: state), "seed \(seed)")
            guard case .intact(let read) = PersonalStateFile.read(Data(PersonalStateFile.bytes(of: state))) else {
                Issue.record("seed \(seed): not read back"); continue
            }
            #expect(read.marks == state.marks.filter { !$0.value.isBlank }, "seed \(seed)")
        }
    }
}

import Testing
@testable import ConfDashCore

/// `ByteMarks` (the exports' escaping scans, 16 bytes at a time in C) finds exactly the first byte
/// a byte-by-byte scan finds, from every start, in texts of every length around the 16-byte steps.
@Suite struct ByteMarksTests {
    private static func reference(_ bytes: [UInt8], from: Int, below: UInt8, _ marks: [UInt8]) -> Int {
        var index = from
        while index < bytes.count && !(bytes[index] < below || marks.contains(bytes[index])) { index += 1 }
        return index
    }

    @Test func firstMarkedByteAsAByteByByteScan() {
        let kinds: [(ByteMarks, UInt8, [UInt8])] = [
            (.xml, 0x20, [UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), 0xEF]),
            (.ics, 0x20, [0x7F, UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ",")]),
            (ByteMarks(below: 0, [UInt8(ascii: "|")]), 0, [UInt8(ascii: "|")]),
        ]
        var seed: UInt64 = 13
        func next() -> UInt64 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return seed >> 33
        }
        for length in 0...70 {
            for density in [0, 3, 20, 200] {
                // Plain letters, with now and then any byte (density 0: any byte everywhere).
                let bytes = (0..<length).map { _ -> UInt8 in
                    density == 0 || next() % UInt64(density) == 0 ? UInt8(truncatingIfNeeded: next()) : UInt8(ascii: "a") + UInt8(next() % 26)
                }
                for (marks, below, list) in kinds {
                    bytes.withUnsafeBufferPointer { buffer in
                        for from in 0...length {
                            #expect(marks.first(in: buffer, from: from) == Self.reference(bytes, from: from, below: below, list),
                                    "\(bytes) from \(from)")
                        }
                    }
                }
            }
        }
    }

    @Test func xmlEscapingAsCharacterReplacement() {
        for text in ExportByteWritersTests.awkward + [String(repeating: "plain words & more <tags> ", count: 9)] {
            var expected = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": expected += "&amp;"
                case "<": expected += "&lt;"
                case ">": expected += "&gt;"
                case "\"": expected += "&quot;"
                case "\r": expected += "&#13;"
                case "\n": expected += "&#10;"
                case "\t": expected += "&#9;"
                case "\u{FFFE}", "\u{FFFF}": expected += "\u{FFFD}"
                default: expected += scalar.value < 0x20 ? "\u{FFFD}" : String(scalar)
                }
            }
            #expect(XMLText.escape(text) == expected, "\(Array(text.utf8))")
        }
    }
}

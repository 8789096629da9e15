import ConfDashTestSupport
import Testing
@testable import ConfDashCore

/// The XML reader checks UTF-8 and raw control characters in one pass (issue 13) and goes to the
/// two exact checks only when that pass doubts the file. The pass must clear exactly the files
/// both exact checks clear.
@Suite("Import: the XML reader's one-pass encoding check agrees with the exact checks")
struct XMLEncodingPassTests {
    static func exact(_ bytes: [UInt8]) -> Bool {
        UTF8Check.firstInvalidOffset(in: bytes) == nil
            && !bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }

    @Test("random bytes, mostly text, at every length up to 70")
    func randomBytes() {
        var random = SeededGenerator(state: 13)
        let pieces: [[UInt8]] = [[0x61], [0x20], [0x0A], [0x09], [0x0D], [0x00], [0x1B], [0x7F], [0xC3, 0xA9], [0xE2, 0x80, 0xA6],
                                 [0xF0, 0x9F, 0x98, 0x80], [0xC3], [0xE2, 0x80], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80],
                                 [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF], [0xFF], [0x3C]]
        for length in 0...70 {
            for _ in 0..<80 {
                var bytes: [UInt8] = []
                while bytes.count < length {
                    // Mostly clean text, so that a problem is often the only one, anywhere.
                    let piece = Int.random(in: 0..<10, using: &random) < 7 ? pieces[Int.random(in: 0..<5, using: &random)]
                        : pieces.randomElement(using: &random)!
                    bytes += piece
                }
                #expect(XMLReader.isCleanUTF8WithoutControls(bytes) == Self.exact(bytes), "\(bytes)")
            }
        }
    }

    @Test("the 38C3 schedule is clean; one control byte or one cut character anywhere is not")
    func schedule() throws {
        guard let bytes = RealSchedules.bytes("38c3-schedule.xml") else {
            _ = try RealSchedules.load("38c3-schedule.xml")  // says loudly that it is missing
            return
        }
        #expect(XMLReader.isCleanUTF8WithoutControls(bytes))
        for place in stride(from: 0, to: bytes.count, by: bytes.count / 37) {
            var broken = bytes
            broken[place] = 0x01
            #expect(!XMLReader.isCleanUTF8WithoutControls(broken))
            broken[place] = 0xC3
            #expect(XMLReader.isCleanUTF8WithoutControls(broken) == Self.exact(broken))
        }
    }
}

import ConfDashTestSupport
import Foundation
import Testing
@testable import ConfDashCore

/// The state file's direct reader gives, for every file it accepts, the state the general JSON
/// reader gives, and leaves every other file (hand edits, damage) to it.
@Suite struct StateFileFastReaderTests {
    @Test func readsWhatConfdashWritesAsTheGeneralReaderDoes() throws {
        for seed in 300..<360 as Range<UInt64> {
            let state = StateFileBytesTests.state(seed: seed, marks: Int(seed - 300))
            let bytes = PersonalStateFile.bytes(of: state)
            let fast = try #require(StateFileFastReader.read(bytes), "seed \(seed): a file confdash wrote is not read directly")
            #expect(PersonalStateFile.readTree(bytes) == .intact(fast), "seed \(seed)")
        }
        let empty = PersonalStateFile.bytes(of: PersonalState())
        #expect(StateFileFastReader.read(empty).map { PersonalStateFile.readTree(empty) == .intact($0) } == true)
    }

    /// Bytes changed, added or removed at random: whatever the direct reader still accepts, the
    /// general reader reads to the same state; everything else it declines.
    @Test func mutatedFilesAreReadAlikeOrLeftToTheGeneralReader() {
        var generator = SeededGenerator(state: 77)
        let interesting = Array("\"\\,{}[] \n:0123456789-TZ.utnlfabe".utf8) + [0x00, 0x1F, 0x7F, 0xC3, 0xA9, 0xE2, 0x80]
        var accepted = 0, declined = 0
        for round in 0..<3_000 {
            let state = StateFileBytesTests.state(seed: UInt64(round % 12), marks: 4 + round % 5)
            var bytes = PersonalStateFile.bytes(of: state)
            for _ in 0..<Int.random(in: 1...2, using: &generator) {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                let byte = interesting[Int.random(in: 0..<interesting.count, using: &generator)]
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[at] = byte
                case 1: bytes.insert(byte, at: at)
                default: bytes.remove(at: at)
                }
            }
            guard let fast = StateFileFastReader.read(bytes) else { declined += 1; continue }
            accepted += 1
            #expect(PersonalStateFile.readTree(bytes) == .intact(fast), "round \(round): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
        #expect(accepted > 100 && declined > 100, "both ways taken (\(accepted) read directly, \(declined) declined)")
    }

    /// A file laid out differently (a person re-indented it) is read the general way, to the same state.
    @Test func aReindentedFileIsLeftToTheGeneralReader() throws {
        let state = StateFileBytesTests.state(seed: 5, marks: 6)
        let text = PersonalStateFile.text(of: state).replacingOccurrences(of: "\n    ", with: "\n\t")
        #expect(StateFileFastReader.read(Array(text.utf8)) == nil)
        guard case .intact(let read) = PersonalStateFile.read(Data(text.utf8)) else { Issue.record("not read"); return }
        #expect(read == StateFileFastReader.read(PersonalStateFile.bytes(of: state)))
    }
}

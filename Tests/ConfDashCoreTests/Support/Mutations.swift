import ConfDashTestSupport
import Testing
@testable import ConfDashCore

/// What must hold for any input a loader or importer is given: a dataset exactly when there is
/// no error, and every problem placed within the file and written on one line.
func checkLoadInvariants(_ result: LoadResult, lineCount: Int, _ label: @autoclosure () -> String) {
    #expect((result.dataset == nil) == !result.errors.isEmpty, "\(label())")
    for problem in result.problems {
        let placed = (problem.line ?? 1) >= 1 && (problem.line ?? 1) <= lineCount && (problem.column ?? 1) >= 1
        let oneLine = !problem.message.isEmpty && !problem.description.contains("\n")
        if !placed || !oneLine {
            Issue.record("bad problem \(problem) for \(label())")
        }
    }
}

func lineCount(of bytes: [UInt8]) -> Int { bytes.filter { $0 == 0x0A }.count + 1 }

/// Damages a text as a bad download or a careless edit would: a few times over, a byte is
/// replaced (by any byte, or by one that means something to the parser), removed, or a run of up
/// to `longestCopy` bytes is copied somewhere else.
func mutate(_ bytes: inout [UInt8], edits: ClosedRange<Int>, interesting: [UInt8], longestCopy: Int,
            using random: inout SeededGenerator) {
    for _ in 0..<Int.random(in: edits, using: &random) {
        let index = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<4, using: &random) {
        case 0: bytes[index] = UInt8.random(in: 0...255, using: &random)
        case 1: bytes[index] = interesting.randomElement(using: &random)!
        case 2: bytes.remove(at: index)
        default:
            let end = min(bytes.count, index + Int.random(in: 1...longestCopy, using: &random))
            bytes.insert(contentsOf: bytes[index..<end], at: Int.random(in: 0...bytes.count, using: &random))
        }
    }
}

import ConfDashTestSupport
import Testing
@testable import ConfDashCore

/// `DatasetAssembler.permute` puts the sessions in programme order in place, by the cycles of the
/// sorted order; it must give what `order.map { items[$0] }` gives, for every shape of permutation.
@Suite("Import: the assembler's in-place ordering")
struct AssemblerPermuteTests {
    private func expectLikeMap(_ order: [Int], sourceLocation: SourceLocation = #_sourceLocation) {
        let items = order.indices.map { "item \($0)" }
        var permuted = items
        DatasetAssembler.permute(&permuted, into: order)
        #expect(permuted == order.map { items[$0] }, sourceLocation: sourceLocation)
    }

    @Test func smallAndEdgeCases() {
        expectLikeMap([])
        expectLikeMap([0])
        expectLikeMap([0, 1, 2])
        expectLikeMap([2, 1, 0])
        expectLikeMap([1, 2, 3, 0])  // one long cycle
        expectLikeMap([3, 0, 1, 2])  // the other way round
        expectLikeMap([1, 0, 3, 2, 4])  // pairs and a fixed point
    }

    @Test func randomPermutations() {
        var generator = SeededGenerator(state: 13)
        for count in [2, 3, 10, 100, 1_000] {
            for _ in 0..<20 { expectLikeMap(Array(0..<count).shuffled(using: &generator)) }
        }
    }

}

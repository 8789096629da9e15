import ConfDashBundledData
import Foundation
import Testing
@testable import ConfDashCore

/// Runs once the real dataset replaces the `{}` placeholder.
@Suite(.enabled(if: BundledData.datasetJSON.trimmingCharacters(in: .whitespacesAndNewlines) != "{}",
                "the bundled dataset is still the placeholder"))
struct BundledDatasetTests {
    @Test func loadsWithoutAnyProblem() throws {
        let result = DatasetLoader.load(json: BundledData.datasetJSON, name: BundledData.datasetName)
        #expect(result.problems.isEmpty, "\(result.problems.map(\.description).joined(separator: "\n"))")
        #expect(result.dataset != nil)
    }

    @Test func isFullyBilingual() throws {
        let dataset = try #require(DatasetLoader.load(json: BundledData.datasetJSON, name: BundledData.datasetName).dataset)
        let gaps = DatasetLoader.translationGaps(in: dataset, file: BundledData.datasetName)
        #expect(gaps.isEmpty, "\(gaps.map(\.description).joined(separator: "\n"))")
    }
}

import Foundation
import Testing

/// `snapshot --keys R` reloads at once (no background thread), so the printed screen shows what
/// a reload said; the built-in dataset has nothing to reload.
@Suite struct LiveSnapshotTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/examples/timed-dataset.json").path

    @Test func reloadingAnUnchangedFileSaysNoChange() {
        let run = CLIRun.run(["snapshot", "--data", Self.example, "--size", "100x24", "--keys", "R", "--refresh-every", "10m"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").last == " No change since the version shown", "\(run.stdout)")
    }

    @Test func theBuiltInDatasetHasNothingToReload() {
        let run = CLIRun.run(["snapshot", "--size", "100x24", "--keys", "R"])
        #expect(run.stdout.contains("Nothing to reload: the built-in data does not change"), "\(run.stdout)")
    }
}

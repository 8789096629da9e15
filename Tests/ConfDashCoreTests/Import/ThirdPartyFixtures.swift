import Foundation
import Testing
@testable import ConfDashCore

/// Other projects' calendars and schedules in ../shared/fixtures/third-party (beside the
/// repository, like the real schedules; its README names each file's repository, commit and licence).
enum ThirdPartyFixtures {
    static let directory = RealSchedules.directory.deletingLastPathComponent().appendingPathComponent("third-party")

    /// False, loudly, when the folder is missing. The folder is fetched data kept beside the
    /// repository (never committed), so a fresh CI machine may not have it: the tests then say so
    /// and skip; CONFDASH_REQUIRE_THIRD_PARTY=1 turns the absence into a failure.
    static func available(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard !FileManager.default.fileExists(atPath: directory.path) else { return true }
        let message = "THIRD-PARTY FIXTURES NOT FOUND at \(directory.path): this check did not run"
        if ProcessInfo.processInfo.environment["CONFDASH_REQUIRE_THIRD_PARTY"] == "1" {
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        } else {
            print("⚠️  \(message)")
        }
        return false
    }

    static func url(_ relativePath: String) -> URL { directory.appendingPathComponent(relativePath) }

    static func load(_ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> LoadResult? {
        guard available(sourceLocation: sourceLocation) else { return nil }
        return try DatasetImporter.load(contentsOf: url(relativePath))
    }

    /// Every calendar and schedule file in the folder, sorted by path.
    static func files(extensions: Set<String> = ["ics", "json", "xml"]) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { extensions.contains($0.pathExtension.lowercased()) }
            .sorted { $0.path < $1.path }
    }
}

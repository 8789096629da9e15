import Foundation

/// A dataset read from a file (or the bundled one) with no error: what `--data FILE` on every
/// command and `:open FILE` in the dashboard both work from, so they say the same things about it.
public struct LoadSummary: Equatable, Sendable {
    /// The file as the user named it (or the bundled dataset's label).
    public var name: String
    public var dataset: Dataset
    /// Warnings only: with an error there is no summary, but a `LoadError.invalid`.
    public var warnings: [LoadProblem]

    public init(name: String, dataset: Dataset, warnings: [LoadProblem]) {
        self.name = name; self.dataset = dataset; self.warnings = warnings
    }

    public var eventCount: Int { dataset.events.count }
    /// Sessions only: entries that stand for a topic grouped sessions covered are `topicCount`.
    public var sessionCount: Int { dataset.sessionAndTopicCounts.sessions }
    public var topicCount: Int { dataset.sessionAndTopicCounts.topics }
    /// True when every topic entry is a breakout's ("8 breakout topics").
    public var topicsAreBreakouts: Bool {
        dataset.events.allSatisfy { event in event.sessions.allSatisfy { !$0.groupTopic || $0.kind == .breakout } }
    }
}

/// Why a dataset file gives nothing to show. The CLI exits 66 for the first, 65 for the second.
public enum LoadError: Error, Equatable, Sendable {
    /// The file cannot be read at all (missing, a directory, no permission, too large).
    case unreadable(file: String, reason: String)
    /// Read, and found wrong: every problem, errors and warnings, in file order.
    case invalid(file: String, problems: [LoadProblem])
    /// A URL (as shown) that gave no schedule and has no cached copy; the CLI exits 66.
    case unreachable(url: String, RemoteFailure)

    public var file: String {
        switch self {
        case .unreadable(let file, _), .invalid(let file, _), .unreachable(let file, _): return file
        }
    }

    /// The errors alone (none for an unreadable file).
    public var errors: [LoadProblem] {
        guard case .invalid(_, let problems) = self else { return [] }
        return problems.filter { $0.severity == .error }
    }
}

/// The one way a dataset file is opened, whatever asks for it.
public enum DatasetSource {
    /// Reads `path` in `format` (judged from the content with `.auto`).
    public static func load(path: String, format: InputFormat = .auto) -> Result<LoadSummary, LoadError> {
        do {
            return summary(of: try DatasetImporter.load(contentsOf: URL(fileURLWithPath: path), format: format), name: path)
        } catch {
            switch error {
            case .unreadable(let file, let reason): return .failure(.unreadable(file: file, reason: reason))
            }
        }
    }

    /// A load result as a summary, or the problems that stop it.
    public static func summary(of result: LoadResult, name: String) -> Result<LoadSummary, LoadError> {
        guard let dataset = result.dataset else { return .failure(.invalid(file: name, problems: result.problems)) }
        return .success(LoadSummary(name: name, dataset: dataset, warnings: result.warnings))
    }
}

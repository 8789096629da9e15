import Foundation
import Testing
@testable import ConfDashCore

/// Imports `text` as a file called `name`.
func importText(_ text: String, name: String = "test-file", format: InputFormat = .auto) -> LoadResult {
    DatasetImporter.load(data: Data(text.utf8), name: name, format: format)
}

/// The one event of an import that must have worked, or a recorded failure listing the problems.
func importedEvent(_ text: String, format: InputFormat = .auto, sourceLocation: SourceLocation = #_sourceLocation) throws -> Event {
    let result = importText(text, format: format)
    let dataset = try #require(result.dataset, "import failed: \(result.problems.map(\.description))", sourceLocation: sourceLocation)
    return try #require(dataset.events.first, "no event", sourceLocation: sourceLocation)
}

extension LoadResult {
    /// The dataset and its (first) event, of a file that must load; else a recorded failure listing the problems.
    func datasetAndEvent(sourceLocation: SourceLocation = #_sourceLocation) throws -> (Dataset, Event) {
        let dataset = try #require(dataset, "\(problems)", sourceLocation: sourceLocation)
        return (dataset, try #require(dataset.events.first, sourceLocation: sourceLocation))
    }
}

/// What a schedule's conference header says (title, zone, first and last day) and how many sessions it holds.
func expectConference(_ event: Event, title: String, timeZone: String, from start: String, to end: String, sessions: Int,
                      sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(event.title.en == title, sourceLocation: sourceLocation)
    #expect(event.timeZone == timeZone, sourceLocation: sourceLocation)
    #expect((event.startDate, event.endDate) == (day(start), day(end)), sourceLocation: sourceLocation)
    #expect(event.sessions.count == sessions, sourceLocation: sourceLocation)
}

extension Event {
    func session(titled title: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Session {
        try #require(sessions.first { $0.title.en == title || $0.title.fr == title }, "no session titled \(title)",
                     sourceLocation: sourceLocation)
    }

    func roomName(_ id: String?) -> String? { rooms.first { $0.id == id }?.name.en }
}

func at(_ text: String) -> LocalDateTime { LocalDateTime(iso: text)! }
func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

/// One problem whose message contains `message`, or a recorded failure.
@discardableResult
func expectImportProblem(_ result: LoadResult, _ message: String, severity: LoadProblem.Severity = .warning, line: Int? = nil,
                         sourceLocation: SourceLocation = #_sourceLocation) -> LoadProblem? {
    let matches = result.problems.filter { $0.message.contains(message) }
    #expect(matches.count == 1, "expected one problem containing \(message); got:\n\(result.problems.map(\.description).joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    guard let problem = matches.first else { return nil }
    #expect(problem.severity == severity, "\(problem)", sourceLocation: sourceLocation)
    if let line { #expect(problem.line == line, "\(problem)", sourceLocation: sourceLocation) }
    return problem
}

/// The real schedules in ../shared/fixtures/schedules (beside the repository, like the seeds).
enum RealSchedules {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/fixtures/schedules")

    /// Loads a real schedule, or says loudly (and fails in CI) that it is missing.
    static func load(_ name: String) throws -> LoadResult? {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            let message = "REAL SCHEDULE NOT FOUND at \(url.path): this check did not run"
            if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record(Comment(rawValue: message)) } else { print("⚠️  \(message)") }
            return nil
        }
        return try DatasetImporter.load(contentsOf: url)
    }

    static func bytes(_ name: String) -> [UInt8]? {
        (try? Data(contentsOf: directory.appendingPathComponent(name))).map { [UInt8]($0) }
    }
}

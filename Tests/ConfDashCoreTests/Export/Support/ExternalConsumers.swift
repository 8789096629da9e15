import ConfDashTestSupport
import Foundation
import Testing
@testable import ConfDashCore

/// The real programs that read our exports: xmllint with the community XSD, and the Python
/// checkers in scripts/ (icalendar, jsonschema, csv). CI installs them all (.ci/run); elsewhere a
/// test whose consumer is missing says so loudly and passes, and in CI it fails.
enum ExternalConsumers {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let scripts = repository.appendingPathComponent("scripts")
    /// ../shared/fixtures/schedules beside the clone, as in CI.
    static let schemas = repository.deletingLastPathComponent().appendingPathComponent("shared/fixtures/schedules")
    static var xsd: URL { schemas.appendingPathComponent("schedule.xml.xsd") }
    static var jsonSchema: URL { schemas.appendingPathComponent("schedule.schema.json") }

    static func executable(_ name: String) -> URL? { Programs.onPath(name) }

    static let xmllint = executable("xmllint")
    static let python = executable("python3")
    static let hasIcalendar = pythonImports("icalendar")
    static let hasJsonschema = pythonImports("jsonschema")
    static var hasSchemas: Bool { FileManager.default.fileExists(atPath: xsd.path) && FileManager.default.fileExists(atPath: jsonSchema.path) }

    private static func pythonImports(_ module: String) -> Bool {
        guard let python else { return false }
        return Programs.python(python, imports: module)
    }

    /// Runs a program and returns its exit status with stdout and stderr together.
    static func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try Programs.run(executable, arguments)
    }

    static func runScript(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try run(python!, [scripts.appendingPathComponent(name).path] + arguments)
    }

    /// False, with a loud note (a failure in CI), when a consumer is missing.
    static func available(_ ready: Bool, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard !ready else { return true }
        let message = "\(what) is not installed, so this check of the exports did not run (.ci/run installs it)"
        if ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        } else {
            print("⚠️  \(message)")
        }
        return false
    }

    /// A fresh folder for one test's files, removed when `body` ends.
    static func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("confdash-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    /// Writes every format of `request`, plus the agenda and events JSON the checkers compare with.
    static func writeAll(_ request: ExportRequest, named name: String, in folder: URL) throws -> [ExportFormat: URL] {
        var files: [ExportFormat: URL] = [:]
        for format in ExportFormat.allCases {
            let url = folder.appendingPathComponent("\(name).\(format.fileExtension)")
            try Exporter.export(request, as: format).text.write(to: url, atomically: true, encoding: .utf8)
            files[format] = url
        }
        try JSONSerialization.data(withJSONObject: AgendaManifest.agenda(request))
            .write(to: folder.appendingPathComponent("\(name).agenda.json"))
        try JSONSerialization.data(withJSONObject: AgendaManifest.events(request))
            .write(to: folder.appendingPathComponent("\(name).events.json"))
        return files
    }
}

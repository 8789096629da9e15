import ArgumentParser
import ConfDashBundledData
import ConfDashCore
import Foundation

struct ValidateCommand: IOCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a dataset file and list every problem in it.",
        discussion: """
        The file may be a confdash dataset, a frab/pretalx schedule.xml or schedule.json, or an \
        iCalendar file; its format is judged from its content (--input-format to say which).

        Each problem is one line: FILE:LINE:COLUMN: error|warning: PATH: what is wrong \
        (PATH is the place inside the document, e.g. events[2].sessions[4].day). \
        Warnings (such as an unknown key, most likely a typo) do not make the file invalid.

        Exit status: 0 valid (warnings allowed), 65 the file has errors, 66 it cannot be read.

        Examples:
          confdash validate my-conference.json
          confdash validate my-conference.json --format json
          confdash validate --bundled
          confdash validate schedule.xml
        """
    )

    @Argument(help: ArgumentHelp("The dataset file to check.", valueName: "file"))
    var file: String?

    @Flag(name: .long, help: "Check the dataset built into confdash instead of a file.")
    var bundled = false

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("The format of the file: \(orList(InputFormat.allCases.map(\.rawValue))) (auto judges it from the content).", valueName: "format"))
    var inputFormat: InputFormat = .auto

    func validate() throws {
        if bundled == (file != nil) {
            throw ValidationError(bundled ? "Give either a file or --bundled, not both." : "Missing the file to check (or --bundled).")
        }
    }

    func execute(io: CommandIO) throws {
        let result = try read()
        io.keepUntilExit(result)
        let name = file ?? "bundled dataset"
        let errors = result.errors.count
        let warnings = result.warnings.count
        switch format {
        case .json:
            io.out(JSONOutput.encode(ValidationOutput(
                file: name, valid: result.dataset != nil, errors: errors, warnings: warnings,
                events: result.dataset?.events.count, sessions: result.dataset.map { $0.sessionAndTopicCounts.sessions },
                topics: result.dataset.map { $0.sessionAndTopicCounts.topics },
                problems: result.problems.map {
                    .init(severity: $0.severity.rawValue, path: $0.path, line: $0.line, column: $0.column, message: $0.message)
                })))
        case .text:
            for problem in result.problems { io.out("\(problem)\n") }
            if let dataset = result.dataset {
                // "39 sessions and 12 breakout topics": a topic grouped sessions covered is not a session.
                let entries = Labels(.en).sessionsAndTopics(dataset.events.flatMap(\.sessions))
                let warningNote = warnings == 0 ? "" : ", " + counted(warnings, "warning")
                io.out("\(name): valid: \(counted(dataset.events.count, "event")), \(entries)\(warningNote)\n")
            } else {
                io.out("\(name): invalid: \(counted(errors, "error")), \(counted(warnings, "warning"))\n")
            }
        }
        if result.dataset == nil { throw CommandFailure(status: ExitStatus.dataError, messages: []) }
    }
}

extension ValidateCommand {
    /// Every problem of the file (or the bundled dataset), errors included: validate lists them
    /// all where the other commands stop at the first error.
    func read() throws -> LoadResult {
        guard !bundled, let file else { return DatasetLoader.load(json: BundledData.datasetJSON, name: BundledData.datasetName) }
        do {
            return try DatasetImporter.load(contentsOf: URL(fileURLWithPath: file), format: inputFormat)
        } catch {
            switch error {
            case .unreadable(let file, let reason):
                throw CommandFailure(status: ExitStatus.noInput, messages: ["\(file): \(reason)"])
            }
        }
    }
}

/// "1 event", "3 events".
func counted(_ count: Int, _ noun: String) -> String { "\(Labels(.en).formatNumber(count)) \(noun)\(count == 1 ? "" : "s")" }

struct ValidationOutput: Encodable {
    struct Problem: Encodable {
        var severity: String
        var path: String
        @Null var line: Int?
        @Null var column: Int?
        var message: String
    }
    var file: String
    var valid: Bool
    var errors: Int
    var warnings: Int
    @Null var events: Int?
    /// Sessions only; `topics` counts the entries that are a topic grouped sessions covered.
    @Null var sessions: Int?
    @Null var topics: Int?
    var problems: [Problem]
}

import ArgumentParser
import ConfDashBundledData
import ConfDashCore
import Foundation

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

extension Language: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}

/// Options every data command takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text (aligned columns), json or csv.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Language of data and labels: en or fr. Default: French when LC_ALL (else LC_MESSAGES, else LANG) starts with fr, else English.")
    var lang: Language?

    @Option(name: .long, help: ArgumentHelp("Read this file instead of the bundled WCO dataset: a confdash dataset, a frab/pretalx schedule.xml or schedule.json, or an iCalendar file.", valueName: "file"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("The format of --data: auto (judged from the content), confdash, xml, json or ics.", valueName: "format"))
    var inputFormat: InputFormat = .auto

    @Option(name: .long, help: ArgumentHelp("Fit text output to this many columns (default: the terminal's width, or COLUMNS when set; whole lines in a pipe otherwise).", valueName: "columns"))
    var width: Int?

    func validate() throws {
        if let width, width < 20 { throw ValidationError("--width \(width): text needs at least 20 columns") }
    }

    func language(_ io: CommandIO) -> Language { lang ?? Language.fromEnvironment(io.environment) }

    /// Loads `--data` or the bundled dataset. Warnings go to stderr; errors end the command with
    /// status 65 (bad data) or 66 (cannot read the file), each problem on its own line.
    func loadIndex(_ io: CommandIO) throws -> DatasetIndex {
        let dataset = try DatasetFiles.load(path: data, format: inputFormat, io: io)
        return DatasetIndex(dataset)
    }
}

enum DatasetFiles {
    /// The dataset at `path`, or the bundled one. Reading problems end the command with 66,
    /// content errors with 65; warnings are printed and loading goes on.
    static func load(path: String?, format: InputFormat = .auto, io: CommandIO) throws -> Dataset {
        let name = path ?? BundledData.datasetName
        let result = try loadResult(path: path, format: format)
        for problem in result.problems { io.err("\(problem)\n") }
        guard let dataset = result.dataset else {
            let errors = result.problems.filter { $0.severity == .error }.count
            throw CommandFailure(status: ExitStatus.dataError,
                                 messages: ["\(name): \(counted(errors, "error")) in the dataset; nothing to show"])
        }
        return dataset
    }

    static func loadResult(path: String?, format: InputFormat = .auto) throws -> LoadResult {
        guard let path else { return DatasetLoader.load(json: BundledData.datasetJSON, name: BundledData.datasetName) }
        do {
            return try DatasetImporter.load(contentsOf: URL(fileURLWithPath: path), format: format)
        } catch {
            switch error {
            case .unreadable(let file, let reason):
                throw CommandFailure(status: ExitStatus.noInput, messages: ["\(file): \(reason)"])
            }
        }
    }
}

/// A command whose text output can be fitted with `--width`.
protocol WidthAdjustable {
    var common: CommonOptions { get }
}

extension CommandIO {
    /// `io` with `--width` applied, when the command has it.
    func adjusted(for command: Any) -> CommandIO {
        guard let width = (command as? WidthAdjustable)?.common.width else { return self }
        var io = self
        io.outputWidth = width
        return io
    }
}

extension AgendaCommand: WidthAdjustable {}
extension EventsCommand: WidthAdjustable {}
extension TracksCommand: WidthAdjustable {}
extension TechnologiesCommand: WidthAdjustable {}
extension RegionsCommand: WidthAdjustable {}

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

    @Option(name: .long, help: ArgumentHelp("Read this file or http(s) URL instead of the bundled WCO dataset: a confdash dataset, a frab/pretalx schedule.xml or schedule.json, or an iCalendar file. URLs are cached (see --offline).", valueName: "file|url"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("The format of --data: auto (judged from the content), confdash, xml, json or ics.", valueName: "format"))
    var inputFormat: InputFormat = .auto

    @OptionGroup var remote: RemoteOptions

    func language(_ io: CommandIO) -> Language { lang ?? Language.fromEnvironment(io.environment) }

    /// Loads `--data` or the bundled dataset. Warnings go to stderr; errors end the command with
    /// status 65 (bad data) or 66 (cannot read the file), each problem on its own line.
    func loadIndex(_ io: CommandIO) throws -> DatasetIndex {
        let dataset = try DatasetFiles.load(path: data, format: inputFormat, io: io, remote: remote)
        return DatasetIndex(dataset)
    }
}

enum DatasetFiles {
    /// The dataset at `path`, or the bundled one. Reading problems end the command with 66,
    /// content errors with 65; warnings are printed and loading goes on.
    static func load(path: String?, format: InputFormat = .auto, io: CommandIO, remote: RemoteOptions = RemoteOptions()) throws -> Dataset {
        let name = path ?? BundledData.datasetName
        let result = try loadResult(path: path, format: format, io: io, remote: remote)
        for problem in result.problems { io.err("\(problem)\n") }
        guard let dataset = result.dataset else {
            let errors = result.problems.filter { $0.severity == .error }.count
            throw CommandFailure(status: ExitStatus.dataError,
                                 messages: ["\(name): \(counted(errors, "error")) in the dataset; nothing to show"])
        }
        return dataset
    }

    static func loadResult(path: String?, format: InputFormat = .auto, io: CommandIO, remote: RemoteOptions = RemoteOptions()) throws -> LoadResult {
        guard let path else { return DatasetLoader.load(json: BundledData.datasetJSON, name: BundledData.datasetName) }
        if case .url(let url) = try RemoteDatasets.location(path) {
            return try RemoteDatasets.open(url, format: format, policy: remote.policy(io), io: io).result
        }
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

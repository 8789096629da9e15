import ArgumentParser
import ConfDashBundledData
import ConfDashCore
import ConfDashUI
import Foundation

extension Language: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}

/// What to read and in which language: `--data`, `--input-format` and `--lang`, declared once and
/// taken by every data command, the dashboard, `snapshot` and `export`. `load` is the one way
/// they read a dataset.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Language of data and labels: en or fr (L switches in the dashboard). Default: French when LC_ALL (else LC_MESSAGES, else LANG) starts with fr, else English.")
    var lang: Language?

    @Option(name: .long, help: ArgumentHelp("Read this file or http(s) URL instead of the bundled WCO dataset: a confdash dataset, a frab/pretalx schedule.xml or schedule.json, or an iCalendar file. URLs are cached (see --offline).", valueName: "file|url"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("The format of --data: \(orList(InputFormat.allCases.map(\.rawValue))) (auto judges it from the content).", valueName: "format"))
    var inputFormat: InputFormat = .auto

    /// --offline, --refresh, --max-age: how a `--data URL` is fetched.
    @OptionGroup var remote: RemoteOptions

    func language(_ io: CommandIO) -> Language { lang ?? Language.fromEnvironment(io.environment) }

    /// Loads `--data` or the bundled dataset. Warnings go to stderr; errors end the command with
    /// status 65 (bad data) or 66 (cannot read the file), each problem on its own line.
    func load(_ io: CommandIO) throws -> LoadSummary { try loadTellingOffline(io).summary }

    /// `load`, and for a URL whose cached copy is shown because fetching failed, why and how old
    /// it is (the dashboard says it on screen, where stderr cannot be seen).
    func loadTellingOffline(_ io: CommandIO) throws -> (summary: LoadSummary, offline: OfflineNotice?) {
        if let data, case .url(let url) = try RemoteDatasets.location(data) {
            let (summary, loaded) = try RemoteDatasets.summary(url, format: inputFormat, policy: remote.policy(io), io: io)
            return (summary, OfflineNotices.notice(loaded))
        }
        let result = data.map { DatasetSource.load(path: $0, format: inputFormat) }
            ?? DatasetSource.summary(of: DatasetLoader.load(json: BundledData.datasetJSON, name: BundledData.datasetName),
                                     name: BundledData.datasetName)
        switch result {
        case .success(let summary):
            io.keepUntilExit(summary)
            for warning in summary.warnings { io.err("\(warning)\n") }
            return (summary, nil)
        case .failure(.unreadable(let file, let reason)):
            throw CommandFailure(status: ExitStatus.noInput, messages: ["\(file): \(reason)"])
        case .failure(.unreachable(let url, let failure)):
            throw CommandFailure(status: ExitStatus.noInput, messages: [RemoteWords(.en).failure(url, failure)])
        case .failure(let failure):
            guard case .invalid(let file, let problems) = failure else { fatalError("handled above") }
            for problem in problems { io.err("\(problem)\n") }
            throw CommandFailure(status: ExitStatus.dataError,
                                 messages: ["\(file): \(counted(failure.errors.count, "error")) in the dataset; nothing to show"])
        }
    }

    func loadIndex(_ io: CommandIO) throws -> DatasetIndex {
        let index = DatasetIndex(try load(io).dataset)
        io.keepUntilExit(index)
        return index
    }
}

/// "a, b or c", for help texts built from an enum's cases.
func orList(_ words: [String]) -> String {
    guard words.count > 1 else { return words.first ?? "" }
    // A loop, not `dropLast().joined(separator:)`: that generic call on an `ArraySlice` made the
    // runtime look up its conformances, 0.28 M instructions in every command that reads data
    // (`DataOptions`' help text is built with its options).
    var text = words[0]
    for place in 1..<(words.count - 1) {
        text += ", "
        text += words[place]
    }
    return text + " or " + words[words.count - 1]
}

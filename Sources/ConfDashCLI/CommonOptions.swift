import ArgumentParser
import ConfDashCore

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

/// Options of the commands that list data (events, agenda, tracks, technologies, regions): the
/// shared input options and an output format.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text (aligned columns), json or csv.")
    var format: OutputFormat = .text

    @OptionGroup var input: DataOptions

    func language(_ io: CommandIO) -> Language { input.language(io) }
    func loadIndex(_ io: CommandIO) throws -> DatasetIndex { try input.loadIndex(io) }
    /// The dataset loaded, with records built in the chosen language: where a listing starts.
    func records(_ io: CommandIO) throws -> RecordBuilder { RecordBuilder(index: try loadIndex(io), language: language(io)) }
}

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

    @Option(name: .long, help: ArgumentHelp("Fit text output to this many columns (default: the terminal's width, or COLUMNS when set; whole lines in a pipe otherwise).", valueName: "columns"))
    var width: Int?

    func validate() throws {
        if let width, width < 20 { throw ValidationError("--width \(width): text needs at least 20 columns") }
    }

    func language(_ io: CommandIO) -> Language { input.language(io) }
    func loadIndex(_ io: CommandIO) throws -> DatasetIndex { try input.loadIndex(io) }
    /// The dataset loaded, with records built in the chosen language: where a listing starts.
    func records(_ io: CommandIO) throws -> RecordBuilder { RecordBuilder(index: try loadIndex(io), language: language(io)) }
}

/// A command whose text output can be fitted with `--width`.
protocol WidthAdjustable {
    var common: CommonOptions { get }
}

extension CommandIO {
    /// `io` with `--width` applied, when the command has it.
    func adjusted(for command: Any) -> CommandIO {
        adjusted(width: (command as? WidthAdjustable)?.common.width)
    }

    /// `io` fitted to `width` (`--width`), or as it is when nil.
    func adjusted(width: Int?) -> CommandIO {
        guard let width else { return self }
        var io = self
        io.outputWidth = width
        return io
    }
}

/// A listing of one of the dataset's indexes (`tracks`, `technologies`, `regions`): it reads the
/// data with `CommonOptions`, fits `--width`, and says only how its records are built and written.
protocol IndexListCommand: IOCommand, WidthAdjustable {
    func list(_ builder: RecordBuilder, io: CommandIO) throws
}

extension IndexListCommand {
    func execute(io: CommandIO) throws { try list(try common.records(io), io: io) }
}

extension AgendaCommand: WidthAdjustable {}
extension EventsCommand: WidthAdjustable {}

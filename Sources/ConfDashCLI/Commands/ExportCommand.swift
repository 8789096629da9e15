import ArgumentParser
import ConfDashCore
import Foundation

extension ExportFormat: ExpressibleByArgument {
    /// "ics, xml, json, csv or md": every format, for help and error texts.
    static var choices: String { orList(allCases.map(\.rawValue)) }
}

struct ExportCommand: IOCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the agenda the filters select as iCalendar, schedule.xml, schedule.json, CSV or Markdown.",
        discussion: """
        Formats: ics (calendars), xml and json (frab/pretalx schedule.xml and schedule.json, for \
        schedule apps), csv (spreadsheets), md (a readable agenda). The filters are those of \
        'confdash agenda'. Without -o the file goes to stdout.

        Nothing the source does not state is made up. A session with a day but no clock time is an \
        all-day calendar entry; one whose day is not stated spans the days it may fall on, and says \
        so. schedule.xml and schedule.json require a start time and a duration for every session, \
        so sessions without them are left out. Each such decision is one line on stderr, with a \
        count and the session ids; the file itself holds only the export.

        With -o, the file is written whole or not at all (a temporary file renamed into place).

        With --starred, only your starred sessions. As iCalendar, exporting again updates the \
        calendar instead of duplicating entries: UIDs stay the same, SEQUENCE goes up when a \
        session's time, room or title changed since the last export, and a starred session that \
        has left the schedule is exported once as STATUS:CANCELLED (the state file remembers \
        what was exported).

        Examples:
          confdash export --format ics -o wco-events.ics
          confdash export --format csv --event hanoi > hanoi.csv
          confdash export --format md --event rio --lang fr -o rio.md
          confdash export --format xml --data docs/examples/timed-dataset.json
          confdash export -o detection.json --track detection   # json, from the name
          confdash export --starred -o my-38c3.ics --data 38c3-schedule.xml

        Exit status: 0 written, 64 bad usage, 65 bad data or no session selected (nothing \
        written), 66 --data file not found or unreadable, 73 the output file cannot be written.
        """
    )

    @Option(name: .long, help: ArgumentHelp("\(ExportFormat.choices). Default: from the extension of the -o file.", valueName: "format"))
    var format: ExportFormat?

    @OptionGroup var input: DataOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    @OptionGroup var filters: FilterOptions

    func validate() throws {
        if format == nil {
            let ext = output.map { URL(fileURLWithPath: $0).pathExtension } ?? ""
            guard ExportFormat(fileExtension: ext) != nil else {
                throw ValidationError(output == nil
                    ? "Missing --format: \(ExportFormat.choices)."
                    : "Missing --format, and '\(output!)' has no extension that names one: give --format \(ExportFormat.choices).")
            }
        }
    }

    var resolvedFormat: ExportFormat {
        format ?? ExportFormat(fileExtension: URL(fileURLWithPath: output ?? "").pathExtension) ?? .csv
    }

    func execute(io: CommandIO) throws {
        // Checked before any work, so a typo in the path fails at once.
        if let output { try OutputFile.checkWritable(output, notSameAs: input.data) }
        let index = try input.loadIndex(io)
        // schedule.xml and schedule.json number every session of the dataset (frab's `id`): the
        // table is made on the other core from now on, while the sessions are filtered, grouped
        // and laid out, instead of after.
        let ordinals = resolvedFormat == .xml || resolvedFormat == .json ? ExportOrdinals(index.dataset) : nil
        let filter = try filters.filter(using: index, dataPath: input.data, io: io)
        try DayCheck.requireDay(filter, in: index, language: input.language(io))
        let query = AgendaQuery(index: index)
        let agenda = query.agenda(filter)
        if filters.starred && resolvedFormat == .ics {
            return try StarredCalendar(index: index, dataPath: input.data, agenda: agenda, filter: filter,
                                       language: input.language(io), output: output).export(io)
        }
        guard !agenda.isEmpty else {
            let undated = query.undatedLeftOut(by: filter)
            var message = "no session matches these filters: nothing to export"
            if undated > 0 {
                message = "no session is placed on that day; \(counted(undated, "matching session")) \(undated == 1 ? "has" : "have") no day stated in the source: drop --day to export \(undated == 1 ? "it" : "them")"
            }
            throw CommandFailure(status: ExitStatus.dataError, messages: [message + (output.map { " ('\($0)' is left as it was)" } ?? "")])
        }
        let language = input.language(io)
        var request = ExportRequest(index: index, agenda: agenda, language: language, filter: filter,
                                    generatorVersion: ConfdashCLI.version)
        request.ordinals = ordinals
        try ExportCommand.write(request, as: resolvedFormat, to: output, io: io)
    }

    /// The export streamed in chunks to the `-o` file (written whole or not at all) or to stdout;
    /// the notes on stderr, before the file is put in place.
    static func write(_ request: ExportRequest, as format: ExportFormat, to output: String?, io: CommandIO) throws {
        if let output {
            let file = try OutputFile.open(output)
            let summary = Exporter.write(request, as: format) { file.write($0) }
            for note in summary.notes { io.err("confdash: \(note)\n") }
            try OutputFile.commit(file, to: output)
        } else {
            // Standard output may be a terminal, pipe or not: every chunk is made safe for one, as
            // bytes (`TerminalText.safeBytes`, what `CommandIO.out` does to text), and written as
            // bytes, without a String per chunk. Each chunk ends with a line, so the chunks made
            // safe are the whole text made safe.
            let summary = Exporter.write(request, as: format, terminalSafe: true) { io.outBytes($0) }
            for note in summary.notes { io.err("confdash: \(note)\n") }
        }
    }
}

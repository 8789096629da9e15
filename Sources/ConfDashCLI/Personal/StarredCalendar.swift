import ConfDashCore
import Foundation

/// `export --starred --format ics`: the starred sessions as a calendar that updates the one
/// exported last time (SEQUENCE, STATUS:CANCELLED), and the record of this export kept in the
/// state file for the next one. The file is written first: a record is only kept for a calendar
/// that exists.
struct StarredCalendar {
    let index: DatasetIndex
    let dataPath: String?
    let agenda: [EventAgenda]
    let filter: AgendaFilter
    let language: Language
    let output: String?

    func export(_ io: CommandIO) throws {
        let files = try PersonalFiles(dataset: index.dataset, dataPath: dataPath, io: io)
        let loaded = files.load(io)
        let marks = PersonalIndex(state: loaded.state, dataset: index.dataset)
        var request = ExportRequest(index: index, agenda: agenda, language: language, filter: filter, generatorVersion: ConfdashCLI.version)
        let (update, records) = CalendarUpdate.plan(request, state: loaded.state, marks: marks)
        guard !agenda.isEmpty || !update.cancelled.isEmpty else {
            throw CommandFailure(status: ExitStatus.dataError, messages: [
                "no starred session matches: nothing to export (star some with confdash star ID)" + (output.map { " ('\($0)' is left as it was)" } ?? ""),
            ])
        }
        request.calendarUpdate = update
        try ExportCommand.write(request, as: .ics, to: output, io: io)
        var state = loaded.state
        state.exports = records
        try files.save(state, loaded: loaded, io)
    }
}

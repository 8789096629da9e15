/// RFC 4180 CSV, one row per session, every session field in a column; UTF-8 with CRLF line ends
/// (`CSVWriter`). What the source does not state is an empty cell, never a guess.
///
/// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (and, in some, a tab or carriage
/// return) as a formula, so a title like `=HYPERLINK(…)` could act when the file is opened. Such a
/// cell gets a leading `'`, which spreadsheets show as text (OWASP "CSV injection").
struct CSVExporter {
    let context: ExportContext

    init(_ request: ExportRequest) { context = ExportContext(request) }

    static let header = ["id", "event", "event_title", "title", "kind", "count", "day", "possible_days", "part_of_day",
                         "start", "end", "duration_minutes", "time_zone", "room", "tracks", "technologies", "people",
                         "organisations", "language", "description", "abstract", "links", "uid"]

    func export() -> ExportResult {
        var csv = CSVWriter(header: Self.header)
        let sessions = context.sessions
        for item in sessions { csv.append(row(item).map(Self.defused)) }
        return ExportResult(text: csv.text, notes: [], exportedSessions: sessions.count)
    }

    private func row(_ item: ExportSession) -> [String] {
        let session = item.session
        var day = "", possible = "", start = "", end = ""
        switch item.timing {
        case .clock(let local, _, _):
            day = DateText.iso(local.date)
            start = DateText.local(local)
            end = item.end.map(DateText.local) ?? ""
        case .day(let date): day = DateText.iso(date)
        case .possibleDays(let range): possible = DateText.iso(range.from) + "/" + DateText.iso(range.to)
        case .duringEvent: break
        }
        return [
            session.id, item.event.id, context.title(item.event), context.title(item), session.kind.rawValue,
            session.count.map(String.init) ?? "", day, possible, session.partOfDay?.rawValue ?? "", start, end,
            session.durationMinutes.map(String.init) ?? "", item.event.timeZone ?? "", context.roomName(item) ?? "",
            context.trackNames(session).joined(separator: "; "), context.technologyNames(session).joined(separator: "; "),
            context.people(session).joined(separator: "; "), context.organisations(session).joined(separator: "; "),
            session.language ?? "", context.text(session.description) ?? "", context.text(session.abstract) ?? "",
            session.links.map(\.url).joined(separator: " "), item.uid,
        ]
    }

    /// The cell with a leading `'` when a spreadsheet would read it as a formula.
    static func defused(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return field }
        return "'" + field
    }
}

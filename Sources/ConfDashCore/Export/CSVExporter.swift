/// RFC 4180 CSV, one row per session, every session field in a column; UTF-8 with CRLF line ends
/// (`CSVWriter`). What the source does not state is an empty cell, never a guess.
///
/// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (and, in some, a tab or carriage
/// return) as a formula, so a title like `=HYPERLINK(…)` could act when the file is opened. Such a
/// cell gets a leading `'`, which spreadsheets show as text (OWASP "CSV injection").
struct CSVExporter {
    let context: ExportContext

    init(_ request: ExportRequest, concurrency: ExportConcurrency = .serial) {
        context = ExportContext(request, concurrency: concurrency)
    }

    static let header = ["id", "event", "event_title", "title", "kind", "count", "day", "possible_days", "part_of_day",
                         "start", "end", "duration_minutes", "time_zone", "room", "tracks", "technologies", "people",
                         "organisations", "language", "description", "abstract", "links", "uid"]

    /// Each field is written straight into the output and fixed up in place when it needs a
    /// leading `'` or quotes (`CSVField`), so a row makes no String and no array of them.
    func write(to out: inout ExportOutput) -> ExportSummary {
        for (index, name) in Self.header.enumerated() {
            if index > 0 { out.byte(UInt8(ascii: ",")) }
            out.csvField { $0.append(name) }
        }
        out.append("\r\n")
        let sessions = context.sessions
        let rows = ExportItems(&out, sessions: sessions.count, state: { EventCells() }) { (cells, position: Int, out) in
            row(sessions[position], cells: &cells, to: &out)
        }
        for position in sessions.indices {
            rows.add(position, to: &out)
            out.recordEnded()
        }
        rows.finish(&out)
        return ExportSummary(notes: [], exportedSessions: sessions.count)
    }

    /// The cells every row of an event repeats (its id, title and time zone), as `csvField` writes
    /// them, kept from row to row by each renderer: the event's title, quoted when it has a comma,
    /// was checked and quoted again on every row.
    struct EventCells {
        var event: ObjectIdentifier?
        /// `event,event_title,` of the row.
        var head: [UInt8] = []
        /// `time_zone,`.
        var zone: [UInt8] = []

        mutating func update(_ item: ExportSession, _ context: ExportContext) {
            guard event != item.eventIdentity else { return }
            event = item.eventIdentity
            head = Self.cells([item.event.id, context.title(item.event)])
            zone = Self.cells([item.event.timeZone])
        }

        private static func cells(_ values: [String?]) -> [UInt8] {
            var out = ExportOutput()
            for value in values {
                out.csvField { if let value { $0.append(value) } }
                out.byte(UInt8(ascii: ","))
            }
            return out.bytes.withUnsafeBufferPointer { Array($0) }
        }
    }

    private func row(_ item: ExportSession, cells: inout EventCells, to out: inout ExportOutput) {
        let session = item.session
        cells.update(item, context)
        func field(_ write: (inout ExportOutput) -> Void) {
            out.csvField(write)
            out.byte(UInt8(ascii: ","))
        }
        func text(_ value: String?) { field { if let value { $0.append(value) } } }
        func list(_ values: [String], _ separator: StaticString) {
            field { out in
                for (index, value) in values.enumerated() {
                    if index > 0 { out.append(separator) }
                    out.append(value)
                }
            }
        }
        text(session.id)
        cells.head.withUnsafeBufferPointer { out.append($0) }
        text(context.title(item))
        text(session.kind.rawValue)
        field { if let count = session.count { $0.digits(count) } }
        var end: LocalDateTime?
        switch item.timing {
        case .clock(let local, _, _):
            end = item.end
            field { $0.isoDate(local.date) }
            text(nil)
            text(session.partOfDay?.rawValue)
            field { $0.local(local) }
        case .day(let date):
            field { $0.isoDate(date) }
            text(nil)
            text(session.partOfDay?.rawValue)
            text(nil)
        case .possibleDays(let range):
            text(nil)
            field { $0.isoDate(range.from); $0.byte(UInt8(ascii: "/")); $0.isoDate(range.to) }
            text(session.partOfDay?.rawValue)
            text(nil)
        case .duringEvent:
            text(nil)
            text(nil)
            text(session.partOfDay?.rawValue)
            text(nil)
        }
        field { if let end { $0.local(end) } }
        field { if let minutes = session.durationMinutes { $0.digits(minutes) } }
        cells.zone.withUnsafeBufferPointer { out.append($0) }
        text(context.roomName(item))
        field { out in
            for (index, id) in session.tracks.enumerated() {
                if index > 0 { out.append("; ") }
                out.append(context.text(context.index.tracksByID[id]?.name) ?? id)
            }
        }
        list(context.technologyNames(session), "; ")
        field { out in
            for (index, link) in session.people.enumerated() {
                if index > 0 { out.append("; ") }
                out.append(context.personName(link.person))
                out.append(" (")
                out.append(context.labels.personRole(link.role))
                out.byte(UInt8(ascii: ")"))
            }
        }
        list(context.organisations(session), "; ")
        text(session.language)
        text(context.text(session.description))
        text(context.text(session.abstract))
        field { out in
            for (index, link) in session.links.enumerated() {
                if index > 0 { out.byte(UInt8(ascii: " ")) }
                out.append(link.url)
            }
        }
        out.csvField { out in
            out.append(session.id); out.byte(UInt8(ascii: "@")); out.append(item.event.id); out.append(".confdash")
        }
        out.append("\r\n")
    }

    /// The cell with a leading `'` when a spreadsheet would read it as a formula.
    static func defused(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return field }
        return "'" + field
    }
}

/// The formats `confdash export` writes. Each one is a pure function of an `ExportRequest`, so
/// the CLI, the dashboard and the tests all get the same bytes for the same data.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// iCalendar (RFC 5545), for calendar programs.
    case ics
    /// frab/pretalx schedule.xml, for schedule apps (Giggity, EventFahrplan…).
    case xml
    /// frab/pretalx schedule.json, the same schedule as JSON.
    case json
    /// RFC 4180 CSV, one row per session, for spreadsheets.
    case csv
    /// A readable Markdown agenda.
    case md

    /// The usual file-name extension, used to guess the format from `-o FILE`.
    public var fileExtension: String { rawValue }

    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "ics", "ical", "ifb": self = .ics
        case "xml": self = .xml
        case "json": self = .json
        case "csv": self = .csv
        case "md", "markdown": self = .md
        default: return nil
        }
    }
}

/// What to export: the agenda a filter selected, from one dataset, in one language.
public struct ExportRequest: Sendable {
    public var index: DatasetIndex
    /// The selected sessions, grouped as `AgendaQuery.agenda` groups them.
    public var agenda: [EventAgenda]
    public var language: Language
    /// With a day filter, only that day of each event is listed as a schedule day (xml, json).
    public var filter: AgendaFilter
    /// Names the program in the output (iCalendar PRODID, schedule.xml generator), e.g. "0.1.0".
    public var generatorVersion: String
    /// For a calendar of the starred sessions: SEQUENCE numbers and entries to cancel (iCalendar only).
    public var calendarUpdate: CalendarUpdate?
    /// The sessions' numbers (schedule.xml and schedule.json), when the caller started making
    /// them early (the CLI, right after loading); nil: the export makes them.
    public var ordinals: ExportOrdinals?

    public init(index: DatasetIndex, agenda: [EventAgenda], language: Language, filter: AgendaFilter = AgendaFilter(),
                generatorVersion: String) {
        self.index = index; self.agenda = agenda; self.language = language; self.filter = filter
        self.generatorVersion = generatorVersion
    }

    /// Everything in the dataset, unfiltered.
    public init(index: DatasetIndex, language: Language, generatorVersion: String) {
        self.init(index: index, agenda: AgendaQuery(index: index).agenda(AgendaFilter()), language: language,
                  generatorVersion: generatorVersion)
    }
}

/// The exported text, and what the format could not carry. Notes are for stderr, never for the file.
public struct ExportResult: Sendable {
    public var text: String
    /// One line per kind of omission or approximation, with its count and the reason.
    public var notes: [String]
    /// How many of the request's sessions are in `text`.
    public var exportedSessions: Int
}

/// What an export streamed to a sink leaves besides its bytes.
public struct ExportSummary: Sendable {
    /// One line per kind of omission or approximation, for stderr.
    public var notes: [String]
    /// How many of the request's sessions were written.
    public var exportedSessions: Int
}

public enum Exporter {
    /// The whole export as one text (the dashboard's `:export`, tests).
    public static func export(_ request: ExportRequest, as format: ExportFormat,
                              concurrency: ExportConcurrency = .automatic) -> ExportResult {
        var output = ExportOutput()
        output.concurrency = concurrency
        let summary = write(request, as: format, to: &output)
        return ExportResult(text: output.text, notes: summary.notes, exportedSessions: summary.exportedSessions)
    }

    /// The export's bytes handed to `sink` in chunks of about `chunkSize` bytes, each ending where a
    /// line ends: the same bytes as `export(_:as:)`'s text, without ever holding the whole file.
    /// With `terminalSafe` (standard output, which may be a terminal), the bytes of
    /// `TerminalText.safe` of that text: no control character from the data reaches the terminal.
    /// With several `concurrency.workers`, the sessions are rendered on that many threads (the
    /// same bytes, in the same order). Chunks of 512 KiB: the buffer (a chunk and a quarter) is
    /// alive at the export's peak, and two batches in flight hold a little more than one did.
    public static func write(_ request: ExportRequest, as format: ExportFormat, chunkSize: Int = 1 << 19, terminalSafe: Bool = false,
                             concurrency: ExportConcurrency = .automatic, to sink: @escaping ExportOutput.Sink) -> ExportSummary {
        var output = ExportOutput(chunkSize: chunkSize, sink: sink)
        output.terminalSafe = terminalSafe
        output.concurrency = concurrency
        let summary = write(request, as: format, to: &output)
        output.flush()
        return summary
    }

    static func write(_ request: ExportRequest, as format: ExportFormat, to output: inout ExportOutput) -> ExportSummary {
        switch format {
        case .ics:
            var exporter = ICSExporter(request, concurrency: output.concurrency)
            return exporter.write(to: &output)
        case .xml: return FrabXMLExporter.write(request, to: &output)
        case .json: return FrabJSONExporter.write(request, to: &output)
        case .csv: return CSVExporter(request, concurrency: output.concurrency).write(to: &output)
        case .md: return MarkdownExporter(request, concurrency: output.concurrency).write(to: &output)
        }
    }
}

/// Counts sessions per kind of note, keeping the first few ids, so that stderr gets one line per
/// kind ("47 sessions with no clock time (h23-opening, h23-panel, h23-keynote and 44 more): left
/// out, because …") instead of one line per session.
struct NoteTally {
    private struct Key: Hashable { var condition: String; var consequence: String }
    private struct Entry { var key: Key; var sessions = 0; var topics = 0; var ids: [String] = [] }
    /// In the order each kind was first added.
    private var entries: [Entry] = []
    private var positions: [Key: Int] = [:]
    /// The entry added to last: an export adds the same kind for session after session, and
    /// comparing two strings is cheaper than hashing them.
    private var last: Int?
    private static let shownIDs = 3

    /// `condition` follows "N sessions" ("with no clock time"); `consequence` says what was
    /// done and why. Sessions with the same pair are counted on one line. A breakout topic
    /// (`groupTopic`) is counted as a topic, not a session, as everywhere else users see counts.
    mutating func add(_ condition: String, _ consequence: String, session id: String, isTopic: Bool = false) {
        let position = position(of: Key(condition: condition, consequence: consequence))
        if isTopic { entries[position].topics += 1 } else { entries[position].sessions += 1 }
        if entries[position].ids.count < Self.shownIDs { entries[position].ids.append(id) }
    }

    private mutating func position(of key: Key) -> Int {
        if let last, entries[last].key == key { return last }
        let position: Int
        if let known = positions[key] {
            position = known
        } else {
            position = entries.count
            entries.append(Entry(key: key))
            positions[key] = position
        }
        last = position
        return position
    }

    /// The same, for a session of the model (topic or not from its `groupTopic`).
    mutating func add(_ condition: String, _ consequence: String, session: Session) {
        add(condition, consequence, session: session.id, isTopic: session.groupTopic)
    }

    /// The notes of the sessions after these (counted apart, on another thread): its kinds not
    /// seen here after these, counts added, ids kept up to the first few of both in order.
    mutating func append(_ next: NoteTally) {
        for entry in next.entries {
            let position = position(of: entry.key)
            entries[position].sessions += entry.sessions
            entries[position].topics += entry.topics
            for id in entry.ids where entries[position].ids.count < Self.shownIDs { entries[position].ids.append(id) }
        }
    }

    /// A note about the export as a whole rather than about sessions.
    mutating func add(general message: String) {
        _ = position(of: Key(condition: "", consequence: message))
    }

    var lines: [String] {
        entries.map { entry in
            let total = entry.sessions + entry.topics
            guard total > 0 else { return entry.key.consequence }
            let more = total - entry.ids.count
            let list = entry.ids.joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
            return "\(Self.counted(entry.sessions, entry.topics)) \(entry.key.condition) (\(list)): \(entry.key.consequence)"
        }
    }

    /// "47 sessions", "35 sessions and 12 breakout topics", "1 breakout topic".
    private static func counted(_ sessions: Int, _ topics: Int) -> String {
        let sessionText = "\(sessions) \(sessions == 1 ? "session" : "sessions")"
        let topicText = "\(topics) \(topics == 1 ? "breakout topic" : "breakout topics")"
        switch (sessions, topics) {
        case (_, 0): return sessionText
        case (0, _): return topicText
        default: return sessionText + " and " + topicText
        }
    }
}

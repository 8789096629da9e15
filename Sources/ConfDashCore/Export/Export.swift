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

public enum Exporter {
    public static func export(_ request: ExportRequest, as format: ExportFormat) -> ExportResult {
        switch format {
        case .ics:
            var exporter = ICSExporter(request)
            return exporter.export()
        case .xml: return FrabXMLExporter.export(request)
        case .json: return FrabJSONExporter.export(request)
        case .csv: return CSVExporter(request).export()
        case .md: return MarkdownExporter(request).export()
        }
    }
}

/// Counts sessions per kind of note, keeping the first few ids, so that stderr gets one line per
/// kind ("47 sessions with no clock time (h23-opening, h23-panel, h23-keynote and 44 more): left
/// out, because …") instead of one line per session.
struct NoteTally {
    private struct Key: Hashable { var condition: String; var consequence: String }
    private var order: [Key] = []
    private var ids: [Key: [String]] = [:]
    private var counts: [Key: (sessions: Int, topics: Int)] = [:]
    private static let shownIDs = 3

    /// `condition` follows "N sessions" ("with no clock time"); `consequence` says what was
    /// done and why. Sessions with the same pair are counted on one line. A breakout topic
    /// (`groupTopic`) is counted as a topic, not a session, as everywhere else users see counts.
    mutating func add(_ condition: String, _ consequence: String, session id: String, isTopic: Bool = false) {
        let key = Key(condition: condition, consequence: consequence)
        if counts[key] == nil { order.append(key) }
        var count = counts[key] ?? (0, 0)
        if isTopic { count.topics += 1 } else { count.sessions += 1 }
        counts[key] = count
        if ids[key, default: []].count < Self.shownIDs { ids[key, default: []].append(id) }
    }

    /// The same, for a session of the model (topic or not from its `groupTopic`).
    mutating func add(_ condition: String, _ consequence: String, session: Session) {
        add(condition, consequence, session: session.id, isTopic: session.groupTopic)
    }

    /// A note about the export as a whole rather than about sessions.
    mutating func add(general message: String) {
        let key = Key(condition: "", consequence: message)
        if counts[key] == nil { order.append(key); counts[key] = (0, 0) }
    }

    var lines: [String] {
        order.map { key in
            let count = counts[key] ?? (0, 0)
            let total = count.sessions + count.topics
            guard total > 0 else { return key.consequence }
            let shown = ids[key] ?? []
            let more = total - shown.count
            let list = shown.joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
            return "\(Self.entries(count.sessions, count.topics)) \(key.condition) (\(list)): \(key.consequence)"
        }
    }

    /// "47 sessions", "35 sessions and 12 breakout topics", "1 breakout topic".
    private static func entries(_ sessions: Int, _ topics: Int) -> String {
        let sessionText = "\(sessions) \(sessions == 1 ? "session" : "sessions")"
        let topicText = "\(topics) \(topics == 1 ? "breakout topic" : "breakout topics")"
        switch (sessions, topics) {
        case (_, 0): return sessionText
        case (0, _): return topicText
        default: return sessionText + " and " + topicText
        }
    }
}

import Foundation

/// The file formats confdash reads. `auto` looks at the content, never at the file name: a
/// schedule saved as `.txt` or downloaded without an extension still opens.
public enum InputFormat: String, CaseIterable, Sendable {
    case auto
    /// confdash's own dataset JSON (docs/dataset.md).
    case confdash
    /// frab / pretalx / Pentabarf schedule.xml.
    case xml
    /// frab / pretalx schedule.json.
    case json
    /// iCalendar (RFC 5545), as calendar programs and pretalx export it.
    case ics

    public var label: String {
        switch self {
        case .auto: return "automatic"
        case .confdash: return "confdash dataset"
        case .xml: return "schedule.xml"
        case .json: return "schedule.json"
        case .ics: return "iCalendar"
        }
    }
}

/// Opens any file confdash reads and gives the same `LoadResult` as `DatasetLoader`: the dataset
/// when there is no error, and every problem with its file, line and column where known.
public enum DatasetImporter {
    /// Throws only when the file cannot be read at all.
    public static func load(contentsOf url: URL, format: InputFormat = .auto) throws(LoadFailure) -> LoadResult {
        var (bytes, name) = try DatasetLoader.readBytes(url)
        return load(bytes: &bytes, name: name, format: format)
    }

    public static func load(data: Data, name: String, format: InputFormat = .auto) -> LoadResult {
        var bytes = [UInt8](data)
        return load(bytes: &bytes, name: name, format: format)
    }

    /// `load(data:name:format:)` with a schedule.xml of any size read in two parts, the second
    /// from the first `<day` at or after `share` of the bytes: for the fuzz target, which checks
    /// that this gives what the sequential reading gives.
    @_spi(Fuzzing)
    public static func load(data: Data, name: String, format: InputFormat, splittingXMLAt share: Double) -> LoadResult {
        var bytes = [UInt8](data)
        // The worker (a thread of its own) always starts: the first part waits for it, so that
        // even a small input is read in two parts.
        return load(bytes: &bytes, name: name, format: format,
                    xmlSplit: XMLSplitScan.Options(minimumBytes: 0, share: share, waitsForWorker: true))
    }

    /// Reads `bytes` and empties it as soon as the syntax is read, so that a large file is not
    /// held in memory while what was read from it is assembled.
    static func load(bytes: inout [UInt8], name: String, format: InputFormat, xmlSplit: XMLSplitScan.Options = .automatic,
                     report: ((XMLSplitScan.Report) -> Void)? = nil) -> LoadResult {
        let chosen = format == .auto ? detect(bytes) : format
        switch chosen {
        case .auto?, nil:
            let problem = LoadProblem(severity: .error, file: name, path: "", line: 1, column: 1, message: undetectable(bytes))
            return LoadResult(dataset: nil, problems: [problem])
        case .confdash?, .json?:
            // A schedule.json's sessions are read as the parser meets them (`TakenSessions`), not
            // kept as a tree, and the file's pages go as the parser passes them. A confdash
            // dataset that turns out to hold such a place (a "schedule" member beside "format")
            // reads the same from that tree: the dataset reader never looks inside "schedule",
            // an unknown member it names without reading (ScheduleJSONTapTests).
            let taken = TakenSessions()
            let isSchedule = { (root: JSONValue) in format == .json || (format == .auto && root["schedule"] != nil && root["format"] == nil) }
            let parsed = format == .confdash ? JSONParser.parse(bytes: bytes)
                : JSONParser.parse(taking: &bytes, tap: ScheduleJSONReader.sessionTap(into: taken))
            bytes = []
            switch parsed {
            case let .failure(error):
                return LoadResult(syntaxError: error, file: name)
            case let .success(root):
                guard isSchedule(root) else { return DatasetLoader.load(root: root, name: name) }
                return imported(name) { log in
                    guard let draft = ScheduleJSONReader.read(root, log: log, taken: taken) else { return nil }
                    return ScheduleResolver(log: log).resolve(consume draft)
                }
            }
        case .xml?:
            return imported(name) { log in
                // Sessions are read straight from the bytes as each <event> closes; only the rest
                // of the document (conference, days, rooms) becomes a tree.
                var handler = ScheduleXMLHandler()
                // The scan takes the bytes, and lets their pages go as it passes them; a large
                // file is read in two parts at once, with the same result (`XMLSplitScan`). The
                // second part is read on a thread of its own, which then resolves the sessions
                // it read (`SplitWorker`).
                var options = xmlSplit
                var worker: SplitWorker?
                if options.start == nil && bytes.count >= options.minimumBytes && bytes.count <= options.maximumBytes
                    && options.workers > 1 {
                    let made = SplitWorker()
                    worker = made
                    options.start = made.run
                }
                defer { worker?.end() }
                var secondFrom: Int?
                let scanned = XMLSplitScan.scan(taking: &bytes, into: &handler, options: options) { outcome in
                    if case .split(let from) = outcome { secondFrom = from }
                    report?(outcome)
                }
                FreedMemory.giveBack()
                switch scanned {
                case let .failure(error):
                    log.error(error.message, at: "", error.position)
                    return nil
                case let .success(warnings):
                    for warning in warnings { log.warning(warning.message, at: "", warning.position) }
                    guard let root = handler.tree.root else { return nil }
                    guard let draft = ScheduleXMLReader.read(root, events: handler.takeEvents(), log: log) else { return nil }
                    let secondPart = secondFrom.flatMap { from in worker.map { (from: from, worker: $0) } }
                    return ScheduleResolver(log: log).resolve(consume draft, secondPart: secondPart)
                }
            }
        case .ics?:
            return imported(name) { ICSCalendarReader.read(&bytes, log: $0) }
        }
    }

    /// The format of `bytes` judged by how they begin, or nil when none fits.
    public static func detect(_ bytes: [UInt8]) -> InputFormat? {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, MarkupCleaner.isSpace(bytes[start]) { start += 1 }
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "<"): return .xml
        case UInt8(ascii: "{"), UInt8(ascii: "["): return .confdash  // refined to schedule.json once parsed
        default:
            // Any component (a bare VEVENT, a VTIMEZONE, an X- component, a vCard) goes to the
            // iCalendar reader, whose error names what the file starts with instead of listing formats.
            let head = String(decoding: bytes[start..<min(bytes.count, start + 6)], as: UTF8.self).uppercased()
            return head == "BEGIN:" ? .ics : nil
        }
    }

    private static func undetectable(_ bytes: [UInt8]) -> String {
        if bytes.allSatisfy(MarkupCleaner.isSpace) { return "the file is empty" }
        if let encoding = UTF8Check.byteOrderMarkEncoding(bytes) {
            return "the file is \(encoding); confdash reads UTF-8 (save it as UTF-8)"
        }
        return "not a format confdash reads: expected a confdash dataset or schedule.json (JSON), a schedule.xml, "
            + "or an iCalendar file (BEGIN:VCALENDAR); --input-format says which when the content does not"
    }

    /// Runs a format reader and assembles what it read. The dataset is kept only when nothing was an error.
    private static func imported(_ name: String, _ read: (ProblemLog) -> ImportedEvent?) -> LoadResult {
        let log = ProblemLog(file: name)
        var dataset: Dataset?
        // Handed over, not copied, so the assembler can let each entry go once its session is built.
        if let event = read(log) { dataset = DatasetAssembler(file: name, log: log).assemble(consume event) }
        return LoadResult(dataset: log.hasErrors ? nil : dataset, problems: log.sorted())
    }
}

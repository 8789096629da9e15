/// One thing wrong (or suspicious) in a dataset file, located as precisely as the loader can.
public struct LoadProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        /// The dataset cannot be used.
        case error
        /// Loading still succeeds; most likely a typo (an unknown key) or a gap worth fixing.
        case warning
    }

    public var severity: Severity
    /// The file as the user named it (or a label such as "Resources/wco-events.json (bundled)").
    public var file: String
    /// Where inside the document, e.g. `events[2].sessions[4].day`; "" for the document itself.
    public var path: String
    /// 1-based; nil when the problem is not tied to a place in the text (e.g. a check on an in-memory dataset).
    public var line: Int?
    /// 1-based, in Unicode scalars, so "é" counts as one column whatever its encoding length.
    public var column: Int?
    public var message: String

    public init(severity: Severity, file: String, path: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// One line in the compiler style editors understand:
    /// `FILE:LINE:COLUMN: error: events[2].sessions[4].day: MESSAGE`, leaving out what is unknown.
    /// Safe to print: whatever the file put in a path or message, no control character is left.
    public var description: String { TerminalText.safeLine(unsafeDescription) }

    private var unsafeDescription: String {
        var location = file
        if let line {
            location += location.isEmpty ? "\(line)" : ":\(line)"
            if let column { location += ":\(column)" }
        }
        var parts = location.isEmpty ? [] : [location]
        parts.append(severity.rawValue)
        if !path.isEmpty { parts.append(path) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}

/// What loading a readable file gives: the dataset when there is no error, and every problem found.
public struct LoadResult: Sendable {
    /// Nil as soon as there is one error; warnings alone do not stop loading.
    public var dataset: Dataset?
    /// Errors and warnings, in the order they appear in the file.
    public var problems: [LoadProblem]

    public init(dataset: Dataset?, problems: [LoadProblem]) {
        self.dataset = dataset
        self.problems = problems
    }

    /// The one error of a file that could not be parsed at all.
    init(syntaxError error: JSONSyntaxError, file: String) {
        self.init(dataset: nil, problems: [LoadProblem(severity: .error, file: file, path: error.path, line: error.line,
                                                       column: error.column, message: error.message)])
    }

    public var errors: [LoadProblem] { problems.filter { $0.severity == .error } }
    public var warnings: [LoadProblem] { problems.filter { $0.severity == .warning } }
}

/// The file could not be read at all, as opposed to read and found wrong (the CLI exits 66 vs 65).
public enum LoadFailure: Error, Hashable, Sendable, CustomStringConvertible {
    case unreadable(file: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason): return "\(file): error: cannot read the file: \(reason)"
        }
    }
}

import ConfDashCore

public enum MessageKind: Equatable, Sendable { case info, error }

/// What a typed name was looked up as. Messages name it with the right article and agreement
/// in French ("Aucune technologie nommée", "Aucun thème nommé").
public enum NameKind: Equatable, Sendable {
    case event, track, technology, region, room
}

/// A file `:open` read: what the status line says about it.
public struct OpenedFile: Equatable, Sendable {
    public var name: String
    public var events = 0, sessions = 0, warnings = 0
    /// A URL opened from its cached copy because fetching failed: said with the counts.
    public var notice: OfflineNotice?
    /// Entries that are a topic grouped sessions covered, not sessions ("and 8 breakout topics").
    public var topics = 0, topicsAreBreakouts = true

    public init(_ summary: LoadSummary, name: String, notice: OfflineNotice? = nil) {
        self.name = name
        self.notice = notice
        (events, sessions, warnings) = (summary.eventCount, summary.sessionCount, summary.warnings.count)
        (topics, topicsAreBreakouts) = (summary.topicCount, summary.topicsAreBreakouts)
    }

    init(name: String, events: Int, sessions: Int, warnings: Int, topics: Int = 0, topicsAreBreakouts: Bool = true) {
        self.name = name
        (self.events, self.sessions, self.warnings) = (events, sessions, warnings)
        (self.topics, self.topicsAreBreakouts) = (topics, topicsAreBreakouts)
    }
}

/// The one-line message under the screen, as a value: the reducer says what happened, the
/// status bar words it in the language shown (so after `L` the message is in the new language).
public enum StatusMessage: Equatable, Sendable {
    case unknownCommand(String)
    /// ":day N": how the command is written.
    case usage(String)
    case notFound(NameKind, String)
    /// The name typed, and the names it could mean.
    case ambiguous(String, [String])
    case noSuchDay(Int, of: Int)
    case eventHiddenByFilters
    case noSearchInForce
    case filtersCleared
    case nothingToClear
    /// Times in each event's zone (`local` false) or in `zone`.
    case timeZone(local: Bool, zone: String)
    case opened(OpenedFile)
    case openFailed(LoadError)
    /// Stars, notes, reminders, the state file.
    case personal(PersonalMessage)
    /// Reloading the schedule (R, `--refresh-every`) and what it found.
    case live(LiveMessage)
    /// Rooms, times and keys that can do nothing (issue 10): worded in UIText+Places.
    case places(PlacesMessage)
    /// Acting on a session: `o`, `y`, `:export` (worded in UIText+Acting).
    case act(ActMessage)
    /// The data was loaded with this many warnings (W lists them).
    case loadWarnings(Int)

    public var kind: MessageKind {
        switch self {
        case .unknownCommand, .usage, .notFound, .ambiguous, .noSuchDay, .eventHiddenByFilters, .openFailed: return .error
        case .noSearchInForce, .filtersCleared, .nothingToClear, .timeZone: return .info
        case .opened(let file): return file.notice == nil ? .info : .error
        case .personal(let message): return message.kind
        case .live(let message): return message.kind
        case .places(let message): return message.kind
        case .act(let message): return message.kind
        case .loadWarnings: return .info
        }
    }

    public func text(in language: Language) -> String { UIText(language).message(self) }
}

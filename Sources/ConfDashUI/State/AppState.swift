import ConfDashScreen
import ConfDashCore

/// The four panes, in Tab order; their raw values are the digit keys that jump to them, minus one.
public enum PaneID: Int, CaseIterable, Sendable, Hashable {
    case agenda, timeline, regions, technologies
}

/// How much of time the timeline shows at once.
public enum TimelineZoom: Int, CaseIterable, Sendable, Comparable {
    case years, months, days
    public static func < (a: TimelineZoom, b: TimelineZoom) -> Bool { a.rawValue < b.rawValue }
}

/// What a filter narrows by; one filter of each kind at most is in force.
public enum FilterKind: Equatable, Hashable, Sendable {
    case tracks, technology, region, search, rooms
}

/// A narrowing the user applied. They are kept in the order applied, so Esc can take back the last.
public enum ActiveFilter: Equatable, Hashable, Sendable {
    case tracks(Set<TypedID<Track>>)
    case technology(TypedID<Technology>)
    case region(TypedID<Region>)
    case search(String)
    /// Sessions in any of these rooms: the Places pane when the data names rooms, `:room`.
    case rooms(Set<TypedID<Room>>)

    /// Filters of one kind replace each other rather than pile up.
    public var kind: FilterKind {
        switch self {
        case .tracks: return .tracks
        case .technology: return .technology
        case .region: return .region
        case .search: return .search
        case .rooms: return .rooms
        }
    }
}

/// A one-line text input (the `/` search and the `:` command line share it).
public struct LineInput: Equatable, Sendable {
    public var text: String = ""
    /// Cursor position in characters.
    public var cursor: Int = 0
    /// Completion candidates shown while Tab cycles through them, and the one chosen.
    public var completions: [String] = []
    public var completionIndex: Int?
    /// The history entry ↑ / ↓ show (nil: the line being typed), and that line while they do.
    public var recallIndex: Int?
    public var draft = ""

    public init(text: String = "") { self.text = text; cursor = text.count }
}

public enum AgendaView: Equatable, Sendable { case list, rooms }

public enum InputMode: Equatable, Sendable {
    case normal
    /// Typing a search: the agenda follows every keystroke; Enter applies it, Esc leaves the
    /// filters as they were (the typed text is only in the input until then).
    case search(LineInput)
    case command(LineInput)
}

public enum Overlay: Equatable, Sendable {
    case help(scroll: Int)
    /// Several tracks at once: `chosen` is applied on Enter, the cursor moves over every track.
    case trackPicker(cursor: Int, chosen: Set<TypedID<Track>>)
    /// The selected session's full details, scrollable.
    case detail(scroll: Int)
    /// My agenda, a gap's fitting sessions, now and next.
    case personal(PersonalOverlay)
    /// What the last reload changed (C, `:changes`), one row per session.
    case changes(cursor: Int)
    /// The warnings the data was loaded with (W, `:problems`).
    case problems(scroll: Int)
}


/// A cursor and the first visible row of a list.
public struct ListPosition: Equatable, Sendable {
    public var cursor: Int = 0
    public var scroll: Int = 0
    public init(cursor: Int = 0, scroll: Int = 0) { self.cursor = cursor; self.scroll = scroll }
}

/// Everything the screen depends on. Views draw it; only the reducer changes it.
public struct AppState: Equatable, Sendable {
    public var size: Size
    public var language: Language
    public var focus: PaneID = .agenda
    public var mode: InputMode = .normal
    public var overlay: Overlay?
    public var message: StatusMessage?

    /// The event the agenda shows and the timeline's cursor is on.
    public var selectedEvent: EventID?
    /// 1-based day of the selected event.
    public var day: Int = 1
    public var filters: [ActiveFilter] = []

    public var agenda = ListPosition()
    /// The agenda as a list, or as a grid with a column per room and time running down.
    public var agendaView: AgendaView = .list
    /// First room column shown in the room grid, and first 15-minute row.
    public var roomScroll = 0
    public var gridTop = 0
    /// Clock times in each event's own zone, or converted to the user's zone (T, `--tz local`).
    public var localTime = false
    public var timelineZoom: TimelineZoom = .years
    /// The timeline's hour cursor (minutes from the day's midnight) when it shows one event's
    /// days × hours; nil: the day's first hour with a session.
    public var timelineMinute: Int?
    /// The focused pane has the whole screen (z).
    public var maximized = false
    public var regions = ListPosition()
    public var technologies = ListPosition()
    /// Stars, notes, clock and reminders.
    public var personal = PersonalView()
    /// Reloading the schedule and what the last reload changed.
    public var live = LiveView()
    /// Earlier searches and command lines of this session (↑ / ↓ in the input lines).
    public var history = InputHistory()
    /// The warnings the data shown was loaded with (`--data`, `:open`), as `validate` words them.
    public var problems: [String] = []

    public init(size: Size, language: Language, selectedEvent: EventID?) {
        self.size = size; self.language = language; self.selectedEvent = selectedEvent
    }

    public var trackFilter: Set<TypedID<Track>> { filter { if case .tracks(let ids) = $0 { ids } else { nil } } ?? [] }
    public var technologyFilter: TypedID<Technology>? { filter { if case .technology(let id) = $0 { id } else { nil } } }
    public var roomFilter: Set<TypedID<Room>> { filter { if case .rooms(let ids) = $0 { ids } else { nil } } ?? [] }
    public var regionFilter: TypedID<Region>? { filter { if case .region(let id) = $0 { id } else { nil } } }

    /// What `value` reads from the first filter it applies to (filters of one kind replace each
    /// other, so there is at most one of each).
    private func filter<Value>(_ value: (ActiveFilter) -> Value?) -> Value? {
        for filter in filters { if let found = value(filter) { return found } }
        return nil
    }
    /// The search in force: the one being typed, else the applied one.
    public var searchText: String? {
        if case .search(let input) = mode { return input.text.isEmpty ? nil : input.text }
        for case .search(let text) in filters { return text }
        return nil
    }

    /// Adds `filter`, replacing one of the same kind, and moves it to the end (the "last" for Esc).
    mutating func apply(_ filter: ActiveFilter) {
        filters.removeAll { $0.kind == filter.kind }
        switch filter {
        case .tracks(let ids) where ids.isEmpty: return
        case .rooms(let ids) where ids.isEmpty: return
        case .search(let text) where text.isEmpty: return
        default: filters.append(filter)
        }
    }
    mutating func remove(_ kind: FilterKind) { filters.removeAll { $0.kind == kind } }
}

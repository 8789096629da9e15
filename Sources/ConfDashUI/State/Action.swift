import ConfDashScreen
import ConfDashCore

/// What a key or a `:` command asks for. The KeyMap binds keys to these; the command line parses
/// text into the same values, so `:day 2` and pressing → twice end in one code path.
public enum Command: Equatable, Hashable, Sendable {
    case focusNext, focusPrevious, focus(PaneID)
    case moveUp, moveDown, pageUp, pageDown, moveTop, moveBottom
    /// ← / h and → / l: the day in the agenda, the event in the timeline.
    case previous, next
    case previousEvent, nextEvent
    /// Enter: open details, or apply the selection (event, region, technology).
    case activate
    case openTrackPicker, toggleChoice
    case startSearch, nextMatch, previousMatch
    case cancel, clearFilters
    case toggleLanguage
    case startCommandLine
    case showHelp
    case zoomIn, zoomOut
    case toggleRoomGrid, previousRoom, nextRoom, previousDay, nextDay
    case toggleTimeZone
    /// z: the focused pane alone on the screen, and back.
    case toggleMaximize
    /// The agenda at the current time of the event (when it is on), else at the day's first session.
    case goToNow
    case quit
    /// s / *: star or unstar the selected session.
    case toggleStar
    /// m, `:mine`: My agenda.
    case showMine
    /// `.`, `:now`: now and next.
    case showNowNext

    // Commands that carry an argument: typed on the `:` line.
    case goToDay(Int)
    case goToEvent(String)
    /// `:day 2024-12-28`: the selected event's day with that date.
    case goToDate(CalendarDate)
    /// `:time 16:00`: the agenda (list and room grid) at that time of the day.
    case goToTime(ClockTime)
    /// `:room NAME`: narrow to that room (added to the rooms chosen; empty: none).
    case filterRoom(String)
    case filterTrack(String)
    case filterTechnology(String)
    case filterRegion(String)
    case search(String)
    case setLanguage(Language)
    case setTimeZone(local: Bool)
    /// `:open [--input-format F] FILE|URL`.
    case open(String, format: InputFormat = .auto)
    /// `:note TEXT` on the selected session (empty: remove the note).
    case setNote(String)
    /// R, `:reload`: read the schedule again in the background.
    case reload
    /// C, `:changes`: what the last reload changed.
    case showChanges
    /// o: the selected session's link in the browser.
    case openLink
    /// y: the selected session's title, time, room and link to the clipboard (OSC 52).
    case copySession
    /// `:export FORMAT FILE`: what the filters select, as `confdash export` writes it.
    case export(ExportFormat, String)
    /// W, `:problems`: the data's load warnings.
    case showProblems
}

/// Everything that can change the state.
public enum Action: Equatable, Sendable {
    case command(Command)
    case resize(Size)
    case mouse(MouseEvent)
    /// Editing keys while a text input is open.
    case input(LineEdit)
    /// The stars and notes the state file holds after a load or a save (other programs' included).
    case personal(starred: Set<SessionAddress>, notes: [SessionAddress: String])
    /// A save failed: the message, stars in memory stay.
    case personalError(String)
    /// The clock moved on (seconds since 1970 UTC): reminders and the status-bar time follow.
    case tick(Int)
    /// At start, once the clock is set: open on the current day of an event that is on.
    case openOnToday
    /// The result of an `.open` effect, with the file's name as the message shows it.
    case opened(String, Result<LoadSummary, LoadError>)
    /// The result of an `.openURL` effect (the URL as shown); on success the data is already in place.
    case fetched(String, Result<LoadSummary, LoadError>, notice: OfflineNotice?)
    /// The result of a `.reload` effect; the new version (if any) is already in place.
    case reloaded(ReloadReport)
    /// `--refresh-every`: time for a reload nobody asked for by key.
    case refreshDue
    /// What an effect outside the reducer did (a browser started, a file exported).
    case acted(ActMessage)
    /// The warnings the data shown was loaded with (`--data`): kept, and announced.
    case loadWarnings([String])
    /// At start, `--data URL` could not be fetched: the cached copy is shown, and the user is told.
    case startedOffline(OfflineNotice)
    /// At start, `--data URL` with nothing cached: fetch it in the background (as `:open URL`),
    /// with a screen that says so until it arrives.
    case awaitSchedule(String, format: InputFormat)
}

public enum LineEdit: Equatable, Hashable, Sendable {
    case insert(Character)
    case deleteBackward, deleteForward
    case moveLeft, moveRight, moveHome, moveEnd
    case clear
    case complete, completeBackward
    /// ↑ / ↓: an earlier (later) entry of the line's history.
    case historyPrevious, historyNext
    case submit
}

/// Work the reducer asks the store to do; the reducer itself stays pure.
public enum Effect: Equatable, Sendable {
    case quit
    /// Load another file; the store keeps the current data if it cannot be read, and sends the
    /// result back as `.opened`.
    case open(String, format: InputFormat)
    /// Save a star or unstar to the state file (merged with what other programs saved).
    case saveStar(SessionAddress, Bool)
    /// Save a note (nil: remove it).
    case saveNote(SessionAddress, String?)
    /// Ring the terminal bell once (a reminder).
    case bell
    /// Read the schedule again off the main thread; the result comes back as `.reloaded`.
    case reload(automatic: Bool)
    /// Hand a web address to the browser ($BROWSER, else xdg-open), never through a shell.
    case openLink(String)
    /// Put the text on the clipboard through the terminal (OSC 52).
    case copy(String)
    /// Write what `filter` selects to a file, atomically.
    case export(ExportFormat, path: String, filter: AgendaFilter)
    /// Fetch a schedule by URL off the main thread; the result comes back as `.fetched`.
    case openURL(String, format: InputFormat)
}

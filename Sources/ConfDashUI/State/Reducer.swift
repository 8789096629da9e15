import ConfDashScreen
import Foundation
import ConfDashCore

/// The only code that changes `AppState`. Pure: same state and action, same result; whatever
/// must happen outside (quitting) comes back as `Effect`s for the store to run.
public struct Reducer: Sendable {
    public let data: DashboardData
    /// The world outside the state (directory listings for completion), injected.
    public let environment: DashboardEnvironment
    /// The theme the screen is drawn in: the detail text the metrics measure is the one drawn.
    let theme: Theme

    public init(data: DashboardData, environment: DashboardEnvironment = .live, theme: Theme = .monochrome) {
        self.data = data
        self.environment = environment
        self.theme = theme
    }

    /// The screen as the views lay it out for `state`: the one value the reducer reads about it.
    func metrics(_ state: AppState) -> ScreenMetrics { ScreenMetrics.measure(state, data: data, theme: theme) }

    /// The state the dashboard opens in: the most recent event, its first day, the agenda focused.
    public func initialState(size: Size, language: Language) -> AppState {
        var state = AppState(size: size, language: language, selectedEvent: data.events.last?.typedID)
        reconcile(&state)
        return state
    }

    @discardableResult
    public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        var effects: [Effect] = []
        switch action {
        case .resize(let size):
            state.size = size
        case .command(let command):
            // A message stays through quitting and through L, which words it in the other language.
            if command != .quit, command != .toggleLanguage { state.message = nil }
            if let awaiting = state.live.awaiting {
                effects = runAwaiting(command, awaiting, &state)
            } else {
                effects = run(command, &state)
            }
        case .input(let edit):
            effects = editInput(edit, &state)
        case .mouse(let event):
            // Nothing to click before the first schedule.
            if state.live.awaiting == nil { handleMouse(event, &state) }
        case .personal(let starred, let notes):
            state.personal.starred = starred
            state.personal.notes = notes
        case .personalError(let message):
            state.message = .personal(.stateFile(message))
        case .tick(let seconds):
            effects = tick(seconds, &state)
        case .openOnToday:
            openOnToday(&state)
        case .opened(let name, .success(let summary)):
            // The store has already put the new file's data in place: start afresh on it.
            startAfresh(on: summary, name: name, notice: nil, &state)
        case .opened(_, .failure(let failure)):
            state.message = .openFailed(failure)
            state.live.awaiting?.failure = failure
        case .fetched(let name, let result, let notice):
            applyFetched(name, result, notice: notice, &state)
        case .reloaded(let report):
            applyReload(report, &state)
        case .refreshDue:
            if let awaiting = state.live.awaiting {
                effects = refreshWhileAwaiting(awaiting, &state)
            } else {
                effects = startReload(automatic: true, &state)
            }
        case .acted(let message):
            state.message = .act(message)
        case .loadWarnings(let warnings):
            state.problems = warnings
            if !warnings.isEmpty { state.message = .loadWarnings(warnings.count) }
        case .startedOffline(let notice):
            state.message = .live(.offline(notice))
        case .awaitSchedule(let location, let format):
            state.live.awaiting = AwaitedSchedule(location: location, format: format)
            effects = runOpen(location, format: format, &state)
        }
        reconcile(&state)
        return effects
    }

    /// One command: the track picker and the filters have their own reducers (their files
    /// beside this one); navigation, modes and settings are here.
    func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        if runTrackPicker(command, &state) || runFilters(command, &state) { return [] }
        switch command {
        case .quit:
            return [.quit]
        case .focusNext: focusPane(step: 1, &state)
        case .focusPrevious: focusPane(step: -1, &state)
        case .focus(let pane):
            if data.emptyPanes.contains(pane) { state.message = .places(.paneEmpty(pane)) } else { state.focus = pane }
        case .moveUp: move(by: -1, &state)
        case .moveDown: move(by: 1, &state)
        case .pageUp: move(by: -metrics(state).pageSize(state), &state)
        case .pageDown: move(by: metrics(state).pageSize(state), &state)
        case .moveTop: move(by: Int.min / 2, &state)
        case .moveBottom: move(by: Int.max / 2, &state)
        case .previous: step(-1, &state)
        case .next: step(1, &state)
        case .previousEvent: selectEvent(offset: -1, &state)
        case .nextEvent: selectEvent(offset: 1, &state)
        case .activate: activate(&state)
        case .startSearch:
            // An empty line: the search in force stays until Enter replaces it; ↑ recalls it.
            state.mode = .search(LineInput())
        case .nextMatch: jumpToMatch(1, &state)
        case .previousMatch: jumpToMatch(-1, &state)
        case .cancel: cancel(&state)
        case .toggleLanguage:
            state.language = state.language.toggled
        case .setLanguage(let language):
            state.language = language
        case .toggleTimeZone:
            state.localTime.toggle()
            state.message = timeZoneMessage(state)
        case .setTimeZone(let local):
            state.localTime = local
            state.message = timeZoneMessage(state)
        case .open(let location, let format):
            return runOpen(location, format: format, &state)
        case .openTrackPicker, .toggleChoice, .clearFilters, .filterTrack, .filterTechnology, .filterRegion, .search:
            break // handled above
        case .toggleRoomGrid:
            state.agendaView = state.agendaView == .list ? .rooms : .list
            state.focus = .agenda
        case .previousRoom: moveRoom(-1, &state)
        case .nextRoom: moveRoom(1, &state)
        case .previousDay: changeDay(-1, &state)
        case .nextDay: changeDay(1, &state)
        case .startCommandLine:
            state.mode = .command(LineInput())
        case .showHelp:
            state.overlay = .help(scroll: 0)
        case .zoomIn:
            state.timelineZoom = TimelineZoom(rawValue: min(state.timelineZoom.rawValue + 1, TimelineZoom.days.rawValue))!
        case .zoomOut:
            state.timelineZoom = TimelineZoom(rawValue: max(state.timelineZoom.rawValue - 1, 0))!
        case .goToDay(let day):
            guard let event = data.event(state.selectedEvent) else { break }
            guard event.date(ofDay: day) != nil else {
                state.message = .noSuchDay(day, of: event.dayCount); break
            }
            state.day = day
            state.agenda = ListPosition()
            state.remove(.search)
        case .goToEvent(let name):
            resolve(name, with: data.eventResolver, what: .event, &state) { id, state in
                guard data.eventsInScope(state).contains(where: { $0.id == id }) else {
                    state.message = .eventHiddenByFilters
                    return
                }
                choose(event: EventID(id), &state)
            }
        case .toggleStar, .showMine, .showNowNext, .setNote:
            return runPersonal(command, &state)
        case .reload, .showChanges:
            return runLive(command, &state)
        case .openLink, .copySession, .export:
            return runActing(command, &state)
        case .showProblems:
            state.overlay = .problems(scroll: 0)
        case .toggleMaximize:
            state.maximized.toggle()
        case .goToNow: goToNow(&state)
        case .goToDate(let date): goToDate(date, &state)
        case .goToTime(let time): goToTime(time, &state)
        case .filterRoom(let name): filterRoom(name, &state)
        }
        return []
    }

    func cancel(_ state: inout AppState) {
        if case .personal(let overlay) = state.overlay { cancelPersonal(overlay, &state); return }
        if state.overlay != nil { state.overlay = nil; return }
        switch state.mode {
        case .search, .command: state.mode = .normal; return
        case .normal: break
        }
        if state.filters.isEmpty {
            state.message = .nothingToClear
        } else {
            state.filters.removeLast()
        }
    }

    func activate(_ state: inout AppState) {
        if case .personal(let overlay) = state.overlay { activatePersonal(overlay, &state); return }
        if case .changes(let cursor) = state.overlay { activateChange(cursor, &state); return }
        switch state.focus {
        case .agenda:
            if data.agendaRows(state).session(at: state.agenda.cursor) != nil { state.overlay = .detail(scroll: 0) }
        case .timeline:
            state.focus = .agenda
            if let hours = data.dayHours(state) { showAgenda(atHourOf: hours, &state) }
        case .regions, .technologies:
            toggleFilterUnderCursor(&state)
        }
    }

    /// Makes `id` the selected event, on its first day.
    func choose(event id: EventID, _ state: inout AppState) {
        guard id != state.selectedEvent else { return }
        state.selectedEvent = id
        state.day = 1
        state.timelineMinute = nil
        if state.searchText == nil { state.agenda = ListPosition() }
    }

    /// Keeps the state consistent after any change: the selected event is one the filters leave,
    /// the day exists, and every cursor is on a row and visible.
    func reconcile(_ state: inout AppState) {
        if data.emptyPanes.contains(state.focus) { state.focus = .agenda }
        let scope = data.eventsInScope(state)
        if !scope.isEmpty, !scope.contains(where: { $0.typedID == state.selectedEvent }) {
            // The nearest event in time to the one that was hidden, so the view moves as little as it can.
            let previous = data.event(state.selectedEvent)?.startDate
            let nearest = previous.map { date in scope.min { abs($0.startDate.days(since: date)) < abs($1.startDate.days(since: date)) }! }
            state.selectedEvent = (nearest ?? scope[0]).typedID
            state.day = 1
        }
        if let event = data.event(state.selectedEvent) {
            state.day = min(max(state.day, 1), max(event.dayCount, 1))
        }
        let rows = data.agendaRows(state)
        state.agenda.cursor = min(max(state.agenda.cursor, 0), max(rows.sessionCount - 1, 0))
        if case .detail = state.overlay, rows.session(at: state.agenda.cursor) == nil { state.overlay = nil }
        let metrics = metrics(state)
        state.agenda.scroll = rows.scroll(toShow: state.agenda.cursor, from: state.agenda.scroll, height: metrics.agendaListHeight)
        scrollGrid(&state, geometry: metrics.roomGrid)
        state.regions = clamped(state.regions, count: data.placeCount(state), height: metrics.regionsListHeight)
        state.technologies = clamped(state.technologies, count: data.topicCount(state), height: metrics.technologiesListHeight)
        switch state.overlay {
        case .detail(let scroll):
            state.overlay = .detail(scroll: min(max(scroll, 0), metrics.overlayMaxScroll))
        case .help(let scroll):
            state.overlay = .help(scroll: min(max(scroll, 0), metrics.overlayMaxScroll))
        case .problems(let scroll):
            state.overlay = .problems(scroll: min(max(scroll, 0), metrics.overlayMaxScroll))
        case .trackPicker(let cursor, let chosen):
            state.overlay = .trackPicker(cursor: min(max(cursor, 0), max(data.index.dataset.tracks.count - 1, 0)), chosen: chosen)
        case .personal(let overlay):
            reconcilePersonal(overlay, &state)
        case .changes(let cursor):
            reconcileChanges(cursor, &state)
        case nil: break
        }
    }

    func clamped(_ position: ListPosition, count: Int, height: Int) -> ListPosition {
        var result = position
        result.cursor = min(max(result.cursor, 0), max(count - 1, 0))
        if height <= 0 { result.scroll = result.cursor; return result }
        if result.cursor < result.scroll { result.scroll = result.cursor }
        if result.cursor >= result.scroll + height { result.scroll = result.cursor - height + 1 }
        result.scroll = min(max(result.scroll, 0), max(count - height, 0))
        return result
    }
}

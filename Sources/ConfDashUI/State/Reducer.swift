import ConfDashScreen
import Foundation
import ConfDashCore

/// The only code that changes `AppState`. Pure: same state and action, same result; whatever
/// must happen outside (quitting) comes back as `Effect`s for the store to run.
public struct Reducer: Sendable {
    public let data: DashboardData
    /// The world outside the state (directory listings for completion), injected.
    public let environment: DashboardEnvironment

    public init(data: DashboardData, environment: DashboardEnvironment = .live) {
        self.data = data
        self.environment = environment
    }

    /// The state the dashboard opens in: the most recent event, its first day, the agenda focused.
    public func initialState(size: Size, language: Language) -> AppState {
        var state = AppState(size: size, language: language, selectedEvent: data.events.last?.id)
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
            if command != .quit { state.message = nil }
            effects = run(command, &state)
        case .input(let edit):
            effects = editInput(edit, &state)
        case .mouse(let event):
            handleMouse(event, &state)
        }
        reconcile(&state)
        return effects
    }

    func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        let text = UIText(state.language)
        switch command {
        case .quit:
            return [.quit]
        case .focusNext:
            state.focus = PaneID(rawValue: (state.focus.rawValue + 1) % PaneID.allCases.count)!
        case .focusPrevious:
            state.focus = PaneID(rawValue: (state.focus.rawValue + PaneID.allCases.count - 1) % PaneID.allCases.count)!
        case .focus(let pane):
            state.focus = pane
        case .moveUp: move(by: -1, &state)
        case .moveDown: move(by: 1, &state)
        case .pageUp: move(by: -pageSize(state), &state)
        case .pageDown: move(by: pageSize(state), &state)
        case .moveTop: move(by: Int.min / 2, &state)
        case .moveBottom: move(by: Int.max / 2, &state)
        case .previous: step(-1, &state)
        case .next: step(1, &state)
        case .previousEvent: selectEvent(offset: -1, &state)
        case .nextEvent: selectEvent(offset: 1, &state)
        case .activate: activate(&state)
        case .openTrackPicker:
            state.overlay = .trackPicker(cursor: 0, chosen: state.trackFilter)
        case .toggleChoice:
            if case .trackPicker(let cursor, var chosen) = state.overlay, cursor < data.index.dataset.tracks.count {
                let id = data.index.dataset.tracks[cursor].id
                if chosen.contains(id) { chosen.remove(id) } else { chosen.insert(id) }
                state.overlay = .trackPicker(cursor: cursor, chosen: chosen)
            }
        case .startSearch:
            let current = state.searchText
            state.mode = .search(LineInput(text: current ?? ""), previous: current)
        case .nextMatch: jumpToMatch(1, &state)
        case .previousMatch: jumpToMatch(-1, &state)
        case .cancel: cancel(&state)
        case .clearFilters:
            if case .trackPicker(let cursor, _) = state.overlay {
                state.overlay = .trackPicker(cursor: cursor, chosen: [])
            } else {
                state.message = StatusMessage(.info, state.filters.isEmpty ? text.nothingToClear : text.filtersCleared)
                state.filters = []
            }
        case .toggleLanguage:
            state.language = state.language == .en ? .fr : .en
        case .setLanguage(let language):
            state.language = language
        case .toggleTimeZone:
            state.localTime.toggle()
            state.message = StatusMessage(.info, timeZoneMessage(state))
        case .setTimeZone(let local):
            state.localTime = local
            state.message = StatusMessage(.info, timeZoneMessage(state))
        case .open(let path):
            return [.open(path)]
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
                state.message = StatusMessage(.error, text.noSuchDay(day, event.dayCount)); break
            }
            state.day = day
            state.agenda = ListPosition()
            state.remove(kind: ActiveFilter.search("").kind)
        case .goToEvent(let name):
            resolve(name, with: data.eventResolver, what: state.language == .en ? "event" : "événement", &state) { id, state in
                guard data.eventsInScope(state).contains(where: { $0.id == id }) else {
                    state.message = StatusMessage(.error, state.language == .en
                        ? "That event is hidden by the filters (x clears them)"
                        : "Cet événement est masqué par les filtres (x pour les effacer)")
                    return
                }
                choose(event: id, &state)
            }
        case .filterTrack(let names):
            filterTracks(names, &state)
        case .filterTechnology(let name):
            resolve(name, with: data.technologyResolver, what: "technology", &state) { id, state in
                state.apply(.technology(id))
            }
        case .filterRegion(let name):
            resolve(name, with: data.regionResolver, what: state.language == .en ? "region" : "région", &state) { id, state in
                state.apply(.region(id))
            }
        case .search(let query):
            state.apply(.search(query))
            state.agenda = ListPosition()
        case .toggleMaximize:
            state.maximized.toggle()
        case .goToNow: goToNow(&state)
        case .goToDate(let date): goToDate(date, &state)
        case .goToTime(let time): goToTime(time, &state)
        case .filterRoom(let name): filterRoom(name, &state)
        }
        return []
    }

    /// Resolves a typed name to an id and runs `then`, or says clearly what went wrong.
    private func resolve(_ name: String, with resolver: NameResolver, what: String, _ state: inout AppState,
                         then: (String, inout AppState) -> Void) {
        let text = UIText(state.language)
        switch resolver.resolve(name) {
        case .found(let id): then(id, &state)
        case .notFound: state.message = StatusMessage(.error, text.notFound(what, name))
        case .ambiguous(let ids): state.message = StatusMessage(.error, text.ambiguous(name, ids))
        }
    }

    private func filterTracks(_ names: String, _ state: inout AppState) {
        let parts = names.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var ids: Set<String> = []
        for part in parts {
            resolve(part, with: data.trackResolver, what: state.language == .en ? "track" : "thème", &state) { id, _ in ids.insert(id) }
            // An unknown or ambiguous name has left its message: apply nothing.
            if state.message != nil { return }
        }
        if ids.isEmpty { state.remove(kind: ActiveFilter.tracks([]).kind) } else { state.apply(.tracks(ids)) }
    }

    func cancel(_ state: inout AppState) {
        if state.overlay != nil { state.overlay = nil; return }
        switch state.mode {
        case .search, .command: state.mode = .normal; return
        case .normal: break
        }
        if state.filters.isEmpty {
            state.message = StatusMessage(.info, UIText(state.language).nothingToClear)
        } else {
            state.filters.removeLast()
        }
    }

    func activate(_ state: inout AppState) {
        if case .trackPicker(_, let chosen) = state.overlay {
            state.overlay = nil
            if chosen.isEmpty { state.remove(kind: ActiveFilter.tracks([]).kind) } else { state.apply(.tracks(chosen)) }
            return
        }
        switch state.focus {
        case .agenda:
            if data.agendaRows(state).session(at: state.agenda.cursor) != nil { state.overlay = .detail(scroll: 0) }
        case .timeline:
            state.focus = .agenda
        case .regions where data.placesShowRooms:
            let rooms = data.roomRows(state)
            guard state.regions.cursor < rooms.count else { return }
            var chosen = state.roomFilter
            let id = rooms[state.regions.cursor].id
            if chosen.contains(id) { chosen.remove(id) } else { chosen.insert(id) }
            if chosen.isEmpty { state.remove(kind: ActiveFilter.rooms([]).kind) } else { state.apply(.rooms(chosen)) }
        case .technologies where data.topicsShowTracks:
            let tracks = data.trackRows(state)
            guard state.technologies.cursor < tracks.count else { return }
            var chosen = state.trackFilter
            let id = tracks[state.technologies.cursor].track.id
            if chosen.contains(id) { chosen.remove(id) } else { chosen.insert(id) }
            if chosen.isEmpty { state.remove(kind: ActiveFilter.tracks([]).kind) } else { state.apply(.tracks(chosen)) }
        case .regions:
            guard state.regions.cursor < data.regions.count else { return }
            let id = data.regions[state.regions.cursor].id
            if state.regionFilter == id { state.remove(kind: ActiveFilter.region(id).kind) } else { state.apply(.region(id)) }
        case .technologies:
            guard state.technologies.cursor < data.technologies.count else { return }
            let id = data.technologies[state.technologies.cursor].id
            if state.technologyFilter == id { state.remove(kind: ActiveFilter.technology(id).kind) } else { state.apply(.technology(id)) }
        }
    }

    /// Makes `id` the selected event, on its first day.
    func choose(event id: String, _ state: inout AppState) {
        guard id != state.selectedEvent else { return }
        state.selectedEvent = id
        state.day = 1
        if state.searchText == nil { state.agenda = ListPosition() }
    }

    /// Keeps the state consistent after any change: the selected event is one the filters leave,
    /// the day exists, and every cursor is on a row and visible.
    func reconcile(_ state: inout AppState) {
        let scope = data.eventsInScope(state)
        if !scope.isEmpty, !scope.contains(where: { $0.id == state.selectedEvent }) {
            // The nearest event in time to the one that was hidden, so the view moves as little as it can.
            let previous = data.event(state.selectedEvent)?.startDate
            let nearest = previous.map { date in scope.min { abs($0.startDate.days(since: date)) < abs($1.startDate.days(since: date)) }! }
            state.selectedEvent = (nearest ?? scope[0]).id
            state.day = 1
        }
        if let event = data.event(state.selectedEvent) {
            state.day = min(max(state.day, 1), max(event.dayCount, 1))
        }
        let layout = Layout.compute(size: state.size, focus: state.focus, maximized: state.maximized)
        let rows = data.agendaRows(state)
        state.agenda.cursor = min(max(state.agenda.cursor, 0), max(rows.sessionCount - 1, 0))
        state.agenda.scroll = rows.scroll(toShow: state.agenda.cursor, from: state.agenda.scroll,
                                          height: AgendaPane.listHeight(layout.content(of: .agenda)))
        scrollGrid(&state, content: layout.content(of: .agenda))
        if data.placesShowRooms {
            state.regions = clamped(state.regions, count: data.placeCount(state), height: RoomsPane.listHeight(layout.content(of: .regions)))
        } else {
            state.regions = clamped(state.regions, count: data.regions.count,
                                    height: RegionsPane.listHeight(layout.content(of: .regions), count: data.regions.count))
        }
        if data.topicsShowTracks {
            state.technologies = clamped(state.technologies, count: data.topicCount(state),
                                         height: TracksPane.listHeight(layout.content(of: .technologies)))
        } else {
            state.technologies = clamped(state.technologies, count: data.technologies.count,
                                         height: TechnologyPane.listHeight(layout.content(of: .technologies)))
        }
        switch state.overlay {
        case .detail(let scroll):
            if rows.session(at: state.agenda.cursor) == nil { state.overlay = nil; break }
            state.overlay = .detail(scroll: min(max(scroll, 0), DetailOverlay.maxScroll(state, data: data)))
        case .help(let scroll):
            state.overlay = .help(scroll: min(max(scroll, 0), HelpOverlay.maxScroll(state)))
        case .trackPicker(let cursor, let chosen):
            state.overlay = .trackPicker(cursor: min(max(cursor, 0), max(data.index.dataset.tracks.count - 1, 0)), chosen: chosen)
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

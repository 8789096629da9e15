import ConfDashScreen
import ConfDashCore

/// What the reducer needs to know about the screen, measured by the views from the layout: how
/// many rows each list shows, the room grid's geometry, how many lines the detail and help
/// overlays have and show. The reducer gets this one value and never asks a pane or an overlay.
public struct ScreenMetrics: Sendable {
    var layout: Layout
    /// Rows of sessions the agenda list shows (its header excluded).
    var agendaListHeight = 0
    var regionsListHeight = 0
    var technologiesListHeight = 0
    /// The room grid's columns and rows, when the agenda is on screen.
    var roomGrid: RoomGridPane.Geometry?
    /// How far the open overlay can scroll: its lines less the rows it shows (0 when none is open).
    var overlayMaxScroll = 0

    /// Measures `state` on `data`, drawn with `theme` (the detail text is built with it, so the
    /// frame that follows finds it built).
    static func measure(_ state: AppState, data: DashboardData, theme: Theme) -> ScreenMetrics {
        let layout = Layout.compute(size: state.size, focus: state.focus, maximized: state.maximized, empty: data.emptyPanes)
        var metrics = ScreenMetrics(layout: layout)
        let agenda = layout.content(of: .agenda)
        metrics.agendaListHeight = AgendaPane.listHeight(agenda)
        metrics.regionsListHeight = data.placesShowRooms ? HeadedList.listHeight(layout.content(of: .regions))
            : RegionsPane.listHeight(layout.content(of: .regions), count: data.regions.count)
        metrics.technologiesListHeight = data.topicsShowTracks ? HeadedList.listHeight(layout.content(of: .technologies))
            : TechnologyPane.listHeight(layout.content(of: .technologies))
        if state.agendaView == .rooms, let agenda {
            let names = data.roomGrid(state, rows: data.agendaRows(state)).names
            metrics.roomGrid = RoomGridPane.Geometry(content: agenda, names: names)
        }
        switch state.overlay {
        case .detail: metrics.overlayMaxScroll = DetailOverlay.maxScroll(state, data: data, theme: theme)
        case .help: metrics.overlayMaxScroll = HelpOverlay.maxScroll(state)
        case .problems: metrics.overlayMaxScroll = ProblemsOverlay.maxScroll(state)
        case .trackPicker, .personal, .changes, nil: break
        }
        return metrics
    }

    /// Rows a page key moves in the focused list or the open overlay, at least one.
    func pageSize(_ state: AppState) -> Int {
        switch state.overlay {
        case .help, .detail, .personal, .changes, .problems: return max(state.size.height - 6, 1)
        default: break
        }
        guard let content = layout.content(of: state.focus) else { return 1 }
        switch state.focus {
        case .agenda: return max(agendaListHeight / 2, 1)
        default: return max(content.height - 2, 1)
        }
    }

    /// What a click or the wheel is over: a tab of the compact layout, or a pane and the row in it.
    enum Target: Equatable {
        case tab(PaneID)
        case pane(PaneID, row: Row?)
    }

    /// A row of a pane, as the reducer selects it.
    enum Row: Equatable {
        case gridCursor(Int), agendaCursor(Int), event(EventID), region(Int), technology(Int)
    }

    func target(at point: Point, _ state: AppState, data: DashboardData) -> Target? {
        if let bar = layout.tabBar, bar.contains(point) {
            return TabBar.pane(at: point.x - bar.x, language: state.language, data: data).map { .tab($0) }
        }
        guard let pane = layout.panes.first(where: { $0.value.contains(point) })?.key else { return nil }
        // The row is found as the pane will be drawn once it has the focus.
        var focused = state
        focused.focus = pane
        return .pane(pane, row: row(at: point, in: pane, focused, data: data))
    }

    private func row(at point: Point, in pane: PaneID, _ state: AppState, data: DashboardData) -> Row? {
        guard let content = layout.content(of: pane), content.contains(point) else { return nil }
        switch pane {
        case .agenda where state.agendaView == .rooms && state.searchText == nil:
            return RoomGridPane.cursor(at: point, content: content, state: state, data: data).map(Row.gridCursor)
        case .agenda:
            return AgendaPane.cursor(at: point.y - content.y, rows: data.agendaRows(state), state: state).map(Row.agendaCursor)
        case .timeline:
            return TimelinePane.event(at: point.y - content.y, content: content, state: state, data: data).map(Row.event)
        case .regions where data.placesShowRooms:
            return RoomsPane.row(at: point.y - content.y, state: state, count: data.placeCount(state)).map(Row.region)
        case .technologies where data.topicsShowTracks:
            return TechnologyPane.row(at: point.y - content.y, state: state, count: data.topicCount(state)).map(Row.technology)
        case .regions:
            return RegionsPane.row(at: point, content: content, state: state, count: data.regions.count).map(Row.region)
        case .technologies:
            return TechnologyPane.row(at: point.y - content.y, state: state, count: data.technologies.count).map(Row.technology)
        }
    }
}

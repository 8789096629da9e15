import ConfDashScreen
import ConfDashCore
import Foundation

/// The dataset as the panes read it: the index plus lists computed once at start (technology
/// usage, events per region). Per-frame work reads these and touches only what is visible.
public final class DashboardData: Sendable {
    public let index: DatasetIndex
    public let query: AgendaQuery
    /// Oldest first.
    public let events: [Event]
    /// Sessions and events per technology: made when first read (the technology pane, a
    /// technology filter), not for a first frame that shows neither (issue 13: 17 M instructions
    /// of the 100,000-session first frame, for data with no technology at all).
    public var technologyUsage: [String: UsageCount] { lazyTechnologies.value.usage }
    /// Sessions per track, in the order of `index.dataset.tracks`, for the track picker: made
    /// when the picker first opens, not for the first frame (`TrackSessionCounts`).
    public var trackSessionCounts: [Int] { trackPickerCounts.value }
    let trackPickerCounts: TrackPickerCounts
    /// Most discussed first, then by name: the technology pane's rows. Made with the usage, when
    /// first read; `index.dataset.technologies` holds the same technologies (same count).
    public var technologies: [Technology] { lazyTechnologies.value.sorted }
    private let lazyTechnologies: LazyValue<TechnologyRows>
    public let regions: [Region]
    public let eventsByRegion: [String: [Event]]
    /// Years the events cover, for the technology trends and the timeline axis.
    public let years: [Int]
    /// What `:track`, `:tech`, `:region` and `:event` resolve names with: made when first asked,
    /// not for a first frame that resolves nothing (issue 13: 38C3's track names folded and
    /// joined were 0.5 M instructions of its first frame).
    public var trackResolver: NameResolver { resolvers.value.track }
    public var technologyResolver: NameResolver { resolvers.value.technology }
    public var regionResolver: NameResolver { resolvers.value.region }
    public var eventResolver: NameResolver { resolvers.value.event }
    private let resolvers: LazyValue<Resolvers>
    private struct Resolvers: Sendable {
        var track, technology, region, event: NameResolver
    }

    /// What agenda rows and the event scope depend on: nothing else in the state changes them.
    struct RowsKey: Equatable, Sendable {
        var event: EventID?
        var day: Int
        var filters: AgendaFilter
        var language: Language
        var localTime: Bool
    }
    let rowsCache = RecentValuesCache<RowsKey, AgendaRows>(capacity: 1)
    let gridCache = RecentValuesCache<RowsKey, RoomGrid>(capacity: 1)
    let dayHoursCache = RecentValuesCache<DayHoursKey, DayHours?>()
    /// Each event's sessions on the days × hours axis, by event id and clock (`daySpans`).
    let daySpansCache = KeyedCache<String, DaySpans>()
    /// Those of the first frame, started on another core (`prepareDaySpansInBackground`).
    let earlyDaySpans = EarlyDaySpans()
    /// Each event's sessions by room and by track, by event id (`sessionPlaces`).
    let sessionPlacesCache = KeyedCache<String, LazyValue<SessionPlaces>>()
    /// Panes this data gives nothing at all to show: they give their space to the others
    /// (DashboardData+EmptyPanes).
    public let emptyPanes: Set<PaneID>
    /// Events with at least one clock time: only those offer the room grid.
    public let timedEvents: Set<String>
    let scopeCache = RecentValuesCache<AgendaFilter, [Event]>(capacity: 1)
    /// Events' sessions placed by day and sorted (EventSlots), by event id: the selected
    /// event's, and those a search went through.
    let slotsCache = KeyedCache<String, EventSlots>()
    /// The rooms and tracks panes' rows: a pass over a day's (rooms) or the scope's (tracks)
    /// sessions, so done once per change of day or filter, never per cursor move.
    let roomRowsCache = RecentValuesCache<PlacesKey, [RoomRow]>(capacity: 1)
    let trackRowsCache = RecentValuesCache<PlacesKey, [TrackRow]>(capacity: 1)
    let trackCountsCache = RecentValuesCache<PlacesKey, TrackCounts>()
    /// Each session's track as a number, for those counts: made when they are first counted.
    let trackNumbers: LazyValue<SessionTrackNumbers>
    /// Per event and language, the rooms' shared-name widths (`RoomRow.sharedPrefixWidth`).
    let roomSharedWidthsCache = KeyedCache<String, [Int]>()
    /// The detail text of the detail overlay and of the detail panel.
    let detailOverlayCache = RecentValuesCache<DetailView.Key, [StyledLine]>(capacity: 1)
    let detailPanelCache = RecentValuesCache<DetailView.Key, [StyledLine]>(capacity: 1)
    /// The last searches' rows, each scanned as far as it was looked at (SearchList).
    let searchLists = SearchLists()
    /// My agenda for the stars of the last frame.
    let mineCache = RecentValuesCache<MineRows.Key, MineRows>(capacity: 1)
    /// Each session's place in its event, by id: starred sessions are found without a scan.
    let sessionPositions: LazyValue<SessionPositions>

    /// The world map for the regions pane; nil draws the pane without it. Made when the pane
    /// first draws it: a schedule's first frame without the regions pane never parses the map.
    public var mapView: MapView? { lazyMapView.value }
    private let lazyMapView: LazyValue<MapView?>

    /// The user's zone, for showing times in it (T, `--tz local`). Found when first asked:
    /// `TimeZone.current` costs 0.8 M instructions, and a first frame on the event's clock of an
    /// event with a zone never needs it.
    public var localZone: TimeZone { lazyLocalZone.value }
    /// The same, for another `DashboardData` on the same user's clock (`:open`, R).
    public let lazyLocalZone: LazyValue<TimeZone>

    public convenience init(index: DatasetIndex, map: WorldMap? = nil, localZone: TimeZone = TimeZone(identifier: "UTC")!) {
        self.init(index: index, lazyMap: LazyValue { map }, localZone: localZone)
    }

    public convenience init(index: DatasetIndex, lazyMap: LazyValue<WorldMap?>, localZone: TimeZone = TimeZone(identifier: "UTC")!) {
        self.init(index: index, lazyMap: lazyMap, lazyLocalZone: LazyValue { localZone })
    }

    /// `lazyMap` is read the first time the map is drawn; `lazyLocalZone` the first time times
    /// are shown on the user's clock (or an event without a zone needs it).
    public init(index: DatasetIndex, lazyMap: LazyValue<WorldMap?>, lazyLocalZone: LazyValue<TimeZone>) {
        self.index = index
        self.lazyLocalZone = lazyLocalZone
        lazyMapView = LazyValue { lazyMap.value.map { MapView(map: $0) } }
        query = AgendaQuery(index: index)
        sessionPositions = LazyValue { [dataset = index.dataset] in SessionPositions(dataset) }
        events = index.eventsByDate
        lazyTechnologies = LazyValue { [index] in TechnologyRows(index) }
        trackPickerCounts = TrackPickerCounts(index.dataset)
        trackNumbers = LazyValue { [dataset = index.dataset] in SessionTrackNumbers(dataset) }
        timedEvents = Set(index.dataset.events.filter { $0.sessions.contains { $0.start != nil } }.map(\.id))
        regions = index.dataset.regions
        eventsByRegion = index.eventsByRegion()
        if let first = events.map(\.startDate.year).min(), let last = events.map(\.endDate.year).max() {
            years = Array(first...last)
        } else {
            years = []
        }
        resolvers = LazyValue { [index] in
            Resolvers(track: index.trackResolver, technology: index.technologyResolver, region: index.regionResolver,
                      event: index.eventResolver)
        }
        emptyPanes = Self.emptyPanes(index: index, regions: regions, technologies: index.dataset.technologies, timedEvents: timedEvents)
    }

    public func event(_ id: EventID?) -> Event? { id.flatMap { index.eventsByID[$0.rawValue] } }

    /// The session-level and event-level filters in force, without a day: what narrows every pane.
    public func filter(for state: AppState) -> AgendaFilter {
        var filter = AgendaFilter()
        filter.tracks = Set(state.trackFilter.map(\.rawValue))
        if let technology = state.technologyFilter { filter.technologies = [technology.rawValue] }
        if let region = state.regionFilter { filter.regions = [region.rawValue] }
        filter.rooms = Set(state.roomFilter.map(\.rawValue))
        filter.search = state.searchText
        return filter
    }

    /// Events left once the filters apply: the timeline's rows and where `[` `]` can go.
    public func eventsInScope(_ state: AppState) -> [Event] {
        let filter = filter(for: state)
        guard !filter.isEmpty else { return events }
        // A search keeps its own scope (SearchList), final once every event is decided.
        if !(filter.search ?? "").isEmpty { return searchList(state).scope(self, deadline: searchLists.keyDeadline) }
        return scopeCache.value(for: filter) { computeScope(state, filter: filter) }
    }

    private func computeScope(_ state: AppState, filter: AgendaFilter) -> [Event] {
        var scope = query.events(filter)
        // An event that only its own metadata links to the technology (no tagged session) still counts.
        if let technology = state.technologyFilter, filter.tracks.isEmpty, filter.search == nil {
            let ids = Set(technologyUsage[technology.rawValue]?.eventIDs ?? [])
            scope = events.filter { ids.contains($0.id) && filter.admits($0) }
        }
        return scope
    }
}

/// The technology pane's rows and the usage they are sorted by (`DashboardData.technologies`,
/// `technologyUsage`), made together the first time either is read.
struct TechnologyRows: Sendable {
    let usage: [String: UsageCount]
    let sorted: [Technology]

    init(_ index: DatasetIndex) {
        let usage = index.technologyUsage()
        self.usage = usage
        sorted = index.dataset.technologies.enumerated().sorted { a, b in
            let ua = usage[a.element.id]?.sessions ?? 0, ub = usage[b.element.id]?.sessions ?? 0
            return ua != ub ? ua > ub : a.offset < b.offset
        }.map(\.element)
    }
}

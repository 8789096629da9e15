import ConfDashCore

extension DashboardData {
    /// Panes with nothing at all for this dataset, whatever the filters (so the layout does not
    /// jump as filters change): they take no space, Tab passes them and their number key says
    /// why it does nothing (issue 10).
    /// - Places: no WCO region and no event names a room.
    /// - Topics: no technology index and no track.
    /// - Timeline: a single event without a clock time — one bar on a years axis, which says
    ///   nothing the details do not (with clock times it is the event's days × hours).
    /// The agenda always shows.
    static func emptyPanes(index: DatasetIndex, regions: [Region], technologies: [Technology],
                           timedEvents: Set<String>) -> Set<PaneID> {
        var empty: Set<PaneID> = []
        let events = index.dataset.events
        if regions.isEmpty && !events.contains(where: { !$0.rooms.isEmpty }) { empty.insert(.regions) }
        if technologies.isEmpty && index.dataset.tracks.isEmpty { empty.insert(.technologies) }
        if events.count == 1 && timedEvents.isEmpty { empty.insert(.timeline) }
        return empty
    }
}

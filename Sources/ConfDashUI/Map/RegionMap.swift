import ConfDashScreen
import ConfDashCore

/// The regions pane's world map: a marker on each host city of the events in scope, the
/// selected event's city highlighted, and the countries of the region under the cursor tinted.
enum RegionMap {
    static func draw(_ state: AppState, data: DashboardData, scope: [Event], region: Region?, theme: Theme,
                     in rect: Rect, into grid: inout CellGrid) {
        guard let view = data.mapView else { return }
        var markers: [MapMarker] = []
        var seen: Set<String> = []
        let selectedPlace = data.event(state.selectedEvent)?.place
        // The selected city last, so it is drawn over any neighbour.
        for event in scope.sorted(by: { ($0.place == selectedPlace ? 1 : 0) < ($1.place == selectedPlace ? 1 : 0) }) {
            guard let place = data.index.place(of: event), let latitude = place.latitude, let longitude = place.longitude,
                  seen.insert(place.id).inserted else { continue }
            markers.append(MapMarker(latitude: latitude, longitude: longitude, label: place.name.text(in: state.language),
                                     highlighted: place.id == selectedPlace))
        }
        let countries = Set(data.index.dataset.countries.filter { $0.region == region?.id && region != nil }.compactMap(\.code3))
        let style = MapStyle(land: theme.land, sea: theme.sea, highlightedLand: theme.highlightedLand,
                             marker: theme.marker, selectedMarker: theme.selectedMarker, label: theme.text)
        view.draw(into: &grid, in: rect, highlighting: countries, markers: markers, style: style)
    }
}

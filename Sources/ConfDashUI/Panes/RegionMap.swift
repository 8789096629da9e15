import ConfDashCore

/// The regions pane's world map. Until the map data is wired in, it lists host cities instead.
enum RegionMap {
    static func draw(_ state: AppState, data: DashboardData, scope: [Event], region: Region?, theme: Theme,
                     in rect: Rect, into grid: inout CellGrid) {
    }
}

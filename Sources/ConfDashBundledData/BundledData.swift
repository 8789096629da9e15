/// The data shipped inside the binary (top-level `Resources/`, embedded at build time).
public enum BundledData {
    /// Shown in messages where a file name is expected.
    public static let datasetName = "Resources/wco-events.json (bundled)"
    public static var datasetJSON: String { EmbeddedResources.wcoEventsJSON }

    /// Shown in messages about the world map (a `WorldMap(parsing:)` error names it).
    public static let worldMapName = "Resources/world-1deg.txt (bundled)"
    /// The 1-degree land/country grid for the Regions pane's world map, from Natural Earth
    /// 1:110m admin-0 countries (public domain); see `Resources/README.md`.
    public static var worldMapText: String { EmbeddedResources.worldMap1DegText }
}

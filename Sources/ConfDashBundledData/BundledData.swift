/// The dataset shipped inside the binary (top-level `Resources/wco-events.json`, embedded at build time).
public enum BundledData {
    /// Shown in messages where a file name is expected.
    public static let datasetName = "Resources/wco-events.json (bundled)"
    public static var datasetJSON: String { EmbeddedResources.wcoEventsJSON }
}

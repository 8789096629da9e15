/// What `confdash --version` reports: the release number, and the git revision the binary was
/// built from (recorded by Plugins/BuildRevisionPlugin, "unknown" for a build outside git).
public enum BuildInfo {
    public static let version = "0.1.0"
    public static var revision: String { buildRevision }

    /// `confdash 0.1.0 (git 89156b7c1d2e)`; `-dirty` follows a revision built with uncommitted changes.
    public static var versionLine: String {
        revision == "unknown" ? "confdash \(version) (git revision unknown)" : "confdash \(version) (git \(revision))"
    }
}

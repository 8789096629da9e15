import ConfDashCore

// `OfflineNotice` (why the version shown is a URL's cached copy) is in the core, with the
// reasons a fetch fails (`FetchProblem`, `RemoteFailure`): the network layer makes them, the
// word tables say them.

/// What one `:open URL` brought back, built off the main thread (index included) so the main
/// thread only swaps it in. The CLI, which links the network, makes it (`RemoteOpener`).
public struct RemoteOpening: Sendable {
    /// The URL as messages show it.
    public var name: String
    /// The schedule (from the server or the cache), or why there is none; the error names the URL.
    public var result: Result<LoadSummary, LoadError>
    /// Set when the version is the cached copy because the network or the new version failed.
    public var notice: OfflineNotice?
    /// What R reads again from now on: the same URL through the cache.
    public var source: ScheduleSource?
    var index: DatasetIndex?

    public init(name: String, result: Result<LoadSummary, LoadError>, notice: OfflineNotice? = nil, source: ScheduleSource? = nil) {
        self.name = LocationText.shown(name)
        self.result = result
        self.notice = notice
        self.source = source
    }
}

/// Opens a schedule by URL (blocking: the store runs it off the main thread). Handed to the
/// store by the CLI, so that the UI target links no network.
public struct RemoteOpener: Sendable {
    public var open: @Sendable (_ url: String, _ format: InputFormat) -> RemoteOpening

    public init(open: @escaping @Sendable (_ url: String, _ format: InputFormat) -> RemoteOpening) { self.open = open }
}

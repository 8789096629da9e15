import ConfDashScreen
import ConfDashCore
import Foundation

/// The store (DashboardStore): holds the state, turns keys into actions through the KeyMap, runs the reducer and
/// its effects, and renders. The terminal loop and `snapshot` both drive this same object.
public final class DashboardStore {
    public private(set) var state: AppState
    public internal(set) var data: DashboardData
    public let theme: Theme
    public let keyMap: KeyMap
    var reducer: Reducer
    let map: LazyValue<WorldMap?>
    public private(set) var wantsToQuit = false
    /// Stars and notes on disk; nil when the dashboard runs without a state file (tests, no HOME).
    public private(set) var personal: PersonalFile?
    /// The clock: `--now` (fixed) or the system's. Injected so tests need no waiting.
    public var clock: @Sendable () -> Int = { Int(Date().timeIntervalSince1970) }
    /// Bells asked for (reminders) and not yet rung.
    var bellsPending = 0
    /// Reloading (R, `--refresh-every`): what to read, where, and results waiting for this thread.
    var live = LiveLink()
    /// `o`: how a link reaches the browser (tests record it instead).
    public var launcher: LinkLauncher = .system
    /// OSC 52 sequences waiting for the terminal loop (`y`).
    var terminalOutput: [String] = []
    /// Written into exports' generator field (`:export`), as `confdash export` does.
    public var generatorVersion = "confdash"

    public convenience init(index: DatasetIndex, map: WorldMap? = nil, size: Size, language: Language, theme: Theme,
                            localTime: Bool = false, localZone: TimeZone = TimeZone(identifier: "UTC")!, keyMap: KeyMap = .standard) {
        self.init(index: index, lazyMap: LazyValue { map }, size: size, language: language, theme: theme,
                  localTime: localTime, localZone: localZone, keyMap: keyMap)
    }

    /// `lazyMap` is read when the regions pane first draws the map (parsing it is not free).
    public convenience init(index: DatasetIndex, lazyMap: LazyValue<WorldMap?>, size: Size, language: Language, theme: Theme,
                            localTime: Bool = false, localZone: TimeZone = TimeZone(identifier: "UTC")!, keyMap: KeyMap = .standard) {
        self.init(index: index, lazyMap: lazyMap, size: size, language: language, theme: theme,
                  localTime: localTime, lazyLocalZone: LazyValue { localZone }, keyMap: keyMap)
    }

    /// `lazyLocalZone` is found when first needed (`DashboardData.localZone`).
    public init(index: DatasetIndex, lazyMap: LazyValue<WorldMap?>, size: Size, language: Language, theme: Theme,
                localTime: Bool = false, lazyLocalZone: LazyValue<TimeZone>, keyMap: KeyMap = .standard) {
        self.map = lazyMap
        data = DashboardData(index: index, lazyMap: lazyMap, lazyLocalZone: lazyLocalZone)
        data.prepareDaySpansInBackground(localTime: localTime, language: language)
        reducer = Reducer(data: data, theme: theme)
        state = reducer.initialState(size: size, language: language)
        state.localTime = localTime
        self.theme = theme
        self.keyMap = keyMap
    }

    public func resize(to size: Size) {
        send(.resize(size))
    }

    /// Returns false once the user has asked to quit.
    public func handle(_ key: Key) -> Bool {
        // Background results first, so the key acts on what the screen shows; then those the key
        // itself finished (an inline runner), so `snapshot` shows them in the same frame.
        deliverBackgroundResults()
        data.searchLists.startKey()
        if let action = Dispatcher.action(for: key, in: state, keyMap: keyMap) { send(action) }
        deliverBackgroundResults()
        prepareSearchIfSearching()
        return !wantsToQuit
    }

    public func send(_ action: Action) {
        for effect in reducer.reduce(&state, action) {
            switch effect {
            case .quit: wantsToQuit = true
            case .open(let path, let format): open(path, format: format)
            case .saveStar(let address, let starred):
                save(address) { state, ref, stamp in state.setStar(ref, starred, at: stamp) }
            case .saveNote(let address, let note):
                save(address) { state, ref, stamp in state.setNote(ref, note, at: stamp) }
            case .bell: bellsPending += 1
            case .reload(let automatic): startReload(automatic: automatic)
            case .openLink(let url): openURL(url)
            case .copy(let text): copy(text)
            case .export(let format, let path, let filter): export(format, to: path, filter: filter)
            case .openURL(let location, let format): startOpenURL(location, format: format)
            }
        }
    }

    /// `:open FILE`: any format the importers read, through the same load as `--data`. The
    /// result goes back to the reducer as an action; on success the new data is put in place
    /// first, so the reducer starts afresh on it, and R reads the new file. On failure the
    /// current data stays.
    private func open(_ path: String, format: InputFormat) {
        let expanded = (path as NSString).expandingTildeInPath
        let result = DatasetSource.load(path: expanded, format: format)
        if case .success(let summary) = result {
            data = DashboardData(index: DatasetIndex(summary.dataset), lazyMap: map, lazyLocalZone: data.lazyLocalZone)
            reducer = Reducer(data: data, environment: reducer.environment, theme: theme)
            live.source = .file(expanded, format: format)
        }
        send(.opened((expanded as NSString).lastPathComponent, result))
        // The stars of the schedule just opened, from its own state file.
        if case .success(let summary) = result, let personal {
            attach(personal.reopened(PersonalStateStore(directory: personal.store.directory, identity: .of(summary.dataset, dataPath: path)),
                                     dataset: summary.dataset))
        }
    }

    func personalFile(_ file: PersonalFile) { personal = file }
    func replaceState(_ state: AppState) { self.state = state }

    public func render() -> CellGrid {
        Screen.render(state, data: data, theme: theme, keyMap: keyMap)
    }
}

// Declared apart so that the class itself is not main-actor bound: `snapshot` and tests drive it
// from any context, while the terminal loop uses it through the main-actor protocol.
extension DashboardStore: InteractiveProgram {}

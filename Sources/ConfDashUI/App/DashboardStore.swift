import ConfDashScreen
import ConfDashCore
import Foundation

/// The store (DashboardStore): holds the state, turns keys into actions through the KeyMap, runs the reducer and
/// its effects, and renders. The terminal loop and `snapshot` both drive this same object.
public final class DashboardStore {
    public private(set) var state: AppState
    public private(set) var data: DashboardData
    public let theme: Theme
    public let keyMap: KeyMap
    private var reducer: Reducer
    private let map: WorldMap?
    public private(set) var wantsToQuit = false

    public init(index: DatasetIndex, map: WorldMap? = nil, size: Size, language: Language, theme: Theme,
                localTime: Bool = false, localZone: TimeZone = TimeZone(identifier: "UTC")!, keyMap: KeyMap = .standard) {
        self.map = map
        data = DashboardData(index: index, map: map, localZone: localZone)
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
        if let action = Dispatcher.action(for: key, in: state, keyMap: keyMap) { send(action) }
        return !wantsToQuit
    }

    public func send(_ action: Action) {
        for effect in reducer.reduce(&state, action) {
            switch effect {
            case .quit: wantsToQuit = true
            case .open(let path, let format): open(path, format: format)
            }
        }
    }

    /// `:open FILE`: any format the importers read, through the same load as `--data`. The
    /// result goes back to the reducer as an action; on success the new data is put in place
    /// first, so the reducer starts afresh on it. On failure the current data stays.
    private func open(_ path: String, format: InputFormat) {
        let expanded = (path as NSString).expandingTildeInPath
        let result = DatasetSource.load(path: expanded, format: format)
        if case .success(let summary) = result {
            data = DashboardData(index: DatasetIndex(summary.dataset), map: map, localZone: data.localZone)
            reducer = Reducer(data: data, environment: reducer.environment, theme: theme)
        }
        send(.opened((expanded as NSString).lastPathComponent, result))
    }

    public func render() -> CellGrid {
        Screen.render(state, data: data, theme: theme, keyMap: keyMap)
    }
}

// Declared apart so that the class itself is not main-actor bound: `snapshot` and tests drive it
// from any context, while the terminal loop uses it through the main-actor protocol.
extension DashboardStore: InteractiveProgram {}

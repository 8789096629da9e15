import ConfDashScreen
import ConfDashCore
import Foundation

/// The store: holds the state, turns keys into actions through the KeyMap, runs the reducer and
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
        reducer = Reducer(data: data)
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
            case .open(let path): open(path)
            }
        }
    }

    /// `:open FILE`: any format the importers read. On failure the current data stays and the
    /// status line names the file, the place and the problem.
    func open(_ path: String) {
        let expanded = (path as NSString).expandingTildeInPath
        let language = state.language
        let result: LoadResult
        do {
            result = try DatasetImporter.load(contentsOf: URL(fileURLWithPath: expanded))
        } catch {
            switch error {
            case .unreadable(let file, let reason):
                state.message = StatusMessage(.error, "\(file): \(reason)")
            }
            return
        }
        let errors = result.problems.filter { $0.severity == .error }
        guard let dataset = result.dataset, errors.isEmpty else {
            let first = errors.first.map { "\($0)" } ?? "\(path): cannot be read"
            let more = errors.count > 1 ? (language == .en ? " (+\(errors.count - 1) more; `confdash validate` lists them)" : " (+\(errors.count - 1) ; `confdash validate` les liste)") : ""
            state.message = StatusMessage(.error, first + more)
            return
        }
        data = DashboardData(index: DatasetIndex(dataset), map: map, localZone: data.localZone)
        reducer = Reducer(data: data)
        var fresh = reducer.initialState(size: state.size, language: language)
        fresh.localTime = state.localTime
        state = fresh
        let sessions = dataset.events.reduce(0) { $0 + $1.sessions.count }
        let warnings = result.problems.count
        var message = (language == .en ? "Opened " : "Ouvert : ") + (expanded as NSString).lastPathComponent
            + " — " + UIText(language).events(dataset.events.count) + ", " + UIText(language).sessions(sessions)
        if warnings > 0 { message += language == .en ? " (\(warnings) warnings: `confdash validate` lists them)" : " (\(warnings) avertissements : `confdash validate` les liste)" }
        state.message = StatusMessage(.info, message)
    }

    public func render() -> CellGrid {
        Screen.render(state, data: data, theme: theme, keyMap: keyMap)
    }
}

// Declared apart so that the class itself is not main-actor bound: `snapshot` and tests drive it
// from any context, while the terminal loop uses it through the main-actor protocol.
extension DashboardStore: InteractiveProgram {}

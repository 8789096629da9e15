import ConfDashCore

/// The store: holds the state, turns keys into actions through the KeyMap, runs the reducer and
/// its effects, and renders. The terminal loop and `snapshot` both drive this same object.
public final class Dashboard {
    public private(set) var state: AppState
    public let data: DashboardData
    public let theme: Theme
    public let keyMap: KeyMap
    private let reducer: Reducer
    public private(set) var wantsToQuit = false

    public init(index: DatasetIndex, map: WorldMap? = nil, size: Size, language: Language, theme: Theme, keyMap: KeyMap = .standard) {
        data = DashboardData(index: index, map: map)
        reducer = Reducer(data: data)
        state = reducer.initialState(size: size, language: language)
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
            }
        }
    }

    public func render() -> CellGrid {
        Screen.render(state, data: data, theme: theme, keyMap: keyMap)
    }
}

// Declared apart so that the class itself is not main-actor bound: `snapshot` and tests drive it
// from any context, while the terminal loop uses it through the main-actor protocol.
extension Dashboard: InteractiveProgram {}

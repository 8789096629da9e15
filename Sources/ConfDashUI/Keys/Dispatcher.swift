import ConfDashScreen
/// Turns a key into an action for the current mode, overlay and focused pane, using the KeyMap.
public enum Dispatcher {
    public static func context(for state: AppState) -> KeyContext {
        switch state.mode {
        case .search: return .search
        case .command: return .command
        case .normal: break
        }
        switch state.overlay {
        case .help, .problems: return .help
        case .trackPicker: return .trackPicker
        case .detail: return .detail
        case .personal: return .personal
        case .changes: return .changes
        case nil:
            if state.focus == .agenda, state.agendaView == .rooms, state.searchText == nil { return .roomGrid }
            return .pane(state.focus)
        }
    }

    public static func action(for key: Key, in state: AppState, keyMap: KeyMap = .standard) -> Action? {
        if case .mouse(let event) = key { return .mouse(event) }
        let context = context(for: state)
        if let bound = keyMap.action(for: key, in: context) {
            switch bound {
            case .command(let command): return .command(command)
            case .edit(let edit): return .input(edit)
            }
        }
        // Text inputs take every printable character that is not bound.
        if context == .search || context == .command, case .character(let c) = key {
            return .input(.insert(c))
        }
        return nil
    }
}

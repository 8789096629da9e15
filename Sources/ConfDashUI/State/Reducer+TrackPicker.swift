import ConfDashScreen
import ConfDashCore

/// `t`: the track picker's own commands. Returns false for a command it does not handle here.
extension Reducer {
    func runTrackPicker(_ command: Command, _ state: inout AppState) -> Bool {
        switch (command, state.overlay) {
        case (.openTrackPicker, _):
            state.overlay = .trackPicker(cursor: 0, chosen: state.trackFilter)
        case (.toggleChoice, .trackPicker(let cursor, var chosen)):
            guard cursor < data.index.dataset.tracks.count else { return true }
            let id = data.index.dataset.tracks[cursor].typedID
            if chosen.contains(id) { chosen.remove(id) } else { chosen.insert(id) }
            state.overlay = .trackPicker(cursor: cursor, chosen: chosen)
        case (.toggleChoice, _):
            break
        case (.clearFilters, .trackPicker(let cursor, _)):
            state.overlay = .trackPicker(cursor: cursor, chosen: [])
        case (.activate, .trackPicker(_, let chosen)):
            state.overlay = nil
            if chosen.isEmpty { state.remove(.tracks) } else { state.apply(.tracks(chosen)) }
        default:
            return false
        }
        return true
    }
}

import ConfDashScreen
import ConfDashCore

/// Narrowing by track, technology, region and search, and clearing. Returns false for a
/// command it does not handle here.
extension Reducer {
    func runFilters(_ command: Command, _ state: inout AppState) -> Bool {
        switch command {
        case .clearFilters:
            state.message = state.filters.isEmpty ? .nothingToClear : .filtersCleared
            state.filters = []
        case .filterTrack(let names):
            filterTracks(names, &state)
        case .filterTechnology(let name):
            resolve(name, with: data.technologyResolver, what: .technology, &state) { id, state in
                state.apply(.technology(TypedID(id)))
            }
        case .filterRegion(let name):
            resolve(name, with: data.regionResolver, what: .region, &state) { id, state in
                state.apply(.region(TypedID(id)))
            }
        case .search(let query):
            state.apply(.search(query))
            state.agenda = ListPosition()
        default:
            return false
        }
        return true
    }

    /// Enter in the regions or technologies pane: narrow to the row under the cursor, or, when
    /// that is the filter in force, remove it.
    func toggleFilterUnderCursor(_ state: inout AppState) {
        switch state.focus {
        case .regions where data.placesShowRooms:
            // Rooms add up, like tracks: Enter on another room widens the filter.
            let rooms = data.roomRows(state)
            guard state.regions.cursor < rooms.count else { return }
            var chosen = state.roomFilter
            let id = rooms[state.regions.cursor].id
            if chosen.contains(id) { chosen.remove(id) } else { chosen.insert(id) }
            if chosen.isEmpty { state.remove(.rooms) } else { state.apply(.rooms(chosen)) }
        case .technologies where data.topicsShowTracks:
            let tracks = data.trackRows(state)
            guard state.technologies.cursor < tracks.count else { return }
            var chosen = state.trackFilter
            let id = tracks[state.technologies.cursor].track.typedID
            if chosen.contains(id) { chosen.remove(id) } else { chosen.insert(id) }
            if chosen.isEmpty { state.remove(.tracks) } else { state.apply(.tracks(chosen)) }
        case .regions:
            guard state.regions.cursor < data.regions.count else { return }
            let id = data.regions[state.regions.cursor].typedID
            if state.regionFilter == id { state.remove(.region) } else { state.apply(.region(id)) }
        case .technologies:
            guard state.technologies.cursor < data.technologies.count else { return }
            let id = data.technologies[state.technologies.cursor].typedID
            if state.technologyFilter == id { state.remove(.technology) } else { state.apply(.technology(id)) }
        case .agenda, .timeline:
            break
        }
    }

    /// Resolves a typed name to an id and runs `then`, or says clearly what went wrong.
    func resolve(_ name: String, with resolver: NameResolver, what: NameKind, _ state: inout AppState,
                         then: (String, inout AppState) -> Void) {
        switch resolver.resolve(name) {
        case .found(let id): then(id, &state)
        case .notFound: state.message = .notFound(what, name)
        case .ambiguous(let ids): state.message = .ambiguous(name, ids)
        }
    }

    private func filterTracks(_ names: String, _ state: inout AppState) {
        let parts = names.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var ids: Set<TypedID<Track>> = []
        for part in parts {
            resolve(part, with: data.trackResolver, what: .track, &state) { id, _ in ids.insert(TypedID(id)) }
            // An unknown or ambiguous name has left its message: apply nothing.
            if state.message != nil { return }
        }
        if ids.isEmpty { state.remove(.tracks) } else { state.apply(.tracks(ids)) }
    }

}

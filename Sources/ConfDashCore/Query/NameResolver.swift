import Foundation

/// Turns what a user types (`--track detection`, `:tech IdO`) into ids: an exact id, a name or alias
/// in either language, ignoring case and accents, or an unambiguous prefix of one of those.
public struct NameResolver: Sendable {
    public enum Resolution: Equatable, Sendable {
        case found(String)
        case notFound
        case ambiguous([String])
    }

    private let candidates: [(id: String, names: [String])]
    /// Each candidate's first name as given (its id when it has none), for messages.
    let candidateNames: [String]

    public init(candidates: [(id: String, names: [String])]) {
        self.candidates = candidates.map { ($0.id, ([$0.id] + $0.names).map(Self.key)) }
        candidateNames = candidates.map { $0.names.first ?? $0.id }
    }

    /// Case, accents and punctuation do not matter: "asia pacific" names "Asia/Pacific",
    /// "e commerce" names "e-commerce".
    static func key(_ text: String) -> String {
        text.searchFolded.split { !($0.isLetter || $0.isNumber) }.joined(separator: " ")
    }

    /// With `wordStarts`, a name may also be found by a later word: "glitch" names "Saal GLITCH".
    public func resolve(_ input: String, wordStarts: Bool = false) -> Resolution {
        let query = Self.key(input)
        guard !query.isEmpty else { return .notFound }
        let exact = candidates.filter { $0.names.contains(query) }.map(\.id)
        if exact.count == 1 { return .found(exact[0]) }
        if exact.count > 1 { return .ambiguous(exact) }
        let prefixed = candidates.filter { $0.names.contains { $0.hasPrefix(query) } }.map(\.id)
        if prefixed.count == 1 { return .found(prefixed[0]) }
        if !prefixed.isEmpty || !wordStarts { return prefixed.isEmpty ? .notFound : .ambiguous(prefixed) }
        let inner = candidates.filter { $0.names.contains { (" " + $0).contains(" " + query) } }.map(\.id)
        if inner.count == 1 { return .found(inner[0]) }
        return inner.isEmpty ? .notFound : .ambiguous(inner)
    }
}

extension DatasetIndex {
    public var trackResolver: NameResolver {
        NameResolver(candidates: dataset.tracks.map { ($0.id, $0.name.allTexts) })
    }
    public var technologyResolver: NameResolver {
        NameResolver(candidates: dataset.technologies.map { ($0.id, $0.name.allTexts + $0.aliases) })
    }
    public var regionResolver: NameResolver {
        NameResolver(candidates: dataset.regions.map { ($0.id, $0.name.allTexts + ($0.abbreviation?.allTexts ?? [])) })
    }
    public var eventResolver: NameResolver {
        NameResolver(candidates: dataset.events.map { event in
            (event.id, event.title.allTexts + (event.shortTitle?.allTexts ?? [])
                + (event.place.flatMap { placesByID[$0] }?.name.allTexts ?? []))
        })
    }
}

extension DatasetIndex {
    /// Rooms by id or name, over every event. Two events' rooms of the same name are one room
    /// to the user, so a name stands for all their ids: `rooms(named:)` gives the set.
    public var roomResolver: NameResolver {
        var seen = Set<String>()
        var candidates: [(id: String, names: [String])] = []
        for event in dataset.events {
            for room in event.rooms where seen.insert(room.id).inserted {
                candidates.append((room.id, room.name.allTexts))
            }
        }
        return NameResolver(candidates: candidates)
    }

    /// Every room id `input` names: the one it resolves to, plus the rooms of other events with
    /// the same name. `.ambiguous` when it could name rooms of different names.
    public func rooms(named input: String) -> (Set<String>?, NameResolver.Resolution) {
        let resolution = roomResolver.resolve(input, wordStarts: true)
        switch resolution {
        case .found(let id):
            return (sameNamedRooms(as: id), resolution)
        case .ambiguous(let ids):
            // "saal 1" may resolve to one room id per event: one name, so not ambiguous.
            let names = Set(ids.compactMap { roomName(id: $0) }.map(NameResolver.key))
            if names.count == 1 { return (Set(ids.flatMap { sameNamedRooms(as: $0) }), .found(ids[0])) }
            return (nil, resolution)
        case .notFound:
            return (nil, resolution)
        }
    }

    /// The name of room `id` in the first event that has it.
    public func roomName(id: String, language: Language = .en) -> String? {
        for event in dataset.events {
            if let room = event.rooms.first(where: { $0.id == id }) { return room.name.text(in: language) }
        }
        return nil
    }

    private func sameNamedRooms(as id: String) -> Set<String> {
        guard let name = roomName(id: id).map(NameResolver.key) else { return [id] }
        var ids: Set<String> = [id]
        for event in dataset.events {
            for room in event.rooms where room.name.allTexts.contains(where: { NameResolver.key($0) == name }) { ids.insert(room.id) }
        }
        return ids
    }
}

extension NameResolver {
    /// The candidates' first names, for an error message: "a, b, c and 20 more".
    public func knownNames(limit: Int) -> String {
        let names = candidateNames
        guard names.count > limit else { return names.joined(separator: ", ") }
        return names.prefix(limit).joined(separator: ", ") + " and \(names.count - limit) more"
    }
}

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

    public init(candidates: [(id: String, names: [String])]) {
        self.candidates = candidates.map { ($0.id, ([$0.id] + $0.names).map(Self.key)) }
    }

    /// Case, accents and punctuation do not matter: "asia pacific" names "Asia/Pacific",
    /// "e commerce" names "e-commerce".
    static func key(_ text: String) -> String {
        text.searchFolded.split { !($0.isLetter || $0.isNumber) }.joined(separator: " ")
    }

    public func resolve(_ input: String) -> Resolution {
        let query = Self.key(input)
        guard !query.isEmpty else { return .notFound }
        let exact = candidates.filter { $0.names.contains(query) }.map(\.id)
        if exact.count == 1 { return .found(exact[0]) }
        if exact.count > 1 { return .ambiguous(exact) }
        let prefixed = candidates.filter { $0.names.contains { $0.hasPrefix(query) } }.map(\.id)
        if prefixed.count == 1 { return .found(prefixed[0]) }
        return prefixed.isEmpty ? .notFound : .ambiguous(prefixed)
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

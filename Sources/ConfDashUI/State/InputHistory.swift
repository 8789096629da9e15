import Foundation

/// What was typed on the `/` search and `:` command lines in this session, oldest first, so ↑ / ↓
/// in either line recall it (as a shell's history does). Each line keeps its own list.
public struct InputHistory: Equatable, Sendable {
    public var searches: [String] = []
    public var commands: [String] = []
    /// A long session keeps its most recent entries only.
    public static let limit = 100

    public init(searches: [String] = [], commands: [String] = []) {
        self.searches = searches
        self.commands = commands
    }

    /// Adds `text` as the latest entry: blank lines are not kept, and a line typed again moves
    /// to the end instead of being listed twice.
    static func recording(_ text: String, in entries: [String]) -> [String] {
        let line = text.trimmingCharacters(in: .whitespaces)
        guard !line.isEmpty else { return entries }
        var result = entries.filter { $0 != line }
        result.append(line)
        if result.count > limit { result.removeFirst(result.count - limit) }
        return result
    }
}

extension LineInput {
    /// ↑ (`older`) or ↓ through `entries`: the first ↑ keeps what was being typed, so ↓ past the
    /// latest entry gives it back; ↑ on the oldest entry and ↓ on the line being typed stay put.
    mutating func recall(older: Bool, from entries: [String]) {
        guard !entries.isEmpty else { return }
        let current = recallIndex ?? entries.count
        let target = older ? max(current - 1, 0) : min(current + 1, entries.count)
        guard target != current else { return }
        if recallIndex == nil { draft = text }
        recallIndex = target == entries.count ? nil : target
        text = target == entries.count ? draft : entries[target]
        cursor = text.count
        completions = []
        completionIndex = nil
    }
}

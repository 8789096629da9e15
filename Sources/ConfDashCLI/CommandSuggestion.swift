import ArgumentParser

/// `confdash agendaa`: a word where a subcommand goes that names none. Without this, the word
/// would reach the default subcommand (the dashboard) as an "unexpected argument".
enum CommandSuggestion {
    /// The message for `arguments`, or nil when the first one is an option or a known command.
    static func unknownCommand(in arguments: [String]) -> String? {
        guard let word = arguments.first, !word.hasPrefix("-") else { return nil }
        let names = ConfdashCommand.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        guard !names.contains(word) else { return nil }
        let closest = names.map { (name: $0, distance: distance(word.lowercased(), $0)) }.min { $0.distance < $1.distance }
        if let closest, closest.distance <= max(2, word.count / 3) {
            return "unknown command '\(word)'; did you mean \(closest.name)? (see 'confdash --help')"
        }
        return "unknown command '\(word)'; commands: \(names.filter { $0 != "help" }.joined(separator: ", ")) (see 'confdash --help')"
    }

    /// Levenshtein distance, on Characters; the words are short.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

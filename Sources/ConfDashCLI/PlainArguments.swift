import ArgumentParser

/// The arguments after a subcommand's name, read without ArgumentParser's machinery: every
/// `--name value`, `--name=value`, `--flag` and plain word, checked against the names the
/// command takes.
///
/// Anything this does not understand for sure gives nil (an unknown or short option, `--`, a
/// value that starts with `-` or is empty, a single-value option or a flag given twice, a flag
/// with `=`), and the caller leaves the arguments to ArgumentParser, whose messages and choices
/// then apply. What it accepts it reads as ArgumentParser would: `QuickSubcommandTests` compares
/// both parses, field by field, on many argument lists.
struct PlainArguments {
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []
    private(set) var words: [String] = []

    /// `options`: the long names that take a value; `repeatable`: those of them that may be
    /// given more than once (arrays); `flags`: the long names that take none. Names without `--`.
    init?(_ arguments: ArraySlice<String>, options: Set<String>, repeatable: Set<String> = [], flags: Set<String> = []) {
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-") else {
                words.append(argument)
                continue
            }
            guard argument.hasPrefix("--"), argument.count > 2 else { return nil }
            var name = Substring(argument.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = name[..<equals]
            }
            let key = String(name)
            if flags.contains(key) {
                guard value == nil, self.flags.insert(key).inserted else { return nil }
                continue
            }
            guard options.contains(key) else { return nil }
            if value == nil {
                guard index < arguments.endIndex else { return nil }
                value = arguments[index]
                index += 1
            }
            guard let value, !value.isEmpty, !value.hasPrefix("-") else { return nil }
            if values[key] != nil && !repeatable.contains(key) { return nil }
            values[key, default: []].append(value)
        }
    }

    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// Every value given for `name`, in order.
    func strings(_ name: String) -> [String] { values[name] ?? [] }

    func string(_ name: String) -> String? { values[name]?.first }

    /// The value of `name` converted as ArgumentParser converts it; `.some(nil)` when it was not
    /// given, nil when it does not convert (ArgumentParser then says why).
    func value<T: ExpressibleByArgument>(_ name: String, as type: T.Type) -> T?? {
        guard let text = string(name) else { return .some(nil) }
        guard let value = T(argument: text) else { return nil }
        return .some(value)
    }

    /// `value`, or `fallback` when not given.
    func value<T: ExpressibleByArgument>(_ name: String, or fallback: T) -> T? {
        guard let value = value(name, as: T.self) else { return nil }
        return value ?? fallback
    }
}

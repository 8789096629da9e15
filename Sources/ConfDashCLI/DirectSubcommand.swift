import ArgumentParser

/// `confdash validate FILE`, `confdash agenda …`: the subcommand named first parses the rest by
/// itself, without `ConfdashCommand` around it.
///
/// The whole tree's parse builds the argument sets of the root, of the dashboard (the default
/// subcommand, whose options are all checked for pass-through arguments) and of the named
/// subcommand twice. Each new property type costs the runtime a scan of every protocol
/// conformance in the binary (a static binary holds Foundation's): 20.6 M instructions of the
/// 32 M that `validate` takes on a one-session file went to parsing its three arguments.
///
/// Only a parse that succeeds and gives the named command is taken. Anything else (help,
/// `--version`, a mistake, a completion request) returns nil, and the whole tree parses the
/// arguments again, so every message, usage line and exit status stays the tree's.
/// `DirectSubcommandTests` checks that both parses give the same command.
///
/// The commonest commands (`validate`, `agenda`, `snapshot`) are first tried without
/// ArgumentParser at all (`QuickSubcommand`), which skips the rest of that cost.
enum DirectSubcommand {
    static func parse(_ arguments: [String]) -> (any ParsableCommand)? {
        if let command = QuickSubcommand.parse(arguments) { return command }
        guard let name = arguments.first, !name.hasPrefix("-"),
              let type = ConfdashCommand.configuration.subcommands.first(where: { named($0, name) }),
              let command = try? type.parseAsRoot(Array(arguments.dropFirst())) as? any IOCommand,
              Swift.type(of: command) == type
        else { return nil }
        return command
    }

    private static func named(_ type: any ParsableCommand.Type, _ name: String) -> Bool {
        type.configuration.commandName == name || type.configuration.aliases.contains(name)
    }
}

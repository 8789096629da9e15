import ArgumentParser

/// The whole parsed command as text, every option's value included: an option left unset shows
/// as its definition, so a property a fast parse forgot cannot pass. `QuickSubcommandTests` and
/// `DirectSubcommandTests` compare their fast parses with the whole tree's through it.
func describedCommand(_ command: any ParsableCommand) -> String {
    var text = ""
    dump(command, to: &text)
    return text
}

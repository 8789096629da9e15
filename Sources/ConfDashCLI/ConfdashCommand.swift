import ArgumentParser
import ConfDashCore

// Placeholder root command; the subcommands land with the CLI work.
public struct ConfdashCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "confdash")
    public init() {}
}

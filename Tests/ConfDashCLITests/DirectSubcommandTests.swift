import ArgumentParser
import Testing
@testable import ConfDashCLI

/// A subcommand named first parses its arguments by itself (`DirectSubcommand`); it must give
/// the command the whole tree gives, and leave to the tree everything else (help, version,
/// mistakes), whose messages stay the tree's.
@Suite("Direct subcommand parse")
struct DirectSubcommandTests {
    static let taken: [[String]] = [
        ["validate", "file.xml"], ["validate", "--bundled"], ["validate", "x.json", "--format", "json", "--input-format", "json"],
        ["agenda", "--format", "json"], ["agenda", "--data", "s.xml", "--format", "json"],
        ["agenda", "--event", "rio", "--day", "2", "--lang", "fr"], ["agenda", "--track", "a", "--track", "b", "--tz", "local"],
        ["agenda", "--search", "webb fontaine", "--width", "80"], ["agenda", "--starred", "--format", "csv"],
        ["snapshot", "--size", "120x40", "--data", "s.xml"], ["snapshot", "--keys", "Enter", "--theme", "monochrome"],
        ["events", "--long", "--lang", "fr", "--search", "portail"], ["events", "--region", "asia pacific"],
        ["tracks", "--format", "json"], ["technologies", "--lang", "fr", "--format", "csv"], ["regions"],
        ["export", "--format", "ics", "-o", "out.ics"], ["export", "--format", "xml", "--data", "s.ics"],
        ["keys"], ["now", "--data", "s.xml"], ["changes", "new.xml", "--since", "old.xml", "--format", "csv"],
    ]

    @Test(arguments: taken)
    func takenAndTheSameAsTheWholeTree(arguments: [String]) throws {
        let whole = try ConfdashCommand.parseAsRoot(arguments)
        let direct = try #require(DirectSubcommand.parse(arguments), "\(arguments) not parsed directly")
        #expect(type(of: direct) == type(of: whole))
        #expect(describedCommand(direct) == describedCommand(whole))
    }

    /// Help, the version, completion scripts, mistakes, options before the subcommand and the
    /// dashboard itself: left to the tree.
    @Test(arguments: [
        [], ["--version"], ["--help"], ["-h"], ["help"], ["help", "agenda"], ["agenda", "--help"], ["agenda", "-h"],
        ["validate", "--version"], ["agenda", "--generate-completion-script", "bash"], ["agenda", "--no-such-option"],
        ["agenda", "--format", "yaml"], ["validate"], ["validate", "a", "--bundled"], ["agenda", "--width", "3"],
        ["--lang", "fr", "agenda"], ["--theme", "monochrome"], ["agendas"], ["agenda", "extra"], ["-x"],
    ])
    func leftToTheTree(arguments: [String]) {
        #expect(DirectSubcommand.parse(arguments) == nil, "\(arguments)")
    }
}

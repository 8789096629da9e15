import ArgumentParser
import ConfDashTestSupport
import Testing
@testable import ConfDashCLI

/// `validate`, `agenda` and `snapshot` are built from their arguments without ArgumentParser
/// (`QuickSubcommand`). What they build must be exactly what ArgumentParser's whole tree gives,
/// every option's value included; what they do not take for sure is left to the tree.
@Suite("Quick subcommand parse")
struct QuickSubcommandTests {
    static let taken: [[String]] = [
        ["validate", "file.xml"], ["validate", "--bundled"], ["validate", "x.json", "--format", "json", "--input-format", "json"],
        ["validate", "--format=json", "x.json"], ["validate", "--input-format", "xml", "--bundled", "--format", "text"],
        ["validate", "a=b"], ["validate", "help"], ["validate", "ünïcödé file.json"],
        ["agenda"], ["agenda", "--format", "json"], ["agenda", "--data", "s.xml", "--format", "json"],
        ["agenda", "--event", "rio", "--day", "2", "--lang", "fr"], ["agenda", "--track", "a", "--track", "b", "--tz", "local"],
        ["agenda", "--search", "webb fontaine", "--width", "80"], ["agenda", "--starred", "--format", "csv"],
        ["agenda", "--region", "americas", "--kind", "regionalWorkshop", "--kind", "conference", "--room", "Saal 1"],
        ["agenda", "--tech", "IdO", "--tech=drone", "--event=hanoi", "--day=2024-11-13", "--tz=Asia/Tokyo"],
        ["agenda", "--data", "https://example.org/s.json", "--offline", "--max-age", "2h"],
        ["agenda", "--data", "u", "--refresh", "--max-age=0", "--input-format", "ics", "--width", "+20"],
        ["agenda", "--tz", "UTC", "--lang", "en", "--format", "text", "--search", "a=b"],
        ["snapshot"], ["snapshot", "--size", "120x40", "--data", "s.xml"], ["snapshot", "--keys", "Enter", "--theme", "monochrome"],
        ["snapshot", "--keys", "/ drone Enter", "--lang", "fr", "--now", "2024-12-28T14:00", "--remind", "0"],
        ["snapshot", "--size=100x30", "--tz", "local", "--refresh-every", "15m", "--data", "s.xml", "--theme=light"],
        ["snapshot", "--size", "axb", "--remind", "5000"],
    ]

    @Test(arguments: taken)
    func takenAndTheSameAsTheWholeTree(arguments: [String]) throws {
        let whole = try ConfdashCommand.parseAsRoot(arguments)
        let quick = try #require(QuickSubcommand.parse(arguments), "\(arguments) not parsed quickly")
        #expect(type(of: quick) == type(of: whole))
        #expect(describedCommand(quick) == describedCommand(whole))
    }

    /// Help, mistakes and unusual spellings: left to ArgumentParser, whose message they get.
    @Test(arguments: [
        [], ["--version"], ["--help"], ["help", "agenda"], ["agenda", "--help"], ["agenda", "-h"], ["validate", "-h"],
        ["validate", "--version"], ["agenda", "--generate-completion-script", "bash"], ["agenda", "--no-such-option"],
        ["agenda", "--format", "yaml"], ["validate"], ["validate", "a", "--bundled"], ["validate", "a", "b"],
        ["validate", "a", "--bundled=true"], ["validate", "a", "--format"], ["validate", "a", "--format", "json", "--format", "text"],
        ["validate", "--", "a"], ["validate", "-"], ["agenda", "--width", "3"], ["agenda", "--width", "x"],
        ["agenda", "--day", "-1"], ["agenda", "--search", ""], ["agenda", "--search="], ["agenda", "--lang", "de"],
        ["agenda", "--tz", "Nowhere/City"], ["agenda", "--offline", "--refresh"], ["agenda", "--max-age", "soon"],
        ["agenda", "--starred", "--starred"], ["agenda", "--day", "1", "--day", "2"], ["agenda", "extra"], ["agenda", "-"],
        ["agenda", "--"], ["agenda", "---format", "json"], ["snapshot", "--size"], ["snapshot", "--remind", "x"],
        ["snapshot", "--theme", "pink"], ["snapshot", "--keys", "-"], ["snapshot", "--format", "json"],
        ["--lang", "fr", "agenda"], ["events"], ["export", "--format", "ics"], ["agendas"],
    ])
    func leftToTheTree(arguments: [String]) {
        #expect(QuickSubcommand.parse(arguments) == nil, "\(arguments)")
    }

    /// `confdash` with no subcommand: the dashboard's options, as the tree's default subcommand has them.
    static let dashboardTaken: [[String]] = [
        [], ["--data", "s.xml"], ["--lang", "fr", "--theme", "monochrome"], ["--data=a b.json", "--tz", "local", "--remind", "0"],
        ["--data", "https://example.org/s.xml", "--refresh-every", "15m", "--offline", "--max-age", "2h"],
        ["--now", "2024-12-28T14:00", "--tz=Asia/Tokyo", "--input-format", "xml", "--refresh"], ["--theme=light", "--lang=en"],
    ]

    @Test(arguments: dashboardTaken)
    func dashboardTakenAndTheSameAsTheWholeTree(arguments: [String]) throws {
        let whole = try #require(try ConfdashCommand.parseAsRoot(arguments) as? DashboardCommand)
        var quick = DashboardCommand()
        quick.options = try #require(QuickSubcommand.dashboard(arguments), "\(arguments) not parsed quickly")
        #expect(describedCommand(quick) == describedCommand(whole))
    }

    @Test(arguments: [
        ["--version"], ["--help"], ["-h"], ["help"], ["dashboard"], ["dashboard", "--data", "s.xml"], ["agenda"], ["snapshot"],
        ["--data", "s.xml", "agenda"], ["--data"], ["--lang", "de"], ["--theme", "pink"], ["--remind", "x"], ["--tz", "Mars/Base"],
        ["--offline", "--refresh"], ["--max-age", "soon"], ["--size", "80x24"], ["--keys", "j"], ["--format", "json"],
        ["--data", "a", "--data", "b"], ["--"], ["-"], ["--data", "-"], ["--data="], ["--bundled"], ["--version", "--lang", "fr"],
        ["--generate-completion-script", "bash"], ["extra"],
    ])
    func dashboardLeftToTheTree(arguments: [String]) {
        #expect(QuickSubcommand.dashboard(arguments) == nil, "\(arguments)")
    }

    /// Random argument lists from the options' names and values, good and bad: whenever the
    /// quick parse takes one, ArgumentParser must accept it too and give the same command.
    /// (120 lists: a debug build's ArgumentParser takes half a second a parse.)
    @Test func randomListsAgreeWithTheWholeTree() throws {
        let pieces: [[String]] = [
            ["--format", "json"], ["--format=csv"], ["--format", "text"], ["--format", "yaml"], ["--data", "s.xml"], ["--data=a b.json"],
            ["--lang", "fr"], ["--lang", "en"], ["--lang", "de"], ["--input-format", "xml"], ["--input-format=auto"],
            ["--width", "80"], ["--width", "19"], ["--event", "rio"], ["--day", "2"], ["--track", "a"], ["--track", "b c"],
            ["--tech", "IdO"], ["--region", "asia"], ["--kind", "conference"], ["--room", "Saal 1"], ["--search", "drone"],
            ["--starred"], ["--tz", "local"], ["--tz", "UTC"], ["--tz", "Mars/Base"], ["--offline"], ["--refresh"],
            ["--max-age", "5m"], ["--max-age", "x"], ["--bundled"], ["file.xml"], ["--size", "120x40"], ["--keys", "Enter j"],
            ["--theme", "dark"], ["--now", "2024-12-28T14:00"], ["--remind", "3"], ["--refresh-every", "1h"],
            ["-x"], ["--"], ["--help"], ["--format"], ["--lang"],
        ]
        var generator = SeededGenerator(state: 13)
        var taken = 0
        for _ in 0..<120 {
            let name = ["validate", "agenda", "snapshot"].randomElement(using: &generator)!
            let count = Int.random(in: 0...4, using: &generator)
            let arguments = [name] + (0..<count).flatMap { _ in pieces.randomElement(using: &generator)! }
            guard let quick = QuickSubcommand.parse(arguments) else { continue }
            taken += 1
            let whole = try ConfdashCommand.parseAsRoot(arguments)
            #expect(describedCommand(quick) == describedCommand(whole), "\(arguments)")
        }
        print("quick parse took \(taken) of 120")
        #expect(taken > 15)
    }
}

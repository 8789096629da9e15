import Foundation
import ArgumentParser
import ConfDashBundledData
import ConfDashCore
import ConfDashUI

extension Theme.Name: ExpressibleByArgument {}

/// Options of the dashboard itself (no subcommand) and of `snapshot`, which renders it headless.
struct DashboardOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read this dataset file instead of the bundled WCO dataset.", valueName: "file"))
    var data: String?

    @Option(name: .long, help: "Language of data and interface: en or fr (L switches). Default from LC_ALL, LC_MESSAGES, LANG.")
    var lang: Language?

    @Option(name: .long, help: "Colours: dark (default), light or monochrome. NO_COLOR in the environment forces monochrome.")
    var theme: Theme.Name?

    @OptionGroup var clock: ClockOptions

    @Option(name: .long, help: ArgumentHelp("With --data: the file's format, auto (judged from the content), confdash, xml, json or ics.", valueName: "format"))
    var inputFormat: InputFormat = .auto

    /// Everything the dashboard is built from, resolved from the options and the environment.
    struct Setup: Sendable {
        var index: DatasetIndex
        var language: Language
        var theme: Theme
        var localTime: Bool
        var localZone: TimeZone

        /// `size` is replaced by the terminal's before the first frame.
        func dashboard(size: Size) -> Dashboard {
            Dashboard(index: index, map: DashboardOptions.worldMap(), size: size, language: language, theme: theme,
                      localTime: localTime, localZone: localZone)
        }
    }

    func setup(_ io: CommandIO) throws -> Setup {
        Setup(index: try loadIndex(io), language: language(io), theme: Theme.resolve(requested: theme, environment: io.environment),
              localTime: clock.tz != .event, localZone: clock.zone(io))
    }

    func language(_ io: CommandIO) -> Language { lang ?? Language.fromEnvironment(io.environment) }

    func loadIndex(_ io: CommandIO) throws -> DatasetIndex {
        DatasetIndex(try DatasetFiles.load(path: data, format: inputFormat, io: io))
    }

    /// The world map compiled into the binary (Natural Earth, see Resources/README.md). It is
    /// checked by tests, so a failure here would be a build defect: the pane then draws no map.
    static func worldMap() -> WorldMap? { try? WorldMap(parsing: BundledData.worldMapText) }
}

/// How the executable opens the interactive dashboard. The CLI library stays free of curses (its
/// tests run without a terminal); `main.swift` passes the real launcher.
public struct DashboardLauncher: Sendable {
    /// Runs the dashboard on the terminal and returns the exit status.
    public var run: @Sendable @MainActor (Dashboard) -> Int32

    public init(run: @escaping @Sendable @MainActor (Dashboard) -> Int32) { self.run = run }
}

/// `confdash` alone (or `confdash dashboard`): the interactive dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the interactive dashboard (what confdash does with no subcommand).",
        discussion: """
        Needs a terminal: with stdin or stdout not a TTY, or TERM unset or dumb, it prints one line \
        and exits with status 1. Press ? inside for every key; q quits.

        Examples:
          confdash
          confdash --lang fr
          confdash --theme monochrome
          confdash --data my-conference.json
        """
    )

    @OptionGroup var options: DashboardOptions
}

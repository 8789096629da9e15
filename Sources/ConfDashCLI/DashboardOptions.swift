import Foundation
import ArgumentParser
import ConfDashBundledData
import ConfDashCore
import ConfDashUI

extension Theme.Name: ExpressibleByArgument {}

/// Options of the dashboard itself (no subcommand) and of `snapshot`, which renders it headless.
struct DashboardOptions: ParsableArguments {
    @OptionGroup var input: DataOptions

    @Option(name: .long, help: "Colours: dark (default), light or monochrome. NO_COLOR in the environment forces monochrome.")
    var theme: Theme.Name?

    @OptionGroup var clock: ClockOptions

    /// Everything the dashboard is built from, resolved from the options and the environment.
    struct Setup: Sendable {
        var index: DatasetIndex
        var language: Language
        var theme: Theme
        var localTime: Bool
        var localZone: TimeZone

        /// `size` is replaced by the terminal's before the first frame.
        func dashboard(size: Size) -> DashboardStore {
            DashboardStore(index: index, map: DashboardOptions.worldMap(), size: size, language: language, theme: theme,
                      localTime: localTime, localZone: localZone)
        }
    }

    func setup(_ io: CommandIO) throws -> Setup {
        Setup(index: try input.loadIndex(io), language: input.language(io), theme: Theme.resolve(requested: theme, environment: io.environment),
              localTime: clock.tz != .event, localZone: clock.zone(io))
    }

    /// The world map compiled into the binary (Natural Earth, see Resources/README.md). It is
    /// checked by tests, so a failure here would be a build defect: the pane then draws no map.
    static func worldMap() -> WorldMap? { try? WorldMap(parsing: BundledData.worldMapText) }
}

/// How the executable opens the interactive dashboard. The CLI library stays free of curses (its
/// tests run without a terminal); `main.swift` passes the real launcher.
public struct DashboardLauncher: Sendable {
    /// Runs the dashboard on the terminal and returns the exit status.
    public var run: @Sendable @MainActor (DashboardStore) -> Int32

    public init(run: @escaping @Sendable @MainActor (DashboardStore) -> Int32) { self.run = run }
}

import ArgumentParser
import ConfDashCore

/// `--tz`: which clock session times are shown on. Commands that show times take it.
struct ClockOptions: ParsableArguments {
    enum Choice: String, ExpressibleByArgument, CaseIterable {
        case event, local
    }

    @Option(name: .customLong("tz"), help: ArgumentHelp(
        "Show clock times in the event's own time zone (event, the default) or in yours (local: the TZ variable, else the system's).",
        valueName: "zone"))
    var tz: Choice = .event

    func clock(_ io: CommandIO) -> ClockDisplay {
        switch tz {
        case .event: return .eventZone
        case .local: return .zone(ClockDisplay.localZone(environment: io.environment))
        }
    }
}

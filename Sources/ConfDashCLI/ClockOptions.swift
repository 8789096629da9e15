import ArgumentParser
import ConfDashCore
import Foundation

/// `--tz`: which clock session times are shown on. Commands that show times take it.
struct ClockOptions: ParsableArguments {
    /// `event`, `local`, or a zone by name (`Asia/Tokyo`, `UTC`, `+05:30`).
    enum Choice: Equatable, ExpressibleByArgument {
        case event, local
        case named(String)

        init?(argument: String) {
            switch argument.lowercased() {
            case "event": self = .event
            case "local": self = .local
            default:
                // Only names the system knows: a typo must fail here, not show times in UTC.
                guard TimeZones.zone(named: argument) != nil else { return nil }
                self = .named(argument)
            }
        }

        static var allValueStrings: [String] { ["event", "local", "an IANA zone name such as Asia/Tokyo"] }
        var defaultValueDescription: String { "event" }
    }

    @Option(name: .customLong("tz"), help: ArgumentHelp(
        "Show clock times in the event's own time zone (event, the default), in yours (local: the TZ variable, else the system's), or in any zone by its IANA name (Asia/Tokyo, UTC) or offset (+05:30).",
        valueName: "zone"))
    var tz: Choice = .event

    func clock(_ io: CommandIO) -> ClockDisplay {
        switch tz {
        case .event: return .eventZone
        case .local, .named: return .zone(zone(io))
        }
    }

    /// The one zone times are converted to when they are not shown in each event's own.
    func zone(_ io: CommandIO) -> TimeZone { Self.zone(tz, environment: io.environment) }

    /// The same, from the choice and the environment alone (what a `LazyValue` keeps).
    static func zone(_ tz: Choice, environment: [String: String]) -> TimeZone {
        if case .named(let name) = tz, let zone = TimeZones.zone(named: name) { return zone }
        return ClockDisplay.localZone(environment: environment)
    }
}

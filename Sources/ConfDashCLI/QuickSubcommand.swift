import ArgumentParser
import ConfDashCore
import ConfDashUI

/// `confdash validate FILE`, `agenda …`, `snapshot …`: the commands every benchmark and most
/// scripts run, built straight from their arguments (`PlainArguments`) and checked with their own
/// `validate()`s, without ArgumentParser.
///
/// ArgumentParser finds a command's options by reflection and decodes them through `Decodable`;
/// each new type it meets costs the Swift runtime a scan of every protocol conformance in the
/// binary (about 6,300 in the static one, Foundation's included): 12.5 M instructions for
/// `validate FILE`, 23 M for `agenda --data FILE --format json`, against 4 M for a whole
/// `--version` (issue 13).
///
/// Whatever these do not take for sure (help, a mistake, an unusual spelling) returns nil and goes
/// to `DirectSubcommand` and then the whole tree, so messages, usage and exit statuses stay
/// ArgumentParser's. Every option a command declares must be set here: `QuickSubcommandTests`
/// checks that each one built here equals ArgumentParser's parse of the same arguments.
enum QuickSubcommand {
    /// Parses and runs one of these commands; false (nothing run) when `parse` would give nil.
    /// No cast to a protocol on the way: `as? any IOCommand` and `as? WidthAdjustable` each
    /// scanned the binary's conformance records, ~0.5 M instructions apiece (issue 13).
    static func run(_ arguments: [String], io: CommandIO) throws -> Bool {
        guard let name = arguments.first else { return false }
        let rest = arguments.dropFirst()
        switch name {
        case "validate":
            guard let command = ValidateCommand(quick: rest) else { return false }
            try command.execute(io: io)
        case "agenda":
            guard let command = AgendaCommand(quick: rest) else { return false }
            try command.execute(io: io.adjusted(width: command.common.width))
        case "snapshot":
            guard let command = SnapshotCommand(quick: rest) else { return false }
            try command.execute(io: io)
        default:
            return false
        }
        return true
    }

    /// `confdash` alone or with plain dashboard options (`--data FILE`, `--lang fr`, …): the
    /// dashboard's options, as the whole tree's default subcommand would have them. ArgumentParser's
    /// parse of the root was 19.8 M instructions of the 66.3 M the bundled dashboard took to its
    /// first frame (issue 13). A subcommand's name, help, `--version`, a mistake: nil, and the tree
    /// parses as before. `QuickSubcommandTests` compares both parses.
    static func dashboard(_ arguments: [String]) -> DashboardOptions? {
        if let first = arguments.first, !first.hasPrefix("--") { return nil }
        guard let plain = PlainArguments(arguments[...], options: Names.dashboard, flags: Names.dataFlags),
              plain.words.isEmpty
        else { return nil }
        return DashboardOptions(quick: plain)
    }

    static func parse(_ arguments: [String]) -> (any IOCommand)? {
        guard let name = arguments.first else { return nil }
        let rest = arguments.dropFirst()
        switch name {
        case "validate": return ValidateCommand(quick: rest)
        case "agenda": return AgendaCommand(quick: rest)
        case "snapshot": return SnapshotCommand(quick: rest)
        default: return nil
        }
    }
}

// Each `init?(quick:)` sets every property of its type (reading one left unset would stop the
// program), then runs the type's `validate()` as ArgumentParser does.

private enum Names {
    static let data: Set = ["lang", "data", "input-format", "max-age"]
    static let dataFlags: Set = ["offline", "refresh"]
    static let common: Set = data.union(["format", "width"])
    static let filters: Set = ["event", "day", "track", "tech", "region", "kind", "room", "search"]
    static let filtersRepeatable: Set = ["event", "track", "tech", "region", "kind", "room"]
    static let dashboard: Set = data.union(["theme", "tz", "now", "remind", "refresh-every"])
}

extension ValidateCommand {
    init?(quick arguments: ArraySlice<String>) {
        guard let plain = PlainArguments(arguments, options: ["format", "input-format"], flags: ["bundled"]),
              plain.words.count <= 1,
              let format = plain.value("format", or: Format.text),
              let inputFormat = plain.value("input-format", or: InputFormat.auto)
        else { return nil }
        self.init()
        file = plain.words.first
        bundled = plain.flag("bundled")
        self.format = format
        self.inputFormat = inputFormat
        guard (try? validate()) != nil else { return nil }
    }
}

extension AgendaCommand {
    init?(quick arguments: ArraySlice<String>) {
        guard let plain = PlainArguments(arguments, options: Names.common.union(Names.filters).union(["tz"]),
                                         repeatable: Names.filtersRepeatable, flags: Names.dataFlags.union(["starred"])),
              plain.words.isEmpty,
              let common = CommonOptions(quick: plain),
              let clockOptions = ClockOptions(quick: plain)
        else { return nil }
        self.init()
        self.common = common
        filters = FilterOptions(quick: plain)
        self.clockOptions = clockOptions
    }
}

extension SnapshotCommand {
    init?(quick arguments: ArraySlice<String>) {
        guard let plain = PlainArguments(arguments, options: Names.dashboard.union(["size", "keys"]), flags: Names.dataFlags),
              plain.words.isEmpty,
              let options = DashboardOptions(quick: plain)
        else { return nil }
        self.init()
        self.options = options
        size = plain.string("size") ?? "80x24"
        keys = plain.string("keys") ?? ""
    }
}

extension CommonOptions {
    init?(quick plain: PlainArguments) {
        guard let format = plain.value("format", or: OutputFormat.text),
              let width = plain.value("width", as: Int.self),
              let input = DataOptions(quick: plain)
        else { return nil }
        self.init()
        self.format = format
        self.input = input
        self.width = width
        guard (try? validate()) != nil else { return nil }
    }
}

extension DataOptions {
    init?(quick plain: PlainArguments) {
        guard let lang = plain.value("lang", as: Language.self),
              let inputFormat = plain.value("input-format", or: InputFormat.auto),
              let remote = RemoteOptions(quick: plain)
        else { return nil }
        self.init()
        self.lang = lang
        data = plain.string("data")
        self.inputFormat = inputFormat
        self.remote = remote
    }
}

extension RemoteOptions {
    init?(quick plain: PlainArguments) {
        self.init()
        offline = plain.flag("offline")
        refresh = plain.flag("refresh")
        maxAge = plain.string("max-age") ?? "5m"
        guard (try? validate()) != nil else { return nil }
    }
}

extension FilterOptions {
    init(quick plain: PlainArguments) {
        self.init()
        event = plain.strings("event")
        day = plain.string("day")
        track = plain.strings("track")
        tech = plain.strings("tech")
        var scope = EventScopeOptions()
        scope.region = plain.strings("region")
        scope.kind = plain.strings("kind")
        eventScope = scope
        room = plain.strings("room")
        search = plain.string("search")
        starred = plain.flag("starred")
    }
}

extension ClockOptions {
    init?(quick plain: PlainArguments) {
        guard let tz = plain.value("tz", or: Choice.event) else { return nil }
        self.init()
        self.tz = tz
    }
}

extension DashboardOptions {
    init?(quick plain: PlainArguments) {
        guard let input = DataOptions(quick: plain),
              let theme = plain.value("theme", as: Theme.Name.self),
              let clock = ClockOptions(quick: plain),
              let remind = plain.value("remind", or: 10)
        else { return nil }
        self.init()
        self.input = input
        self.theme = theme
        self.clock = clock
        now = plain.string("now")
        self.remind = remind
        refreshEvery = plain.string("refresh-every")
    }
}

import Foundation
import ArgumentParser
import ConfDashBundledData
import ConfDashCore
import ConfDashUI
import ConfDashScreen

extension Theme.Name: ExpressibleByArgument {}

/// Options of the dashboard itself (no subcommand) and of `snapshot`, which renders it headless.
struct DashboardOptions: ParsableArguments {
    @OptionGroup var input: DataOptions

    @Option(name: .long, help: "Colours: dark (default), light or monochrome. NO_COLOR in the environment forces monochrome.")
    var theme: Theme.Name?

    @OptionGroup var clock: ClockOptions

    @Option(name: .long, help: ArgumentHelp("Take this as the time, for now-and-next, reminders and the day the dashboard opens on (ISO 8601; event time when no offset, e.g. 2024-12-28T14:00). Also CONFDASH_NOW.", valueName: "time"))
    var now: String?

    @Option(name: .long, help: ArgumentHelp("Remind of a starred session this many minutes before it starts (notice and bell, once); 0: never.", valueName: "minutes"))
    var remind: Int = 10

    @Option(name: .long, help: ArgumentHelp("With --data: read the schedule again this often, as R does (at least 10s; e.g. 15m, 1h), in the background; new, moved and cancelled sessions are marked.", valueName: "interval"))
    var refreshEvery: String?

    /// Everything the dashboard is built from, resolved from the options and the environment.
    struct Setup: Sendable {
        var index: DatasetIndex
        var language: Language
        var theme: Theme
        var clock: Clock
        /// The state file for stars and notes; nil when there is no place for it.
        var personal: PersonalStateStore?
        var live: Live
        /// The warnings `--data` was read with: the dashboard announces them and W lists them.
        var warnings: [String] = []

        /// `--tz`, `--now` and `--remind`: the clock times are shown on, and the one reminders follow.
        struct Clock: Sendable {
            var localTime: Bool
            /// Found when first needed: `TimeZone.current` is not free, and times on the
            /// event's clock never need it.
            var localZone: LazyValue<TimeZone>
            var now: NowSetting?
            var remindMinutes: Int
        }

        /// A schedule that can change or be replaced: what R and `--refresh-every` read again,
        /// how `:open URL` fetches, and how a `--data URL` starts (its cached copy, or nothing yet).
        struct Live: Sendable {
            /// nil: the built-in dataset, which never changes.
            var source: ScheduleSource?
            /// `--refresh-every` in seconds.
            var refreshEvery: Double?
            var opener: RemoteOpener?
            /// Why the cached copy is shown (fetching failed): the dashboard's first message.
            var offline: OfflineNotice?
            /// `--data URL` shown from its cached copy unchecked: a background reload asks the server.
            var revalidate = false
            /// `--data URL` with nothing cached: fetched in the background, the first frame says so.
            var awaiting: String?
            var format: InputFormat = .auto
        }

        /// `size` is replaced by the terminal's before the first frame.
        /// `saving` false (snapshot): stars are read but changes stay in memory.
        func dashboard(size: Size, saving: Bool = true) -> DashboardStore {
            // The map is parsed when the regions pane first draws it (5.4 M instructions), or
            // ahead of it on another core (`prefetchWorldMap`).
            let store = DashboardStore(index: index, lazyMap: DashboardOptions.sharedWorldMap, size: size,
                                       language: language, theme: theme,
                                       localTime: clock.localTime, lazyLocalZone: clock.localZone)
            store.generatorVersion = ConfdashCLI.version
            if let personal {
                // The live dashboard saves on the writer's thread, so a star never waits for the disk.
                let file = PersonalFile(store: personal, dataset: index.dataset, writer: saving ? .shared : nil)
                file.savesChanges = saving
                store.attach(file)
            }
            store.configureClock(now: clock.now, remindMinutes: clock.remindMinutes)
            // snapshot (not saving) reloads at once, so `--keys R` shows the result in its frame.
            store.follow(live.source, refreshEvery: live.refreshEvery, runner: saving ? .thread : .inline)
            if !warnings.isEmpty { store.send(.loadWarnings(warnings)) }
            store.openURLs(with: live.opener)
            if let offline = live.offline { store.send(.startedOffline(offline)) }
            // Never wait for the network before the first frame: R's reload checks the cached
            // copy, `:open URL`'s fetch brings a first one; both post their result back as actions.
            if live.revalidate { store.send(.refreshDue) }
            if let awaiting = live.awaiting { store.send(.awaitSchedule(awaiting, format: live.format)) }
            return store
        }
    }

    /// `waitForNetwork` false (the interactive dashboard): a `--data URL` is never fetched
    /// before the first frame (`DashboardStart`).
    func setup(_ io: CommandIO, waitForNetwork: Bool = true) throws -> Setup {
        guard (0...1440).contains(remind) else { throw CommandFailure.usage("--remind \(remind): expected minutes from 0 (no reminders) to 1440") }
        let setting: NowSetting?
        switch NowSetting.resolve(option: now, environment: io.environment) {
        case .success(let value): setting = now != nil || io.environment["CONFDASH_NOW"]?.isEmpty == false ? value : nil
        case .failure(let error): throw CommandFailure.usage(error.message)
        }
        let refresh = try refreshInterval()
        let start = try DashboardStart.resolve(input, io: io, waitForNetwork: waitForNetwork)
        let summary = start.summary
        let index = DatasetIndex(summary.dataset)
        io.keepUntilExit(index)
        let personal = PersonalStateStore.defaultDirectory(environment: io.environment).map {
            PersonalStateStore(directory: $0, identity: .of(index.dataset, dataPath: input.data))
        }
        // `--tz ZONE` (any IANA zone) converts like `--tz local`, to that zone.
        let zone = LazyValue { [tz = clock.tz, environment = io.environment] in ClockOptions.zone(tz, environment: environment) }
        return Setup(index: index, language: input.language(io), theme: Theme.resolve(requested: theme, environment: io.environment),
                     clock: Setup.Clock(localTime: clock.tz != .event, localZone: zone, now: setting, remindMinutes: remind),
                     personal: personal,
                     live: Setup.Live(source: try LiveSource.source(input, io: io), refreshEvery: refresh,
                                      opener: LiveSource.opener(input, io: io), offline: start.offline,
                                      revalidate: start.revalidate, awaiting: start.awaiting, format: input.inputFormat),
                     warnings: summary.warnings.map { "\($0)" })
    }

    /// `--refresh-every` in seconds: at least 10, and only with something to read again.
    func refreshInterval() throws -> Double? {
        guard let refreshEvery else { return nil }
        guard let seconds = RemoteOptions.seconds(refreshEvery), seconds >= 10 else {
            throw CommandFailure.usage("--refresh-every \(refreshEvery): expected an interval of at least 10s, such as 30s, 15m or 1h")
        }
        guard input.data != nil else {
            throw CommandFailure.usage("--refresh-every needs --data FILE or URL: the built-in dataset does not change")
        }
        return seconds
    }

    /// The world map compiled into the binary (Natural Earth, see Resources/README.md). It is
    /// checked by tests, so a failure here would be a build defect: the pane then draws no map.
    static func worldMap() -> WorldMap? { try? WorldMap(parsing: BundledData.worldMapText) }

    /// The map every dashboard of the process draws: parsed once, when first drawn or ahead of it.
    static let sharedWorldMap = LazyValue<WorldMap?> { worldMap() }

    /// With the bundled dataset (`data` nil) at a size whose first frame draws the regions pane
    /// (the full layout: the dashboard opens on the agenda), parses the map on another core while
    /// this one loads the data: 3.3 M instructions the first frame then does not wait for (issue
    /// 13; loading the bundled data takes this core alone). Other data have no regions pane.
    static func prefetchWorldMap(data: String?, size: Size?) {
        guard data == nil, let size, size.width >= Layout.fullMinimum.width, size.height >= Layout.fullMinimum.height else { return }
        DispatchQueue.global(qos: .userInitiated).async { _ = sharedWorldMap.value }
    }
}

/// How the executable opens the interactive dashboard. The CLI library stays free of curses (its
/// tests run without a terminal); `main.swift` passes the real launcher.
public struct DashboardLauncher: Sendable {
    /// Runs the dashboard on the terminal and returns the exit status.
    public var run: @Sendable @MainActor (DashboardStore) -> Int32

    public init(run: @escaping @Sendable @MainActor (DashboardStore) -> Int32) { self.run = run }
}

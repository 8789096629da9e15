import ArgumentParser
import ConfDashCore
import ConfDashRemote
import Foundation

/// How a `--data URL` is fetched: every command that reads data takes these.
struct RemoteOptions: ParsableArguments {
    @Flag(name: .long, help: "With --data URL: never touch the network; use the cached copy (exit 66 when there is none).")
    var offline = false

    @Flag(name: .long, help: "With --data URL: ask the server now even if the cached copy is recent (a 304 still reuses it).")
    var refresh = false

    @Option(name: .long, help: ArgumentHelp("With --data URL: a cached copy younger than this is used without asking the server: 30s, 5m (default), 2h, 0.", valueName: "age"))
    var maxAge: String = "5m"

    func validate() throws {
        guard Self.seconds(maxAge) != nil else {
            throw ValidationError("--max-age \(maxAge): expected a duration such as 30s, 5m, 2h or 0")
        }
        if offline && refresh { throw ValidationError("--offline and --refresh contradict each other: choose one") }
    }

    func policy(_ io: CommandIO) -> FetchPolicy {
        FetchPolicy(offline: offline, refresh: refresh, maxAge: Self.seconds(maxAge) ?? 300,
                    limits: FetchLimits.from(environment: io.environment))
    }

    /// "90", "90s", "5m", "2h", "1d" → seconds; nil when not a duration.
    static func seconds(_ text: String) -> TimeInterval? {
        // Printable ASCII without spaces (every usual value, the default "5m" included) has
        // nothing to trim: Foundation's CharacterSet cost 0.8 M instructions a start (issue 13).
        let plain = text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
        let trimmed = (plain ? text : text.trimmingCharacters(in: .whitespaces)).lowercased()
        let units: [(String, Double)] = [("s", 1), ("m", 60), ("h", 3600), ("d", 86400)]
        for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
            guard let value = Double(trimmed.dropLast()), value >= 0, value.isFinite else { return nil }
            return value * factor
        }
        guard let value = Double(trimmed), value >= 0, value.isFinite else { return nil }
        return value
    }
}

/// `--data` URLs: fetched through the cache, with its notices on stderr.
enum RemoteDatasets {
    static func cache(_ io: CommandIO) -> ScheduleCache {
        ScheduleCache(directory: ScheduleCache.defaultDirectory(environment: io.environment))
    }

    /// The location `--data` names; anything URL-like but not http(s) is a usage error.
    static func location(_ text: String) throws -> ScheduleLocation {
        do {
            return try ScheduleLocation.parse(text)
        } catch {
            throw CommandFailure.usage(error.message)
        }
    }

    /// `open`, as the summary every data command works from (warnings printed, as for a file).
    static func summary(_ url: URL, format: InputFormat, policy: FetchPolicy, io: CommandIO) throws -> (LoadSummary, RemoteSchedule.Loaded) {
        let loaded = try open(url, format: format, policy: policy, io: io)
        guard let dataset = loaded.result.dataset else { throw CommandFailure(status: ExitStatus.dataError, messages: []) }
        let summary = LoadSummary(name: ScheduleLocation.shown(url.absoluteString), dataset: dataset, warnings: loaded.result.warnings)
        for warning in summary.warnings { io.err("\(warning)\n") }
        return (summary, loaded)
    }

    /// Fetches (or reuses) the schedule at `url`. Cache warnings and the offline notice go to
    /// stderr once; no copy at all ends the command with 66, a schedule that does not read with 65.
    static func open(_ url: URL, format: InputFormat, policy: FetchPolicy, io: CommandIO) throws -> RemoteSchedule.Loaded {
        do {
            let loaded = try RemoteSchedule.open(url, policy: policy, cache: cache(io)) { data, name in
                DatasetImporter.load(data: data, name: name, format: format)
            }
            for warning in loaded.warnings { io.err("confdash: warning: \(warning)\n") }
            if let notice = loaded.notice { io.err("confdash: \(notice)\n") }
            return loaded
        } catch {
            switch error {
            case .unreachable:
                throw CommandFailure(status: ExitStatus.noInput, messages: [error.message])
            case .badData(_, let problems):
                for problem in problems { io.err("\(problem)\n") }
                throw CommandFailure(status: ExitStatus.dataError, messages: [error.message])
            }
        }
    }
}

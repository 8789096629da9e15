import ConfDashCore
import ConfDashRemote
import ConfDashUI
import Foundation

/// What the interactive dashboard opens on, without ever waiting for the network: a file or the
/// bundled dataset as read; for `--data URL`, the cached copy at once (checked with the server
/// in the background when it is older than `--max-age`, through R's reload), or — with nothing
/// cached — an empty dashboard that says it is fetching the URL (`:open URL`'s background fetch).
/// `snapshot` and the data commands still fetch before they print (`DataOptions.load`).
struct DashboardStart {
    var summary: LoadSummary
    /// `--offline`: the cached copy shown without asking, said in the first message.
    var offline: OfflineNotice?
    /// The cached copy is shown unchecked: a background reload asks the server (a 304 is cheap).
    var revalidate = false
    /// Nothing cached: the URL (as written) the dashboard fetches in the background.
    var awaiting: String?

    /// `waitForNetwork` (snapshot): as the data commands do, fetch first.
    static func resolve(_ input: DataOptions, io: CommandIO, waitForNetwork: Bool) throws -> DashboardStart {
        guard !waitForNetwork, let data = input.data, case .url(let url) = try RemoteDatasets.location(data) else {
            let (summary, offline) = try input.loadTellingOffline(io)
            return DashboardStart(summary: summary, offline: offline)
        }
        let policy = input.remote.policy(io)
        // --offline never touches the network: the cached copy, or exit 66 before any frame.
        if policy.offline {
            let (summary, offline) = try input.loadTellingOffline(io)
            return DashboardStart(summary: summary, offline: offline)
        }
        let cached = RemoteSchedule.cachedCopy(url, cache: RemoteDatasets.cache(io), maxAge: policy.maxAge) { data, name in
            DatasetImporter.load(data: data, name: name, format: input.inputFormat)
        }
        guard let cached, let dataset = cached.result.dataset else {
            return DashboardStart(summary: LoadSummary(name: ScheduleLocation.shown(data), dataset: Self.nothingYet, warnings: []),
                                  awaiting: data)
        }
        let summary = LoadSummary(name: ScheduleLocation.shown(url.absoluteString), dataset: dataset, warnings: cached.result.warnings)
        return DashboardStart(summary: summary, revalidate: policy.refresh || cached.origin != .fresh)
    }

    /// The dataset shown before the first schedule arrives: none (the screen says it is fetching).
    static let nothingYet = Dataset(title: LocalizedText(en: "", fr: ""))
}

/// The dashboard quit while its `--data URL` had given nothing to show: the reason on stderr
/// (the screen is gone by then), and 66 when it could not be fetched, 65 when it does not read.
enum StartFailure {
    static func report(_ failure: LoadError, io: CommandIO) -> Int32 {
        switch failure {
        case .invalid(let file, let problems):
            for problem in problems { io.err("\(problem)\n") }
            io.err("confdash: \(file): \(counted(failure.errors.count, "error")) in the schedule; nothing to show\n")
            return ExitStatus.dataError
        case .unreachable, .unreadable:
            io.err("confdash: \(failure.englishLine)\n")
            return ExitStatus.noInput
        }
    }
}

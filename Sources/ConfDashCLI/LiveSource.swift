import ConfDashCore
import ConfDashRemote
import ConfDashUI
import Foundation

/// What the dashboard's R (and `--refresh-every`) reads again: the `--data` URL through the
/// cache (a reload always asks the server; a 304 is cheap), or the `--data` file. The UI target
/// knows no network: it gets this as a `ScheduleSource`.
enum LiveSource {
    static func source(_ input: DataOptions, io: CommandIO) throws -> ScheduleSource? {
        guard let data = input.data else { return nil }
        switch try RemoteDatasets.location(data) {
        case .file(let path):
            return .file(path, format: input.inputFormat)
        case .url(let url):
            let reloader = ScheduleReloader(location: .url(url), format: input.inputFormat, policy: input.remote.policy(io),
                                            cache: RemoteDatasets.cache(io))
            return ScheduleSource(name: ScheduleLocation.shown(url.absoluteString)) { current in
                let outcome = reloader.reload(current: current)
                return ReloadResult(dataset: outcome.dataset, changes: outcome.changes, problem: outcome.problem)
            }
        }
    }
}

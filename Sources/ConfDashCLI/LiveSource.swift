import ConfDashCore
import ConfDashRemote
import ConfDashUI
import Foundation

/// What the dashboard's R (and `--refresh-every`) reads again: the `--data` URL through the
/// cache (a reload always asks the server; a 304 is cheap), or the `--data` file; and how
/// `:open URL` fetches. The UI target knows no network: it gets these as a `ScheduleSource` and
/// a `RemoteOpener`.
enum LiveSource {
    static func source(_ input: DataOptions, io: CommandIO) throws -> ScheduleSource? {
        guard let data = input.data else { return nil }
        switch try RemoteDatasets.location(data) {
        case .file(let path):
            return .file(path, format: input.inputFormat)
        case .url(let url):
            return urlSource(url, format: input.inputFormat, policy: input.remote.policy(io), cache: RemoteDatasets.cache(io))
        }
    }

    static func urlSource(_ url: URL, format: InputFormat, policy: FetchPolicy, cache: ScheduleCache) -> ScheduleSource {
        let reloader = ScheduleReloader(location: .url(url), format: format, policy: policy, cache: cache)
        return ScheduleSource(name: ScheduleLocation.shown(url.absoluteString)) { current in
            let outcome = reloader.reload(current: current)
            return ReloadResult(dataset: outcome.dataset, changes: outcome.changes, offline: outcome.offline, failure: outcome.failure)
        }
    }

    /// `:open URL`: fetched as `--data URL` is (the same cache, `--offline`, `--max-age` and
    /// limits), run off the main thread by the store. Every failure names the URL.
    static func opener(_ input: DataOptions, io: CommandIO) -> RemoteOpener {
        let policy = input.remote.policy(io), cache = RemoteDatasets.cache(io)
        return RemoteOpener { location, format in
            let shown = ScheduleLocation.shown(location)
            let url: URL
            do throws(ScheduleLocation.Problem) {
                guard case .url(let parsed) = try ScheduleLocation.parse(location) else {
                    return RemoteOpening(name: shown, result: .failure(.unreachable(url: shown, .notAURL)))
                }
                url = parsed
            } catch {
                return RemoteOpening(name: shown, result: .failure(.unreachable(url: shown, error.failure)))
            }
            do throws(RemoteSchedule.Failure) {
                let loaded = try RemoteSchedule.open(url, policy: policy, cache: cache) { data, name in
                    DatasetImporter.load(data: data, name: name, format: format)
                }
                guard let dataset = loaded.result.dataset else {
                    return RemoteOpening(name: shown, result: .failure(.invalid(file: shown, problems: loaded.result.problems)))
                }
                let summary = LoadSummary(name: shown, dataset: dataset, warnings: loaded.result.warnings)
                return RemoteOpening(name: shown, result: .success(summary), notice: OfflineNotices.notice(loaded),
                                     source: urlSource(url, format: format, policy: policy, cache: cache))
            } catch {
                return RemoteOpening(name: shown, result: .failure(error.loadError))
            }
        }
    }
}

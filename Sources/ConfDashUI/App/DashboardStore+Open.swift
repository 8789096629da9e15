import ConfDashCore
import Foundation

/// `:open URL` in the store: the fetch runs off the main thread (a slow or dead server never
/// holds the keys), its result comes back through the `BackgroundInbox` like a reload's, and
/// only a schedule that was read replaces the one shown.
extension DashboardStore {
    /// How `:open URL` fetches (the CLI's, which links the network); nil: URLs cannot be opened.
    public func openURLs(with opener: RemoteOpener?) { live.opener = opener }

    /// The `.openURL` effect.
    func startOpenURL(_ location: String, format: InputFormat) {
        guard let opener = live.opener else {
            let shown = LocationText.shown(location)
            send(.fetched(shown, .failure(.unreachable(url: shown, .cannotFetchHere)), notice: nil))
            return
        }
        let inbox = live.inbox
        live.runner.run {
            var opening = opener.open(location, format)
            // The index is built here too: the main thread only swaps it in.
            if case .success(let summary) = opening.result { opening.index = DatasetIndex(summary.dataset) }
            inbox.post(.opened(opening, location: location))
        }
    }

    /// Puts a fetched schedule in place (when one was read), tells the reducer, and takes the
    /// stars of that schedule from its own state file.
    func applyOpened(_ opening: RemoteOpening, location: String) {
        guard case .success(let summary) = opening.result else {
            send(.fetched(opening.name, opening.result, notice: opening.notice))
            return
        }
        data = DashboardData(index: opening.index ?? DatasetIndex(summary.dataset), lazyMap: map, lazyLocalZone: data.lazyLocalZone)
        reducer = Reducer(data: data, environment: reducer.environment, theme: theme)
        live.source = opening.source
        live.nextRefresh = live.refreshInterval.map { live.uptime() + $0 }
        send(.fetched(opening.name, opening.result, notice: opening.notice))
        if let personal {
            // Same writer and saving as before (snapshot keeps changes in memory).
            attach(personal.reopened(PersonalStateStore(directory: personal.store.directory, identity: .of(summary.dataset, dataPath: location)),
                                     dataset: summary.dataset))
        }
    }
}

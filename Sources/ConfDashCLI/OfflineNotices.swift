import ConfDashCore
import ConfDashRemote
import ConfDashUI
import Foundation

/// A URL's cached copy shown because fetching failed, as the dashboard says it on screen (at
/// start, stderr is hidden under the dashboard; after `:open URL` there is no stderr to speak of).
enum OfflineNotices {
    /// Nil when the version is the server's (downloaded, confirmed or fresh).
    static func notice(_ loaded: RemoteSchedule.Loaded) -> OfflineNotice? { loaded.offline }
}

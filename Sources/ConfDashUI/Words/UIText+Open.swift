import ConfDashCore

/// The words of `:open URL` and of a schedule shown from its cached copy (offline).
extension UIText {
    func fetching(_ url: String) -> String {
        pick("Fetching \(url)… (keys keep working)", "Téléchargement de \(url)… (les touches restent actives)")
    }

    func stillOpening(_ url: String) -> String {
        pick("Still fetching \(url): wait for it, the schedule shown stays until then",
             "Téléchargement de \(url) en cours : attendez-le, le programme affiché reste jusque-là")
    }

    var fetchingShort: String { pick("fetching…", "téléchargement…") }

    /// "offline: schedule from 2 h ago — could not reach https://… (timeout)".
    func offline(_ notice: OfflineNotice) -> String { RemoteWords(language).offline(notice) }

    /// "45 s", "12 min", "2 h", "3 days" / "3 jours".
    func age(_ seconds: Int) -> String { RemoteWords(language).age(seconds) }
}

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

    /// Without a network layer (tests that give the store no opener).
    var cannotFetchHere: String { pick("URLs cannot be opened here", "impossible d'ouvrir une URL ici") }

    /// "offline: schedule from 2 h ago — could not reach https://… (timeout)".
    func offline(_ notice: OfflineNotice) -> String {
        let age = self.age(notice.ageSeconds)
        switch notice.reason {
        case .requested:
            return pick("offline (--offline): schedule from \(age) ago", "hors ligne (--offline) : programme d'il y a \(age)")
        case .unreachable(let reason):
            return pick("offline: schedule from \(age) ago — could not reach \(notice.source) (\(reason))",
                        "hors ligne : programme d'il y a \(age) — \(notice.source) injoignable (\(reason))")
        case .unreadable(let problem):
            return pick("offline: schedule from \(age) ago — the new version at \(notice.source) does not read (\(problem))",
                        "hors ligne : programme d'il y a \(age) — la nouvelle version de \(notice.source) est illisible (\(problem))")
        }
    }

    /// "45 s", "12 min", "2 h", "3 days" / "3 jours".
    func age(_ seconds: Int) -> String {
        if seconds < 60 { return "\(seconds) s" }
        if seconds < 3600 { return "\(seconds / 60) min" }
        if seconds < 48 * 3600 { return "\(seconds / 3600) h" }
        return pick("\(seconds / 86400) days", "\(seconds / 86400) jours")
    }
}

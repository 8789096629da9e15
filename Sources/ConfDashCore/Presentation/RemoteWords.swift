import Foundation

/// The words of schedules fetched by URL, in both languages: why a fetch failed, why the copy
/// shown is the cached one, and how old it is. The dashboard words them in the language shown
/// (so after `L` the line follows); the command line's stderr uses English, like every
/// diagnostic of the command line.
public struct RemoteWords: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }
    private func pick(_ en: String, _ fr: String) -> String { language == .en ? en : fr }

    /// The short reason messages put in parentheses: "timeout", "HTTP 503 Service Unavailable".
    public func problem(_ problem: FetchProblem) -> String {
        switch problem {
        case .timeout: return pick("timeout", "délai dépassé")
        case .hostNotFound: return pick("host not found", "hôte introuvable")
        case .connectionRefused: return pick("connection refused", "connexion refusée")
        case .connectionLost: return pick("connection lost during the download", "connexion perdue pendant le téléchargement")
        case .noNetwork: return pick("no network", "pas de réseau")
        case .noAnswer: return pick("no answer from the server", "aucune réponse du serveur")
        case .cancelled: return pick("cancelled", "annulé")
        case .tls(let text): return pick("TLS: ", "TLS : ") + text
        case .httpStatus(let code): return httpStatus(code)
        case .tooManyRedirects(let count): return pick("more than \(count) redirects", "plus de \(count) redirections")
        case .redirectRefused(let target):
            return pick("redirected to \(LocationText.shown(target)), which is not http(s)",
                        "redirigé vers \(LocationText.shown(target)), qui n'est pas en http(s)")
        case .tooLarge(let limit):
            return pick("the schedule is larger than \(limit / 1024 / 1024) MB", "le programme dépasse \(limit / 1024 / 1024) Mo")
        case .truncated(let received, let expected):
            return pick("the download stopped after \(received) of \(expected) bytes",
                        "le téléchargement s'est arrêté après \(received) octets sur \(expected)")
        case .other(let text): return text
        case .storage(let text): return pick("cannot write the cache: ", "impossible d'écrire le cache : ") + text
        }
    }

    /// "HTTP 404 Not Found" / "HTTP 404 introuvable"; the code alone when it has no common name.
    public func httpStatus(_ code: Int) -> String {
        guard let (en, fr) = Self.statusNames[code] else { return "HTTP \(code)" }
        return "HTTP \(code) " + pick(en, fr)
    }

    private static let statusNames: [Int: (String, String)] = [
        400: ("Bad Request", "requête incorrecte"), 401: ("Unauthorized", "authentification requise"),
        403: ("Forbidden", "accès interdit"), 404: ("Not Found", "introuvable"), 405: ("Method Not Allowed", "méthode refusée"),
        406: ("Not Acceptable", "format refusé"), 408: ("Request Timeout", "délai de requête dépassé"), 410: ("Gone", "supprimé"),
        429: ("Too Many Requests", "trop de requêtes"), 451: ("Unavailable For Legal Reasons", "indisponible pour raisons légales"),
        500: ("Internal Server Error", "erreur interne du serveur"), 501: ("Not Implemented", "non pris en charge"),
        502: ("Bad Gateway", "mauvaise passerelle"), 503: ("Service Unavailable", "service indisponible"),
        504: ("Gateway Timeout", "délai de passerelle dépassé"),
    ]

    /// What follows "URL: " when a URL gave no schedule at all.
    public func failure(_ failure: RemoteFailure) -> String {
        switch failure {
        case .cannotFetch(let problem):
            return pick("cannot fetch the schedule (\(self.problem(problem))) and there is no cached copy",
                        "impossible de télécharger le programme (\(self.problem(problem))) et aucune copie en cache")
        case .offlineWithoutCopy:
            return pick("no cached copy to use offline (--offline); run once with the network to fetch it",
                        "aucune copie en cache à utiliser hors ligne (--offline) ; lancez une fois avec le réseau pour la télécharger")
        case .notModifiedWithoutCopy:
            return pick("the server answered 304 Not Modified to a request without a cached copy",
                        "le serveur a répondu 304 Not Modified à une requête sans copie en cache")
        case .damagedCacheConfirmed:
            return pick("the cached copy is damaged and the server keeps answering 304",
                        "la copie en cache est abîmée et le serveur répond toujours 304")
        case .downloadUnreadable(let path):
            return pick("the downloaded schedule cannot be read back from \(path)",
                        "le programme téléchargé ne peut pas être relu depuis \(path)")
        case .unsupportedScheme:
            return pick("only http:// and https:// URLs are fetched (a local file is given by its path)",
                        "seules les URL http:// et https:// sont téléchargées (un fichier local se donne par son chemin)")
        case .invalidURL: return pick("not a valid URL", "URL non valide")
        case .notAURL: return pick("not a URL", "pas une URL")
        case .cannotFetchHere: return pick("URLs cannot be opened here", "impossible d'ouvrir une URL ici")
        }
    }

    /// "URL: cannot fetch the schedule (timeout) and there is no cached copy".
    public func failure(_ url: String, _ failure: RemoteFailure) -> String {
        LocationText.shown(url) + ": " + self.failure(failure)
    }

    /// "offline: schedule from 2 h ago — could not reach https://… (timeout)".
    public func offline(_ notice: OfflineNotice) -> String {
        let age = self.age(notice.ageSeconds)
        switch notice.reason {
        case .requested:
            return pick("offline (--offline): schedule from \(age) ago", "hors ligne (--offline) : programme d'il y a \(age)")
        case .unreachable(let reason):
            return pick("offline: schedule from \(age) ago — could not reach \(notice.source) (\(problem(reason)))",
                        "hors ligne : programme d'il y a \(age) — \(notice.source) injoignable (\(problem(reason)))")
        case .unreadable(let problem):
            return pick("offline: schedule from \(age) ago — the new version at \(notice.source) does not read (\(problem))",
                        "hors ligne : programme d'il y a \(age) — la nouvelle version de \(notice.source) est illisible (\(problem))")
        }
    }

    /// "45 s", "12 min", "2 h", "3 days" / "3 jours".
    public func age(_ seconds: Int) -> String {
        if seconds < 60 { return "\(max(0, seconds)) s" }
        if seconds < 3600 { return "\(seconds / 60) min" }
        if seconds < 48 * 3600 { return "\(seconds / 3600) h" }
        return pick("\(seconds / 86400) days", "\(seconds / 86400) jours")
    }
}

import Foundation

/// Why fetching a schedule by URL failed, as a value: the network code says what happened, the
/// word table (`RemoteWords`) says it in the language shown, so the dashboard's line follows `L`
/// and the command line's stderr stays in English.
public enum FetchProblem: Error, Equatable, Sendable {
    case timeout
    case hostNotFound
    case connectionRefused
    case connectionLost
    case noNetwork
    /// The connection closed before any answer.
    case noAnswer
    case cancelled
    /// The TLS library's own text (a certificate problem).
    case tls(String)
    case httpStatus(Int)
    case tooManyRedirects(Int)
    /// Redirected off http(s), to this URL.
    case redirectRefused(String)
    /// Over the size limit, in bytes.
    case tooLarge(Int64)
    case truncated(received: Int64, expected: Int64)
    /// The system's own text, for errors with no case of their own.
    case other(String)
    /// The body could not be written to the cache folder (the system's text).
    case storage(String)
}

/// Why a URL gave no schedule at all, with no cached copy to fall back on.
public enum RemoteFailure: Equatable, Sendable {
    /// The fetch failed, and nothing is cached.
    case cannotFetch(FetchProblem)
    /// `--offline`, and nothing is cached.
    case offlineWithoutCopy
    /// The server answered 304 Not Modified to a request that had no cached copy to confirm.
    case notModifiedWithoutCopy
    /// The cached copy turned out damaged after the server confirmed it, twice.
    case damagedCacheConfirmed
    /// The body was downloaded but cannot be read back from this file.
    case downloadUnreadable(String)
    /// Written as a URL, but not http or https (`ftp://`, `file://`).
    case unsupportedScheme
    /// Written as an http(s) URL, but not a valid one.
    case invalidURL
    /// Not written as a URL at all.
    case notAURL
    /// The dashboard was given no way to fetch (tests without a network layer).
    case cannotFetchHere
}

/// Why the version shown is the cached copy of a URL, and how old that copy is. Said once, in
/// the language shown: on stderr for the command line, in the dashboard's first message at
/// start, after `:open URL`, and after R.
public struct OfflineNotice: Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        /// `--offline`: the network was not asked.
        case requested
        /// The server could not be reached or refused.
        case unreachable(FetchProblem)
        /// The server's new version does not read (its first problem, in the reader's words); the cached one does.
        case unreadable(String)
    }

    /// The URL as messages show it (no control characters, at most 200 characters).
    public var source: String
    /// How long ago the server last gave or confirmed the cached copy.
    public var ageSeconds: Int
    public var reason: Reason

    public init(source: String, ageSeconds: Int, reason: Reason) {
        self.source = LocationText.shown(source)
        self.ageSeconds = max(0, ageSeconds)
        self.reason = reason
    }
}

import ConfDashCore
import Foundation

/// Where `--data` points: a local file, or an http(s) URL that confdash fetches and caches.
public enum ScheduleLocation: Equatable, Sendable {
    case file(String)
    case url(URL)

    public enum Problem: Error, Equatable, Sendable {
        /// A URL (as shown) whose scheme confdash does not fetch (`ftp:`, `file:`), or one it cannot read.
        case unsupported(url: String, RemoteFailure)

        /// As the dashboard takes it (`.unsupportedScheme`, `.invalidURL`).
        public var failure: RemoteFailure {
            switch self {
            case .unsupported(_, let failure): return failure
            }
        }

        /// In English, for the command line's usage error.
        public var message: String {
            switch self {
            case .unsupported(let url, let failure): return RemoteWords(.en).failure(url, failure)
            }
        }
    }

    /// `text` as the user wrote it. Anything that starts like a URL (`scheme://`) must be http or
    /// https with a host; everything else is a file path.
    public static func parse(_ text: String) throws(Problem) -> ScheduleLocation {
        guard let scheme = schemePrefix(text) else { return .file(text) }
        let shown = Self.shown(text)
        guard scheme == "http" || scheme == "https" else {
            throw .unsupported(url: shown, .unsupportedScheme)
        }
        guard let url = URL(string: text), let host = url.host, !host.isEmpty,
              text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else {
            throw .unsupported(url: shown, .invalidURL)
        }
        return .url(url)
    }

    /// The lower-cased scheme when `text` begins with `scheme://`.
    static func schemePrefix(_ text: String) -> String? { LocationText.schemePrefix(text) }

    /// A URL as messages show it: control characters (from a hostile link) replaced, kept short.
    public static func shown(_ text: String) -> String { LocationText.shown(text) }
}

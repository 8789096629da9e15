import ConfDashCore
import Foundation

/// Where `--data` points: a local file, or an http(s) URL that confdash fetches and caches.
public enum ScheduleLocation: Equatable, Sendable {
    case file(String)
    case url(URL)

    public enum Problem: Error, Equatable, Sendable {
        /// A URL whose scheme confdash does not fetch (`ftp:`, `file:`), or one it cannot read.
        case unsupported(String)

        public var message: String {
            switch self {
            case .unsupported(let reason): return reason
            }
        }
    }

    /// `text` as the user wrote it. Anything that starts like a URL (`scheme://`) must be http or
    /// https with a host; everything else is a file path.
    public static func parse(_ text: String) throws(Problem) -> ScheduleLocation {
        guard let scheme = schemePrefix(text) else { return .file(text) }
        let shown = Self.shown(text)
        guard scheme == "http" || scheme == "https" else {
            throw .unsupported("\(shown): only http:// and https:// URLs are fetched (a local file is given by its path)")
        }
        guard let url = URL(string: text), let host = url.host, !host.isEmpty,
              text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else {
            throw .unsupported("\(shown): not a valid URL")
        }
        return .url(url)
    }

    /// The lower-cased scheme when `text` begins with `scheme://`.
    static func schemePrefix(_ text: String) -> String? { LocationText.schemePrefix(text) }

    /// A URL as messages show it: control characters (from a hostile link) replaced, kept short.
    public static func shown(_ text: String) -> String { LocationText.shown(text) }
}

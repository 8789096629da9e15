import Foundation

/// What `--data` and `:open` take: a file path, or a URL (`scheme://…`). Here, in the core, so
/// that the dashboard (which links no network) and the fetcher judge the text the same way.
public enum LocationText {
    /// The lower-cased scheme when `text` begins with `scheme://`; nil for a file path.
    public static func schemePrefix(_ text: String) -> String? {
        guard let range = text.range(of: "://") else { return nil }
        let scheme = text[..<range.lowerBound]
        guard let first = scheme.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII,
              scheme.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) })
        else { return nil }
        return scheme.lowercased()
    }

    /// Whether `text` is written as a URL (any scheme: an unsupported one is refused by name).
    public static func isURL(_ text: String) -> Bool { schemePrefix(text) != nil }

    /// A URL as messages show it: control characters (from a hostile link) replaced, kept short.
    public static func shown(_ text: String) -> String {
        var result = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "?" : $0 }))
        if result.count > 200 { result = String(result.prefix(199)) + "…" }
        return result
    }
}

import Foundation

/// One entry of a directory listing, as file-name completion needs it.
public struct DirectoryEntry: Equatable, Sendable {
    public var name: String
    public var isDirectory: Bool
    public init(name: String, isDirectory: Bool) { self.name = name; self.isDirectory = isDirectory }
}

/// What the reducer may ask of the world outside the state. The store passes the real one;
/// tests pass listings of their own, so the reducer stays a function of its inputs.
public struct DashboardEnvironment: Sendable {
    /// The entries of a directory (nil when it cannot be read). Runs only on Tab after `:open`.
    public var listDirectory: @Sendable (String) -> [DirectoryEntry]?
    /// The current time, for the "now" key (seconds since 1970). Fixed in tests.
    public var now: @Sendable () -> Int

    public init(listDirectory: @escaping @Sendable (String) -> [DirectoryEntry]?,
                now: @escaping @Sendable () -> Int = { Int(Date().timeIntervalSince1970) }) {
        self.listDirectory = listDirectory
        self.now = now
    }

    /// The file system.
    public static let live = DashboardEnvironment { directory in
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        return names.map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
            return DirectoryEntry(name: name, isDirectory: isDirectory.boolValue)
        }
    }
}

/// Tab after `:open`: the entries of the directory typed so far that start with what follows
/// the last slash (directories end with `/`).
enum FileCompletion {
    static func candidates(for typed: String, listing: (String) -> [DirectoryEntry]?) -> [String] {
        let expanded = (typed as NSString).expandingTildeInPath
        let directory: String, prefix: String, shownDirectory: String
        if let slash = typed.lastIndex(of: "/") {
            shownDirectory = String(typed[...slash])
            prefix = String(typed[typed.index(after: slash)...])
            let expandedSlash = expanded.hasSuffix("/") ? expanded : (expanded as NSString).deletingLastPathComponent + "/"
            directory = typed.hasSuffix("/") ? expanded : expandedSlash
        } else {
            shownDirectory = ""; prefix = typed; directory = "."
        }
        guard let entries = listing(directory) else { return [] }
        return entries
            .filter { $0.name.hasPrefix(prefix) && !$0.name.hasPrefix(".") || (prefix.hasPrefix(".") && $0.name.hasPrefix(prefix)) }
            .sorted { $0.name < $1.name }
            .prefix(50)
            .map { shownDirectory + $0.name + ($0.isDirectory ? "/" : "") }
    }
}

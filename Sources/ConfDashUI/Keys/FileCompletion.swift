import Foundation

/// Tab after `:open`: the entries of the directory typed so far that start with what follows
/// the last slash (directories end with `/`). Reads the file system, so it runs only on Tab.
enum FileCompletion {
    static func candidates(for typed: String) -> [String] {
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
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return entries.filter { $0.hasPrefix(prefix) && !$0.hasPrefix(".") || (prefix.hasPrefix(".") && $0.hasPrefix(prefix)) }
            .sorted()
            .prefix(50)
            .map { entry in
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(entry), isDirectory: &isDirectory)
                return shownDirectory + entry + (isDirectory.boolValue ? "/" : "")
            }
    }
}

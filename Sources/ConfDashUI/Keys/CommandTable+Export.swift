import ConfDashCore
import Foundation

/// `:export FORMAT FILE` (or `:export FILE` when its extension names the format).
extension CommandTable {
    static func parseExport(_ argument: String) -> Command? {
        let first = argument.prefix { $0 != " " }
        let rest = argument.dropFirst(first.count).drop { $0 == " " }
        if let format = ExportFormat(rawValue: first.lowercased()), !rest.isEmpty {
            return .export(format, String(rest))
        }
        guard !argument.isEmpty, let format = ExportFormat(fileExtension: (argument as NSString).pathExtension) else { return nil }
        return .export(format, argument)
    }

    /// The formats first, then file names after the format.
    static func exportCandidates(_ argument: String, _ context: CompletionContext) -> [String] {
        let first = argument.prefix { $0 != " " }
        guard first.count < argument.count, let format = ExportFormat(rawValue: first.lowercased()) else {
            return ExportFormat.allCases.map { $0.rawValue + " " }.filter { $0.hasPrefix(argument.lowercased()) }
        }
        let typed = String(argument.dropFirst(first.count + 1))
        return FileCompletion.candidates(for: typed, listing: context.environment.listDirectory).map { format.rawValue + " " + $0 }
    }
}

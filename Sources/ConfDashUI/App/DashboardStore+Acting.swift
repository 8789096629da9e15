import ConfDashCore
import Foundation

/// The outside work of `o`, `y` and `:export`; each reports back to the reducer as `.acted`.
extension DashboardStore {
    func openURL(_ url: String) {
        switch launcher.open(url) {
        case .started(let program): send(.acted(.opening(url, program: program)))
        case .noBrowser: send(.acted(.noBrowser))
        case .failed(let program, let reason): send(.acted(.launchFailed(program: program, reason: reason)))
        }
    }

    /// OSC 52 (`ESC ] 52 ; c ; base64 BEL`): the terminal puts the text on the system clipboard,
    /// over ssh too. The terminal loop writes it after the next frame.
    func copy(_ text: String) {
        terminalOutput.append("\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}")
    }

    /// `:export`: what `filter` selects in every event, written atomically (a new file renamed
    /// over the old one; a device or pipe is written in place). The schedule being shown is never
    /// written over.
    func export(_ format: ExportFormat, to typed: String, filter: AgendaFilter) {
        let path = (typed as NSString).expandingTildeInPath
        if let reason = Self.unwritableReason(path, notSameAs: live.source?.path) {
            send(.acted(.exportFailed(path: typed, reason: reason))); return
        }
        let agenda = AgendaQuery(index: data.index).agenda(filter)
        guard !agenda.isEmpty else { send(.acted(.exportEmpty(path: typed))); return }
        let request = ExportRequest(index: data.index, agenda: agenda, language: state.language, filter: filter,
                                    generatorVersion: generatorVersion)
        let result = Exporter.export(request, as: format)
        do {
            try AtomicFile.write(Array(result.text.utf8), to: path, special: .writeInPlace)
            send(.acted(.exported(result.exportedSessions, path: typed, format: format.rawValue)))
        } catch {
            send(.acted(.exportFailed(path: typed, reason: error.reason)))
        }
    }

    /// Why `path` cannot take an export, checked before any work: a missing folder, a folder in
    /// its place, or the schedule file the dashboard shows.
    static func unwritableReason(_ path: String, notSameAs source: String?) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else { return "no such directory: \(directory)" }
        guard isDirectory.boolValue else { return "\(directory) is not a directory" }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return "is a directory" }
        if let source {
            var first = stat(), second = stat()
            if stat(source, &first) == 0, stat(path, &second) == 0, first.st_dev == second.st_dev, first.st_ino == second.st_ino {
                return "is the schedule being shown; choose another file"
            }
        }
        return nil
    }

    /// Bytes for the terminal itself (OSC 52), taken once by the terminal loop.
    public func takeTerminalOutput() -> String? {
        guard !terminalOutput.isEmpty else { return nil }
        defer { terminalOutput = [] }
        return terminalOutput.joined()
    }
}

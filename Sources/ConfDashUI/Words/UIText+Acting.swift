import ConfDashCore

/// What `o`, `y` and `:export` report.
public enum ActMessage: Equatable, Sendable {
    /// No session is selected (another pane has the focus, or the list is empty).
    case noSession
    /// The session has no link, or none that is a web address.
    case noLink(String)
    /// `o`: the link handed to the browser (the program's name).
    case opening(String, program: String)
    /// Neither $BROWSER nor xdg-open can be run.
    case noBrowser
    /// The browser could not be started.
    case launchFailed(program: String, reason: String)
    /// `y`: the session's summary sent to the terminal's clipboard.
    case copied(String)
    /// `:export`: sessions written to the file, in the format.
    case exported(Int, path: String, format: String)
    case exportFailed(path: String, reason: String)
    /// The filters select nothing: the file is left as it was.
    case exportEmpty(path: String)

    var kind: MessageKind {
        switch self {
        case .noSession, .noLink, .noBrowser, .launchFailed, .exportFailed, .exportEmpty: return .error
        case .opening, .copied, .exported: return .info
        }
    }
}

extension UIText {
    func act(_ message: ActMessage) -> String {
        switch message {
        case .noSession:
            return pick("No session selected: choose one in the agenda first", "Aucune séance choisie : choisissez-en une dans le programme")
        case .noLink(let title):
            return pick("“\(title)” has no web link", "« \(title) » n'a pas de lien web")
        case .opening(let url, let program):
            return pick("Opening \(url) with \(program)", "Ouverture de \(url) avec \(program)")
        case .noBrowser:
            return pick("No browser to open the link: set $BROWSER or install xdg-open",
                        "Aucun navigateur pour ouvrir le lien : définissez $BROWSER ou installez xdg-open")
        case .launchFailed(let program, let reason):
            return pick("Could not start \(program): \(reason)", "Impossible de lancer \(program) : \(reason)")
        case .copied(let title):
            return pick("Copied “\(title)” to the clipboard (OSC 52)", "« \(title) » copié dans le presse-papiers (OSC 52)")
        case .exported(let count, let path, let format):
            return pick("Exported \(count == 1 ? "1 session" : "\(number(count)) sessions") as \(format) to \(path)",
                        "\(count == 1 ? "1 séance exportée" : "\(number(count)) séances exportées") en \(format) dans \(path)")
        case .exportFailed(let path, let reason):
            return pick("\(path): cannot write: \(reason)", "\(path) : écriture impossible : \(reason)")
        case .exportEmpty(let path):
            return pick("No session matches the filters: nothing exported (\(path) left as it was)",
                        "Aucune séance ne correspond aux filtres : rien d'exporté (\(path) laissé tel quel)")
        }
    }

    /// `y`: what goes to the clipboard, one line: title · day and date · time (zone) · room · link.
    func sessionSummary(title: String, when: String?, time: String?, room: String?, link: String?) -> String {
        [title, when, time, room, link].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
    }

    /// `:export`'s usage line.
    var exportUsage: String { ":export " + ExportFormat.allCases.map(\.rawValue).joined(separator: "|") + " FILE" }
}

import ConfDashCore

/// The message under the screen, fitted to its row. What matters most comes first and stays:
/// a reload's notice for a starred session, then the counts ("— C lists them"), then the offline
/// reason. When the line is too wide the notice gives up its second and later details (from → to)
/// first, and what is still too wide ends in "…" (the offline reason, then the counts, go first),
/// never silently cut.
enum MessageLine {
    static func text(_ message: StatusMessage, language: Language, width: Int) -> String {
        let words = UIText(language)
        var line = words.message(message)
        if line.terminalWidth > width, case .live(.reloaded(let counts, let starred?, let offline)) = message, starred.details.count > 1 {
            var shorter = starred
            shorter.details = Array(starred.details.prefix(1))
            line = words.message(.live(.reloaded(counts, starred: shorter, offline: offline)))
        }
        return line.truncated(toWidth: width)
    }
}

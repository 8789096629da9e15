import ConfDashCore
import Foundation

/// `o`, `y` and `:export`: acting on the selected session or on what the filters select. The
/// reducer picks what to act on and says why it cannot; the store does the outside work.
extension Reducer {
    func runActing(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .openLink:
            guard let (session, _) = targetSession(state) else { state.message = .act(.noSession); return [] }
            guard let url = WebLink.first(of: session) else {
                state.message = .act(.noLink(session.title.text(in: state.language))); return []
            }
            return [.openLink(url)]
        case .copySession:
            guard let (session, event) = targetSession(state) else { state.message = .act(.noSession); return [] }
            state.message = .act(.copied(session.title.text(in: state.language)))
            return [.copy(summary(of: session, in: event, state))]
        case .export(let format, let path):
            return [.export(format, path: path, filter: data.filter(for: state))]
        default:
            return []
        }
    }

    /// One line for the clipboard: title · day and date · time (zone) · room · link.
    func summary(of session: Session, in event: Event, _ state: AppState) -> String {
        let language = state.language, labels = Labels(language)
        var when: String?
        if let day = session.day, let index = event.dayIndex(of: day) {
            when = labels.dayOf(index, event.dayCount) + " · " + DateLabels.long(day, language)
        }
        var time: String?
        let clock = data.clock(state.localTime)
        if let (start, end) = clock.times(of: session, in: event) {
            time = start.time.description + (end.map { "–\($0.time)" } ?? "")
            if let zone = clock.zoneName(for: event) { time! += " (\(zone))" }
        }
        let room = session.room.map { id in event.rooms.first { $0.id == id }?.name.text(in: language) ?? id }
        let text = UIText(language).sessionSummary(title: session.title.text(in: language), when: when, time: time,
                                                   room: room, link: WebLink.first(of: session))
        // Whatever the data holds, the clipboard gets one line of printable text.
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) }))
    }
}

/// The links `o` may hand to a browser: http and https addresses only, printable, not starting
/// with "-" (a browser would take it as an option), of a sane length.
enum WebLink {
    static func first(of session: Session) -> String? {
        session.links.lazy.compactMap { safe($0.url) }.first
    }

    static func safe(_ text: String) -> String? {
        let url = text.trimmingCharacters(in: .whitespaces)
        guard !url.isEmpty, url.utf8.count <= 2048,
              url.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) }) else { return nil }
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
              let parsed = URLComponents(string: url), let host = parsed.host, !host.isEmpty else { return nil }
        return url
    }
}

import ConfDashCore
import Foundation

/// `star --from FILE`: favourites exported by another app. An iCalendar file is read as a
/// schedule (its UIDs, titles and starts); anything else is a list of ids or guids, one a line,
/// with blank lines and lines starting with # skipped.
struct FavouritesFile {
    let path: String

    func sessions(in dataset: Dataset, io: CommandIO) throws -> [(Event, Session)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(status: ExitStatus.noInput, messages: ["\(path): cannot be read (\(String(cString: strerror(errno))))"])
        }
        let matcher = FavouritesMatcher(dataset)
        var found: [SessionAddress] = []
        var missed: [String] = []
        let text = String(decoding: data.prefix(4096), as: UTF8.self)
        if text.uppercased().contains("BEGIN:VCALENDAR") {
            let calendar: Dataset
            switch DatasetSource.load(path: path, format: .ics) {
            case .success(let summary): calendar = summary.dataset
            case .failure(.unreadable(let file, let reason)): throw CommandFailure(status: ExitStatus.noInput, messages: ["\(file): \(reason)"])
            case .failure(let failure): throw CommandFailure(status: ExitStatus.dataError, messages: failure.errors.map { "\($0)" })
            }
            for event in calendar.events {
                for session in event.sessions {
                    if let address = matcher.session(matching: session, of: event) { found.append(address) }
                    else { missed.append(session.title.en ?? session.title.fr ?? session.id) }
                }
            }
        } else {
            for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let entry = line.trimmingCharacters(in: .whitespacesAndNewlines)
                if entry.isEmpty || entry.hasPrefix("#") { continue }
                if let address = matcher.session(id: entry) { found.append(address) }
                else { missed.append("line \(number + 1): \(entry)") }
            }
        }
        if !missed.isEmpty {
            let shown = missed.prefix(5).map { "'\(oneLine(String($0.prefix(80))))'" }.joined(separator: ", ")
            io.err("confdash: \(path): \(missed.count) favourite\(missed.count == 1 ? "" : "s") not in the schedule: \(shown)\(missed.count > 5 ? ", …" : "")\n")
        }
        guard !found.isEmpty else {
            throw CommandFailure(status: ExitStatus.dataError, messages: ["\(path): none of its favourites is in the schedule; nothing was starred"])
        }
        return found.compactMap(matcher.lookup)
    }
}

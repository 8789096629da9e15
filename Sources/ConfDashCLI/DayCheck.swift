import ConfDashCore

/// `--day` that no selected event has: the dashboard's words ("This event has no day 7 (it has
/// 4)") and status 65, instead of an empty agenda that looks like a filter with no match.
enum DayCheck {
    static func requireDay(_ filter: AgendaFilter, in index: DatasetIndex, language: Language) throws {
        guard let day = filter.day else { return }
        let events = index.eventsByDate.filter(filter.admits)
        guard !events.isEmpty, !events.contains(where: { filter.selectedDate(in: $0) != nil }) else { return }
        let words = CLIWords(language)
        let message: String
        switch day {
        case .index(let number):
            message = words.noDay(number, events: events.count, longest: events.map(\.dayCount).max() ?? 0)
        case .date(let date):
            let first = events.map(\.startDate).min()!, last = events.map(\.endDate).max()!
            message = words.noDate(date.iso, events: events.count, span: DateLabels.range(first, last, language))
        }
        throw CommandFailure(status: ExitStatus.dataError, messages: [message])
    }
}

import ConfDashCore

/// `--day` that no selected event has: the dashboard's words ("This event has no day 7 (it has
/// 4)") and status 65, instead of an empty agenda that looks like a filter with no match.
enum DayCheck {
    static func requireDay(_ filter: AgendaFilter, in index: DatasetIndex, language: Language) throws {
        guard let day = filter.day else { return }
        let events = index.eventsByDate.filter(filter.admits)
        guard !events.isEmpty, !events.contains(where: { filter.selectedDate(in: $0) != nil }) else { return }
        let fr = language == .fr
        let message: String
        switch day {
        case .index(let number):
            let longest = events.map(\.dayCount).max() ?? 0
            if events.count == 1 {
                message = fr ? "Cet événement n'a pas de jour \(number) (il en a \(longest))"
                    : "This event has no day \(number) (it has \(longest))"
            } else {
                message = fr ? "Aucun événement n'a de jour \(number) (le plus long en a \(longest))"
                    : "No event has a day \(number) (the longest has \(longest))"
            }
        case .date(let date):
            let first = events.map(\.startDate).min()!, last = events.map(\.endDate).max()!
            let span = DateLabels.range(first, last, language)
            message = events.count == 1
                ? (fr ? "Cet événement n'a pas lieu le \(date.iso) (il se tient : \(span))" : "This event does not take place on \(date.iso) (it runs \(span))")
                : (fr ? "Aucun événement n'a lieu le \(date.iso) (les événements : \(span))" : "No event takes place on \(date.iso) (the events span \(span))")
        }
        throw CommandFailure(status: ExitStatus.dataError, messages: [message])
    }
}

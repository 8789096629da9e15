/// The RRULEs conference calendars use: FREQ=DAILY or WEEKLY, with INTERVAL, COUNT or UNTIL, and
/// BYDAY weekdays ("every weekday", "Tuesdays and Thursdays"). Anything else is reported as not
/// expanded, and the caller keeps the event once rather than guess.
struct RecurrenceRule {
    enum Frequency: String { case daily = "DAILY", weekly = "WEEKLY" }

    /// More than this is surely not a conference programme; the rest is cut with a warning.
    static let maximumOccurrences = 1000

    var frequency: Frequency
    var interval = 1
    var count: Int?
    var until: ICSTime?
    /// ISO weekdays (1 = Monday), sorted; empty when BYDAY is not given.
    var weekdays: [Int] = []

    enum Problem: Error {
        /// Valid iCalendar, but more than confdash expands.
        case unsupported(String)
        /// Neither COUNT nor UNTIL: it goes on for ever.
        case endless
    }

    static func parse(_ text: String) -> Result<RecurrenceRule, Problem> {
        let parts = parts(text)
        guard let frequencyText = parts["FREQ"] else { return .failure(.unsupported("it has no FREQ")) }
        guard let frequency = Frequency(rawValue: frequencyText) else { return .failure(.unsupported("FREQ=\(frequencyText)")) }
        var rule = RecurrenceRule(frequency: frequency)
        for (key, value) in parts.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "FREQ", "WKST":
                continue
            case "INTERVAL":
                guard let interval = Int(value), (1...1000).contains(interval) else { return .failure(.unsupported("INTERVAL=\(value)")) }
                rule.interval = interval
            case "COUNT":
                guard let count = Int(value), count >= 1 else { return .failure(.unsupported("COUNT=\(value)")) }
                rule.count = count
            case "UNTIL":
                guard let until = ICSValues.time(value, parameters: [:]) else { return .failure(.unsupported("UNTIL=\(value)")) }
                rule.until = until
            case "BYDAY":
                var days: [Int] = []
                for item in value.split(separator: ",") {
                    guard let (ordinal, day) = weekday(String(item)), ordinal == 0 else { return .failure(.unsupported("BYDAY=\(value)")) }
                    days.append(day)
                }
                rule.weekdays = Array(Set(days)).sorted()
            default:
                return .failure(.unsupported("\(key)=\(value)"))
            }
        }
        if rule.count == nil && rule.until == nil { return .failure(.endless) }
        return .success(rule)
    }

    /// `FREQ=WEEKLY;BYDAY=TU,TH` → ["FREQ": "WEEKLY", "BYDAY": "TU,TH"], keys and values upper-cased.
    static func parts(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for part in text.uppercased().split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { result[String(pair[0]).trimmingWhitespace] = String(pair[1]).trimmingWhitespace }
        }
        return result
    }

    /// `MO` → (0, 1); `-1SU` → (-1, 7); `2TU` → (2, 2).
    static func weekday(_ text: String) -> (ordinal: Int, weekday: Int)? {
        let names = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
        let text = text.trimmingWhitespace.uppercased()
        guard text.count >= 2, let day = names.firstIndex(of: String(text.suffix(2))) else { return nil }
        let prefix = text.dropLast(2)
        guard prefix.isEmpty || (prefix.count <= 3 && Int(prefix) != nil) else { return nil }
        return (prefix.isEmpty ? 0 : Int(prefix)!, day + 1)
    }

    /// The dates the event happens on, from `start` (always the first, as the file states it) up to
    /// `lastDate` and `count`. `capped` says `maximumOccurrences` cut the list short.
    func dates(from start: CalendarDate, lastDate: CalendarDate?) -> (dates: [CalendarDate], capped: Bool) {
        let wanted = min(count ?? Int.max, Self.maximumOccurrences + 1)
        var result = [start]
        var candidate = 0
        // Each turn advances `candidate`, and the bound stops even a rule no date ever satisfies.
        while result.count < wanted, candidate < 100_000 {
            candidate += 1
            let date: CalendarDate
            switch frequency {
            case .daily:
                date = start.adding(days: candidate * interval)
            case .weekly:
                let days = weekdays.isEmpty ? [start.isoWeekday] : weekdays
                let monday = start.adding(days: 1 - start.isoWeekday)
                let week = (candidate - 1) / days.count
                date = monday.adding(days: week * 7 * interval + days[(candidate - 1) % days.count] - 1)
            }
            if let lastDate, date > lastDate { break }
            if date.year > CalendarDate.readableYears.upperBound { break }
            let wantedWeekday = frequency == .weekly || weekdays.isEmpty || weekdays.contains(date.isoWeekday)
            if date > start && wantedWeekday { result.append(date) }
        }
        let capped = result.count > Self.maximumOccurrences
        return (Array(result.prefix(Self.maximumOccurrences)), capped)
    }
}

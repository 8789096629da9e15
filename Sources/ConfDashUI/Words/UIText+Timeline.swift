import ConfDashCore

/// The words of the timeline's days × hours view (one event with clock times).
extension UIText {
    var hoursZoom: String { pick("hours", "heures") }

    /// A lane's label: "Sat 28 Dec" / "sam. 28 déc.".
    func laneLabel(_ date: CalendarDate) -> String {
        let weekday = DateLabels.weekday(date, language)
        let month = DateLabels.monthName(date.month, language, short: true)
        return pick("\(weekday.prefix(3)) \(date.day) \(month)", "\(weekday.prefix(3)). \(date.day) \(month)")
    }

    /// "Day 2 · 16:00–17:00 · 23 sessions running · Enter: the agenda at 16:00".
    func slotSummary(day: Int, from: String, to: String, running: Int) -> String {
        let sessions = Plural.count(running, "session", "sessions", language)
        return pick("Day \(day) · \(from)–\(to) · \(sessions) running · Enter: the agenda at \(from)",
                    "Jour \(day) · \(from)–\(to) · \(sessions) en cours · Entrée : le programme à \(from)")
    }
}

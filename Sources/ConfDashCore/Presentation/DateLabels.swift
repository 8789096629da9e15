/// Dates written the way each language writes them, with no dependency on the machine's locale data
/// (Linux installs often lack it, and output must be identical everywhere for scripts and tests).
public enum DateLabels {
    private static let monthsEN = ["January", "February", "March", "April", "May", "June", "July", "August",
                                   "September", "October", "November", "December"]
    private static let monthsFR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                                   "septembre", "octobre", "novembre", "décembre"]
    private static let shortMonthsEN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let shortMonthsFR = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
    private static let weekdaysEN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    private static let weekdaysFR = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

    public static func monthName(_ month: Int, _ language: Language, short: Bool = false) -> String {
        switch (language, short) {
        case (.en, false): return monthsEN[month - 1]
        case (.en, true): return shortMonthsEN[month - 1]
        case (.fr, false): return monthsFR[month - 1]
        case (.fr, true): return shortMonthsFR[month - 1]
        }
    }

    public static func weekday(_ date: CalendarDate, _ language: Language) -> String {
        (language == .en ? weekdaysEN : weekdaysFR)[date.isoWeekday - 1]
    }

    /// "Tuesday 12 November 2024" / "mardi 12 novembre 2024".
    public static func long(_ date: CalendarDate, _ language: Language) -> String {
        "\(weekday(date, language)) \(date.day) \(monthName(date.month, language)) \(date.year)"
    }

    /// "12 Nov 2024" / "12 nov. 2024".
    public static func short(_ date: CalendarDate, _ language: Language) -> String {
        "\(date.day) \(monthName(date.month, language, short: true)) \(date.year)"
    }

    /// A span written compactly: "12–14 Nov 2024", "28 Feb – 2 Mar 2024", "30 Dec 2024 – 2 Jan 2025".
    public static func range(_ from: CalendarDate, _ to: CalendarDate, _ language: Language) -> String {
        if from == to { return short(from, language) }
        if from.year == to.year && from.month == to.month {
            return "\(from.day)–\(to.day) \(monthName(to.month, language, short: true)) \(to.year)"
        }
        if from.year == to.year {
            return "\(from.day) \(monthName(from.month, language, short: true)) – \(short(to, language))"
        }
        return "\(short(from, language)) – \(short(to, language))"
    }
}

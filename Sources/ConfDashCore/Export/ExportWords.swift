/// The fixed words exports write into files (iCalendar descriptions, Markdown), in both languages.
/// Notes on stderr stay in English, like every other message of the command line.
struct ExportWords: Sendable {
    let language: Language
    var labels: Labels { Labels(language) }

    private func pick(_ en: String, _ fr: String) -> String { language == .en ? en : fr }

    /// ": " in English, " : " in French typography.
    var colon: String { pick(": ", " : ") }
    var people: String { pick("People", "Intervenants") }
    var organisations: String { pick("Organisations", "Organisations") }
    var tracks: String { pick("Tracks", "Thèmes") }
    var technologies: String { pick("Technologies", "Technologies") }
    var room: String { pick("Room", "Salle") }
    var when: String { pick("When", "Quand") }
    var links: String { pick("Links", "Liens") }
    var localTimeNoZone: String { pick("local time, no time zone stated", "heure locale, fuseau non précisé") }
    var endNotStated: String { pick("end not stated", "fin non précisée") }
    /// After the Markdown agenda's count of sessions.
    var statedOnly: String {
        pick(". Days, times and rooms appear only where the source states them.",
             ". Les jours, heures et salles n'apparaissent que lorsque la source les précise.")
    }

    /// "One entry for 3 sessions described together."
    func grouped(_ count: Int) -> String {
        pick("One entry for \(labels.formatNumber(count)) sessions the source describes together.",
             "Une entrée pour \(labels.formatNumber(count)) sessions que la source décrit ensemble.")
    }

    /// "Day 2 or 3 (the source does not say which): 11–12 Oct 2023."
    func possibleDays(_ range: DateRange, in event: Event) -> String {
        let first = event.dayIndex(of: range.from) ?? 1
        let last = event.dayIndex(of: range.to) ?? first
        return labels.possibleDays(first, last) + colon + DateLabels.range(range.from, range.to, language) + "."
    }

    /// "Day not stated in the source: some time during the event (10–12 Oct 2023)."
    func duringEvent(_ event: Event) -> String {
        let dates = DateLabels.range(event.startDate, event.endDate, language)
        return pick("Day not stated in the source: some time during the event (\(dates)).",
                    "Jour non précisé par la source : pendant l'événement (\(dates)).")
    }

    /// "Afternoon; no clock time stated in the source." or "No clock time stated in the source."
    func noClockTime(_ part: Session.PartOfDay?) -> String {
        let none = pick("no clock time stated in the source.", "heure non précisée par la source.")
        guard let part else { return pick("No clock time stated in the source.", "Heure non précisée par la source.") }
        let word = labels.partOfDay(part)
        return word.prefix(1).uppercased() + word.dropFirst() + pick("; ", " ; ") + none
    }

    var noDuration: String { pick("End time not stated in the source.", "Heure de fin non précisée par la source.") }
    var noTimeZone: String {
        pick("Local time of the event; the source states no time zone.",
             "Heure locale de l'événement ; la source ne précise pas le fuseau horaire.")
    }

    /// The sentences that say how much of "when" the source states, for a session whose day or
    /// time is not fully known. Empty when day, start, end and zone are all stated.
    func timingNotes(_ item: ExportSession) -> [String] {
        switch item.timing {
        case .clock(_, let duration, let zone):
            return (zone == nil ? [noTimeZone] : []) + (duration == nil ? [noDuration] : [])
        case .day:
            return [noClockTime(item.session.partOfDay)]
        case .possibleDays(let range):
            return [possibleDays(range, in: item.event), noClockTime(item.session.partOfDay)]
        case .duringEvent:
            return [duringEvent(item.event), noClockTime(item.session.partOfDay)]
        }
    }
}

import ConfDashCore

/// The command line's fixed words in both languages: its word table. Data words (kinds, roles,
/// dates) come from `Labels` and `DateLabels`, which the dashboard shares. Error messages on
/// stderr stay in English, like every diagnostic of the command line.
struct CLIWords {
    let language: Language
    init(_ language: Language) { self.language = language }
    private func pick(_ en: String, _ fr: String) -> String { language == .en ? en : fr }

    var noSessionMatches: String { pick("No session matches these filters.", "Aucune session ne correspond à ces filtres.") }
    var noEventMatches: String { pick("No event matches.", "Aucun événement ne correspond.") }
    var noSessions: String { pick("The data has no sessions.", "Les données ne contiennent aucune session.") }

    private func one(_ count: Int) -> Bool { Plural.isSingular(count, language) }

    func noSessionOnThatDay(_ undated: Int) -> String {
        one(undated)
            ? pick("No session is placed on that day. \(undated) matching session has no day stated in the source: drop --day to see it.",
                   "Aucune session n'est placée ce jour-là. \(undated) session correspondante n'a pas de jour précisé dans la source : retirez --day pour la voir.")
            : pick("No session is placed on that day. \(undated) matching sessions have no day stated in the source: drop --day to see them.",
                   "Aucune session n'est placée ce jour-là. \(undated) sessions correspondantes n'ont pas de jour précisé dans la source : retirez --day pour les voir.")
    }

    func moreUndated(_ undated: Int) -> String {
        one(undated)
            ? pick("\(undated) more matching session has no day stated in the source: drop --day to see it.",
                   "\(undated) autre session correspondante n'a pas de jour précisé dans la source : retirez --day pour la voir.")
            : pick("\(undated) more matching sessions have no day stated in the source: drop --day to see them.",
                   "\(undated) autres sessions correspondantes n'ont pas de jour précisé dans la source : retirez --day pour les voir.")
    }

    /// `--day` that no selected event has (`DayCheck`): the dashboard's words.
    func noDay(_ number: Int, events: Int, longest: Int) -> String {
        events == 1 ? pick("This event has no day \(number) (it has \(longest))", "Cet événement n'a pas de jour \(number) (il en a \(longest))")
            : pick("No event has a day \(number) (the longest has \(longest))", "Aucun événement n'a de jour \(number) (le plus long en a \(longest))")
    }

    func noDate(_ date: String, events: Int, span: String) -> String {
        events == 1 ? pick("This event does not take place on \(date) (it runs \(span))", "Cet événement n'a pas lieu le \(date) (il se tient : \(span))")
            : pick("No event takes place on \(date) (the events span \(span))", "Aucun événement n'a lieu le \(date) (les événements : \(span))")
    }

    var whenColumn: String { pick("When", "Quand") }
    var roomColumn: String { pick("Room", "Salle") }
    var kindColumn: String { pick("Kind", "Type") }
    var tracksColumn: String { pick("Tracks", "Thèmes") }

    /// The agenda's footnote for "—" in the time and room columns; empty when nothing is missing.
    func notStatedNote(time: Bool, room: Bool) -> String {
        switch (time, room) {
        case (true, true): return pick(" · — : time or room not stated in the source", " · — : heure ou salle non précisée par la source")
        case (true, false): return pick(" · — : time not stated in the source", " · — : heure non précisée par la source")
        case (false, true): return pick(" · — : room not stated in the source", " · — : salle non précisée par la source")
        case (false, false): return ""
        }
    }

    var eventColumn: String { pick("Event · kind · id", "Événement · type · id") }
    var whereColumn: String { pick("Where · WCO region", "Lieu · région OMD") }
    var regionColumn: String { pick("WCO region", "Région OMD") }
    var eventsColumn: String { pick("Events", "Événements") }

    /// "times: Europe/Berlin", "times: Asia/Tokyo (the event's: Europe/Berlin)" for a zone named
    /// with `--tz`, or "times: Asia/Tokyo (yours; the event's: Europe/Berlin)" for `--tz local`.
    func times(_ shown: String, eventZone: String, yours: Bool = true) -> String {
        if shown == eventZone { return pick("times: \(shown)", "heures : \(shown)") }
        guard yours else { return pick("times: \(shown) (the event's: \(eventZone))", "heures : \(shown) (celle de l'événement : \(eventZone))") }
        return pick("times: \(shown) (yours; the event's: \(eventZone))", "heures : \(shown) (la vôtre ; celle de l'événement : \(eventZone))")
    }

    var trackHeader: String { pick("Track", "Thème") }
    var technologyHeader: String { pick("Technology", "Technologie") }
    var alsoKnownAs: String { pick("Also known as", "Autres noms") }
    var trendColumn: String { pick("Trend", "Tendance") }
    /// Entries that stand for a topic grouped sessions covered (breakout topics), counted apart from sessions.
    var topicsColumn: String { pick("Topics", "Sujets") }
    var topicsLegend: String {
        pick("Topics: entries that name a topic grouped sessions covered (a breakout's), not sessions.",
             "Sujets : entrées qui nomment un sujet traité par des sessions groupées (un atelier), pas des sessions.")
    }

    func trendLegend(_ years: [Int]) -> String {
        let list = years.map(String.init).joined(separator: " ")
        return pick("Trend: sessions per year, \(list)", "Tendance : sessions par année, \(list)")
    }

    /// Said instead of an empty table, which would look like a fault: imported schedules have no
    /// technologies or regions (their formats have no field for them), and may have no tracks.
    func emptyList(_ key: String) -> String {
        switch key {
        case "tracks":
            return pick("This dataset names no tracks.", "Ce jeu de données ne nomme aucun thème.")
        case "technologies":
            return pick("This dataset names no technologies (imported schedules have no such field).",
                        "Ce jeu de données ne nomme aucune technologie (un programme importé n'a pas ce champ).")
        default:
            return pick("This dataset names no regions (imported schedules have no such field).",
                        "Ce jeu de données ne nomme aucune région (un programme importé n'a pas ce champ).")
        }
    }

    func eventsMatchByOwnText(_ count: Int) -> String {
        one(count) ? pick("\(count) event matches by its own text", "\(count) événement correspond par son propre texte")
            : pick("\(Labels(language).formatNumber(count)) events match by their own text", "\(Labels(language).formatNumber(count)) événements correspondent par leur propre texte")
    }

    func searchMatchesTheEvent(fields: String, search: String) -> String {
        pick("The search matches the event itself (\(fields)), not a session; confdash events --long --search \"\(search)\" shows it.",
             "La recherche correspond à l'événement lui-même (\(fields)), pas à une session ; confdash events --long --search \"\(search)\" le montre.")
    }

    /// Before the reason a session's day is our inference; "†" is the mark on its row.
    func dayInferred(for title: String, span: Bool) -> String {
        span ? pick("† Days inferred for “\(title)”: ", "† Jours déduits pour « \(title) » : ")
            : pick("† Day inferred for “\(title)”: ", "† Jour déduit pour « \(title) » : ")
    }
    /// After the title of a row whose day the source does not state; the note under the table says why.
    var dayInferredMark: String { " †" }

    // agenda --starred: My agenda's marks, as the dashboard shows them
    /// "⚠ overlaps «Title»", "≈ may overlap «Title», «Title» +2".
    func overlaps(certain: Bool, titles: [String], more: Int) -> String {
        (certain ? "⚠ " + pick("overlaps ", "chevauche ") : "≈ " + pick("may overlap ", "chevauche peut-être "))
            + titles.map { "«\($0)»" }.joined(separator: ", ") + (more > 0 ? " +\(more)" : "")
    }
    /// The session cell of a free gap's row: "free · 1 h 45 min".
    func freeGap(minutes: Int) -> String {
        let length = minutes >= 60 ? "\(minutes / 60) h" + (minutes % 60 > 0 ? " \(minutes % 60) min" : "") : "\(minutes) min"
        return pick("free · ", "libre · ") + length
    }
    /// Under a starred agenda with overlaps: what the two marks mean.
    var overlapLegend: String {
        pick("⚠ overlaps another starred session · ≈ may overlap (a time given only as a part of day or a day)",
             "⚠ chevauche une autre session étoilée · ≈ chevauche peut-être (heure donnée seulement en partie de journée ou en jour)")
    }
    var noStarredMatch: String {
        pick("No starred session matches. Star some with confdash star ID, or s in the dashboard.",
             "Aucune session étoilée ne correspond. Étoilez-en avec confdash star ID, ou s dans le tableau de bord.")
    }

    // confdash now
    var now: String { pick("now", "maintenant") }
    var next: String { pick("next", "ensuite") }
    var roomHeader: String { pick("room", "salle") }
    var trackColumnHeader: String { pick("track", "thème") }
    var nothingMoreToday: String { pick("Nothing more today.", "Plus rien aujourd'hui.") }
    func nothingNowOrNext(starred: Bool) -> String {
        starred ? pick("No starred session running now or still to come today.", "Aucune session étoilée en cours ni à venir aujourd'hui.")
            : pick("No session running now or still to come today.", "Aucune session en cours ni à venir aujourd'hui.")
    }
}

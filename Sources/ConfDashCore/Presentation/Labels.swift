/// Every fixed word confdash shows, in both languages. Kept in one place so that the CLI and the
/// dashboard say the same thing and a missing translation is a compile error, not a blank.
public struct Labels: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    public func pick(_ en: String, _ fr: String) -> String { language == .en ? en : fr }

    public func eventKind(_ kind: Event.Kind) -> String {
        switch kind {
        case .conference: return pick("Conference", "Conférence")
        case .regionalWorkshop: return pick("Regional workshop", "Atelier régional")
        case .onlineWorkshop: return pick("Online workshop", "Atelier en ligne")
        case .other: return pick("Event", "Événement")
        }
    }

    public func sessionKind(_ kind: Session.Kind) -> String {
        switch kind {
        case .ceremony: return pick("Ceremony", "Cérémonie")
        case .highLevelPanel: return pick("High-level panel", "Table ronde de haut niveau")
        case .keynote: return pick("Keynote", "Discours")
        case .panel: return pick("Panel", "Table ronde")
        case .breakout: return pick("Breakout", "Atelier")
        case .specialSession: return pick("Special session", "Session spéciale")
        case .themeDay: return pick("Theme day", "Journée thématique")
        case .closing: return pick("Closing", "Clôture")
        case .workshopSession: return pick("Workshop session", "Séance d'atelier")
        case .groupExercise: return pick("Group exercise", "Exercice de groupe")
        case .siteVisit: return pick("Site visit", "Visite de site")
        case .remarks: return pick("Remarks", "Allocution")
        case .talk: return pick("Talk", "Exposé")
        case .other: return pick("Session", "Session")
        }
    }

    public func partOfDay(_ part: Session.PartOfDay) -> String {
        switch part {
        case .morning: return pick("morning", "matin")
        case .afternoon: return pick("afternoon", "après-midi")
        case .evening: return pick("evening", "soir")
        }
    }

    public func personRole(_ role: SessionPerson.Role) -> String {
        switch role {
        case .speaker: return pick("speaker", "intervenant")
        case .moderator: return pick("moderator", "modérateur")
        case .panellist: return pick("panellist", "panéliste")
        case .leader: return pick("leader", "responsable")
        case .host: return pick("host", "hôte")
        }
    }

    public func organisationRole(_ role: SessionOrganisation.Role) -> String {
        switch role {
        case .speaker: return pick("speaker", "intervenant")
        case .contributor: return pick("contributor", "contributeur")
        case .host: return pick("host", "hôte")
        case .visited: return pick("visited", "lieu de la visite")
        }
    }

    public func eventRole(_ role: EventOrganisation.Role) -> String {
        switch role {
        case .host: return pick("host", "hôte")
        case .organiser: return pick("organiser", "organisateur")
        case .supporter: return pick("supporter", "soutien")
        case .funder: return pick("funder", "financeur")
        case .commercialSponsor: return pick("commercial sponsor", "sponsor commercial")
        case .participant: return pick("participant", "participant")
        case .partner: return pick("partner", "partenaire")
        }
    }

    public func measure(_ measure: Figure.Measure) -> String {
        switch measure {
        case .participants: return pick("participants", "participants")
        case .countries: return pick("countries", "pays")
        case .memberAdministrations: return pick("member administrations", "administrations membres")
        case .exhibitionStands: return pick("exhibition stands", "stands d'exposition")
        case .days: return pick("days", "jours")
        case .panels: return pick("panels", "tables rondes")
        case .streams: return pick("streams", "volets")
        }
    }

    /// "more than 1,200" / "plus de 1 200": the number as the source qualifies it.
    public func quantity(_ figure: Figure) -> String {
        let number = formatNumber(figure.value)
        switch figure.qualifier {
        case .exact: return number
        case .moreThan: return pick("more than \(number)", "plus de \(number)")
        case .nearly: return pick("nearly \(number)", "près de \(number)")
        case .atLeast: return pick("at least \(number)", "au moins \(number)")
        case .about: return pick("about \(number)", "environ \(number)")
        }
    }

    /// Thousands grouped: "1,200" in English, "1 200" (narrow no-break space) in French.
    public func formatNumber(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped += language == .en ? "," : "\u{202F}" }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    // MARK: Words for unknowns: shown, never invented.

    public var timeNotStated: String { pick("time not stated", "heure non précisée") }
    public var dayNotStated: String { pick("Day not stated", "Jour non précisé") }
    public var online: String { pick("Online", "En ligne") }
    public var none: String { pick("none", "aucun") }

    /// "Day 2 of 3".
    public func dayOf(_ index: Int, _ count: Int) -> String { pick("Day \(index) of \(count)", "Jour \(index) sur \(count)") }

    /// "Day 2 or 3 (the source does not say which)" for a span of possible days.
    public func possibleDays(_ first: Int, _ last: Int) -> String {
        if last == first + 1 {
            return pick("Day \(first) or \(last) (the source does not say which)", "Jour \(first) ou \(last) (la source ne précise pas)")
        }
        return pick("One of days \(first)–\(last) (the source does not say which)", "L'un des jours \(first) à \(last) (la source ne précise pas)")
    }

    public var duringTheEvent: String { pick("During the event (day not stated)", "Pendant l'événement (jour non précisé)") }

    /// ", inferred: REASON": after a day the source does not state.
    public func dayInferred(_ reason: String) -> String { pick(", inferred: ", ", déduit : ") + reason }

    /// "our translation of the French original", for a quoted title or theme shown in another language.
    public func ourTranslation(from code: String?) -> String {
        switch code {
        case "fr": return pick("our translation of the French original", "notre traduction de l'original français")
        case "en": return pick("our translation of the English original", "notre traduction de l'original anglais")
        default: return pick("our translation of the original (\(code ?? "?"))", "notre traduction de l'original (\(code ?? "?"))")
        }
    }

    /// "11 sessions and 8 breakout topics": entries that stand for a topic of grouped sessions
    /// ("breakouts on topics such as…") are not sessions, and are counted apart.
    public func sessionsAndTopics(_ sessions: Int, _ topics: Int, breakouts: Bool) -> String {
        let text = formatNumber(sessions) + " " + Plural.word(sessions, "session", "sessions", language)
        guard topics > 0 else { return text }
        let noun = Plural.word(topics, pick("topic", "sujet"), pick("topics", "sujets"), language)
        let topicText = "\(formatNumber(topics)) " + (breakouts ? pick("breakout \(noun)", "\(noun) d'atelier")
                                                             : pick("\(noun) of grouped sessions", "\(noun) de sessions groupées"))
        // Topics alone: "1 breakout topic", not "0 sessions and 1 breakout topic".
        return sessions == 0 ? topicText : text + pick(" and ", " et ") + topicText
    }

    /// `sessionsAndTopics` for a list of entries.
    public func sessionsAndTopics(_ entries: [Session]) -> String {
        let topics = entries.filter(\.groupTopic)
        return sessionsAndTopics(entries.count - topics.count, topics.count, breakouts: topics.allSatisfy { $0.kind == .breakout })
    }

    /// What an entry that stands for a topic is, next to its kind: "Breakout topic".
    public func topicKind(_ kind: Session.Kind) -> String {
        kind == .breakout ? pick("Breakout topic", "Sujet d'atelier") : sessionKind(kind) + pick(" topic", " (sujet)")
    }

    /// "theme", "organisations": a part of an event's own text that a search matched.
    public func searchField(_ field: EventSearchField) -> String {
        switch field {
        case .title: return pick("title", "titre")
        case .theme: return pick("theme", "thème")
        case .description: return pick("description", "description")
        case .place: return pick("place", "lieu")
        case .organisations: return pick("organisations", "organisations")
        }
    }
}

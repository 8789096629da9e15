import ConfDashCore

/// Builds the CLI's records and text fragments from the model, in one language.
struct RecordBuilder {
    let index: DatasetIndex
    let language: Language
    /// The clock times are shown on (`--tz`).
    var clock: ClockDisplay = .eventZone
    var labels: Labels { Labels(language) }

    func text(_ value: LocalizedText?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value.text(in: language)
    }

    func idName(track id: String) -> IDName { IDName(id: id, name: text(index.tracksByID[id]?.name) ?? id) }
    func idName(technology id: String) -> IDName { IDName(id: id, name: text(index.technologiesByID[id]?.name) ?? id) }
    func idName(region id: String?) -> IDName? {
        guard let id else { return nil }
        return IDName(id: id, name: text(index.regionsByID[id]?.name) ?? id)
    }
    func idName(organisation id: String?) -> IDName? {
        guard let id else { return nil }
        return IDName(id: id, name: organisationName(id))
    }
    func organisationName(_ id: String) -> String { text(index.organisationsByID[id]?.name) ?? id }
    func countryName(_ code: String?) -> IDName? {
        guard let code else { return nil }
        return IDName(id: code, name: text(index.countriesByCode[code]?.name) ?? code)
    }

    func figure(_ figure: Figure) -> FigureRecord {
        FigureRecord(measure: figure.measure.rawValue, value: figure.value, qualifier: figure.qualifier.rawValue,
                     text: labels.quantity(figure), note: text(figure.note), computed: figure.computed)
    }

    func event(_ event: Event) -> EventRecord {
        let place = index.place(of: event).map {
            // One precedence everywhere (text, JSON, CSV): the event's own country, else its place's.
            PlaceRecord(id: $0.id, name: text($0.name) ?? $0.id, country: countryName(index.country(of: event)?.code),
                        latitude: $0.latitude, longitude: $0.longitude)
        }
        let technologies = orderedUnion(event.technologies, event.sessions.flatMap(\.technologies))
        return EventRecord(
            id: event.id, kind: event.kind.rawValue, kindLabel: labels.eventKind(event.kind),
            title: event.title.text(in: language), shortTitle: text(event.shortTitle), series: text(event.series),
            theme: text(event.theme), officialTitle: event.officialTitle, quoteTranslated: event.quoteIsTranslated(in: language),
            yearTheme: text(event.yearTheme), startDate: event.startDate.iso, endDate: event.endDate.iso, dayCount: event.dayCount,
            online: event.online, place: place, region: idName(region: event.region),
            organisations: event.organisations.map {
                OrganisationRoleRecord(id: $0.organisation, name: organisationName($0.organisation), role: $0.role.rawValue)
            },
            figures: event.figures.map(figure), technologies: technologies.map { idName(technology: $0) },
            sessionCount: event.sessionAndTopicCounts.sessions, topicCount: event.sessionAndTopicCounts.topics,
            description: text(event.description),
            sources: index.sourceFiles(event.sources))
    }

    func session(_ session: Session, of event: Event) -> SessionRecord {
        let times = clock.times(of: session, in: event)
        let range = session.possibleDays.map {
            DayRangeRecord(from: $0.from.iso, to: $0.to.iso, fromIndex: event.dayIndex(of: $0.from), toIndex: event.dayIndex(of: $0.to))
        }
        return SessionRecord(
            event: event.id, eventTitle: event.title.text(in: language), eventShortTitle: text(event.shortTitle),
            id: session.id, title: session.title.text(in: language), officialTitle: session.officialTitle,
            titleTranslated: session.titleIsTranslated(in: language), groupTopic: session.groupTopic,
            kind: session.kind.rawValue,
            kindLabel: session.groupTopic ? labels.topicKind(session.kind) : labels.sessionKind(session.kind), count: session.count,
            day: session.day?.iso, dayIndex: session.day.flatMap(event.dayIndex(of:)), possibleDays: range,
            dayBasis: session.dayBasis.map { DayBasisRecord(quote: $0.quote, inferred: $0.inferred, reason: text($0.reason)) },
            partOfDay: session.partOfDay?.rawValue, start: times?.start.description, end: times?.end?.description,
            timeZone: times == nil ? nil : clock.zoneName(for: event),
            durationMinutes: session.durationMinutes, room: roomName(session.room, in: event),
            tracks: session.tracks.map { idName(track: $0) },
            technologies: session.technologies.map { idName(technology: $0) },
            people: session.people.map { link in
                let person = index.peopleByID[link.person]
                return SessionPersonRecord(id: link.person, name: person?.name ?? link.person, role: link.role.rawValue,
                                           title: text(person?.role), organisation: idName(organisation: person?.organisation))
            },
            organisations: session.organisations.map {
                SessionOrganisationRecord(id: $0.organisation, name: organisationName($0.organisation),
                                          role: $0.role.rawValue, note: text($0.note))
            },
            description: text(session.description), abstract: text(session.abstract), language: session.language,
            links: session.links.map { LinkRecord(url: $0.url, title: text($0.title)) },
            sources: index.sourceFiles(session.sources))
    }

    func roomName(_ id: String?, in event: Event) -> String? {
        guard let id else { return nil }
        return index.room(id, in: event).map { $0.name.text(in: language) } ?? id
    }

    /// "12–14 Nov 2024".
    func dates(_ event: Event) -> String { DateLabels.range(event.startDate, event.endDate, language) }

    /// "Rio de Janeiro, Brazil", or "Online".
    func whereabouts(_ event: Event) -> String {
        if event.online { return labels.online }
        let place = index.place(of: event).map { $0.name.text(in: language) }
        let country = index.country(of: event).map { $0.name.text(in: language) }
        return [place, country].compactMap { $0 }.joined(separator: ", ")
    }

    func figure(_ measure: Figure.Measure, of event: Event) -> String? {
        event.figures.first { $0.measure == measure }.map(labels.quantity)
    }

    /// "Cláudia Thomaz (speaker), Ian Saunders (moderator)", then organisations present without a named person.
    func peopleLine(_ session: Session) -> String {
        let people = session.people.map { "\(index.peopleByID[$0.person]?.name ?? $0.person) (\(labels.personRole($0.role)))" }
        let organisations = session.organisations.map { link -> String in
            let organisation = index.organisationsByID[link.organisation]
            let name = organisation.map { text($0.acronym) ?? $0.name.text(in: language) } ?? link.organisation
            return "\(name) (\(labels.organisationRole(link.role)))"
        }
        return (people + organisations).joined(separator: ", ")
    }

    /// Whether the source gives any time of day for the session (a clock time or a part of the day).
    func timeIsStated(_ session: Session) -> Bool { session.start != nil || session.partOfDay != nil }

    /// When a session happens, as precisely as known: "14:00–15:30", "afternoon", or "—". A time
    /// on another calendar day than the session's (the night after a conference day, or a
    /// conversion with --tz local) says how many days later or earlier: "00:30–01:30 +1".
    func when(_ session: Session, in event: Event) -> String {
        if let (start, end) = clock.times(of: session, in: event) {
            var text = end.map { "\(start.time)–\($0.time)" } ?? "\(start.time)"
            let shift = clock.dayShift(of: session, in: event)
            if shift != 0 { text += " " + ClockDisplay.shiftMark(shift) }
            return text
        }
        if let part = session.partOfDay { return labels.partOfDay(part) }
        return "—"
    }
}

/// `first` followed by the elements of `second` it lacks, order kept.
func orderedUnion(_ first: [String], _ second: [String]) -> [String] {
    var seen = Set<String>()
    return (first + second).filter { seen.insert($0).inserted }
}

extension DatasetReader {
    func readSession(_ value: JSONValue, _ path: String, _ event: EventContext) -> Session? {
        guard let fields = object(value, path) else { return nil }
        let id = fields.required("id", recordID)
        let uid = fields.optional("uid", string)
        let kind = fields.required("kind", choice(Session.Kind.self))
        let title = fields.required("title", localized)
        let officialTitle = fields.optional("officialTitle", bool) ?? false
        let count = fields.optional("count", integer(atLeast: 2))
        let day = fields.optional("day", date)
        let possibleDays = fields.optional("possibleDays") { self.readPossibleDays($0, $1, event) }
        let partOfDay = fields.optional("partOfDay", choice(Session.PartOfDay.self))
        let start = fields.optional("start", dateTime)
        var durationMinutes = fields.optional("durationMinutes", integer(atLeast: 1))
        if let minutes = durationMinutes, minutes > Session.maximumDurationMinutes {
            // Beyond 14 days it is surely a mistake, and no end can be counted from it.
            log.warning("durationMinutes \(minutes) is more than 14 days (\(Session.maximumDurationMinutes)); the length is left out",
                        at: fields.fieldPath("durationMinutes"), fields.position(of: "durationMinutes"))
            durationMinutes = nil
        }
        let room = fields.optional("room") { self.room($0, $1, event) }
        let language = fields.optional("language", languageCode)
        let description = fields.optional("description", localized)
        let abstract = fields.optional("abstract", localized)
        let tracks = references(fields, "tracks", to: .track)
        let technologies = references(fields, "technologies", to: .technology)
        let people = fields.list("people", readSessionPerson)
        let organisations = fields.list("organisations", readSessionOrganisation)
        let links = fields.list("links", readLink)
        let sources = references(fields, "sources", to: .source)
        let groupTopic = fields.optional("groupTopic", bool) ?? false
        let dayBasis = fields.optional("dayBasis", readDayBasis)
        let quotedLanguage = fields.optional("quotedLanguage", languageCode)
        // `guid` is the older name of `uid` (files written before the two became one field).
        let guid = fields.optional("guid", text)
        if let uid, let guid, uid != guid {
            log.warning("guid \(quoted(guid)) differs from uid \(quoted(uid)); guid is the older name of uid, so uid is kept",
                        at: fields.fieldPath("guid"), fields.position(of: "guid"))
        }
        fields.finish()

        if dayBasis != nil && day == nil && possibleDays == nil {
            log.error("dayBasis says why the session is on its day, but the session has no day or possibleDays",
                      at: fields.fieldPath("dayBasis"), fields.position(of: "dayBasis"))
        }
        if let day {
            checkWithin(event, day, fields, "day")
            // They are alternatives: a day is exact, possibleDays is for when the source gives no day.
            if let possibleDays {
                let message = possibleDays.contains(day)
                    ? "give either day or possibleDays, not both"
                    : "day \(day) is not within possibleDays (\(possibleDays.from) to \(possibleDays.to)); give either, not both"
                log.error(message, at: fields.fieldPath("day"), fields.position(of: "day"))
            }
        }
        if let start {
            // A session may run past midnight after the last day, hence one day of slack.
            checkWithin(event, start.date, fields, "start", shown: start, lateDays: 1)
            // A session in the small hours belongs to the conference day before (frab's day_change).
            if let day, start.date != day && start.date != day.adding(days: 1) {
                log.error("start \(start) is not on the session's day \(day) (or the night after it)",
                          at: fields.fieldPath("start"), fields.position(of: "start"))
            } else if !event.hasTimeZone {
                log.warning("the session has a start time but its event has no timeZone to read it in",
                            at: fields.fieldPath("start"), fields.position(of: "start"))
            }
        }

        guard let id, let kind, let title else { return nil }
        let lasting = uid ?? guid
        return Session(id: id, kind: kind, title: title, officialTitle: officialTitle, count: count, day: day,
                       possibleDays: possibleDays, partOfDay: partOfDay, start: start, durationMinutes: durationMinutes,
                       room: room, language: language, description: description, abstract: abstract, tracks: tracks,
                       technologies: technologies, people: people, organisations: organisations, links: links,
                       sources: sources, groupTopic: groupTopic, dayBasis: dayBasis, quotedLanguage: quotedLanguage,
                       uid: lasting.flatMap { $0.isEmpty ? nil : String($0.prefix(200)) })
    }

    /// A quote of the source that states the day, or an inference with its reason: one of the two at least.
    func readDayBasis(_ value: JSONValue, _ path: String) -> DayBasis? {
        guard let fields = object(value, path) else { return nil }
        let quote = fields.optional("quote", text)
        let inferred = fields.optional("inferred", bool) ?? false
        let reason = fields.optional("reason", localized)
        fields.finish()
        if inferred && reason == nil {
            log.error("an inferred day needs a reason: say why the session is placed there",
                      at: fields.fieldPath("reason"), fields.position)
        } else if !inferred && quote == nil {
            log.error("give the source's words that state the day (quote), or mark the day inferred with a reason",
                      at: fields.fieldPath("quote"), fields.position)
        }
        return DayBasis(quote: quote, inferred: inferred, reason: reason)
    }

    func readPossibleDays(_ value: JSONValue, _ path: String, _ event: EventContext) -> DateRange? {
        guard let fields = object(value, path) else { return nil }
        let from = fields.required("from", date)
        let to = fields.required("to", date)
        fields.finish()
        guard let from, let to else { return nil }
        checkWithin(event, from, fields, "from")
        checkWithin(event, to, fields, "to")
        guard from <= to else {
            log.error("possibleDays ends before it starts: to \(to) is before from \(from)", at: fields.fieldPath("to"), fields.position(of: "to"))
            return nil
        }
        return DateRange(from: from, to: to)
    }

    func readSessionPerson(_ value: JSONValue, _ path: String) -> SessionPerson? {
        guard let fields = object(value, path) else { return nil }
        let person = fields.required("person", reference(.person))
        let role = fields.required("role", choice(SessionPerson.Role.self))
        fields.finish()
        guard let person, let role else { return nil }
        return SessionPerson(person: person, role: role)
    }

    func readSessionOrganisation(_ value: JSONValue, _ path: String) -> SessionOrganisation? {
        guard let fields = object(value, path) else { return nil }
        let organisation = fields.required("organisation", reference(.organisation))
        let role = fields.required("role", choice(SessionOrganisation.Role.self))
        let note = fields.optional("note", localized)
        fields.finish()
        guard let organisation, let role else { return nil }
        return SessionOrganisation(organisation: organisation, role: role, note: note)
    }

    /// Rooms are defined per event, so a session can only be in one of its own event's rooms.
    private func room(_ value: JSONValue, _ path: String, _ event: EventContext) -> String? {
        guard let id = text(value, path) else { return nil }
        if !event.roomIDs.contains(id) {
            log.error("unknown room id \(quoted(id)) (not among this event's rooms)", at: path, value.position)
        }
        return id
    }
}

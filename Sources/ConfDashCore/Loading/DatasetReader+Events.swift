/// What a session is checked against: its event's dates and rooms.
struct EventContext {
    /// Nil when the event's own dates are missing or reversed: that is reported once, on the event,
    /// rather than again on every session.
    var dates: ClosedRange<CalendarDate>?
    var roomIDs: Set<String>
    var hasTimeZone: Bool

    func outsideMessage(_ shown: CustomStringConvertible) -> String {
        guard let dates else { return "" }
        return "\(shown) is outside the event's dates (\(dates.lowerBound) to \(dates.upperBound))"
    }
}

extension DatasetReader {
    func readEvent(_ value: JSONValue, _ path: String) -> Event? {
        guard let fields = object(value, path) else { return nil }
        let id = fields.required("id", recordID)
        let kind = fields.required("kind", choice(Event.Kind.self))
        let series = fields.optional("series", localized)
        let title = fields.required("title", localized)
        let shortTitle = fields.optional("shortTitle", localized)
        let theme = fields.optional("theme", localized)
        let officialTitle = fields.optional("officialTitle", bool) ?? false
        let yearTheme = fields.optional("yearTheme", localized)
        let quotedLanguage = fields.optional("quotedLanguage", languageCode)
        let startDate = fields.required("startDate", date)
        let endDate = fields.required("endDate", date)
        let timeZone = fields.optional("timeZone", timeZone)
        let online = fields.optional("online", bool) ?? false
        let place = fields.optional("place", reference(.place))
        let country = fields.optional("country", reference(.country))
        let region = fields.optional("region", reference(.region))
        let organisations = fields.list("organisations", readEventOrganisation)
        let figures = fields.list("figures", readFigure)
        let technologies = references(fields, "technologies", to: .technology)
        let description = fields.optional("description", localized)

        var context = EventContext(dates: nil, roomIDs: DatasetReader.stringMembers("id", in: fields.value("rooms")),
                                   hasTimeZone: fields.value("timeZone") != nil)
        if let startDate, let endDate {
            if endDate < startDate {
                log.error("the event ends before it starts: endDate \(endDate) is before startDate \(startDate)",
                          at: fields.fieldPath("endDate"), fields.position(of: "endDate"))
            } else if endDate.days(since: startDate) >= Event.maximumDayCount {
                // Every view walks an event day by day; a typo in a year must not make that take forever.
                log.error("the event lasts \(endDate.days(since: startDate) + 1) days; confdash accepts events of at most \(Event.maximumDayCount) days (is a year mistyped?)",
                          at: fields.fieldPath("endDate"), fields.position(of: "endDate"))
            } else {
                context.dates = startDate...endDate
            }
        }
        var dayDates: [String: JSONPosition] = [:]
        checkUnique(fields, "days", key: "date", noun: "day", seen: &dayDates)
        let days = fields.list("days") { self.readEventDay($0, $1, context) }
        var roomIDs: [String: JSONPosition] = [:]
        checkUnique(fields, "rooms", key: "id", noun: "room id", seen: &roomIDs)
        let rooms = fields.list("rooms", readRoom)
        let links = fields.list("links", readLink)
        checkUnique(fields, "sessions", key: "id", noun: "session id", seen: &sessionIDs)
        let sessions = fields.list("sessions") { self.readSession($0, $1, context) }
        let sources = references(fields, "sources", to: .source)
        fields.finish()

        guard let id, let kind, let title, let startDate, let endDate else { return nil }
        return Event(id: id, kind: kind, series: series, title: title, shortTitle: shortTitle, theme: theme,
                     startDate: startDate, endDate: endDate, timeZone: timeZone, online: online, place: place,
                     country: country, region: region, organisations: organisations, figures: figures,
                     technologies: technologies, description: description, days: days, rooms: rooms, links: links,
                     sessions: sessions, sources: sources, officialTitle: officialTitle, yearTheme: yearTheme,
                     quotedLanguage: quotedLanguage)
    }

    func readEventOrganisation(_ value: JSONValue, _ path: String) -> EventOrganisation? {
        guard let fields = object(value, path) else { return nil }
        let organisation = fields.required("organisation", reference(.organisation))
        let role = fields.required("role", choice(EventOrganisation.Role.self))
        let sources = references(fields, "sources", to: .source)
        fields.finish()
        guard let organisation, let role else { return nil }
        return EventOrganisation(organisation: organisation, role: role, sources: sources)
    }

    func readFigure(_ value: JSONValue, _ path: String) -> Figure? {
        guard let fields = object(value, path) else { return nil }
        let measure = fields.required("measure", choice(Figure.Measure.self))
        let number = fields.required("value", integer(atLeast: 0))
        let qualifier = fields.optional("qualifier", choice(Figure.Qualifier.self))
        let note = fields.optional("note", localized)
        let sources = references(fields, "sources", to: .source)
        let computed = fields.optional("computed", bool) ?? false
        fields.finish()
        if computed && note == nil {
            log.error("a computed figure needs a note saying how it was worked out", at: fields.fieldPath("note"), fields.position)
        }
        guard let measure, let number else { return nil }
        return Figure(measure: measure, value: number, qualifier: qualifier ?? .exact, note: note, sources: sources,
                      computed: computed)
    }

    func readEventDay(_ value: JSONValue, _ path: String, _ event: EventContext) -> EventDay? {
        guard let fields = object(value, path) else { return nil }
        let date = fields.required("date", date)
        let theme = fields.optional("theme", localized)
        let sources = references(fields, "sources", to: .source)
        fields.finish()
        guard let date else { return nil }
        checkWithin(event, date, fields, "date")
        return EventDay(date: date, theme: theme, sources: sources)
    }

    func readRoom(_ value: JSONValue, _ path: String) -> Room? {
        guard let fields = object(value, path) else { return nil }
        let id = fields.required("id", recordID)
        let name = fields.required("name", localized)
        fields.finish()
        guard let id, let name else { return nil }
        return Room(id: id, name: name)
    }

    func readLink(_ value: JSONValue, _ path: String) -> Link? {
        guard let fields = object(value, path) else { return nil }
        let url = fields.required("url", url)
        let title = fields.optional("title", localized)
        fields.finish()
        guard let url else { return nil }
        return Link(url: url, title: title)
    }

    /// Reports `date` when it falls outside the event; `lateDays` allows sessions that run past midnight
    /// on the last day.
    func checkWithin(_ event: EventContext, _ date: CalendarDate, _ fields: ObjectReader, _ key: String,
                     shown: CustomStringConvertible? = nil, lateDays: Int = 0) {
        guard let dates = event.dates else { return }
        if date < dates.lowerBound || date > dates.upperBound.adding(days: lateDays) {
            log.error(event.outsideMessage(shown ?? date), at: fields.fieldPath(key), fields.position(of: key))
        }
    }
}

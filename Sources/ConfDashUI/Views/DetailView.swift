import ConfDashScreen
import ConfDashCore

/// A line of text with one style, already wrapped to the width it is drawn at.
struct StyledLine: Equatable {
    var text: String
    var style: Style
}

/// The detail of a session (or, with no session in view, of the selected event): description,
/// people with roles and organisations, technologies, tracks, and the source documents.
/// Shared by the detail panel (full layout) and the detail overlay (Enter).
enum DetailView {
    static func lines(_ state: AppState, data: DashboardData, theme: Theme, width: Int, preferSession: Bool) -> [StyledLine] {
        guard width > 0 else { return [] }
        if preferSession, let (session, event) = data.agendaRows(state).session(at: state.agenda.cursor) {
            return sessionLines(session, event: event, state: state, data: data, theme: theme, width: width)
        }
        if let event = data.event(state.selectedEvent) {
            return eventLines(event, state: state, data: data, theme: theme, width: width)
        }
        return [StyledLine(text: UIText(state.language).noSelection, style: theme.dim)]
    }

    private struct Builder {
        let width: Int
        let theme: Theme
        var lines: [StyledLine] = []

        mutating func add(_ text: String, _ style: Style, indent: Int = 0) {
            let pad = String(repeating: " ", count: indent)
            for line in text.wrapped(toWidth: max(width - indent, 1)) { lines.append(StyledLine(text: pad + line, style: style)) }
        }
        mutating func field(_ label: String, _ value: String, _ style: Style? = nil) {
            add(label + ": " + value, style ?? theme.text)
        }
        /// A web address on a line of its own, never broken across lines (a broken address cannot
        /// be clicked or copied whole); one too long for the width ends in "…" (`o` opens it, `y` copies it).
        mutating func addURL(_ url: String, _ style: Style) {
            lines.append(StyledLine(text: url.truncated(toWidth: width), style: style))
        }
        mutating func section(_ title: String) {
            if !lines.isEmpty { lines.append(StyledLine(text: "", style: theme.text)) }
            add(title, theme.heading)
        }
    }

    static func sessionLines(_ session: Session, event: Event, state: AppState, data: DashboardData, theme: Theme,
                             width: Int) -> [StyledLine] {
        let language = state.language, labels = Labels(language)
        var b = Builder(width: width, theme: theme)
        b.add(session.title.text(in: language), theme.title)
        var kind = labels.sessionKind(session.kind)
        if let count = session.count, count > 1 {
            kind += labels.pick(" — \(count) sessions described together", " — \(count) séances décrites ensemble")
        }
        // Only the bundled data tells its own labels from official titles; an imported schedule's
        // titles are all the schedule's own, so the mark would say nothing.
        let imported = session.sources.contains { data.index.sourcesByID[$0]?.kind == .imported }
            || (session.sources.isEmpty && event.sources.contains { data.index.sourcesByID[$0]?.kind == .imported })
        if session.officialTitle && !imported { kind += labels.pick(" · official title", " · titre officiel") }
        b.add(kind, theme.dim)
        b.add(UIText.eventName(event, language), theme.dim)
        b.lines.append(StyledLine(text: "", style: theme.text))

        let when: String
        switch AgendaSlot(session) {
        case .day(let date):
            when = labels.dayOf(event.dayIndex(of: date) ?? 0, event.dayCount) + " · " + DateLabels.long(date, language)
        case .possibleDays(let range):
            when = labels.possibleDays(event.dayIndex(of: range.from) ?? 0, event.dayIndex(of: range.to) ?? 0)
        case .unplaced:
            when = labels.duringTheEvent
        }
        b.field(labels.pick("When", "Quand"), when)
        if let (start, end) = data.clock(state.localTime).times(of: session, in: event) {
            var time = start.time.description
            if let end { time += "–\(end.time)" }
            if start.date != session.day ?? start.date { time += " · " + DateLabels.short(start.date, language) }
            if let zone = data.clock(state.localTime).zoneName(for: event) { time += " (\(zone))" }
            else { time += labels.pick(" (local time; the source gives no time zone)", " (heure locale ; la source ne donne pas de fuseau)") }
            b.field(labels.pick("Time", "Heure"), time)
        } else if let part = session.partOfDay {
            b.field(labels.pick("Time", "Heure"), labels.partOfDay(part) + labels.pick(", clock time not stated", ", heure exacte non précisée"))
        } else {
            b.field(labels.pick("Time", "Heure"), labels.pick("not stated in the source", "non précisée par la source"), theme.dim)
        }
        if let room = session.room {
            let name = event.rooms.first { $0.id == room }?.name.text(in: language) ?? room
            b.field(labels.pick("Room", "Salle"), name)
        } else if !event.rooms.isEmpty {
            b.field(labels.pick("Room", "Salle"), labels.pick("not stated", "non précisée"), theme.dim)
        }
        if let description = session.description?.text(in: language), !description.isEmpty {
            b.section(labels.pick("About", "En bref"))
            b.add(description, theme.text)
        }
        if let abstract = session.abstract?.text(in: language), !abstract.isEmpty {
            b.section(labels.pick("Abstract", "Résumé"))
            b.add(abstract, theme.text)
        }
        if !session.people.isEmpty {
            b.section(labels.pick("People", "Intervenants"))
            for link in session.people {
                guard let person = data.index.peopleByID[link.person] else { continue }
                var line = "• \(person.name) — \(labels.personRole(link.role))"
                let role = person.role?.text(in: language) ?? ""
                if !role.isEmpty { line += ", " + role }
                // Sources often give the organisation as the person's title too: said once.
                if let organisation = person.organisation.flatMap({ data.index.organisationsByID[$0] }) {
                    let name = organisation.name.text(in: language)
                    if !role.searchFolded.contains(name.searchFolded) { line += ", " + name }
                }
                b.add(line, theme.text, indent: 0)
            }
        }
        if !session.organisations.isEmpty {
            b.section(labels.pick("Organisations", "Organisations"))
            for link in session.organisations {
                guard let organisation = data.index.organisationsByID[link.organisation] else { continue }
                var line = "• \(organisation.name.text(in: language)) — \(labels.organisationRole(link.role))"
                if let note = link.note?.text(in: language), !note.isEmpty { line += " (\(note))" }
                b.add(line, theme.text)
            }
        }
        let technologies = session.technologies.compactMap { data.index.technologiesByID[$0]?.name.text(in: language) }
        if !technologies.isEmpty {
            b.section(labels.pick("Technologies", "Technologies"))
            b.add(technologies.joined(separator: ", "), theme.text)
        }
        let tracks = session.tracks.compactMap { data.index.tracksByID[$0]?.name.text(in: language) }
        if !tracks.isEmpty {
            b.section(labels.pick("Tracks", "Thèmes"))
            b.add(tracks.joined(separator: ", "), theme.text)
        }
        if !session.links.isEmpty {
            b.section(labels.pick("Links", "Liens"))
            for link in session.links { b.addURL(link.url, theme.text) }
        }
        addSources(session.sources.isEmpty ? event.sources : session.sources, data: data, labels: labels, into: &b)
        return b.lines
    }

    static func eventLines(_ event: Event, state: AppState, data: DashboardData, theme: Theme, width: Int) -> [StyledLine] {
        let language = state.language, labels = Labels(language)
        var b = Builder(width: width, theme: theme)
        b.add(event.title.text(in: language), theme.title)
        if let theme = event.theme?.text(in: language) { b.add("“\(theme)”", b.theme.text) }
        b.add(labels.eventKind(event.kind), theme.dim)
        b.lines.append(StyledLine(text: "", style: theme.text))
        let days = event.dayCount == 1 ? labels.pick("1 day", "1 jour") : labels.pick("\(event.dayCount) days", "\(event.dayCount) jours")
        b.field(labels.pick("Dates", "Dates"), DateLabels.range(event.startDate, event.endDate, language) + " (\(days))")
        var whereText = [data.index.place(of: event)?.name.text(in: language), data.index.country(of: event)?.name.text(in: language)]
            .compactMap { $0 }.joined(separator: ", ")
        if event.online { whereText = whereText.isEmpty ? labels.online : whereText + " · " + labels.online }
        if !whereText.isEmpty { b.field(labels.pick("Where", "Où"), whereText) }
        if let region = data.index.region(of: event) { b.field(labels.pick("Region", "Région"), region.name.text(in: language)) }
        if let zone = event.timeZone { b.field(labels.pick("Time zone", "Fuseau"), zone) }
        b.field(labels.pick("Sessions", "Séances"), String(event.sessions.count))
        if !event.figures.isEmpty {
            b.section(labels.pick("Figures", "Chiffres"))
            for figure in event.figures {
                var line = "• \(labels.quantity(figure)) \(labels.measure(figure.measure))"
                if let note = figure.note?.text(in: language) { line += " (\(note))" }
                b.add(line, theme.text)
            }
        }
        if !event.organisations.isEmpty {
            b.section(labels.pick("Organisations", "Organisations"))
            for link in event.organisations {
                guard let organisation = data.index.organisationsByID[link.organisation] else { continue }
                b.add("• \(organisation.name.text(in: language)) — \(labels.eventRole(link.role))", theme.text)
            }
        }
        if let description = event.description?.text(in: language), !description.isEmpty {
            b.section(labels.pick("About", "En bref"))
            b.add(description, theme.text)
        }
        let technologies = event.technologies.compactMap { data.index.technologiesByID[$0]?.name.text(in: language) }
        if !technologies.isEmpty {
            b.section(labels.pick("Technologies", "Technologies"))
            b.add(technologies.joined(separator: ", "), theme.text)
        }
        addSources(event.sources, data: data, labels: labels, into: &b)
        return b.lines
    }

    private static func addSources(_ ids: [String], data: DashboardData, labels: Labels, into b: inout Builder) {
        // By title and date: a seed's file name is a hash that tells a reader nothing (the CLI's
        // JSON and the exports still name the file).
        let sources = ids.compactMap { data.index.sourcesByID[$0] }
        guard !sources.isEmpty else { return }
        b.section(labels.pick("Source", "Source"))
        for source in sources {
            var line = source.title.text(in: labels.language)
            if line.isEmpty { line = source.file ?? source.id }
            if let date = source.published { line += " · " + DateLabels.long(date, labels.language) }
            b.add(line, b.theme.dim)
        }
    }

    /// Draws lines from `scroll` into `rect`.
    static func draw(_ lines: [StyledLine], scroll: Int, in rect: Rect, into grid: inout CellGrid) {
        for row in 0..<rect.height {
            let index = scroll + row
            guard index < lines.count else { break }
            grid.write(lines[index].text, in: rect, row: row, style: lines[index].style)
        }
    }
}

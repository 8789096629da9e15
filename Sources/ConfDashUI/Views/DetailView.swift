import ConfDashScreen
import ConfDashCore

/// A line of text with one style, already wrapped to the width it is drawn at.
struct StyledLine: Equatable, Sendable {
    var text: String
    var style: Style
    /// A web address the line shows: drawn as a link (OSC 8 where the terminal has them).
    var link: String? = nil
}

/// The detail of a session (or, with no session in view, of the selected event): description,
/// people with roles and organisations, technologies, tracks, and the source documents.
/// Shared by the detail panel (full layout) and the detail overlay (Enter).
enum DetailView {
    /// What the detail text depends on: built once for it, whoever asks (the reducer measuring
    /// the overlay, then the frame drawing it).
    struct Key: Equatable, Sendable {
        var session: String?
        var event: String?
        var language: Language
        var localTime: Bool
        var width: Int
        var theme: Theme
    }

    static func lines(_ state: AppState, data: DashboardData, theme: Theme, width: Int, preferSession: Bool,
                      overlay: Bool = false) -> [StyledLine] {
        guard width > 0 else { return [] }
        let selected = preferSession ? data.agendaRows(state).session(at: state.agenda.cursor) : nil
        let event = selected?.1 ?? data.event(state.selectedEvent)
        let key = Key(session: selected?.0.id, event: event?.id, language: state.language, localTime: state.localTime,
                      width: width, theme: theme)
        // The panel and the overlay have different widths: one cache each, so neither evicts the other.
        return (overlay ? data.detailOverlayCache : data.detailPanelCache).value(for: key) {
            if let (session, event) = selected {
                return sessionLines(session, event: event, state: state, data: data, theme: theme, width: width)
            }
            if let event {
                return eventLines(event, state: state, data: data, theme: theme, width: width)
            }
            return [StyledLine(text: UIText(state.language).noSelection, style: theme.dim)]
        }
    }

    private struct Builder {
        let width: Int
        let theme: Theme
        var lines: [StyledLine] = []

        mutating func add(_ text: String, _ style: Style, indent: Int = 0) {
            let pad = String.repeating(" ", count: indent)
            for line in text.wrapped(toWidth: max(width - indent, 1)) { lines.append(StyledLine(text: pad + line, style: style)) }
        }
        mutating func field(_ label: String, _ value: String, _ style: Style? = nil) {
            add(label + ": " + value, style ?? theme.text)
        }
        /// A web address on a line of its own, never broken across lines (a broken address cannot
        /// be clicked or copied whole); one too long for the width ends in "…" (`o` opens it, `y` copies it).
        mutating func addURL(_ url: String, _ style: Style) {
            lines.append(StyledLine(text: url.truncated(toWidth: width), style: style, link: url))
        }
        mutating func section(_ title: String) {
            if !lines.isEmpty { lines.append(StyledLine(text: "", style: theme.text)) }
            add(title, theme.heading)
        }
    }

    /// ★ starred, the note, and the other starred sessions it overlaps.
    private static func personalLines(_ session: Session, event: Event, state: AppState, data: DashboardData, into b: inout Builder) {
        let address = SessionAddress(event: event.id, session: session.id)
        guard state.personal.starred.contains(address) || state.personal.notes[address] != nil else { return }
        if state.personal.starred.contains(address) {
            b.add("★ " + UIText(state.language).starredUnstar, b.theme.title)
            for overlap in data.overlaps(of: address, state) {
                guard let (other, _) = data.session(at: overlap.other) else { continue }
                b.add(UIText(state.language).overlapsWith(certain: overlap.certain)
                      + other.title.text(in: state.language), b.theme.heading)
            }
        }
        if let note = state.personal.notes[address] { b.add("✎ " + note, b.theme.text) }
    }

    static func sessionLines(_ session: Session, event: Event, state: AppState, data: DashboardData, theme: Theme,
                             width: Int) -> [StyledLine] {
        let language = state.language, labels = Labels(language), words = UIText(language)
        var b = Builder(width: width, theme: theme)
        b.add(session.title.text(in: language), theme.title)
        var kind = session.groupTopic ? labels.topicKind(session.kind) : labels.sessionKind(session.kind)
        if session.groupTopic { kind += words.groupTopicNote }
        if let count = session.count, count > 1 {
            kind += words.describedTogether(count)
        }
        // Only the bundled data tells its own labels from official titles; an imported schedule's
        // titles are all the schedule's own, so the mark would say nothing.
        let imported = session.sources.contains { data.index.sourcesByID[$0]?.kind == .imported }
            || (session.sources.isEmpty && event.sources.contains { data.index.sourcesByID[$0]?.kind == .imported })
        if session.officialTitle && !imported { kind += words.officialTitle }
        if session.titleIsTranslated(in: language) { kind += " (" + labels.ourTranslation(from: session.quotedLanguage) + ")" }
        b.add(kind, theme.dim)
        b.add(UIText.eventName(event, language), theme.dim)
        personalLines(session, event: event, state: state, data: data, into: &b)
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
        if let basis = session.dayBasis, basis.inferred, let reason = basis.reason?.text(in: language) {
            b.field(words.when, when + labels.dayInferred(reason))
        } else {
            b.field(words.when, when)
        }
        if let (start, end) = data.clock(state.localTime).times(of: session, in: event) {
            var time = start.time.description
            if let end { time += "–\(end.time)" }
            // As in the agenda: "+1" when it ends after midnight (or the clock moved it a day).
            time += ClockDisplay.shiftMark(data.clock(state.localTime).dayShift(of: session, in: event))
            if start.date != session.day ?? start.date { time += " · " + DateLabels.short(start.date, language) }
            if let zone = data.clock(state.localTime).zoneName(for: event) { time += " (\(zone))" }
            else { time += words.localTimeNoZone }
            b.field(words.time, time)
        } else if let part = session.partOfDay {
            b.field(words.time, labels.partOfDay(part) + words.clockTimeNotStated)
        } else {
            b.field(words.time, words.timeNotStated, theme.dim)
        }
        if let room = session.room {
            let name = event.rooms.first { $0.id == room }?.name.text(in: language) ?? room
            b.field(words.room, name)
        } else if !event.rooms.isEmpty {
            b.field(words.room, words.roomNotStated, theme.dim)
        }
        if let description = session.description?.text(in: language), !description.isEmpty {
            b.section(words.about)
            b.add(description, theme.text)
        }
        if let abstract = session.abstract?.text(in: language), !abstract.isEmpty {
            b.section(words.abstract)
            b.add(abstract, theme.text)
        }
        if !session.people.isEmpty {
            b.section(words.people)
            for link in session.people {
                guard let person = data.index.peopleByID[link.person] else { continue }
                var line = "• \(person.name) — \(labels.personRole(link.role))"
                let role = person.role?.text(in: language) ?? ""
                if !role.isEmpty { line += ", " + role }
                // Sources often give the organisation as the person's title too: said once.
                if let organisation = person.organisation.flatMap({ data.index.organisationsByID[$0] }),
                   !titleNames(person.role, organisation.name, shown: role) {
                    line += ", " + organisation.name.text(in: language)
                }
                b.add(line, theme.text, indent: 0)
            }
        }
        if !session.organisations.isEmpty {
            b.section(words.organisations)
            for link in session.organisations {
                guard let organisation = data.index.organisationsByID[link.organisation] else { continue }
                var line = "• \(organisation.name.text(in: language)) — \(labels.organisationRole(link.role))"
                if let note = link.note?.text(in: language), !note.isEmpty { line += " (\(note))" }
                b.add(line, theme.text)
            }
        }
        let technologies = session.technologies.compactMap { data.index.technologiesByID[$0]?.name.text(in: language) }
        if !technologies.isEmpty {
            b.section(words.technologies)
            b.add(technologies.joinedText(separator: ", "), theme.text)
        }
        let tracks = session.tracks.compactMap { data.index.tracksByID[$0]?.name.text(in: language) }
        if !tracks.isEmpty {
            b.section(words.tracks)
            b.add(tracks.joinedText(separator: ", "), theme.text)
        }
        if !session.links.isEmpty {
            b.section(words.links)
            for link in session.links { b.addURL(link.url, theme.text) }
        }
        addSources(session.sources.isEmpty ? event.sources : session.sources, data: data, labels: labels, into: &b)
        return b.lines
    }

    /// Whether a person's title already names the organisation: in the language shown, or in
    /// any language both are written in (a translated title may word the name differently:
    /// "Secrétariat fédéral des recettes du Brésil" for "Secrétariat du Service fédéral…").
    static func titleNames(_ title: LocalizedText?, _ name: LocalizedText, shown: String) -> Bool {
        func contains(_ text: String?, _ part: String?) -> Bool {
            guard let text, let part, !part.isEmpty else { return false }
            return text.searchFolded.contains(part.searchFolded)
        }
        guard let title else { return false }
        return contains(shown, name.text(in: .en)) || contains(shown, name.text(in: .fr))
            || contains(title.en, name.en) || contains(title.fr, name.fr)
    }

    static func eventLines(_ event: Event, state: AppState, data: DashboardData, theme: Theme, width: Int) -> [StyledLine] {
        let language = state.language, labels = Labels(language), words = UIText(language)
        var b = Builder(width: width, theme: theme)
        b.add(event.title.text(in: language), theme.title)
        let translated = event.quoteIsTranslated(in: language) ? " (" + labels.ourTranslation(from: event.quotedLanguage) + ")" : ""
        if event.officialTitle { b.add(words.officialTitleHeading + translated, theme.dim) }
        if let theme = event.theme?.text(in: language) { b.add("“\(theme)”" + translated, b.theme.text) }
        b.add(labels.eventKind(event.kind), theme.dim)
        b.lines.append(StyledLine(text: "", style: theme.text))
        let days = words.days(event.dayCount)
        b.field(words.dates, DateLabels.range(event.startDate, event.endDate, language) + " (\(days))")
        var whereText = [data.index.place(of: event)?.name.text(in: language), data.index.country(of: event)?.name.text(in: language)]
            .compactMap { $0 }.joinedText(separator: ", ")
        if event.online { whereText = whereText.isEmpty ? labels.online : whereText + " · " + labels.online }
        if !whereText.isEmpty { b.field(words.whereLabel, whereText) }
        if let region = data.index.region(of: event) { b.field(words.region, region.name.text(in: language)) }
        if let zone = event.timeZone { b.field(words.timeZone, zone) }
        if let yearTheme = event.yearTheme?.text(in: language) {
            b.field(words.themeOfTheYear, "“\(yearTheme)”" + translated)
        }
        b.field(words.programme, labels.sessionsAndTopics(event.sessions))
        if !event.figures.isEmpty {
            b.section(words.figures)
            for figure in event.figures {
                var line = "• \(labels.quantity(figure)) \(labels.measure(figure.measure))"
                if let note = figure.note?.text(in: language) { line += " (\(note))" }
                b.add(line, theme.text)
            }
        }
        if !event.organisations.isEmpty {
            b.section(words.organisations)
            for link in event.organisations {
                guard let organisation = data.index.organisationsByID[link.organisation] else { continue }
                b.add("• \(organisation.name.text(in: language)) — \(labels.eventRole(link.role))", theme.text)
            }
        }
        if let description = event.description?.text(in: language), !description.isEmpty {
            b.section(words.about)
            b.add(description, theme.text)
        }
        let technologies = event.technologies.compactMap { data.index.technologiesByID[$0]?.name.text(in: language) }
        if !technologies.isEmpty {
            b.section(words.technologies)
            b.add(technologies.joinedText(separator: ", "), theme.text)
        }
        addSources(event.sources, data: data, labels: labels, into: &b)
        return b.lines
    }

    private static func addSources(_ ids: [String], data: DashboardData, labels: Labels, into b: inout Builder) {
        // By title and date: a seed's file name is a hash that tells a reader nothing (the CLI's
        // JSON and the exports still name the file).
        let sources = ids.compactMap { data.index.sourcesByID[$0] }
        guard !sources.isEmpty else { return }
        b.section(UIText(labels.language).source)
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
            if let url = lines[index].link {
                grid.addLink(url, x: rect.x, y: rect.y + row, width: min(lines[index].text.terminalWidth, rect.width))
            }
        }
    }
}

import ConfDashCore

/// `confdash events --long`: each event as a block with everything the table leaves out — the
/// quoted title and themes (saying when the shown language is our translation), every
/// organisation with its part (host, organiser, sponsor, funder…), the figures with their
/// qualifiers, the programme's size, the description and the sources.
struct EventLongText {
    let builder: RecordBuilder
    let width: Int?
    var labels: Labels { builder.labels }

    func render(_ events: [Event], matches: [String: EventMatch] = [:]) -> String {
        events.map { block($0, match: matches[$0.id]) }.joined(separator: "\n\n") + "\n"
    }

    private func block(_ event: Event, match: EventMatch?) -> String {
        let language = builder.language
        let translated = event.quoteIsTranslated(in: language) ? " (" + labels.ourTranslation(from: event.quotedLanguage) + ")" : ""
        var lines = [event.title.text(in: language)]
        let rule = String(repeating: "─", count: min(lines[0].terminalWidth, width ?? Int.max))
        lines.append(rule)
        var fields: [(String, String)] = []
        if event.officialTitle {
            fields.append((labels.longTitle, labels.longOfficialTitle + translated))
        }
        if let theme = builder.text(event.theme) { fields.append((labels.longTheme, labels.quoted(theme) + translated)) }
        if let yearTheme = builder.text(event.yearTheme) {
            fields.append((labels.longThemeOfTheYear, labels.quoted(yearTheme) + translated))
        }
        fields.append((labels.longKind, labels.eventKind(event.kind) + " · " + event.id))
        let days = labels.longDays(event.dayCount)
        fields.append((labels.longDates, builder.dates(event) + " (\(days))"))
        var whereabouts = builder.whereabouts(event)
        if let region = builder.index.region(of: event) { whereabouts += (whereabouts.isEmpty ? "" : " · ") + region.name.text(in: language) }
        if !whereabouts.isEmpty { fields.append((labels.longWhere, whereabouts)) }
        for role in EventOrganisation.Role.allCases {
            let names = event.organisations(withRole: role).map(builder.organisationName)
            guard !names.isEmpty else { continue }
            fields.append((labels.eventRole(role).capitalizedFirst, names.joined(separator: labels.longNameSeparator)))
        }
        for figure in event.figures {
            var text = labels.quantity(figure) + " " + labels.measure(figure.measure)
            if let note = builder.text(figure.note) { text += " (\(note))" }
            fields.append((labels.longFigure, text))
        }
        fields.append((labels.longProgramme, labels.sessionsAndTopics(event.sessions)))
        if let match {
            fields.append((labels.longSearchMatches,
                           match.fields.map { $0.label(labels) }.joined(separator: ", ")))
        }
        if let description = builder.text(event.description) { fields.append((labels.longAbout, description)) }
        let sources = builder.index.sourceFiles(event.sources)
        if !sources.isEmpty { fields.append((labels.longSources, sources.joined(separator: ", "))) }

        for (label, value) in fields {
            let line = label + labels.longFieldSeparator + value
            // Continuation lines indented under the value's start would waste a narrow terminal: two spaces.
            let wrapped = width.map { line.wrapped(toWidth: max($0 - 2, 20)) } ?? [line]
            lines += wrapped.map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }
}

private extension String {
    /// "Commercial sponsor" from "commercial sponsor".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

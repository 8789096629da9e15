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

    private func quoted(_ text: String) -> String { labels.pick("“\(text)”", "« \(text) »") }

    private func block(_ event: Event, match: EventMatch?) -> String {
        let language = builder.language
        let translated = event.quoteIsTranslated(in: language) ? " (" + labels.ourTranslation(from: event.quotedLanguage) + ")" : ""
        var lines = [event.title.text(in: language)]
        let rule = String(repeating: "─", count: min(lines[0].terminalWidth, width ?? Int.max))
        lines.append(rule)
        var fields: [(String, String)] = []
        if event.officialTitle {
            fields.append((labels.pick("Title", "Titre"), labels.pick("the source's official title", "titre officiel de la source") + translated))
        }
        if let theme = builder.text(event.theme) { fields.append((labels.pick("Theme", "Thème"), quoted(theme) + translated)) }
        if let yearTheme = builder.text(event.yearTheme) {
            fields.append((labels.pick("Theme of the year", "Thème de l'année"), quoted(yearTheme) + translated))
        }
        fields.append((labels.pick("Kind", "Type"), labels.eventKind(event.kind) + " · " + event.id))
        let days = event.dayCount == 1 ? labels.pick("1 day", "1 jour") : labels.pick("\(event.dayCount) days", "\(event.dayCount) jours")
        fields.append((labels.pick("Dates", "Dates"), builder.dates(event) + " (\(days))"))
        var whereabouts = builder.whereabouts(event)
        if let region = builder.index.region(of: event) { whereabouts += (whereabouts.isEmpty ? "" : " · ") + region.name.text(in: language) }
        if !whereabouts.isEmpty { fields.append((labels.pick("Where", "Où"), whereabouts)) }
        for role in EventOrganisation.Role.allCases {
            let names = event.organisations(withRole: role).map(builder.organisationName)
            guard !names.isEmpty else { continue }
            fields.append((labels.eventRole(role).capitalizedFirst, names.joined(separator: labels.pick("; ", " ; "))))
        }
        for figure in event.figures {
            var text = labels.quantity(figure) + " " + labels.measure(figure.measure)
            if let note = builder.text(figure.note) { text += " (\(note))" }
            fields.append((labels.pick("Figure", "Chiffre"), text))
        }
        fields.append((labels.pick("Programme", "Programme"), labels.sessionsAndTopics(event.sessions)))
        if let match {
            fields.append((labels.pick("Search matches", "La recherche porte sur"),
                           match.fields.map { $0.label(labels) }.joined(separator: ", ")))
        }
        if let description = builder.text(event.description) { fields.append((labels.pick("About", "En bref"), description)) }
        let sources = builder.index.sourceFiles(event.sources)
        if !sources.isEmpty { fields.append((labels.pick("Sources", "Sources"), sources.joined(separator: ", "))) }

        for (label, value) in fields {
            let line = label + labels.pick(": ", " : ") + value
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

extension DatasetLoader {
    /// A warning for every text that lacks its English or French version. Imported data may well be
    /// one-language only, so this is not part of loading; the bundled dataset is held to it by tests.
    public static func translationGaps(in dataset: Dataset, file: String = "") -> [LoadProblem] {
        var gaps = TranslationGapFinder(file: file)
        gaps.check(dataset)
        return gaps.problems
    }
}

/// Walks every text of a dataset that has two languages. Each kind of record lists its texts once,
/// by field name, in the order the dataset format gives them.
private struct TranslationGapFinder {
    let file: String
    var problems: [LoadProblem] = []

    init(file: String) {
        self.file = file
    }

    mutating func check(_ text: LocalizedText?, _ path: String) {
        guard let text else { return }
        let missing = [("English", text.en), ("French", text.fr)].filter { ($0.1 ?? "").isEmpty }.map(\.0)
        guard !missing.isEmpty else { return }
        let message = missing.count == 2 ? "the text is empty in both languages" : "no \(missing[0]) text"
        problems.append(LoadProblem(severity: .warning, file: file, path: path, message: message))
    }

    /// `path[i].field` for each item of a list and each of its texts.
    mutating func check<Item>(_ items: [Item], _ path: String, _ texts: (Item) -> KeyValuePairs<String, LocalizedText?>) {
        for (i, item) in items.enumerated() {
            for (field, text) in texts(item) { check(text, "\(path)[\(i)].\(field)") }
        }
    }

    mutating func check(_ dataset: Dataset) {
        check(dataset.title, "title")
        check(dataset.description, "description")
        check(dataset.sources, "sources") { ["title": $0.title, "note": $0.note] }
        check(dataset.regions, "regions") { ["name": $0.name, "abbreviation": $0.abbreviation] }
        check(dataset.countries, "countries") { ["name": $0.name] }
        check(dataset.places, "places") { ["name": $0.name] }
        check(dataset.organisations, "organisations") { ["name": $0.name, "acronym": $0.acronym] }
        check(dataset.people, "people") { ["role": $0.role] }
        check(dataset.tracks, "tracks") { ["name": $0.name, "description": $0.description] }
        check(dataset.technologies, "technologies") { ["name": $0.name, "description": $0.description] }
        for (i, event) in dataset.events.enumerated() {
            check(event, "events[\(i)]")
        }
    }

    mutating func check(_ event: Event, _ path: String) {
        check(event.series, "\(path).series")
        check(event.title, "\(path).title")
        check(event.shortTitle, "\(path).shortTitle")
        check(event.theme, "\(path).theme")
        check(event.description, "\(path).description")
        check(event.figures, "\(path).figures") { ["note": $0.note] }
        check(event.days, "\(path).days") { ["theme": $0.theme] }
        check(event.rooms, "\(path).rooms") { ["name": $0.name] }
        check(event.links, "\(path).links") { ["title": $0.title] }
        for (i, session) in event.sessions.enumerated() {
            let sessionPath = "\(path).sessions[\(i)]"
            check(session.title, "\(sessionPath).title")
            check(session.description, "\(sessionPath).description")
            check(session.abstract, "\(sessionPath).abstract")
            check(session.organisations, "\(sessionPath).organisations") { ["note": $0.note] }
            check(session.links, "\(sessionPath).links") { ["title": $0.title] }
        }
    }
}

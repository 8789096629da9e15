extension DatasetLoader {
    /// A warning for every text that lacks its English or French version. Imported data may well be
    /// one-language only, so this is not part of loading; the bundled dataset is held to it by tests.
    public static func translationGaps(in dataset: Dataset, file: String = "") -> [LoadProblem] {
        var gaps = TranslationGapFinder(file: file)
        gaps.check(dataset)
        return gaps.problems
    }
}

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

    mutating func check(_ dataset: Dataset) {
        check(dataset.title, "title")
        check(dataset.description, "description")
        for (i, source) in dataset.sources.enumerated() {
            check(source.title, "sources[\(i)].title")
            check(source.note, "sources[\(i)].note")
        }
        for (i, region) in dataset.regions.enumerated() {
            check(region.name, "regions[\(i)].name")
            check(region.abbreviation, "regions[\(i)].abbreviation")
        }
        for (i, country) in dataset.countries.enumerated() {
            check(country.name, "countries[\(i)].name")
        }
        for (i, place) in dataset.places.enumerated() {
            check(place.name, "places[\(i)].name")
        }
        for (i, organisation) in dataset.organisations.enumerated() {
            check(organisation.name, "organisations[\(i)].name")
            check(organisation.acronym, "organisations[\(i)].acronym")
        }
        for (i, person) in dataset.people.enumerated() {
            check(person.role, "people[\(i)].role")
        }
        for (i, track) in dataset.tracks.enumerated() {
            check(track.name, "tracks[\(i)].name")
            check(track.description, "tracks[\(i)].description")
        }
        for (i, technology) in dataset.technologies.enumerated() {
            check(technology.name, "technologies[\(i)].name")
            check(technology.description, "technologies[\(i)].description")
        }
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
        for (i, figure) in event.figures.enumerated() {
            check(figure.note, "\(path).figures[\(i)].note")
        }
        for (i, day) in event.days.enumerated() {
            check(day.theme, "\(path).days[\(i)].theme")
        }
        for (i, room) in event.rooms.enumerated() {
            check(room.name, "\(path).rooms[\(i)].name")
        }
        check(event.links, "\(path).links")
        for (i, session) in event.sessions.enumerated() {
            let sessionPath = "\(path).sessions[\(i)]"
            check(session.title, "\(sessionPath).title")
            check(session.description, "\(sessionPath).description")
            check(session.abstract, "\(sessionPath).abstract")
            for (j, organisation) in session.organisations.enumerated() {
                check(organisation.note, "\(sessionPath).organisations[\(j)].note")
            }
            check(session.links, "\(sessionPath).links")
        }
    }

    mutating func check(_ links: [Link], _ path: String) {
        for (i, link) in links.enumerated() {
            check(link.title, "\(path)[\(i)].title")
        }
    }
}

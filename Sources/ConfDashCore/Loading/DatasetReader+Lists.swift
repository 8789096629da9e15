/// Readers for the reference lists. Each asks for every field before giving up on a record, so that
/// all of a record's problems are reported and unknown keys are told from known ones.
extension DatasetReader {
    func readSource(_ value: JSONValue, _ path: String) -> Source? {
        guard let fields = object(value, path) else { return nil }
        let id = fields.required("id", recordID)
        let kind = fields.required("kind", choice(Source.Kind.self))
        let file = fields.optional("file", text)
        let title = fields.required("title", localized)
        let published = fields.optional("published", date)
        let language = fields.optional("language", languageCode)
        let note = fields.optional("note", localized)
        fields.finish()
        guard let id, let kind, let title else { return nil }
        return Source(id: id, kind: kind, file: file, title: title, published: published, language: language, note: note)
    }

    func readRegion(_ value: JSONValue, _ path: String) -> Region? {
        guard let fields = object(value, path) else { return nil }
        let id = fields.required("id", recordID)
        let name = fields.required("name", localized)
        let abbreviation = fields.optional("abbreviation", localized)
        let sources = references(fields, "sources", to: .source)
        fields.finish()
        guard let id, let name else { return nil }
        return Region(id: id, name: name, abbreviation: abbreviation, sources: sources)
    }

    func readCountry(_ value: JSONValue, _ path: String) -> Country? {
        guard let fields = object(value, path) else { return nil }
        let code = fields.required("code", formatted("AA", "a two-letter upper-case ISO 3166-1 code such as \"BE\""))
        let code3 = fields.optional("code3", formatted("AAA", "a three-letter upper-case ISO 3166-1 code such as \"BEL\""))
        let name = fields.required("name", localized)
        let region = fields.optional("region", reference(.region))
        let sources = references(fields, "sources", to: .source)
        fields.finish()
        guard let code, let name else { return nil }
        return Country(code: code, code3: code3, name: name, region: region, sources: sources)
    }

    func readPlace(_ value: JSONValue, _ path: String) -> Place? {
        guard let fields = object(value, path) else { return nil }
        let id = fields.required("id", recordID)
        let name = fields.required("name", localized)
        let country = fields.optional("country", reference(.country))
        let latitude = fields.optional("latitude", number(in: -90...90))
        let longitude = fields.optional("longitude", number(in: -180...180))
        let sources = references(fields, "sources", to: .source)
        fields.finish()
        guard let id, let name else { return nil }
        return Place(id: id, name: name, country: country, latitude: latitude, longitude: longitude, sources: sources)
    }

    func readOrganisation(_ value: JSONValue, _ path: String) -> Organisation? {
        guard let fields = object(value, path) else { return nil }
        let id = fields.required("id", recordID)
        let name = fields.required("name", localized)
        let acronym = fields.optional("acronym", localized)
        let kind = fields.required("kind", choice(Organisation.Kind.self))
        let country = fields.optional("country", reference(.country))
        let region = fields.optional("region", reference(.region))
        let parent = fields.optional("parent", reference(.organisation))
        let sources = references(fields, "sources", to: .source)
        fields.finish()
        guard let id, let name, let kind else { return nil }
        return Organisation(id: id, name: name, acronym: acronym, kind: kind, country: country, region: region,
                            parent: parent, sources: sources)
    }

    func readPerson(_ value: JSONValue, _ path: String) -> Person? {
        guard let fields = object(value, path) else { return nil }
        let id = fields.required("id", recordID)
        let name = fields.required("name", text)
        let role = fields.optional("role", localized)
        let organisation = fields.optional("organisation", reference(.organisation))
        let sources = references(fields, "sources", to: .source)
        fields.finish()
        guard let id, let name else { return nil }
        return Person(id: id, name: name, role: role, organisation: organisation, sources: sources)
    }

    func readTrack(_ value: JSONValue, _ path: String) -> Track? {
        guard let fields = object(value, path) else { return nil }
        let id = fields.required("id", recordID)
        let name = fields.required("name", localized)
        let description = fields.optional("description", localized)
        let color = fields.optional("color", formatted("#HHHHHH", "a colour as #RRGGBB"))
        fields.finish()
        guard let id, let name else { return nil }
        return Track(id: id, name: name, description: description, color: color)
    }

    func readTechnology(_ value: JSONValue, _ path: String) -> Technology? {
        guard let fields = object(value, path) else { return nil }
        let id = fields.required("id", recordID)
        let name = fields.required("name", localized)
        let aliases = fields.list("aliases", text)
        let description = fields.optional("description", localized)
        fields.finish()
        guard let id, let name else { return nil }
        return Technology(id: id, name: name, aliases: aliases, description: description)
    }
}

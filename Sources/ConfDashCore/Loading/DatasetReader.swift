/// The reference lists other records point into by id.
enum RecordKind: String, CaseIterable {
    case source, region, country, place, organisation, person, track, technology

    /// The dataset's top-level key holding the list.
    var listKey: String {
        switch self {
        case .source: return "sources"
        case .region: return "regions"
        case .country: return "countries"
        case .place: return "places"
        case .organisation: return "organisations"
        case .person: return "people"
        case .track: return "tracks"
        case .technology: return "technologies"
        }
    }

    /// The key of a record's id within its object.
    var idKey: String { self == .country ? "code" : "id" }
    var idName: String { self == .country ? "code" : "id" }
}

/// Every id defined in the reference lists, taken from the raw JSON before anything is read so that
/// references can point forward, and a record with another broken field does not also make every
/// reference to it fail.
struct KnownIDs {
    /// No entry for a list that is there but not an array: its ids cannot be known, and its type
    /// error is reported once rather than once per reference.
    private var ids: [RecordKind: Set<String>] = [:]

    init(root: JSONValue) {
        for kind in RecordKind.allCases {
            switch root[kind.listKey]?.content {
            case .array?, .none: ids[kind] = DatasetReader.stringMembers(kind.idKey, in: root[kind.listKey])
            default: break
            }
        }
    }

    func contains(_ id: String, _ kind: RecordKind) -> Bool {
        ids[kind]?.contains(id) ?? true
    }
}

/// Walks a parsed document into a `Dataset`, checking everything on the way: types, formats,
/// references, dates and uniqueness. It reports into `log` and carries on past broken records,
/// so one run shows every problem.
final class DatasetReader {
    let log: ProblemLog
    private(set) var known: KnownIDs
    /// Session ids are unique across the whole dataset, not just within their event.
    var sessionIDs: [String: JSONPosition] = [:]

    init(root: JSONValue, log: ProblemLog) {
        self.log = log
        self.known = KnownIDs(root: root)
    }

    func readDataset(_ root: JSONValue) -> Dataset? {
        guard let fields = object(root, "") else { return nil }
        let format = fields.required("format", string)
        if let format, format != Dataset.formatName {
            log.error("not a confdash dataset: format is \(quoted(format)), expected \(quoted(Dataset.formatName))",
                      at: "format", fields.position(of: "format"))
        }
        let version = fields.required("version", integer(atLeast: 0))
        if let version, version != Dataset.currentVersion {
            log.error("unsupported version \(version); this confdash reads version \(Dataset.currentVersion)",
                      at: "version", fields.position(of: "version"))
        }
        let title = fields.required("title", localized)
        let description = fields.optional("description", localized)

        for kind in RecordKind.allCases {
            var seen: [String: JSONPosition] = [:]
            checkUnique(fields, kind.listKey, key: kind.idKey, noun: "\(kind.rawValue) \(kind.idName)", seen: &seen)
        }
        let sources = fields.list("sources", readSource)
        let regions = fields.list("regions", readRegion)
        let countries = fields.list("countries", readCountry)
        let places = fields.list("places", readPlace)
        let organisations = fields.list("organisations", readOrganisation)
        checkParentCycles(fields)
        let people = fields.list("people", readPerson)
        let tracks = fields.list("tracks", readTrack)
        let technologies = fields.list("technologies", readTechnology)
        var eventIDs: [String: JSONPosition] = [:]
        checkUnique(fields, "events", key: "id", noun: "event id", seen: &eventIDs)
        let events = fields.list("events", required: true, readEvent)
        fields.finish()

        guard let title else { return nil }
        return Dataset(title: title, description: description, sources: sources, regions: regions, countries: countries,
                       places: places, organisations: organisations, people: people, tracks: tracks,
                       technologies: technologies, events: events)
    }

    /// Reports every element of the array `listKey` whose `key` repeats one seen before (in `seen`,
    /// which callers share when uniqueness spans several arrays).
    func checkUnique(_ fields: ObjectReader, _ listKey: String, key: String, noun: String,
                     seen: inout [String: JSONPosition]) {
        guard case let .array(elements)? = fields.value(listKey)?.content else { return }
        for (index, element) in elements.enumerated() {
            guard let value = element[key], let id = value.stringValue else { continue }
            if let first = seen[id] {
                log.error("duplicate \(noun) \(quoted(id)) (first used at \(first))",
                          at: ProblemPath.member(ProblemPath.element(fields.fieldPath(listKey), index), key), value.position)
            } else {
                seen[id] = value.position
            }
        }
    }

    /// The string values of `key` in the objects of an array, e.g. all ids of a list.
    static func stringMembers(_ key: String, in array: JSONValue?) -> Set<String> {
        guard case let .array(elements)? = array?.content else { return [] }
        return Set(elements.compactMap { $0[key]?.stringValue })
    }

    /// An organisation that is its own ancestor would send anything walking up `parent` into a loop.
    /// Each loop is reported once, at the member where the walk first comes back to itself.
    private func checkParentCycles(_ fields: ObjectReader) {
        guard case let .array(elements)? = fields.value("organisations")?.content else { return }
        var parentOf: [String: (parent: String, index: Int, position: JSONPosition)] = [:]
        for (index, element) in elements.enumerated() {
            if let id = element["id"]?.stringValue, let parent = element["parent"], let parentID = parent.stringValue,
               parentOf[id] == nil {
                parentOf[id] = (parentID, index, parent.position)
            }
        }
        enum Visit { case onCurrentWalk, finished }
        var visits: [String: Visit] = [:]
        for element in elements {
            guard let start = element["id"]?.stringValue, visits[start] == nil else { continue }
            var walk: [String] = []
            var current: String? = start
            while let node = current, visits[node] == nil {
                visits[node] = .onCurrentWalk
                walk.append(node)
                current = parentOf[node]?.parent
            }
            if let node = current, visits[node] == .onCurrentWalk, let entry = parentOf[node] {
                let loop = walk[walk.firstIndex(of: node)!...] + [node]
                let message = loop.count == 2 ? "an organisation cannot be its own parent"
                    : "organisation parents form a loop: \(loop.map { quoted($0) }.joined(separator: " → "))"
                let path = ProblemPath.member(ProblemPath.element(fields.fieldPath("organisations"), entry.index), "parent")
                log.error(message, at: path, entry.position)
            }
            for node in walk { visits[node] = .finished }
        }
    }
}

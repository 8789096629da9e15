import Foundation
import ArgumentParser
import ConfDashCore

/// The filters `agenda` (and later `export`) share. Names are resolved against the dataset, so
/// `--track detection`, `--tech IdO` and `--region "asie pacifique"` all work.
struct FilterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Only this event: its id, title, short title or city (repeatable).", valueName: "event"))
    var event: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only this day: a number (day 2 of each event) or a date (2024-11-13).", valueName: "day"))
    var day: String?

    @Option(name: .long, help: ArgumentHelp("Only sessions in this track, by id or name (repeatable: any of them).", valueName: "track"))
    var track: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only sessions that mention this technology, by id, name or alias (repeatable).", valueName: "technology"))
    var tech: [String] = []

    @OptionGroup var eventScope: EventScopeOptions

    @Option(name: .long, help: ArgumentHelp("Only sessions in this room, by name (repeatable: any of them). For schedules that name rooms.", valueName: "room"))
    var room: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only sessions with a word starting with each word given (title, abstract, people, room, tracks), ignoring case and accents, in English and French.", valueName: "text"))
    var search: String?

    @Flag(name: .long, help: "Only the sessions you starred (confdash star, or s in the dashboard).")
    var starred = false

    func filter(using index: DatasetIndex) throws -> AgendaFilter {
        try FilterInput(events: event, day: day, tracks: track, technologies: tech, regions: eventScope.region, kinds: eventScope.kind,
                        rooms: room, search: search)
            .filter(using: index)
    }

    /// `filter(using:)`, narrowed to the starred sessions with --starred.
    func filter(using index: DatasetIndex, dataPath: String?, io: CommandIO) throws -> AgendaFilter {
        var filter = try filter(using: index)
        if starred { filter.onlySessions = try PersonalFiles(dataset: index.dataset, dataPath: dataPath, io: io).starred(io).addresses }
        return filter
    }
}

/// `--region` and `--kind`: which events, for `events` and for the session filters above.
struct EventScopeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Only events in this WCO region, by id or name (repeatable).", valueName: "region"))
    var region: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only events of this kind: conference, regionalWorkshop, onlineWorkshop or other (repeatable).", valueName: "kind"))
    var kind: [String] = []
}

/// What the user typed for each filter, before names are resolved to ids. A plain value, so that
/// commands with only some of the filters (events: region and kind) share the same resolution.
struct FilterInput {
    var events: [String] = []
    var day: String?
    var tracks: [String] = []
    var technologies: [String] = []
    var regions: [String] = []
    var kinds: [String] = []
    var rooms: [String] = []
    var search: String?

    func filter(using index: DatasetIndex) throws -> AgendaFilter {
        var filter = AgendaFilter()
        filter.events = Set(try events.map { try resolve($0, with: index.eventResolver, what: "event", known: index.dataset.events.map(\.id)) })
        filter.tracks = Set(try tracks.map { try resolve($0, with: index.trackResolver, what: "track", known: index.dataset.tracks.map(\.id)) })
        filter.technologies = Set(try technologies.map {
            try resolve($0, with: index.technologyResolver, what: "technology", known: index.dataset.technologies.map(\.id))
        })
        filter.regions = Set(try regions.map { try resolve($0, with: index.regionResolver, what: "region", known: index.dataset.regions.map(\.id)) })
        // The kinds' names are folded only when --kind is given (0.19 M instructions otherwise).
        if !kinds.isEmpty {
            let kindResolver = NameResolver(candidates: Event.Kind.allCases.map {
                ($0.rawValue, [Labels(.en).eventKind($0), Labels(.fr).eventKind($0)])
            })
            filter.kinds = Set(try kinds.map {
                Event.Kind(rawValue: try resolve($0, with: kindResolver, what: "kind", known: Event.Kind.allCases.map(\.rawValue)))!
            })
        }
        for room in rooms {
            let (ids, resolution) = index.rooms(named: room)
            if let ids { filter.rooms.formUnion(ids); continue }
            let known = index.roomResolver.knownNames(limit: 12)
            if case .ambiguous(let candidates) = resolution {
                let names = candidates.compactMap { index.roomName(id: $0) }
                throw CommandFailure.usage("room '\(room)' is ambiguous: it could be \(names.joined(separator: ", "))")
            }
            throw CommandFailure.usage(known.isEmpty
                ? "unknown room '\(room)': this dataset names no rooms"
                : "unknown room '\(room)'; known: \(known)")
        }
        if let day {
            if let number = Int(day) {
                guard number >= 1 else { throw CommandFailure.usage("--day \(day): days are counted from 1") }
                filter.day = .index(number)
            } else if let date = CalendarDate(iso: day) {
                filter.day = .date(date)
            } else {
                throw CommandFailure.usage("--day \(day): expected a day number (2) or a date (2024-11-13)")
            }
        }
        if let search, !search.trimmingCharacters(in: .whitespaces).isEmpty { filter.search = search }
        return filter
    }

    private func resolve(_ input: String, with resolver: NameResolver, what: String, known: [String]) throws -> String {
        switch resolver.resolve(input) {
        case .found(let id):
            return id
        case .notFound:
            throw CommandFailure.usage("unknown \(what) '\(input)'; known: \(known.joined(separator: ", "))")
        case .ambiguous(let ids):
            throw CommandFailure.usage("\(what) '\(input)' is ambiguous: it could be \(ids.joined(separator: ", "))")
        }
    }
}

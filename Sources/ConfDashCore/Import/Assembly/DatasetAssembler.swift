/// Turns an `ImportedEvent` into a confdash `Dataset` with one event, the same way for every
/// format: ids made and de-duplicated, rooms, tracks and people turned into records, texts
/// cleaned, sessions put in programme order, and every record pointing at the file as its source.
///
/// What the format has no field for stays empty (regions, places, technologies, organisations):
/// nothing is guessed.
struct DatasetAssembler {
    static let sourceID = "imported-file"

    let file: String
    let log: ProblemLog

    func assemble(_ imported: ImportedEvent) -> Dataset {
        let title = imported.title ?? imported.shortTitle ?? fileStem
        var dataset = Dataset(title: LocalizedText(en: title), sources: [
            Source(id: Self.sourceID, kind: .imported, file: file, title: LocalizedText(en: title),
                   note: LocalizedText(en: "Imported by confdash from \(file).", fr: "Importé par confdash depuis \(file)."))
        ])
        let (entries, declaredDates) = keptToOneEvent(imported)
        var sessions = SessionAssembly(log: log, baseURL: imported.baseURL)
        sessions.declare(tracks: imported.tracks, rooms: imported.rooms)
        // The abstracts (texts cleaned, de-duplicated, joined) are worked out on every core first,
        // one String per entry; the sessions are then built in order (ids, rooms, tracks and
        // people are handed out as they are first met).
        let abstracts = ConcurrentMap.map(entries, SessionAssembly.abstract(of:))
        var built = entries.indices.map { sessions.session(for: entries[$0], order: $0, abstract: abstracts[$0]) }
        sessions.reportSummaries()

        let days = entries.compactMap(Self.date) + entries.compactMap(\.possibleDays?.to) + declaredDates
        guard let first = days.min(), let last = days.max() else {
            log.warning(entries.isEmpty ? "the file has no sessions and no dates: there is nothing to show"
                        : "no session has a date, so the \(Plural.count(entries.count, "session", "sessions", .en)) \(entries.count == 1 ? "is" : "are") left out: an event needs at least one dated session to be placed", at: "", nil)
            return dataset
        }
        // Sessions are large values: sort their places, not the sessions themselves.
        var ordered = built.indices.sorted { built[$0].key < built[$1].key }.map { built[$0].session }
        built = []  // the unsorted copies go before the event is built: a large schedule's peak memory
        // Possible days that are the whole event say no more than "during the event".
        for index in ordered.indices where ordered[index].possibleDays.map({ $0.from <= first && $0.to >= last }) == true {
            ordered[index].possibleDays = nil
        }
        let eventID = ImportIDs.slug(imported.idHint ?? title)
        var links: [Link] = []
        if let url = imported.url.flatMap({ sessions.absolute($0) }) { links.append(Link(url: url)) }
        dataset.people = sessions.people
        dataset.tracks = sessions.tracks
        dataset.events = [Event(
            id: eventID.isEmpty ? "imported" : eventID, kind: .conference, title: LocalizedText(en: title),
            // "38c3" beside "38C3" is one name spelt twice: the title's spelling is kept, alone.
            shortTitle: imported.shortTitle.flatMap { $0.lowercased() == title.lowercased() ? nil : LocalizedText(en: $0) },
            startDate: first, endDate: last, timeZone: ordered.contains { $0.start != nil } ? imported.timeZone : nil,
            rooms: sessions.rooms, links: links, sessions: ordered, sources: [Self.sourceID])]
        dataset.events[0].scheduleVersion = imported.version
        return dataset
    }

    /// The entry's date, or the first of its possible days.
    private static func date(_ entry: ImportedEntry) -> CalendarDate? { entry.day ?? entry.start?.date ?? entry.possibleDays?.from }

    /// An event lasts at most `Event.maximumDayCount` days. A calendar spanning years, or a
    /// schedule with a mistyped year, keeps the stretch of that length holding the most
    /// sessions, and says what it leaves out rather than refusing the whole file.
    private func keptToOneEvent(_ imported: ImportedEvent) -> (entries: [ImportedEntry], dates: [CalendarDate]) {
        let dated = imported.entries.compactMap(Self.date).map(\.dayNumber) + imported.dates.map(\.dayNumber)
        guard let low = dated.min(), let high = dated.max(), high - low >= Event.maximumDayCount else {
            return (imported.entries, imported.dates)
        }
        let sorted = dated.sorted()
        var best = (start: sorted[0], count: 0)
        var end = 0
        for (index, start) in sorted.enumerated() {
            while end < sorted.count && sorted[end] - start < Event.maximumDayCount { end += 1 }
            if end - index > best.count { best = (start, end - index) }
        }
        let window = best.start...(best.start + Event.maximumDayCount - 1)
        let left = imported.entries.filter { Self.date($0).map { !window.contains($0.dayNumber) } ?? false }
        let from = CalendarDate(dayNumber: window.lowerBound), to = CalendarDate(dayNumber: window.upperBound)
        log.warning("the sessions span \(high - low + 1) days (\(CalendarDate(dayNumber: low)) to \(CalendarDate(dayNumber: high))) "
                    + "and an event lasts at most \(Event.maximumDayCount): the \(left.count) sessions outside \(from) to \(to) are left out",
                    at: left.first?.path ?? "", left.first?.position)
        var kept = imported.entries.filter { Self.date($0).map { window.contains($0.dayNumber) } ?? true }
        for index in kept.indices where kept[index].possibleDays.map({ $0.to > to }) == true { kept[index].possibleDays?.to = to }
        return (kept, imported.dates.filter { window.contains($0.dayNumber) })
    }

    /// The file name without folders or extension, for a calendar that names itself nowhere else.
    private var fileStem: String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}

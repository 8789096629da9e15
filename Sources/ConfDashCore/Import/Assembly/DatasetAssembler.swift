/// Turns an `ImportedEvent` into a confdash `Dataset` with one event, the same way for every
/// format: ids made and de-duplicated, rooms, tracks and people turned into records, texts
/// cleaned, sessions put in programme order, and every record pointing at the file as its source.
///
/// What the format has no field for stays empty (regions, places, technologies, organisations):
/// nothing is guessed.
struct DatasetAssembler {
    static let sourceID = "imported-file"
    /// Entries whose abstracts are cleaned at once (on every core) before their sessions are built.
    static let batchSize = ImportedEntries.batchSize
    /// Batches built between two hand-backs of freed memory, when entries are in pieces of their own.
    static let batchesPerTrim = 4
    /// Every imported session's sources: one array shared by all (an array each was 64 bytes a session).
    static let sources = [sourceID]

    let file: String
    let log: ProblemLog

    /// Takes `imported` (`consuming`) so that each entry can be let go once its session is built:
    /// a large schedule's entries and sessions are not all held at once.
    func assemble(_ imported: consuming ImportedEvent) -> Dataset {
        let title = imported.title ?? imported.shortTitle ?? fileStem
        var dataset = Dataset(title: LocalizedText(en: title), sources: [
            Source(id: Self.sourceID, kind: .imported, file: file, title: LocalizedText(en: title),
                   note: LocalizedText(en: "Imported by confdash from \(file).", fr: "Importé par confdash depuis \(file)."))
        ])
        var (entries, declaredDates) = keptToOneEvent(&imported)
        // What the reader freed on its way to the entries goes back before the sessions are built.
        FreedMemory.giveBack()
        var sessions = SessionAssembly(log: log, baseURL: imported.baseURL)
        sessions.declare(tracks: imported.tracks, rooms: imported.rooms)
        // The event's first and last days: those of its sessions (a session's possible days
        // included) and those the file declares.
        var first = declaredDates.min(), last = declaredDates.max()
        func include(_ date: CalendarDate) {
            if first.map({ date < $0 }) ?? true { first = date }
            if last.map({ date > $0 }) ?? true { last = date }
        }
        let entryCount = entries.count
        // A batch of entries at a time: their abstracts' texts (cleaned, de-duplicated) are
        // worked out on another core, then their sessions are built in order (abstracts joined; ids,
        // rooms, tracks and people handed out as they are first met) and each entry is let go as its session is
        // built. So the entries, the texts as published, their cleaned copies and the sessions
        // are never all held at once.
        var keys: [SessionAssembly.Key] = []
        var ordered: [Session] = []
        keys.reserveCapacity(entryCount)
        ordered.reserveCapacity(entryCount)
        var batchStart = 0
        // One batch only (up to `batchSize` entries, as 38C3's 1,007): its texts are cleaned by
        // another thread and by this one while this one builds the sessions in order
        // (`ImportedEntries.shared`). Else the first batch's texts on every core; each next
        // batch's on another thread while this one builds the batch before it (`ImportedEntries.ahead`).
        let shared = entryCount <= Self.batchSize ? entries.shared(0..<entryCount, SessionAssembly.abstractTexts(of:)) : nil
        var abstractTexts = entryCount == 0 || shared != nil ? []
            : entries.concurrentMap(0..<min(entryCount, Self.batchSize), SessionAssembly.abstractTexts(of:))
        // Meanwhile the texts used here are kept, and let go only once the worker is done: those
        // the worker cleaned are in its malloc arena, and freeing them meanwhile made each thread
        // wait for the other's arena lock (38C3: ~70 waits, the whole gain lost).
        var spent: [[String]] = []
        if shared != nil { spent.reserveCapacity(entryCount) }
        while batchStart < entryCount {
            let batch = batchStart..<min(entryCount, batchStart + Self.batchSize)
            let nextBatch = batch.upperBound..<min(entryCount, batch.upperBound + Self.batchSize)
            let ahead = entries.ahead(nextBatch, SessionAssembly.abstractTexts(of:))
            for index in batch {
                // The texts before the entry is taken: the worker may be reading it until then.
                let texts = shared?.result(index) ?? abstractTexts[index - batch.lowerBound]
                let entry = entries.take(index)
                if let date = Self.date(entry) { include(date) }
                if let to = entry.possibleDays?.to { include(to) }
                let (key, session) = sessions.session(for: entry, order: index, abstractTexts: texts)
                keys.append(key)
                ordered.append(session)
                if shared != nil { spent.append(texts) }
            }
            spent = []
            batchStart = batch.upperBound
            // This batch's cleaned texts go before the trim, and before the next batch's are made.
            abstractTexts = []
            // The batches' entries and cleaned texts are let go: their pages go back. Entries of
            // a piece each (schedule.xml, schedule.json) left places that sessions fill: every
            // few batches is enough, where each trim walks the whole heap (`malloc_trim`, ~2 ms
            // at 100,000 sessions; every batch, 50 ms, for the same peak). A batch's piece of
            // entries (iCalendar) is handed back at once (issue 13).
            let trimEvery = entries.pieceSize > 1 ? 1 : Self.batchesPerTrim
            if batchStart < entryCount && (batchStart / Self.batchSize) % trimEvery == 0 { FreedMemory.giveBack() }
            if !nextBatch.isEmpty {
                abstractTexts = ahead?.results ?? entries.concurrentMap(nextBatch, SessionAssembly.abstractTexts(of:))
            }
        }
        entries = ImportedEntries()
        sessions.finishSessions()
        sessions.reportSummaries()

        guard let first, let last else {
            log.warning(entryCount == 0 ? "the file has no sessions and no dates: there is nothing to show"
                        : "no session has a date, so the \(Plural.count(entryCount, "session", "sessions", .en)) \(entryCount == 1 ? "is" : "are") left out: an event needs at least one dated session to be placed", at: "", nil)
            return dataset
        }
        // Sessions are large values: their places are sorted, then the sessions moved into that
        // order in place (one array of sessions, not two).
        Self.permute(&ordered, into: keys.indices.sorted { keys[$0] < keys[$1] })
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
    private static func date(_ entry: ImportedEntry) -> CalendarDate? {
        // Each field read once into a local: `entry` itself in the `??` closures was copied whole.
        if let day = entry.day { return day }
        if let start = entry.start { return start.date }
        return entry.possibleDays?.from
    }

    /// An event lasts at most `Event.maximumDayCount` days. A calendar spanning years, or a
    /// schedule with a mistyped year, keeps the stretch of that length holding the most
    /// sessions, and says what it leaves out rather than refusing the whole file.
    /// The entries are moved out of `imported`, not copied.
    private func keptToOneEvent(_ imported: inout ImportedEvent) -> (entries: ImportedEntries, dates: [CalendarDate]) {
        var dated: [Int] = []
        dated.reserveCapacity(imported.entries.count + imported.dates.count)
        imported.entries.forEach { entry in if let date = Self.date(entry) { dated.append(date.dayNumber) } }
        dated += imported.dates.map(\.dayNumber)
        guard let low = dated.min(), let high = dated.max(), high - low >= Event.maximumDayCount else {
            defer { imported.entries = ImportedEntries(inBatches: imported.entries.pieceSize > 1) }
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
        let from = CalendarDate(dayNumber: window.lowerBound), to = CalendarDate(dayNumber: window.upperBound)
        var kept = ImportedEntries(inBatches: imported.entries.pieceSize > 1)
        kept.reserveCapacity(imported.entries.count)
        var leftCount = 0
        var firstLeft: ImportedEntry?
        imported.entries.forEach { entry in
            guard let date = Self.date(entry), !window.contains(date.dayNumber) else {
                var entry = entry
                if entry.possibleDays.map({ $0.to > to }) == true { entry.possibleDays?.to = to }
                kept.append(entry)
                return
            }
            leftCount += 1
            if firstLeft == nil { firstLeft = entry }
        }
        log.warning("the sessions span \(high - low + 1) days (\(CalendarDate(dayNumber: low)) to \(CalendarDate(dayNumber: high))) "
                    + "and an event lasts at most \(Event.maximumDayCount): the \(leftCount) sessions outside \(from) to \(to) are left out",
                    at: firstLeft?.path ?? "", firstLeft?.position)
        imported.entries = ImportedEntries(inBatches: imported.entries.pieceSize > 1)
        return (kept, imported.dates.filter { window.contains($0.dayNumber) })
    }

    /// Puts `items` in the order `order` gives (`items[k]` becomes the old `items[order[k]]`),
    /// following each cycle of the permutation with swaps: linear, and no second array.
    static func permute<Item>(_ items: inout [Item], into order: [Int]) {
        var order = order
        for start in order.indices where order[start] != start {
            var current = start
            while order[current] != start {
                let next = order[current]
                items.swapAt(current, next)
                order[current] = current
                current = next
            }
            order[current] = current
        }
    }

    /// The file name without folders or extension, for a calendar that names itself nowhere else.
    private var fileStem: String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}

/// A readable Markdown agenda: events, then their days, then "day 2 or 3" and "day not stated"
/// groups, with one list item per session. Text from the data is escaped so that a title like
/// `*Risk* [draft]` shows as written instead of turning into emphasis or a link.
struct MarkdownExporter {
    let context: ExportContext

    init(_ request: ExportRequest) { context = ExportContext(request) }

    private var words: ExportWords { context.words }
    private var labels: Labels { context.labels }

    func export() -> ExportResult {
        var lines: [String] = []
        let single = context.events.count == 1
        // One event: its title is the document's title. Several: the dataset's title, events below it.
        let eventLevel = single ? "#" : "##"
        let dayLevel = single ? "##" : "###"
        if !single { lines += ["# " + Self.escaped(context.index.dataset.title.text(in: context.language)), ""] }
        for part in context.events {
            lines += [eventLevel + " " + Self.escaped(context.title(part.event)), ""]
            var facts = [DateLabels.range(part.event.startDate, part.event.endDate, context.language)]
            if let place = context.whereabouts(part.event) { facts.append(place) }
            if let region = context.text(context.index.region(of: part.event)?.name) { facts.append(region) }
            lines += [Self.escaped(facts.joined(separator: " · ")), ""]
            for group in groups(part.groups.flatMap(\.sessions)) {
                lines += [dayLevel + " " + Self.escaped(heading(group.slot, in: part.event)), ""]
                for item in group.sessions { lines += self.item(item) }
                lines.append("")
            }
        }
        let count = context.sessions.count
        // "11 sessions and 8 breakout topics": an entry standing for a topic is not a session.
        lines.append(labels.sessionsAndTopics(context.sessions.map(\.session)) + (context.language == .en
            ? ". Days, times and rooms appear only where the source states them."
            : ". Les jours, heures et salles n'apparaissent que lorsque la source les précise."))
        return ExportResult(text: lines.joined(separator: "\n") + "\n", notes: [], exportedSessions: count)
    }

    /// Sessions by the day they are on (a clock time's date counts as a stated day), spans, then
    /// "day not stated"; within a day, timed sessions by start, then the rest in programme order.
    private func groups(_ sessions: [ExportSession]) -> [(slot: AgendaSlot, sessions: [ExportSession])] {
        var bySlot: [AgendaSlot: [ExportSession]] = [:]
        for item in sessions {
            let slot: AgendaSlot
            switch item.timing {
            case .clock(let start, _, _): slot = .day(start.date)
            case .day(let date): slot = .day(date)
            case .possibleDays(let range): slot = .possibleDays(range)
            case .duringEvent: slot = .unplaced
            }
            bySlot[slot, default: []].append(item)
        }
        return bySlot.keys.sorted().map { slot in
            let items = bySlot[slot]!.enumerated().sorted { a, b in
                (startKey(a.element), a.offset) < (startKey(b.element), b.offset)
            }.map(\.element)
            return (slot, items)
        }
    }

    private func startKey(_ item: ExportSession) -> Int {
        if case .clock(let start, _, _) = item.timing { return start.time.minutesSinceMidnight }
        return Int.max
    }

    private func heading(_ slot: AgendaSlot, in event: Event) -> String {
        switch slot {
        case .day(let date):
            var title = DateLabels.long(date, context.language)
            if let index = event.dayIndex(of: date) { title = labels.dayOf(index, event.dayCount) + " · " + title }
            if let theme = context.text(event.days.first { $0.date == date }?.theme) { title += " · " + theme }
            return title
        case .possibleDays(let range):
            return labels.possibleDays(event.dayIndex(of: range.from) ?? 1, event.dayIndex(of: range.to) ?? 1)
                + " · " + DateLabels.range(range.from, range.to, context.language)
        case .unplaced:
            return labels.duringTheEvent
        }
    }

    private func item(_ item: ExportSession) -> [String] {
        let session = item.session
        var kind = session.groupTopic ? labels.topicKind(session.kind) : labels.sessionKind(session.kind)
        if let count = session.count { kind += " ×\(count)" }
        var lines = ["- **\(Self.escaped(context.title(item)))** (\(Self.escaped(kind)))"]
        func detail(_ label: String, _ value: String) { lines.append("  - " + label + words.colon + Self.escaped(value)) }
        detail(words.when, when(item))
        if let room = context.roomName(item) { detail(words.room, room) }
        let tracks = context.trackNames(session)
        // "; " because track names may hold commas ("Data, privacy and law").
        if !tracks.isEmpty { detail(words.tracks, tracks.joined(separator: "; ")) }
        let people = context.people(session)
        if !people.isEmpty { detail(words.people, people.joined(separator: ", ")) }
        let organisations = context.organisations(session)
        if !organisations.isEmpty { detail(words.organisations, organisations.joined(separator: ", ")) }
        if !session.links.isEmpty {
            lines.append("  - " + words.links + words.colon + session.links.map { Self.link($0.url, title: context.text($0.title)) }.joined(separator: ", "))
        }
        if let about = context.about(session) { lines.append("  - " + Self.escaped(about)) }
        return lines
    }

    /// "09:30–10:15 (Europe/Brussels)", "09:30 (end not stated)", "Afternoon; no clock time stated in the source."
    private func when(_ item: ExportSession) -> String {
        guard case .clock(let start, _, let zone) = item.timing else { return words.noClockTime(item.session.partOfDay) }
        var text = DateText.time(start.time)
        if let end = item.end { text += "–" + DateText.time(end.time) }
        var notes: [String] = []
        notes.append(zone?.name ?? words.localTimeNoZone)
        if item.end == nil { notes.append(words.endNotStated) }
        return text + " (" + notes.joined(separator: "; ") + ")"
    }

    /// `<https://…>` for a bare address, `[title](<https://…>)` with a title.
    static func link(_ url: String, title: String?) -> String {
        guard !url.contains("<"), !url.contains(">") else { return escaped(url) }
        guard let title else { return "<\(url)>" }
        return "[\(escaped(title))](<\(url)>)"
    }

    /// Text from the data, made inert in Markdown: inline markup characters are backslash-escaped,
    /// line breaks become spaces (a list item stays one item), and a leading `-`, `+` or `1.` is
    /// escaped so it does not start a list.
    static func escaped(_ text: String) -> String {
        // Every character that matters is ASCII, so bytes will do.
        let bytes = Array(text.utf8)
        let inline: Set<UInt8> = Set("\\`*_[]<>|~#".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inline.contains(byte) {
                result += [UInt8(ascii: "\\"), byte]
            } else if byte == UInt8(ascii: "&") {
                // Only where it could start an entity (`&amp;`, `&#38;`); "A & B" stays as it is.
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                if (next | 0x20) >= UInt8(ascii: "a") && (next | 0x20) <= UInt8(ascii: "z") || next == UInt8(ascii: "#") {
                    result.append(UInt8(ascii: "\\"))
                }
                result.append(byte)
            } else if byte == 0x0D || byte == 0x0A {
                if byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
                result.append(UInt8(ascii: " "))
            } else {
                result.append(byte)
            }
            index += 1
        }
        // Block markers only matter at the start of the text.
        if let first = result.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "=") {
            result.insert(UInt8(ascii: "\\"), at: 0)
        } else if let marker = result.firstIndex(where: { !($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }),
                  (1...9).contains(marker), result[marker] == UInt8(ascii: ".") || result[marker] == UInt8(ascii: ")") {
            result.insert(UInt8(ascii: "\\"), at: marker)
        }
        return String(decoding: result, as: UTF8.self)
    }
}

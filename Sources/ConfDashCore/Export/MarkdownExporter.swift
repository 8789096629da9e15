/// A readable Markdown agenda: events, then their days, then "day 2 or 3" and "day not stated"
/// groups, with one list item per session. Text from the data is escaped so that a title like
/// `*Risk* [draft]` shows as written instead of turning into emphasis or a link.
struct MarkdownExporter {
    let context: ExportContext

    init(_ request: ExportRequest) { context = ExportContext(request) }

    private var words: ExportWords { context.words }
    private var labels: Labels { context.labels }

    /// Line by line into the output, which makes the text safe for a terminal as it hands it on.
    func write(to out: inout ExportOutput) -> ExportSummary {
        out.terminalSafe = true
        func line(_ text: String) { out.append(text); out.byte(0x0A) }
        let single = context.events.count == 1
        // One event: its title is the document's title. Several: the dataset's title, events below it.
        let eventLevel = single ? "#" : "##"
        let dayLevel = single ? "##" : "###"
        if !single { line("# " + Self.escaped(context.index.dataset.title.text(in: context.language))); line("") }
        for part in context.events {
            line(eventLevel + " " + Self.escaped(context.title(part.event)))
            line("")
            var facts = [DateLabels.range(part.event.startDate, part.event.endDate, context.language)]
            if let place = context.whereabouts(part.event) { facts.append(place) }
            if let region = context.text(context.index.region(of: part.event)?.name) { facts.append(region) }
            line(Self.escaped(facts.joined(separator: " · ")))
            line("")
            for group in groups(part.sessions) {
                line(dayLevel + " " + Self.escaped(heading(group.slot, in: part.event)))
                line("")
                for item in group.sessions {
                    self.item(item, to: &out)
                    out.recordEnded()
                }
                line("")
            }
        }
        let sessions = context.sessions
        // "11 sessions and 8 breakout topics": an entry standing for a topic is not a session.
        line(labels.sessionsAndTopics(sessions.map(\.session)) + context.words.statedOnly)
        // Markdown is read in terminals (cat, less -R, glow): no control character from the data.
        return ExportSummary(notes: [], exportedSessions: sessions.count)
    }

    /// Sessions by the day they are on (a clock time's date counts as a stated day), spans, then
    /// "day not stated"; within a day, timed sessions by start, then the rest in programme order.
    private func groups(_ sessions: ArraySlice<ExportSession>) -> [(slot: AgendaSlot, sessions: [ExportSession])] {
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
            let items = bySlot[slot]!
            // The agenda lists a day's timed sessions by start already: sorted only when not.
            if zip(items, items.dropFirst()).allSatisfy({ startKey($0) <= startKey($1) }) { return (slot, items) }
            return (slot, items.enumerated().sorted { a, b in
                (startKey(a.element), a.offset) < (startKey(b.element), b.offset)
            }.map(\.element))
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

    /// The session's list item and its details, one line each, straight into the output.
    private func item(_ item: ExportSession, to out: inout ExportOutput) {
        let session = item.session
        var kind = session.groupTopic ? labels.topicKind(session.kind) : labels.sessionKind(session.kind)
        if let count = session.count { kind += " ×\(count)" }
        out.append("- **")
        out.appendMarkdownEscaped(context.title(item))
        out.append("** (")
        out.appendMarkdownEscaped(kind)
        out.append(")\n")
        func detail(_ label: String, _ value: String) {
            out.append("  - "); out.append(label); out.append(words.colon); out.appendMarkdownEscaped(value); out.byte(0x0A)
        }
        detail(words.when, when(item))
        if let room = context.roomName(item) { detail(words.room, room) }
        // "; " because track names may hold commas ("Data, privacy and law").
        if !session.tracks.isEmpty { detail(words.tracks, context.trackNames(session).joined(separator: "; ")) }
        if !session.people.isEmpty { detail(words.people, context.people(session).joined(separator: ", ")) }
        if !session.organisations.isEmpty { detail(words.organisations, context.organisations(session).joined(separator: ", ")) }
        if !session.links.isEmpty {
            out.append("  - "); out.append(words.links); out.append(words.colon)
            out.append(session.links.map { Self.link($0.url, title: context.text($0.title)) }.joined(separator: ", "))
            out.byte(0x0A)
        }
        if let about = context.about(session) { out.append("  - "); out.appendMarkdownEscaped(about); out.byte(0x0A) }
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
        var out = ExportOutput()
        out.appendMarkdownEscaped(text)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}

extension ExportOutput {
    /// `MarkdownExporter.escaped(text)`, appended: inline markup characters backslash-escaped,
    /// line breaks as spaces, a leading `-`, `+`, `=` or `1.` escaped so it starts no block.
    mutating func appendMarkdownEscaped(_ text: String) {
        let start = bytes.count
        var text = text
        text.withUTF8 { utf8 in
            // Every character that matters is ASCII, so bytes will do.
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if Self.inlineMarkup[Int(byte)] {
                    bytes.append(UInt8(ascii: "\\"))
                    bytes.append(byte)
                } else if byte == UInt8(ascii: "&") {
                    // Only where it could start an entity (`&amp;`, `&#38;`); "A & B" stays as it is.
                    let next = index + 1 < utf8.count ? utf8[index + 1] : 0
                    if (next | 0x20) >= UInt8(ascii: "a") && (next | 0x20) <= UInt8(ascii: "z") || next == UInt8(ascii: "#") {
                        bytes.append(UInt8(ascii: "\\"))
                    }
                    bytes.append(byte)
                } else if byte == 0x0D || byte == 0x0A {
                    if byte == 0x0D && index + 1 < utf8.count && utf8[index + 1] == 0x0A { index += 1 }
                    bytes.append(UInt8(ascii: " "))
                } else {
                    bytes.append(byte)
                }
                index += 1
            }
        }
        // Block markers only matter at the start of the text.
        guard start < bytes.count else { return }
        let first = bytes[start]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "=") {
            bytes.insert(UInt8(ascii: "\\"), at: start)
        } else if let marker = bytes[start...].firstIndex(where: { !($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }),
                  (1...9).contains(marker - start), bytes[marker] == UInt8(ascii: ".") || bytes[marker] == UInt8(ascii: ")") {
            bytes.insert(UInt8(ascii: "\\"), at: marker)
        }
    }

    /// The inline markup characters `\\`*_[]<>|~#`, as a table by byte: every byte of a Markdown export is looked up.
    private static let inlineMarkup: [Bool] = (0..<256).map { "\\`*_[]<>|~#".utf8.contains(UInt8($0)) }
}

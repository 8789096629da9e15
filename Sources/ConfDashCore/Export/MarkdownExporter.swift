/// A readable Markdown agenda: events, then their days, then "day 2 or 3" and "day not stated"
/// groups, with one list item per session. Text from the data is escaped so that a title like
/// `*Risk* [draft]` shows as written instead of turning into emphasis or a link.
struct MarkdownExporter {
    let context: ExportContext

    init(_ request: ExportRequest, concurrency: ExportConcurrency = .serial) {
        context = ExportContext(request, concurrency: concurrency)
    }

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
        let all = context.sessions
        let items = ExportItems(&out, sessions: all.count) { (position: Int, out) in item(all[position], to: &out) }
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
                // Positions in `part.sessions` are positions in `context.sessions` (a slice of it).
                for position in group.sessions {
                    items.add(position, to: &out)
                    out.recordEnded()
                }
                line("")
            }
        }
        items.finish(&out)
        let sessions = context.sessions
        // "11 sessions and 8 breakout topics": an entry standing for a topic is not a session.
        line(labels.sessionsAndTopics(sessions.map(\.session)) + context.words.statedOnly)
        // Markdown is read in terminals (cat, less -R, glow): no control character from the data.
        return ExportSummary(notes: [], exportedSessions: sessions.count)
    }

    /// Sessions by the day they are on (a clock time's date counts as a stated day), spans, then
    /// "day not stated"; within a day, timed sessions by start, then the rest in programme order.
    private func groups(_ sessions: ArraySlice<ExportSession>) -> [(slot: AgendaSlot, sessions: [Int])] {
        // Positions in `sessions`, not copies of the sessions: copying each one into its group
        // retained and released all it refers to.
        var bySlot: [AgendaSlot: [Int]] = [:]
        var last: (slot: AgendaSlot, positions: [Int])?
        for position in sessions.indices {
            let slot: AgendaSlot
            switch sessions[position].timing {
            case .clock(let start, _, _): slot = .day(start.date)
            case .day(let date): slot = .day(date)
            case .possibleDays(let range): slot = .possibleDays(range)
            case .duringEvent: slot = .unplaced
            }
            // Sessions come day by day: the current day's positions are kept apart from the table.
            if last?.slot == slot {
                last!.positions.append(position)
                continue
            }
            if let current = last { bySlot[current.slot] = current.positions }
            last = (slot, bySlot.removeValue(forKey: slot) ?? [])
            last!.positions.append(position)
        }
        if let current = last { bySlot[current.slot] = current.positions }
        return bySlot.keys.sorted().map { slot in
            let items = bySlot[slot]!
            // The agenda lists a day's timed sessions by start already: sorted only when not.
            if zip(items, items.dropFirst()).allSatisfy({ startKey(sessions[$0]) <= startKey(sessions[$1]) }) { return (slot, items) }
            return (slot, items.enumerated().sorted { a, b in
                (startKey(sessions[a.element]), a.offset) < (startKey(sessions[b.element]), b.offset)
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
        func detailStart(_ label: String) { out.append("  - "); out.append(label); out.append(words.colon) }
        func detail(_ label: String, _ value: String) {
            detailStart(label); out.appendMarkdownEscaped(value); out.byte(0x0A)
        }
        // A list written piece by piece, escaped as the joined text would be: the separators hold
        // nothing to escape and keep pieces apart, and the block rule looks at the whole.
        func detail(_ label: String, pieces write: (inout ExportOutput) -> Void) {
            detailStart(label)
            let start = out.bytes.count
            write(&out)
            out.escapeMarkdownBlockMarker(from: start)
            out.byte(0x0A)
        }
        if case .clock(let start, _, let zone) = item.timing {
            // "09:30–10:15 (Europe/Brussels)", "09:30 (end not stated)": digits, then a colon, so
            // never a block marker.
            detailStart(words.when)
            out.time(start.time)
            let end = item.end
            if let end { out.append("–"); out.time(end.time) }
            out.append(" (")
            out.appendMarkdownInline(zone?.name ?? words.localTimeNoZone)
            if end == nil { out.append("; "); out.appendMarkdownInline(words.endNotStated) }
            out.append(")\n")
        } else {
            // "Afternoon; no clock time stated in the source."
            detail(words.when, words.noClockTime(item.session.partOfDay))
        }
        if let room = context.roomName(item) { detail(words.room, room) }
        // "; " because track names may hold commas ("Data, privacy and law").
        if !session.tracks.isEmpty {
            detail(words.tracks) { out in
                for (index, track) in session.tracks.enumerated() {
                    if index > 0 { out.append("; ") }
                    out.appendMarkdownInline(context.text(context.index.tracksByID[track]?.name) ?? track)
                }
            }
        }
        if !session.people.isEmpty {
            // "Cláudia Thomaz (speaker)" (`ExportContext.people`).
            detail(words.people) { out in
                for (index, link) in session.people.enumerated() {
                    if index > 0 { out.append(", ") }
                    out.appendMarkdownInline(context.personName(link.person))
                    out.append(" (")
                    out.appendMarkdownInline(labels.personRole(link.role))
                    out.append(")")
                }
            }
        }
        if !session.organisations.isEmpty { detail(words.organisations, context.organisations(session).joined(separator: ", ")) }
        if !session.links.isEmpty {
            out.append("  - "); out.append(words.links); out.append(words.colon)
            out.append(session.links.map { Self.link($0.url, title: context.text($0.title)) }.joined(separator: ", "))
            out.byte(0x0A)
        }
        if let about = context.about(session) { out.append("  - "); out.appendMarkdownEscaped(about); out.byte(0x0A) }
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
        return out.text
    }
}

extension ExportOutput {
    /// `MarkdownExporter.escaped(text)`, appended: inline markup characters backslash-escaped,
    /// line breaks as spaces, a leading `-`, `+`, `=` or `1.` escaped so it starts no block.
    mutating func appendMarkdownEscaped(_ text: String) {
        let start = bytes.count
        appendMarkdownInline(text)
        escapeMarkdownBlockMarker(from: start)
    }

    /// The inline part of `appendMarkdownEscaped`: markup characters backslash-escaped, line
    /// breaks as spaces; for a piece of a longer text (the block rule looks at the whole text's start).
    mutating func appendMarkdownInline(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            // Every character that matters is ASCII, so bytes will do; runs with nothing to change
            // are copied whole, not byte by byte.
            let special = Self.markdownSpecial
            var index = 0
            var run = 0  // the start of the bytes still to copy as they are
            while index < utf8.count {
                let byte = utf8[index]
                guard special[Int(byte)] else {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
                if byte == UInt8(ascii: "&") {
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
                    bytes.append(UInt8(ascii: "\\"))
                    bytes.append(byte)
                }
                index += 1
                run = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<utf8.count]))
        }
    }

    /// Escapes a leading `-`, `+`, `=` or `1.` of the text written from `start` on, so it starts
    /// no block (block markers only matter at the start of the text).
    mutating func escapeMarkdownBlockMarker(from start: Int) {
        guard start < bytes.count else { return }
        let first = bytes[start]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "=") {
            bytes.insert(UInt8(ascii: "\\"), at: start)
        } else if let marker = bytes.withUnsafeBufferPointer({ all in
                      all[start...].firstIndex(where: { !($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) })
                  }),
                  (1...9).contains(marker - start), bytes[marker] == UInt8(ascii: ".") || bytes[marker] == UInt8(ascii: ")") {
            bytes.insert(UInt8(ascii: "\\"), at: marker)
        }
    }

    /// For each byte, whether `appendMarkdownInline` changes it: the inline markup characters
    /// `\\`*_[]<>|~#`, `&`, CR and LF. Written once, when first read, and only read after: every
    /// byte of a Markdown export is looked up.
    nonisolated(unsafe) private static let markdownSpecial: UnsafePointer<Bool> = {
        let table = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
        for byte in 0..<256 {
            table[byte] = "\\`*_[]<>|~#&\r\n".utf8.contains(UInt8(byte))
        }
        return UnsafePointer(table)
    }()
}

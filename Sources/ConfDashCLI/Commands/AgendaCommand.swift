import ArgumentParser
import ConfDashCore

struct AgendaCommand: IOCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "List sessions, grouped by event and day.",
        discussion: """
        Filters combine: a session is listed when it passes all of them. Repeating --track, --tech, \
        --region, --event or --kind widens that one filter (any of the values).

        Sessions are placed only as precisely as the source allows: on their day, on "day 2 or 3" \
        when the source gives only a span, or "during the event" when it gives no day. Times the \
        source does not state are shown as "—", never guessed.

        Examples:
          confdash agenda --event rio --day 2
          confdash agenda --day 2024-11-13
          confdash agenda --track detection --track e-commerce
          confdash agenda --tech IdO --lang fr
          confdash agenda --region "americas" --kind regionalWorkshop
          confdash agenda --search "securite"
          confdash agenda --search "webb fontaine"     (a match on the event itself is said so)
          confdash agenda --event hanoi --format csv > hanoi.csv
          confdash agenda --data schedule.xml --day 2 --tz local
          confdash agenda --starred --day 2
        """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var clockOptions: ClockOptions

    func execute(io: CommandIO) throws {
        let index = try common.loadIndex(io)
        let filter = try filters.filter(using: index, dataPath: common.input.data, io: io)
        try DayCheck.requireDay(filter, in: index, language: common.language(io))
        let agenda = AgendaQuery(index: index).agenda(filter)
        let eventMatches = AgendaQuery(index: index).eventMatches(filter)
        var builder = RecordBuilder(index: index, language: common.language(io))
        builder.clock = clockOptions.clock(io)

        switch common.format {
        case .json:
            // Each session written straight from the model as its record would be (`SessionJSON`:
            // `AgendaOutput`'s bytes, streamed), on every core for a large agenda.
            let sessions = AgendaSessionsJSON(agenda: agenda.map { (event: $0.event, sessions: $0.allSessions) }, builder: builder)
            let matches = eventMatches.map {
                EventMatchRecord(event: $0.event.id, eventTitle: builder.text($0.event.shortTitle) ?? $0.event.title.text(in: builder.language),
                                 fields: $0.fields.map(\.rawValue))
            }
            JSONOutput.write(AgendaOutputStream(lang: builder.language.rawValue, count: sessions.count, sessions: sessions,
                                                eventMatches: matches), to: io)
        case .csv:
            io.out(csv(agenda, builder))
        case .text where filters.starred && agenda.isEmpty:
            io.out(CLIWords(builder.language).noStarredMatch + "\n")
        case .text:
            let undated = AgendaQuery(index: index).undatedLeftOut(by: filter)
            var text = AgendaText(builder: builder, width: io.outputWidth)
            // Starred sessions are a plan: overlaps and free gaps are marked as in My agenda.
            if filters.starred { text.plan = MyAgenda(index: index, starred: filter.onlySessions ?? [], filter: filter) }
            text.zoneIsYours = clockOptions.tz == .local
            io.out(text.render(agenda, filter: filter, undatedLeftOut: undated, eventMatches: eventMatches))
        }
    }

    private func csv(_ agenda: [EventAgenda], _ builder: RecordBuilder) -> String {
        var csv = CSVWriter(header: ["event", "event_title", "day", "day_index", "possible_days", "part_of_day", "start", "end",
                                     "time_zone", "room", "kind", "kind_label", "count", "title", "official_title", "tracks", "technologies",
                                     "people", "organisations", "description", "abstract", "language", "duration_minutes",
                                     "links", "sources", "id"])
        for part in agenda {
            for session in part.allSessions {
                let record = builder.session(session, of: part.event)
                let duration: String = record.durationMinutes.map(String.init) ?? ""
                let links: String = record.links.map(\.url).joined(separator: " ")
                csv.append([
                    record.event, record.eventTitle, record.day ?? "", record.dayIndex.map(String.init) ?? "",
                    record.possibleDays.map { "\($0.from)/\($0.to)" } ?? "", record.partOfDay ?? "",
                    record.start ?? "", record.end ?? "", record.timeZone ?? "", record.room ?? "", record.kind, record.kindLabel,
                    record.count.map(String.init) ?? "", record.title, String(record.officialTitle),
                    record.tracks.map(\.name).joined(separator: "; "), record.technologies.map(\.name).joined(separator: "; "),
                    record.people.map { "\($0.name) (\(builder.labels.personRole(SessionPerson.Role(rawValue: $0.role)!)))" }
                        .joined(separator: "; "),
                    record.organisations.map { "\($0.name) (\(builder.labels.organisationRole(SessionOrganisation.Role(rawValue: $0.role)!)))" }
                        .joined(separator: "; "),
                    record.description ?? "", record.abstract ?? "", record.language ?? "", duration, links,
                    record.sources.joined(separator: "; "), record.id,
                ])
            }
        }
        return csv.text
    }
}

struct AgendaOutput: Encodable {
    var lang: String
    var count: Int
    var sessions: [SessionRecord]
    /// Events whose own text (theme, description, organisations…) matches --search.
    var eventMatches: [EventMatchRecord]
}

/// The text form of an agenda: an event header, then one table per day (or span of days).
struct AgendaText {
    let builder: RecordBuilder
    let width: Int?
    /// With `--starred`: the starred sessions laid out as My agenda, whose overlaps (⚠ certain,
    /// ≈ possible) and free gaps the tables show.
    var plan: MyAgenda?
    /// Whether converted times are in the user's own zone (`--tz local`) rather than one named with `--tz`.
    var zoneIsYours = true
    var labels: Labels { builder.labels }
    var words: CLIWords { CLIWords(builder.language) }

    func render(_ agenda: [EventAgenda], filter: AgendaFilter, undatedLeftOut: Int = 0, eventMatches: [EventMatch] = []) -> String {
        guard !agenda.isEmpty || !eventMatches.isEmpty else {
            if undatedLeftOut > 0 { return words.noSessionOnThatDay(undatedLeftOut) + "\n" }
            // With no filter given, "matches these filters" would send the user looking for one.
            return (filter == AgendaFilter() ? words.noSessions : words.noSessionMatches) + "\n"
        }
        var blocks: [String] = []
        let parts = Dictionary(agenda.map { ($0.event.id, $0) }, uniquingKeysWith: { first, _ in first })
        let matches = Dictionary(eventMatches.map { ($0.event.id, $0) }, uniquingKeysWith: { first, _ in first })
        for event in builder.index.eventsByDate where parts[event.id] != nil || matches[event.id] != nil {
            blocks.append(header(event))
            if let match = matches[event.id] { blocks.append(eventMatchLine(match, search: filter.search ?? "")) }
            for group in parts[event.id]?.groups ?? [] {
                blocks.append(slotTitle(group.slot, in: event))
                let rows = plan?.groups.first { $0.event.id == event.id && $0.slot == group.slot }?.rows
                blocks.append(table(rows ?? group.sessions.map { .session($0) }, in: event))
                blocks += inferredDayNotes(group.sessions)
            }
        }
        let noTimes = agenda.flatMap(\.allSessions).contains { !builder.timeIsStated($0) }
        // Rooms are a column only for events that name rooms; there a missing one shows "—" too.
        let noRooms = agenda.contains { part in !part.event.rooms.isEmpty && part.allSessions.contains { $0.room == nil } }
        var footerParts = agenda.isEmpty ? [] : [countLine(agenda.flatMap(\.allSessions))]
        if !eventMatches.isEmpty { footerParts.append(words.eventsMatchByOwnText(eventMatches.count)) }
        var footer = footerParts.joined(separator: " · ") + words.notStatedNote(time: noTimes, room: noRooms)
        if let plan, !plan.overlaps.isEmpty { footer += "\n" + words.overlapLegend }
        blocks.append(footer.split(separator: "\n").map { line in
            width.map { String(line).wrapped(toWidth: $0).joined(separator: "\n") } ?? String(line)
        }.joined(separator: "\n"))
        if undatedLeftOut > 0 { blocks.append(words.moreUndated(undatedLeftOut)) }
        return blocks.joined(separator: "\n") + "\n"
    }

    /// "19 sessions", or with entries that stand for a topic of grouped sessions, "11 sessions
    /// and 8 breakout topics": a topic is not a session, and is not counted as one. The same
    /// words as `validate`, the details, the Markdown export and the dashboard's `:open`.
    private func countLine(_ entries: [Session]) -> String { labels.sessionsAndTopics(entries) }

    /// "The search matches the event itself: theme, organisations": the match is on the event, not a session.
    private func eventMatchLine(_ match: EventMatch, search: String) -> String {
        let fields = match.fields.map { $0.label(labels) }.joined(separator: ", ")
        let line = words.searchMatchesTheEvent(fields: fields, search: search)
        return "\n" + indented(line)
    }

    /// "⚠ overlaps «…»" under a starred session that overlaps others, as My agenda says it.
    private func overlapLine(_ session: Session, in event: Event) -> String? {
        guard let overlaps = plan?.overlaps[SessionAddress(event: event.id, session: session.id)], !overlaps.isEmpty else { return nil }
        let titles = overlaps.prefix(2).compactMap { overlap -> String? in
            guard let other = builder.index.eventsByID[overlap.other.event]?.sessions.first(where: { $0.id == overlap.other.session })
            else { return nil }
            let title = other.title.text(in: builder.language)
            return title.count > 40 ? String(title.prefix(39)) + "…" : title
        }
        return words.overlaps(certain: overlaps.contains { $0.certain }, titles: titles, more: overlaps.count - titles.count)
    }

    /// For each session whose day is our inference, the reason, under its day's table.
    private func inferredDayNotes(_ sessions: [Session]) -> [String] {
        sessions.compactMap { session in
            guard let basis = session.dayBasis, basis.inferred, let reason = builder.text(basis.reason) else { return nil }
            // "Days" for a span of days placed by inference.
            let line = words.dayInferred(for: session.title.text(in: builder.language), span: session.possibleDays != nil) + reason
            return indented(line)
        }
    }

    private func indented(_ line: String) -> String {
        let lines = width.map { line.wrapped(toWidth: max($0 - 2, 20)) } ?? [line]
        return lines.map { "  " + $0 }.joined(separator: "\n")
    }

    private func header(_ event: Event) -> String {
        let title = event.title.text(in: builder.language)
        var facts = [builder.dates(event), builder.whereabouts(event)].filter { !$0.isEmpty }
        if let region = builder.index.region(of: event) { facts.append(region.name.text(in: builder.language)) }
        if let zone = zoneFact(event) { facts.append(zone) }
        let lines = [title, facts.joined(separator: " · ")].flatMap { line in width.map { line.wrapped(toWidth: $0) } ?? [line] }
        let rule = String(repeating: "═", count: min(lines.map(\.terminalWidth).max() ?? 0, width ?? Int.max))
        return "\n" + lines.joined(separator: "\n") + "\n" + rule
    }

    /// A room name, wrapped to a fifth of the width (of 120 columns in a pipe): 38C3 has rooms such
    /// as "KliMathematik Augsburg Table (stage side), look in description", and the table would
    /// otherwise narrow the title to make room for them.
    private func roomCell(_ name: String?) -> String {
        guard let name else { return "—" }
        return name.wrapped(toWidth: max(12, min(width ?? 120, 120) / 5)).joined(separator: "\n")
    }

    /// "times: Europe/Berlin", or with --tz local "times: Asia/Tokyo (yours; the event's: Europe/Berlin)";
    /// nil for events with no clock times.
    private func zoneFact(_ event: Event) -> String? {
        guard let eventZone = event.timeZone, event.sessions.contains(where: { $0.start != nil }),
              let shown = builder.clock.zoneName(for: event) else { return nil }
        return words.times(shown, eventZone: eventZone, yours: zoneIsYours)
    }

    private func slotTitle(_ slot: AgendaSlot, in event: Event) -> String {
        switch slot {
        case .day(let date):
            let index = event.dayIndex(of: date) ?? 0
            var title = "\(labels.dayOf(index, event.dayCount)) · \(DateLabels.long(date, builder.language))"
            if let theme = event.days.first(where: { $0.date == date })?.theme { title += " · \(theme.text(in: builder.language))" }
            return "\n" + (width.map { title.wrapped(toWidth: $0).joined(separator: "\n") } ?? title)
        case .possibleDays(let range):
            let first = event.dayIndex(of: range.from) ?? 0
            let last = event.dayIndex(of: range.to) ?? 0
            return "\n" + labels.possibleDays(first, last)
        case .unplaced:
            return "\n" + labels.duringTheEvent
        }
    }

    private func table(_ rows: [MyAgenda.Row], in event: Event) -> String {
        // Imported schedules name rooms; the bundled data never does, so its tables stay as they were.
        let showRooms = !event.rooms.isEmpty
        // An imported schedule's kinds are only confdash's rough reading of its free-text types
        // (most are "Session"): the title gets the width instead.
        let showKind = !event.sources.contains { builder.index.sourcesByID[$0]?.kind == .imported }
        // Each column has a maximum, so that a line stays readable in a pipe or on a wide terminal.
        var columns: [TextTable.Column] = [.init(words.whenColumn, minWidth: 5, overflow: .wrap)]
        if showRooms { columns.append(.init(words.roomColumn, minWidth: 6, maxWidth: 24, overflow: .wrap)) }
        if showKind { columns.append(.init(words.kindColumn, minWidth: 6, maxWidth: 20, overflow: .wrap)) }
        columns += [
            .init("Session", minWidth: 16, maxWidth: 64, overflow: .wrap),
            .init(words.tracksColumn, minWidth: 8, maxWidth: 28, overflow: .wrap),
        ]
        var table = TextTable(columns: columns)
        for row in rows {
            let session: Session
            switch row {
            case .session(let listed): session = listed
            case .gap(let gap):
                // A free gap between two starred sessions: its times, and how long it is.
                var cells = ["\(gap.from.time)–\(gap.to.time)"]
                if showRooms { cells.append("") }
                if showKind { cells.append("") }
                table.append(cells + [words.freeGap(minutes: gap.minutes), ""])
                continue
            }
            var kind = session.groupTopic ? labels.topicKind(session.kind) : labels.sessionKind(session.kind)
            if let count = session.count { kind += " ×\(count)" }
            var cell = session.title.text(in: builder.language)
            // A day we inferred is flagged on its row; the note under the table gives the reason.
            if session.dayBasis?.inferred == true { cell += words.dayInferredMark }
            let people = builder.peopleLine(session)
            if !people.isEmpty { cell += "\n" + people }
            if let line = overlapLine(session, in: event) { cell += "\n" + line }
            let tracks = session.tracks.compactMap { builder.index.tracksByID[$0]?.name.text(in: builder.language) }
            var row = [builder.when(session, in: event)]
            if showRooms { row.append(roomCell(builder.roomName(session.room, in: event))) }
            if showKind { row.append(kind) }
            table.append(row + [cell, tracks.joined(separator: ", ")])
        }
        let indent = "  "
        let rendered = table.render(maxWidth: width.map { max($0 - indent.count, 20) })
        return rendered.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n")
    }
}

import ArgumentParser
import ConfDashCore

struct EventsCommand: IOCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List the events, oldest first.",
        discussion: """
        Examples:
          confdash events
          confdash events --region "asia pacific" --lang fr
          confdash events --kind conference --format json
        """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("Only events in this WCO region, by id or name (repeatable).", valueName: "region"))
    var region: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only events of this kind: conference, regionalWorkshop, onlineWorkshop (repeatable).", valueName: "kind"))
    var kind: [String] = []

    func execute(io: CommandIO) throws {
        let index = try common.loadIndex(io)
        let filter = try FilterInput(regions: region, kinds: kind).filter(using: index)
        let events = AgendaQuery(index: index).events(filter)
        let builder = RecordBuilder(index: index, language: common.language(io))

        switch common.format {
        case .json:
            io.out(JSONOutput.encode(EventsOutput(lang: builder.language.rawValue, events: events.map(builder.event))))
        case .csv:
            var csv = CSVWriter(header: ["id", "title", "short_title", "kind", "start_date", "end_date", "days", "online",
                                         "place", "country", "region", "participants", "countries", "member_administrations",
                                         "exhibition_stands", "sessions", "sources"])
            for event in events {
                let record = builder.event(event)
                csv.append([record.id, record.title, record.shortTitle ?? "", record.kind, record.startDate, record.endDate,
                            String(record.dayCount), String(record.online), record.place?.name ?? "",
                            record.place?.country?.id ?? event.country ?? "", record.region?.name ?? "",
                            builder.figure(.participants, of: event) ?? "", builder.figure(.countries, of: event) ?? "",
                            builder.figure(.memberAdministrations, of: event) ?? "",
                            builder.figure(.exhibitionStands, of: event) ?? "", String(record.sessionCount),
                            record.sources.joined(separator: "; ")])
            }
            io.out(csv.text)
        case .text:
            io.out(renderText(events, builder, width: io.outputWidth))
        }
    }

    private func renderText(_ events: [Event], _ builder: RecordBuilder, width: Int?) -> String {
        let fr = builder.language == .fr
        guard !events.isEmpty else { return fr ? "Aucun événement ne correspond.\n" : "No event matches.\n" }
        // Four columns keep every word whole down to 80 columns; kind and id sit under the event's
        // name, the WCO region under the place.
        var table = TextTable(columns: [
            .init("Dates"),
            .init(fr ? "Événement · type · id" : "Event · kind · id", minWidth: 14, overflow: .wrap),
            .init(fr ? "Lieu · région OMD" : "Where · WCO region", minWidth: 10, overflow: .wrap),
            .init("Participants", minWidth: 8, overflow: .wrap),
        ])
        for event in events {
            let region = builder.index.region(of: event).map { $0.name.text(in: builder.language) } ?? "—"
            table.append([
                builder.dates(event),
                [builder.text(event.shortTitle) ?? event.title.text(in: builder.language),
                 builder.labels.eventKind(event.kind), event.id].joined(separator: "\n"),
                builder.whereabouts(event) + "\n" + region,
                builder.figure(.participants, of: event) ?? "—",
            ])
        }
        return table.render(maxWidth: width) + "\n"
    }
}

struct EventsOutput: Encodable {
    var lang: String
    var events: [EventRecord]
}

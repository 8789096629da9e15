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
        var filterOptions = FilterOptions()
        filterOptions.region = region
        filterOptions.kind = kind
        let filter = try filterOptions.filter(using: index)
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
        var table = TextTable(columns: [
            .init(fr ? "Dates" : "Dates"),
            .init(fr ? "Événement" : "Event", minWidth: 10, overflow: .wrap),
            .init(fr ? "Type" : "Kind", minWidth: 8, overflow: .wrap),
            .init(fr ? "Lieu" : "Where", minWidth: 8, overflow: .wrap),
            .init(fr ? "Région OMD" : "WCO region", minWidth: 8, overflow: .wrap),
            .init(fr ? "Participants" : "Participants", minWidth: 8, overflow: .wrap),
            .init("Id", minWidth: 8, overflow: .truncate),
        ])
        for event in events {
            table.append([
                builder.dates(event),
                builder.text(event.shortTitle) ?? event.title.text(in: builder.language),
                builder.labels.eventKind(event.kind),
                builder.whereabouts(event),
                builder.index.region(of: event).map { $0.name.text(in: builder.language) } ?? "—",
                builder.figure(.participants, of: event) ?? "—",
                event.id,
            ])
        }
        return table.render(maxWidth: width) + "\n"
    }
}

struct EventsOutput: Encodable {
    var lang: String
    var events: [EventRecord]
}

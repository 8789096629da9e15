import Foundation
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
          confdash events --long                         (themes, organisations and their parts, figures)
          confdash events --search "webb fontaine" --long
        """
    )

    @OptionGroup var common: CommonOptions

    @OptionGroup var eventScope: EventScopeOptions

    @Option(name: .long, help: ArgumentHelp("Only events whose own text (title, theme, description, place, organisations) or one of whose sessions contains every word, ignoring case and accents.", valueName: "text"))
    var search: String?

    @Flag(name: .long, help: "Text output: one block per event with its theme, organisations and their parts (host, organiser, sponsor, funder…), figures, programme and description.")
    var long = false

    func execute(io: CommandIO) throws {
        let index = try common.loadIndex(io)
        let filter = try FilterInput(regions: eventScope.region, kinds: eventScope.kind, search: search).filter(using: index)
        let events = AgendaQuery(index: index).events(filter)
        let builder = RecordBuilder(index: index, language: common.language(io))

        switch common.format {
        case .json:
            io.out(JSONOutput.encode(EventsOutput(lang: builder.language.rawValue, events: events.map(builder.event))))
        case .csv:
            // Figures as numbers a spreadsheet can add up, each with its qualifier in the next column
            // ("moreThan", "nearly", "exact"): "more than 1,200" is never flattened to 1200.
            let measures: [Figure.Measure] = [.participants, .countries, .memberAdministrations, .exhibitionStands]
            let figureColumns = measures.flatMap { measure -> [String] in
                let name = measure.rawValue.replacingOccurrences(of: "([a-z])([A-Z])", with: "$1_$2", options: .regularExpression).lowercased()
                return [name, name + "_qualifier"]
            }
            var csv = CSVWriter(header: ["id", "title", "short_title", "kind", "kind_label", "start_date", "end_date", "days", "online",
                                         "place", "country", "country_name", "region", "region_name"] + figureColumns
                                        + ["sessions", "topics", "sources"])
            for event in events {
                let record = builder.event(event)
                let country = builder.index.country(of: event)
                let figures = measures.flatMap { measure -> [String] in
                    guard let figure = event.figures.first(where: { $0.measure == measure }) else { return ["", ""] }
                    return [String(figure.value), figure.qualifier.rawValue]
                }
                csv.append([record.id, record.title, record.shortTitle ?? "", record.kind, record.kindLabel,
                            record.startDate, record.endDate, String(record.dayCount), String(record.online),
                            record.place?.name ?? "", country?.code ?? "", country.map { $0.name.text(in: builder.language) } ?? "",
                            record.region?.id ?? "", record.region?.name ?? ""] + figures
                           + [String(record.sessionCount), String(record.topicCount), record.sources.joined(separator: "; ")])
            }
            io.out(csv.text)
        case .text where long:
            guard !events.isEmpty else { io.out(CLIWords(builder.language).noEventMatches + "\n"); return }
            let matches = Dictionary(AgendaQuery(index: index).eventMatches(filter).map { ($0.event.id, $0) },
                                     uniquingKeysWith: { first, _ in first })
            io.out(EventLongText(builder: builder, width: io.outputWidth).render(events, matches: matches))
        case .text:
            io.out(renderText(events, builder, width: io.outputWidth))
        }
    }

    private func renderText(_ events: [Event], _ builder: RecordBuilder, width: Int?) -> String {
        let words = CLIWords(builder.language)
        guard !events.isEmpty else { return words.noEventMatches + "\n" }
        // Four columns keep every word whole at 80 columns; kind and id sit under the event's
        // name, the WCO region under the place.
        var table = TextTable(columns: [
            .init("Dates"),
            .init(words.eventColumn, minWidth: 14, overflow: .wrap),
            .init(words.whereColumn, minWidth: 10, overflow: .wrap),
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

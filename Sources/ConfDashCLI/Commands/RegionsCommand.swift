import ArgumentParser
import ConfDashCore

struct RegionsCommand: IndexListCommand {
    static let configuration = CommandConfiguration(
        commandName: "regions",
        abstract: "List the WCO regions with their events.",
        discussion: """
        Every region of the dataset is listed, also those where no event took place \
        (the bundled dataset has all six WCO regions).

        Examples:
          confdash regions
          confdash regions --lang fr --format json
        """
    )

    @OptionGroup var common: CommonOptions

    func list(_ builder: RecordBuilder, io: CommandIO) throws {
        let index = builder.index, words = CLIWords(builder.language)
        let eventsByRegion = index.eventsByRegion()
        let records = index.dataset.regions.map { region in
            RegionRecord(
                id: region.id, name: region.name.text(in: builder.language),
                events: (eventsByRegion[region.id] ?? []).map {
                    .init(id: $0.id, title: builder.text($0.shortTitle) ?? $0.title.text(in: builder.language),
                          startDate: $0.startDate.iso, endDate: $0.endDate.iso,
                          place: index.place(of: $0).map { $0.name.text(in: builder.language) }, online: $0.online)
                },
                countries: index.dataset.countries.filter { $0.region == region.id }.map {
                    IDName(id: $0.code, name: $0.name.text(in: builder.language))
                })
        }
        switch common.format {
        case .json:
            io.out(JSONOutput.encode(RegionsOutput(lang: builder.language.rawValue, regions: records)))
        case .csv:
            var csv = CSVWriter(header: ["region", "region_name", "event", "event_title", "start_date", "end_date", "place"])
            for record in records {
                if record.events.isEmpty { csv.append([record.id, record.name, "", "", "", "", ""]) }
                for event in record.events {
                    csv.append([record.id, record.name, event.id, event.title, event.startDate, event.endDate,
                                event.online ? builder.labels.online : (event.place ?? "")])
                }
            }
            io.out(csv.text)
        case .text:
            if records.isEmpty {
                io.out(words.emptyList("regions") + "\n")
                return
            }
            var table = TextTable(columns: [
                .init("Id"),
                .init(words.regionColumn, minWidth: 10, overflow: .wrap),
                .init(words.eventsColumn, minWidth: 16, overflow: .wrap),
            ])
            for record in records {
                let events = record.events.map { event -> String in
                    let dates = DateLabels.range(CalendarDate(iso: event.startDate)!, CalendarDate(iso: event.endDate)!, builder.language)
                    return "\(event.title) (\(dates))"
                }
                table.append([record.id, record.name, events.isEmpty ? "—" : events.joined(separator: "\n")])
            }
            io.out(table.render(maxWidth: io.outputWidth) + "\n")
        }
    }
}

struct RegionsOutput: Encodable {
    var lang: String
    var regions: [RegionRecord]
}

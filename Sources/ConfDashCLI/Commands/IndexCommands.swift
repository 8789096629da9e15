import ArgumentParser
import ConfDashCore

struct TracksCommand: IOCommand {
    static let configuration = CommandConfiguration(
        commandName: "tracks",
        abstract: "List the tracks, with how many events and sessions use each.",
        discussion: """
        Examples:
          confdash tracks
          confdash tracks --lang fr --format csv
        """
    )

    @OptionGroup var common: CommonOptions

    func execute(io: CommandIO) throws {
        let index = try common.loadIndex(io)
        let builder = RecordBuilder(index: index, language: common.language(io))
        let usage = index.trackUsage()
        let records = index.dataset.tracks.map { track in
            UsageRecord(id: track.id, name: track.name.text(in: builder.language), aliases: nil,
                        description: builder.text(track.description), color: track.color, usage: usage[track.id])
        }
        try UsageOutput.write(records, key: "tracks", format: common.format, builder: builder, io: io,
                              nameHeader: builder.language == .fr ? "Thème" : "Track")
    }
}

struct TechnologiesCommand: IOCommand {
    static let configuration = CommandConfiguration(
        commandName: "technologies",
        abstract: "List the technology index, with how many events and sessions mention each.",
        discussion: """
        An event counts when it, or any of its sessions, mentions the technology.

        Examples:
          confdash technologies
          confdash technologies --lang fr
          confdash technologies --format json
        """
    )

    @OptionGroup var common: CommonOptions

    func execute(io: CommandIO) throws {
        let index = try common.loadIndex(io)
        let builder = RecordBuilder(index: index, language: common.language(io))
        let usage = index.technologyUsage()
        let records = index.dataset.technologies.map { technology in
            UsageRecord(id: technology.id, name: technology.name.text(in: builder.language), aliases: technology.aliases,
                        description: builder.text(technology.description), color: nil, usage: usage[technology.id])
        }
        try UsageOutput.write(records, key: "technologies", format: common.format, builder: builder, io: io,
                              nameHeader: builder.language == .fr ? "Technologie" : "Technology")
    }
}

extension UsageRecord {
    /// A track or technology with its counts; no usage at all reads as zero everywhere.
    init(id: String, name: String, aliases: [String]?, description: String?, color: String?, usage: UsageCount?) {
        let usage = usage ?? UsageCount()
        self.init(id: id, name: name, aliases: aliases, description: description, color: color,
                  events: usage.events, sessions: usage.sessions,
                  sessionsByYear: Dictionary(uniqueKeysWithValues: usage.sessionsByYear.map { (String($0.key), $0.value) }),
                  eventIDs: usage.eventIDs)
    }
}

/// Tracks and technologies share one presentation: name, counts, and a per-year trend.
enum UsageOutput {
    static func write(_ records: [UsageRecord], key: String, format: OutputFormat, builder: RecordBuilder,
                      io: CommandIO, nameHeader: String) throws {
        let fr = builder.language == .fr
        let years = Set(builder.index.dataset.events.map(\.startDate.year)).sorted()
        switch format {
        case .json:
            io.out(JSONOutput.encode(UsageListOutput(lang: builder.language.rawValue, key: key, items: records)))
        case .csv:
            var csv = CSVWriter(header: ["id", "name", "aliases", "events", "sessions"] + years.map { "sessions_\($0)" })
            for record in records {
                csv.append([record.id, record.name, (record.aliases ?? []).joined(separator: "; "),
                            String(record.events), String(record.sessions)]
                           + years.map { String(record.sessionsByYear[String($0)] ?? 0) })
            }
            io.out(csv.text)
        case .text:
            if records.isEmpty {
                io.out(emptyListNote(key, fr: fr))
                return
            }
            // Aliases are a luxury: on a terminal narrower than 80 columns the counts matter more.
            let hasAliases = records.contains { !($0.aliases ?? []).isEmpty } && (io.outputWidth ?? Int.max) >= 80
            var columns: [TextTable.Column] = [.init("Id"), .init(nameHeader, minWidth: 10, overflow: .wrap)]
            if hasAliases { columns.append(.init(fr ? "Autres noms" : "Also known as", minWidth: 10, overflow: .wrap)) }
            columns += [
                .init(fr ? "Événements" : "Events", alignment: .right),
                .init("Sessions", alignment: .right),
                .init(fr ? "Tendance" : "Trend"),
            ]
            var table = TextTable(columns: columns)
            for record in records {
                var row = [record.id, record.name]
                if hasAliases { row.append((record.aliases ?? []).joined(separator: ", ")) }
                row += [String(record.events), String(record.sessions), sparkline(years.map { record.sessionsByYear[String($0)] ?? 0 })]
                table.append(row)
            }
            let legend = fr
                ? "Tendance : sessions par année, \(years.map(String.init).joined(separator: " "))"
                : "Trend: sessions per year, \(years.map(String.init).joined(separator: " "))"
            io.out(table.render(maxWidth: io.outputWidth) + "\n" + legend + "\n")
        }
    }

    /// One block character per year, scaled to the largest count in the row ("·" for none).
    static func sparkline(_ values: [Int]) -> String {
        let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let top = max(values.max() ?? 0, 1)
        return String(values.map { value in
            value == 0 ? "·" : blocks[min(blocks.count - 1, (value * blocks.count - 1) / top)]
        })
    }
}

struct UsageListOutput: Encodable {
    var lang: String
    var key: String
    var items: [UsageRecord]

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        try container.encode(lang, forKey: DynamicKey("lang"))
        try container.encode(items, forKey: DynamicKey(key))
    }
}

struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

struct RegionsCommand: IOCommand {
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

    func execute(io: CommandIO) throws {
        let index = try common.loadIndex(io)
        let builder = RecordBuilder(index: index, language: common.language(io))
        let fr = builder.language == .fr
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
                io.out(emptyListNote("regions", fr: fr))
                return
            }
            var table = TextTable(columns: [
                .init("Id"),
                .init(fr ? "Région OMD" : "WCO region", minWidth: 10, overflow: .wrap),
                .init(fr ? "Événements" : "Events", minWidth: 16, overflow: .wrap),
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

/// Said instead of an empty table, which would look like a fault: imported schedules have no
/// technologies or regions (their formats have no field for them), and may have no tracks.
func emptyListNote(_ key: String, fr: Bool) -> String {
    switch key {
    case "tracks":
        return fr ? "Ce jeu de données ne nomme aucun thème.\n" : "This dataset names no tracks.\n"
    case "technologies":
        return fr ? "Ce jeu de données ne nomme aucune technologie (un programme importé n'a pas ce champ).\n"
            : "This dataset names no technologies (imported schedules have no such field).\n"
    default:
        return fr ? "Ce jeu de données ne nomme aucune région (un programme importé n'a pas ce champ).\n"
            : "This dataset names no regions (imported schedules have no such field).\n"
    }
}

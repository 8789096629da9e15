import ConfDashCore

extension UsageRecord {
    /// A track or technology with its counts; no usage at all reads as zero everywhere.
    init(id: String, name: String, aliases: [String]?, description: String?, color: String?, usage: UsageCount?) {
        let usage = usage ?? UsageCount()
        self.init(id: id, name: name, aliases: aliases, description: description, color: color,
                  events: usage.events, sessions: usage.sessions, topics: usage.topics,
                  sessionsByYear: Dictionary(uniqueKeysWithValues: usage.sessionsByYear.map { (String($0.key), $0.value) }),
                  eventIDs: usage.eventIDs)
    }
}

/// Tracks and technologies share one presentation: name, counts, and a per-year trend.
enum UsageOutput {
    static func write(_ records: [UsageRecord], key: String, format: OutputFormat, builder: RecordBuilder,
                      io: CommandIO, nameHeader: String) throws {
        let words = CLIWords(builder.language)
        let years = Set(builder.index.dataset.events.map(\.startDate.year)).sorted()
        switch format {
        case .json:
            io.out(JSONOutput.encode(UsageListOutput(lang: builder.language.rawValue, key: key, items: records)))
        case .csv:
            var csv = CSVWriter(header: ["id", "name", "aliases", "events", "sessions", "topics"] + years.map { "sessions_\($0)" })
            for record in records {
                csv.append([record.id, record.name, (record.aliases ?? []).joined(separator: "; "),
                            String(record.events), String(record.sessions), String(record.topics)]
                           + years.map { String(record.sessionsByYear[String($0)] ?? 0) })
            }
            io.out(csv.text)
        case .text:
            if records.isEmpty {
                io.out(words.emptyList(key) + "\n")
                return
            }
            // Aliases are a luxury: on a terminal narrower than 80 columns the counts matter more.
            let hasAliases = records.contains { !($0.aliases ?? []).isEmpty } && (io.outputWidth ?? Int.max) >= 80
            var columns: [TextTable.Column] = [.init("Id"), .init(nameHeader, minWidth: 10, overflow: .wrap)]
            if hasAliases { columns.append(.init(words.alsoKnownAs, minWidth: 10, overflow: .wrap)) }
            // Topics of grouped sessions are not sessions: their own column, where the data has any.
            // Below 80 columns that column takes the trend's place: the counts matter more.
            let hasTopics = records.contains { $0.topics > 0 }
            let hasTrend = !hasTopics || (io.outputWidth ?? Int.max) >= 80
            columns += [.init(words.eventsColumn, alignment: .right), .init("Sessions", alignment: .right)]
            if hasTopics { columns.append(.init(words.topicsColumn, alignment: .right)) }
            if hasTrend { columns.append(.init(words.trendColumn)) }
            var table = TextTable(columns: columns)
            for record in records {
                var row = [record.id, record.name]
                if hasAliases { row.append((record.aliases ?? []).joined(separator: ", ")) }
                row += [String(record.events), String(record.sessions)]
                if hasTopics { row.append(String(record.topics)) }
                if hasTrend { row.append(sparkline(years.map { record.sessionsByYear[String($0)] ?? 0 })) }
                table.append(row)
            }
            var legend = hasTrend ? [words.trendLegend(years)] : []
            if hasTopics { legend.append(words.topicsLegend) }
            let lines = legend.flatMap { line in io.outputWidth.map { line.wrapped(toWidth: $0) } ?? [line] }
            io.out(table.render(maxWidth: io.outputWidth) + "\n" + lines.map { $0 + "\n" }.joined())
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

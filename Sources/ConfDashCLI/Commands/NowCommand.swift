import ArgumentParser
import ConfDashCore
import Foundation

struct NowCommand: IOCommand {
    static let configuration = CommandConfiguration(
        commandName: "now",
        abstract: "What runs now and what comes next, room by room (or track by track), on each event's clock.",
        discussion: """
        "Next" is the first session still to start today (the night after a day counts, until \
        06:00). The clock is the system's unless --now or the CONFDASH_NOW variable sets it: an \
        ISO 8601 time, read on the event's own clock when it has no offset \
        (2024-12-28T14:00), as that instant everywhere with one (2024-12-28T13:00Z).

        --format short prints one line for a status bar (tmux: \
        set -g status-right '#(confdash now --starred --format short --data …)'), such as \
        "next 14:30 Saal 1 · Title", and nothing when nothing is coming today.

        Examples:
          confdash now --data 38c3-schedule.xml --now 2024-12-28T14:00
          confdash now --starred --format short --data 38c3-schedule.xml
          confdash now --by track --format json --data 38c3-schedule.xml

        Exit status: 0 (also when nothing is on), 64 bad usage or --now, 65 bad data, 66 file \
        not found or unreadable.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, short }

    @Option(name: .long, help: "text, json, or short (one line for a status bar).")
    var format: Format = .text

    @Flag(name: .long, help: "Only your starred sessions.")
    var starred = false

    @Option(name: .long, help: ArgumentHelp("Group by room (default) or track.", valueName: "room|track"))
    var by: String = "room"

    @Option(name: .long, help: ArgumentHelp("Take this as the time (ISO 8601; event time when no offset). Also CONFDASH_NOW.", valueName: "time"))
    var now: String?

    @OptionGroup var input: DataOptions

    func execute(io: CommandIO) throws {
        guard let grouping = NowNext.Grouping(rawValue: by) else { throw CommandFailure.usage("--by \(by): expected room or track") }
        let setting: NowSetting
        switch NowSetting.resolve(option: now, environment: io.environment) {
        case .success(let value): setting = value
        case .failure(let error): throw CommandFailure.usage(error.message)
        }
        let index = try input.loadIndex(io)
        let only = starred ? try PersonalFiles(dataset: index.dataset, dataPath: input.data, io: io).starred(io).addresses : nil
        let localZone = ClockDisplay.localZone(environment: io.environment)
        let boards = index.eventsByDate.map { NowNext(event: $0, at: setting.wallClock(for: $0, localZone: localZone), by: grouping, only: only) }
            .filter { $0.isOn || !$0.rows.isEmpty }
        let builder = RecordBuilder(index: index, language: input.language(io))
        switch format {
        case .short: io.out(short(boards, builder))
        case .json: io.out(JSONOutput.encode(json(boards, builder, grouping: grouping)))
        case .text: io.out(text(boards, builder, grouping: grouping, width: io.outputWidth))
        }
    }

    /// `next 14:30 Saal 1 · Title`: the soonest session still to come today, else nothing.
    private func short(_ boards: [NowNext], _ builder: RecordBuilder) -> String {
        let soonest = boards.compactMap { board in board.soonest.map { (board.event, $0) } }
            .min { TimeZones.naiveSeconds($0.1.start!) < TimeZones.naiveSeconds($1.1.start!) }
        guard let (event, session) = soonest else { return "" }
        let room = builder.roomName(session.room, in: event).map { " " + oneLine($0) } ?? ""
        return "\(CLIWords(builder.language).next) \(session.start!.time)\(room) · \(oneLine(session.title.text(in: builder.language)))\n"
    }

    private func text(_ boards: [NowNext], _ builder: RecordBuilder, grouping: NowNext.Grouping, width: Int?) -> String {
        let words = CLIWords(builder.language)
        guard !boards.isEmpty else {
            return words.nothingNowOrNext(starred: starred) + "\n"
        }
        var blocks: [String] = []
        for board in boards {
            let zone = board.event.timeZone.map { " (\($0))" } ?? ""
            var block = "\(oneLine(board.event.title.text(in: builder.language))) · \(DateLabels.long(board.time.date, builder.language)) \(board.time.time)\(zone)\n"
            if board.rows.isEmpty {
                block += words.nothingMoreToday + "\n"
            } else {
                let header = grouping == .room ? words.roomHeader : words.trackColumnHeader
                var table = TextTable(columns: [
                    TextTable.Column(header, minWidth: 6, overflow: .truncate),
                    TextTable.Column(words.now, minWidth: 12, overflow: .truncate),
                    TextTable.Column(words.next, minWidth: 12, overflow: .truncate),
                ])
                for row in board.rows {
                    table.rows.append([groupName(row.group, board.event, builder, grouping),
                                       row.now.map { "\(builder.when($0, in: board.event)) \(oneLine($0.title.text(in: builder.language)))" } ?? "—",
                                       row.next.map { "\($0.start!.time) \(oneLine($0.title.text(in: builder.language)))" } ?? "—"])
                }
                block += table.render(maxWidth: width) + "\n"
            }
            blocks.append(block)
        }
        return blocks.joined(separator: "\n")
    }

    private func groupName(_ id: String?, _ event: Event, _ builder: RecordBuilder, _ grouping: NowNext.Grouping) -> String {
        guard let id else { return "—" }
        return oneLine(grouping == .room ? builder.roomName(id, in: event) ?? id : builder.idName(track: id).name)
    }

    struct Output: Encodable {
        struct Board: Encodable {
            var event: String
            var time: String
            var timeZone: String?
            var on: Bool
            var rows: [Row]
        }
        struct Row: Encodable {
            var group: String?
            var groupName: String?
            var now: Item?
            var next: Item?
        }
        struct Item: Encodable {
            var id: String
            var title: String
            var start: String
            var end: String?
            var room: String?
        }
        var by: String
        var starred: Bool
        var events: [Board]
    }

    private func json(_ boards: [NowNext], _ builder: RecordBuilder, grouping: NowNext.Grouping) -> Output {
        func item(_ session: Session?, _ event: Event) -> Output.Item? {
            guard let session, let start = session.start else { return nil }
            let zone = event.timeZone.flatMap(TimeZones.zone(named:))
            return Output.Item(id: session.id, title: session.title.text(in: builder.language), start: start.description,
                               end: session.end(inTimeZone: zone)?.description, room: builder.roomName(session.room, in: event))
        }
        return Output(by: grouping.rawValue, starred: starred, events: boards.map { board in
            Output.Board(event: board.event.id, time: board.time.description, timeZone: board.event.timeZone, on: board.isOn,
                         rows: board.rows.map { row in
                             Output.Row(group: row.group, groupName: row.group.map { groupName($0, board.event, builder, grouping) },
                                        now: item(row.now, board.event), next: item(row.next, board.event))
                         })
        })
    }
}

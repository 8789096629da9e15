import ArgumentParser
import ConfDashCore

struct TracksCommand: IndexListCommand {
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

    func list(_ builder: RecordBuilder, io: CommandIO) throws {
        let index = builder.index
        let usage = index.trackUsage()
        try UsageOutput.write(index.dataset.tracks.map { track in
            UsageRecord(id: track.id, name: track.name.text(in: builder.language), aliases: nil,
                        description: builder.text(track.description), color: track.color, usage: usage[track.id])
        }, key: "tracks", format: common.format, builder: builder, io: io, nameHeader: CLIWords(builder.language).trackHeader)
    }
}

import ArgumentParser
import ConfDashCore

struct TechnologiesCommand: IndexListCommand {
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

    func list(_ builder: RecordBuilder, io: CommandIO) throws {
        let index = builder.index
        let usage = index.technologyUsage()
        let records = index.dataset.technologies.map { technology in
            UsageRecord(id: technology.id, name: technology.name.text(in: builder.language), aliases: technology.aliases,
                        description: builder.text(technology.description), color: nil, usage: usage[technology.id])
        }
        try UsageOutput.write(records, key: "technologies", format: common.format, builder: builder, io: io,
                              nameHeader: CLIWords(builder.language).technologyHeader)
    }
}

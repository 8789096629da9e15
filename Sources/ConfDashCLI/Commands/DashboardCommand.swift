import ArgumentParser

/// `confdash` alone (or `confdash dashboard`): the interactive dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the interactive dashboard (what confdash does with no subcommand).",
        discussion: """
        Needs a terminal: with stdin or stdout not a TTY, or TERM unset or dumb, it prints one line \
        and exits with status 1. Press ? inside for every key; q quits.

        Examples:
          confdash
          confdash --lang fr
          confdash --theme monochrome
          confdash --data my-conference.json
        """
    )

    @OptionGroup var options: DashboardOptions
}

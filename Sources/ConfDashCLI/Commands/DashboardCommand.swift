import ArgumentParser

/// `confdash` alone (or `confdash dashboard`): the interactive dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the interactive dashboard (what confdash does with no subcommand).",
        discussion: """
        Needs a terminal: with stdin or stdout not a TTY, or TERM unset or dumb, it prints one line \
        and exits with status 1. Press ? inside for every key; q quits. / opens an empty search \
        line; up and down arrows in it (and in the : command line) recall earlier lines of the session.

        o opens the selected session's link with $BROWSER (else xdg-open), started without a \
        shell; y copies the session's title, time, room and link to the clipboard through the \
        terminal (OSC 52); :export FORMAT FILE writes what the filters select, as confdash export does. Warnings the data was read with are announced inside; W lists them.

        With --data FILE or URL, R (or :reload) reads the schedule again in the background and \
        marks new, moved and cancelled sessions in the lists; C lists every change with its old and \
        new day, time and room, and a starred session that moved or was cancelled gets a notice. \
        --refresh-every 15m does it on its own. :open URL opens another schedule by URL in the \
        background, through the same cache; a failure names the URL and leaves the screen as it \
        was. Started with --data URL while the server cannot be reached, the dashboard shows the \
        cached copy and says so, with its age, in its first message.

        Examples:
          confdash
          confdash --lang fr
          confdash --theme monochrome
          confdash --data my-conference.json
          confdash --data https://fahrplan.events.ccc.de/congress/2024/fahrplan/schedule.xml --refresh-every 15m
        """
    )

    @OptionGroup var options: DashboardOptions
}

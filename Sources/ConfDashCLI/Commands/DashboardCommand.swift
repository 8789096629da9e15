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
        was. The dashboard never waits for the network before its first frame: with --data URL it \
        draws the cached copy at once and checks it with the server in the background as R does \
        (when older than --max-age; saying so, with its age, if the server cannot be reached), or \
        with nothing cached a screen saying it is fetching the URL (q, ?, L and : work) until the \
        schedule arrives, or why it could not (R tries again). Quitting without ever having shown \
        the schedule exits 66 (65: it does not read) with the reason on stderr.

        Environment: NO_COLOR forces monochrome. CONFDASH_HYPERLINKS=1 makes the web addresses in \
        the details clickable (OSC 8 links), CONFDASH_HYPERLINKS=0 never; unset, they are on only \
        for terminals known to support them (tmux from 3.4). BROWSER is the program o opens links \
        with. CONFDASH_NOW sets the clock as --now does; TZ is the zone of --tz local. Stars and \
        notes are kept under XDG_STATE_HOME, schedules fetched from URLs under XDG_CACHE_HOME.

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

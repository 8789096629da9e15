import ArgumentParser
import ConfDashCore
import ConfDashUI

struct SnapshotCommand: IOCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Print, as plain text, the screen the dashboard would show after some keys.",
        discussion: """
        Runs the dashboard without a terminal: same keys, same state, same drawing, printed as \
        exactly HEIGHT lines (trailing spaces removed). Keys use tmux send-keys names, separated by \
        spaces: Tab BTab Enter Escape Up Down Left Right PageUp PageDown Home End Space BSpace C-c F1; \
        any other word is typed one character at a time.

        Examples:
          confdash snapshot
          confdash snapshot --size 120x40 --keys "Right"
          confdash snapshot --keys "/ drone Enter" --lang fr
          confdash snapshot --size 100x30 --keys "3 j Enter"
        """
    )

    @OptionGroup var options: DashboardOptions

    @Option(name: .long, help: ArgumentHelp("Screen size as WIDTHxHEIGHT.", valueName: "WxH"))
    var size: String = "80x24"

    @Option(name: .long, help: ArgumentHelp("Keys to press first, tmux names separated by spaces.", valueName: "keys"))
    var keys: String = ""

    func execute(io: CommandIO) throws {
        guard let size = Size(parsing: size), size.width <= 1000, size.height <= 1000 else {
            throw CommandFailure.usage("--size: expected WIDTHxHEIGHT between 1x1 and 1000x1000, such as 80x24, found \"\(self.size)\"")
        }
        DashboardOptions.prefetchWorldMap(data: options.input.data, size: size)
        // Stars are read from the state file, but keys pressed here never change it.
        let dashboard = try options.setup(io).dashboard(size: size, saving: false)
        // Its caches (rows, spans, slots) are freed with the process, not one by one before it ends.
        io.keepUntilExit(dashboard)
        for key in Key.parseSequence(keys) {
            // A quit key ends the run as it would end the dashboard: the screen is the one before it.
            guard dashboard.handle(key) else { break }
        }
        dashboard.finishSearch()
        io.out(dashboard.render().textWithLineFeeds)
    }
}

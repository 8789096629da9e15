import Foundation
import Testing

/// Issue 10's keys on a real terminal (tmux, TERM=xterm-256color): what each key puts on the
/// screen must be what `snapshot` prints for the same keys.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, Tmux.skipReason))
struct RealConferenceTerminalTests {
    let congress = CongressTerminalTests()
    let screens = DashboardTerminalTests()

    @Test("/ opens an empty line and ↑ brings back the earlier search")
    func searchHistoryOnTheTerminal() throws {
        let pane = try TmuxPane(Executable.confdash, width: 80, height: 24, environment: CongressTerminalTests.environment)
        defer { pane.kill() }
        try pane.waitFor("Rio de Janeiro 2024", timeout: 10)
        var keys: [String] = []
        func press(_ more: [String], _ what: String) throws {
            try pane.sendKeys(more)
            keys += more
            screens.expectScreen(pane, try congress.snapshot(nil, width: 80, height: 24, keys: keys), what)
        }
        try press(["/", "blockchain", "Enter"], "the search applied")
        try press(["/"], "an empty search line")
        try press(["Up"], "the earlier search recalled")
        #expect(try pane.capture().contains { $0.contains("/blockchain") })
        try press(["Down", "drone", "Enter"], "another search")
        try pane.sendKeys("q")
        try screens.expectRestored(pane, status: 0)
    }
}

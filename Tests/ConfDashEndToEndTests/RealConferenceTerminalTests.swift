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

    @Test("o hands the session's link to $BROWSER and y puts its summary on tmux's clipboard (OSC 52)")
    func openAndCopyOnTheTerminal() throws {
        guard let data = congress.congressPath() else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("confdash-browser-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let browser = folder.appendingPathComponent("browser").path, opened = folder.appendingPathComponent("opened").path
        FileManager.default.createFile(atPath: browser, contents: Data("#!/bin/sh\nprintf '%s\\n' \"$@\" > \(opened).tmp && mv \(opened).tmp \(opened)\n".utf8),
                                       attributes: [.posixPermissions: 0o755])
        var environment = CongressTerminalTests.environment
        environment["BROWSER"] = browser
        let pane = try TmuxPane(Executable.confdash, ["--data", data], width: 120, height: 40, environment: environment)
        defer { pane.kill() }
        try pane.waitFor("38C3", timeout: 15)
        try pane.tmux(["set-option", "-g", "set-clipboard", "on"])

        try pane.sendKeys("o")
        try pane.waitFor("Opening https://", timeout: 5)
        var arguments: String?
        for _ in 0..<50 where arguments == nil {
            arguments = try? String(contentsOfFile: opened, encoding: .utf8)
            if arguments == nil { usleep(100_000) }
        }
        let url = try #require(arguments).trimmingCharacters(in: .newlines)
        #expect(url.hasPrefix("https://") && !url.contains("\n"), "the browser got one argument, the address")

        try pane.sendKeys("y")
        try pane.waitFor("to the clipboard (OSC 52)", timeout: 5)
        var buffer = ""
        for _ in 0..<50 where !buffer.contains("Opening Ceremony") {
            buffer = (try? pane.tmux(["show-buffer"])) ?? ""
            if !buffer.contains("Opening Ceremony") { usleep(100_000) }
        }
        #expect(buffer.hasPrefix("38C3: Opening Ceremony · Day 1 of 4") && buffer.contains(url))
        try pane.sendKeys("q")
        try screens.expectRestored(pane, status: 0)
    }

    @Test("--data warnings are announced inside the dashboard and W lists them")
    func loadWarningsOnTheTerminal() throws {
        guard let congressFile = CongressTerminalTests.congress else { return }
        let data = (congressFile as NSString).deletingLastPathComponent + "/democon-pretalx.json"
        let pane = try TmuxPane(Executable.confdash, ["--data", data], width: 100, height: 30, environment: CongressTerminalTests.environment)
        defer { pane.kill() }
        try pane.waitFor("⚠ 1 warning in the data — W lists them", timeout: 15)
        screens.expectScreen(pane, try congress.snapshot(data, width: 100, height: 30, keys: []), "the notice")
        try pane.sendKeys("W")
        screens.expectScreen(pane, try congress.snapshot(data, width: 100, height: 30, keys: ["W"]), "the warnings listed")
        try pane.sendKeys("q")
        try pane.sendKeys("q")
        try screens.expectRestored(pane, status: 0)
    }
}

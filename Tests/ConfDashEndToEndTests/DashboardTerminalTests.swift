import Foundation
import Testing

/// The real `confdash` dashboard (no subcommand) on a real terminal (tmux). The headless
/// `confdash snapshot --size WxH --keys "…"` renders the same screens without a terminal, so the
/// reference for every screen here is what snapshot prints for the same keys: what the user
/// sees must be exactly that, after keys, after resizes, whatever was on screen before.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, Tmux.skipReason))
struct DashboardTerminalTests {
    static let environment = ["LANG": "C.UTF-8"]

    /// The screen snapshot prints for `keys` (tmux key names) at a size, as trimmed lines.
    func snapshot(width: Int, height: Int, keys: [String] = []) throws -> [String] {
        var arguments = ["snapshot", "--size", "\(width)x\(height)"]
        if !keys.isEmpty { arguments += ["--keys", keys.joined(separator: " ")] }
        let run = try PlainRun.run(Executable.confdash, arguments, environment: Self.environment)
        guard run.status == 0 else { throw HarnessError(description: "snapshot \(arguments) failed: \(run.errors)") }
        return Self.normalised(String(decoding: run.output, as: UTF8.self).components(separatedBy: "\n"))
    }

    /// Lines without trailing spaces, and without the empty lines at the end.
    static func normalised(_ lines: [String]) -> [String] {
        var result = lines.map { line in
            var line = line
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
        while result.last == "" { result.removeLast() }
        return result
    }

    /// Waits until the pane shows exactly `expected`; on timeout, says where they differ.
    func expectScreen(_ pane: TmuxPane, _ expected: [String], _ what: String,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            try pane.waitUntil(what, timeout: 5) { Self.normalised($0) == expected }
        } catch {
            let actual = Self.normalised((try? pane.capture()) ?? [])
            let first = (0..<max(actual.count, expected.count)).first {
                ($0 < actual.count ? actual[$0] : "<none>") != ($0 < expected.count ? expected[$0] : "<none>")
            } ?? 0
            Issue.record("""
                the terminal does not show \(what); first difference at row \(first + 1):
                  snapshot: \(first < expected.count ? expected[first] : "<none>")
                  terminal: \(first < actual.count ? actual[first] : "<none>")
                the terminal:
                \(actual.joined(separator: "\n"))
                """, sourceLocation: sourceLocation)
        }
    }

    func start(width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws -> TmuxPane {
        let pane = try TmuxPane(Executable.confdash, width: width, height: height,
                                environment: Self.environment.merging(environment) { $1 })
        try pane.waitFor("Rio de Janeiro 2024", timeout: 10)
        return pane
    }

    func expectRestored(_ pane: TmuxPane, status: Int32, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let pid = try pane.pid()
        #expect(try pane.exitReport() == ExitReport(status: status, termiosRestored: true), sourceLocation: sourceLocation)
        #expect(try pane.modes() == .restored, sourceLocation: sourceLocation)
        #expect(waitForExit(pid), "confdash \(pid) still running", sourceLocation: sourceLocation)
        #expect(!pane.screen.contains("Rio de Janeiro 2024 · Day"), "the dashboard is left on the normal screen",
                sourceLocation: sourceLocation)
    }

    @Test("the first frame is the home screen", arguments: [(80, 24), (120, 40)])
    func firstFrame(width: Int, height: Int) throws {
        let pane = try start(width: width, height: height)
        defer { pane.kill() }
        expectScreen(pane, try snapshot(width: width, height: height), "the home screen at \(width)x\(height)")
        try pane.sendKeys("q")
        try expectRestored(pane, status: 0)
    }

    @Test func navigateFilterSearchResizeAndQuit() throws {
        let pane = try start()
        defer { pane.kill() }
        var keys: [String] = []
        func press(_ more: String..., what: String) throws {
            try pane.sendKeys(more)
            keys += more
            expectScreen(pane, try snapshot(width: 80, height: 24, keys: keys), what)
        }
        // Navigate: next pane, down, open; back to the agenda, down, details.
        try press("Tab", "j", "Enter", what: "the timeline after Tab j Enter")
        try press("1", "j", "Enter", what: "a session's details")
        try press("Escape", what: "the details closed")
        // Filter: tick a track in the picker and apply it.
        try press("t", "j", "Space", "Enter", what: "a track filter")
        // Search, typed letter by letter, then applied.
        try press("/", "securite", "Enter", what: "a search")
        try press("n", what: "the next match")
        // Resize while filtered and searching: every frame equals a fresh render at that size.
        try pane.resize(width: 120, height: 40)
        expectScreen(pane, try snapshot(width: 120, height: 40, keys: keys), "the same state at 120x40")
        try pane.resize(width: 1, height: 1)
        usleep(300_000)
        #expect(processIsRunning(try pane.pid()), "confdash died at 1x1")
        try pane.resize(width: 30, height: 8)
        expectScreen(pane, try snapshot(width: 30, height: 8, keys: keys), "the too-small screen at 30x8")
        try pane.resize(width: 80, height: 24)
        expectScreen(pane, try snapshot(width: 80, height: 24, keys: keys), "the same state back at 80x24")
        try press("x", what: "every filter cleared")
        try pane.sendKeys("q")
        try expectRestored(pane, status: 0)
    }

    @Test func aClickOnATabSwitchesPaneAsItsKeyDoes() throws {
        let pane = try start()
        defer { pane.kill() }
        let tabs = try pane.capture()[0]
        let column = try #require(tabs.firstRange(of: "2 Timeline")).lowerBound
        try pane.click(x: tabs.distance(from: tabs.startIndex, to: column) + 2, y: 0)
        expectScreen(pane, try snapshot(width: 80, height: 24, keys: ["2"]), "the timeline after a click on its tab")
        try pane.sendKeys("q")
        try expectRestored(pane, status: 0)
    }

    @Test func escapeClosesTheSearchAtOnce() throws {
        let pane = try start()
        defer { pane.kill() }
        try pane.sendKeys("/", "drone")
        expectScreen(pane, try snapshot(width: 80, height: 24, keys: ["/", "drone"]), "a search being typed")
        try pane.sendKeys("Escape")
        expectScreen(pane, try snapshot(width: 80, height: 24, keys: ["/", "drone", "Escape"]), "the search abandoned")
        try pane.sendKeys("q")
        try expectRestored(pane, status: 0)
    }

    @Test("Ctrl-C and signals quit the dashboard and restore the terminal", arguments: [
        ("C-c", SIGINT), ("", SIGTERM), ("", SIGHUP),
    ])
    func interrupted(key: String, signal: Int32) throws {
        let pane = try start()
        defer { pane.kill() }
        try pane.sendKeys("/", "sec")  // in the middle of typing a search
        try pane.waitFor("sec")
        if key.isEmpty { try pane.sendSignal(signal) } else { try pane.sendKeys(key) }
        try expectRestored(pane, status: 128 + signal)
    }

    @Test func withNoColourTheScreenIsTheSame() throws {
        let pane = try start(environment: ["NO_COLOR": "1"])
        defer { pane.kill() }
        expectScreen(pane, try snapshot(width: 80, height: 24), "the home screen without colour")
        try pane.sendKeys("q")
        try expectRestored(pane, status: 0)
    }

    @Test func withoutATerminalItSaysWhatToRunInstead() throws {
        let run = try PlainRun.run(Executable.confdash, [], environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"])
        #expect(run.status == 1)
        #expect(run.output.isEmpty)
        #expect(run.errors.hasPrefix("confdash: the dashboard needs a terminal (standard"))
        #expect(run.errors.contains("confdash agenda"))
        #expect(run.errors.filter { $0 == "\n" }.count == 1)
    }
}

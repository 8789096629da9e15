import ConfDashTestSupport
import Foundation
import Testing

/// The terminal backend on a real terminal (tmux), through the demo program: it shows its size
/// and the last key, and crashes or exits on request. Each test checks what a user would be
/// left with: the normal screen, a visible cursor, no mouse reporting, the terminal modes as
/// before, and no process.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, Tmux.skipReason))
struct TerminalDemoTests {
    /// Starts the demo and waits for its first frame.
    func startDemo(width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws -> TmuxPane {
        let pane = try TmuxPane(Executable.demo, width: width, height: height, environment: environment)
        try pane.waitFor("terminal demo \(width)x\(height)")
        return pane
    }

    /// After the program ended: the report, and the terminal as the user gets it back.
    func expectRestored(_ pane: TmuxPane, status: Int32, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let pid = try pane.pid()
        let report = try pane.exitReport()
        #expect(report == ExitReport(status: status, termiosRestored: true), sourceLocation: sourceLocation)
        #expect(try pane.modes() == .restored, sourceLocation: sourceLocation)
        #expect(waitForExit(pid), "process \(pid) still running", sourceLocation: sourceLocation)
    }

    /// Runs `steps` on `pane`, then quits with q: the terminal must come back restored with status 0.
    func quitCleanly(after pane: TmuxPane, _ steps: (TmuxPane) throws -> Void) throws {
        defer { pane.kill() }
        try steps(pane)
        try pane.sendKeys("q")
        try expectRestored(pane, status: 0)
    }

    @Test func startsOnTheAlternateScreenAndQKeepsNothingBehind() throws {
        let pane = try startDemo()
        defer { pane.kill() }
        let modes = try pane.modes()
        #expect(modes.alternateScreen && !modes.cursorVisible && modes.mouseReporting)
        try pane.sendKeys("j")
        try pane.waitFor("last key: j")
        try pane.sendKeys("q")
        try expectRestored(pane, status: 0)
        // The normal screen is back: nothing of the dashboard is left on it.
        #expect(!pane.screen.contains("terminal demo"))
    }

    @Test func specialKeysArriveAsKeys() throws {
        try quitCleanly(after: try startDemo()) { pane in
            let keys: [(String, String)] = [
                ("Tab", "Tab"), ("BTab", "BTab"), ("Enter", "Enter"), ("BSpace", "BSpace"), ("DC", "DC"),
                ("Up", "Up"), ("Down", "Down"), ("Left", "Left"), ("Right", "Right"),
                ("PageUp", "PageUp"), ("PageDown", "PageDown"), ("Home", "Home"), ("End", "End"),
                ("F5", "F5"), ("C-a", "C-a"), ("Escape", "Escape"), ("Space", "Space"),
            ]
            for (index, (name, shown)) in keys.enumerated() {
                try pane.sendKeys(name)
                try pane.waitUntil("\(name) as key \(index + 1)") { lines in
                    lines.contains("last key: \(shown)") && lines.contains { $0.hasPrefix("keys: \(index + 1) ") }
                }
            }
            try pane.type("é")
            try pane.waitFor("last key: é")
            try pane.type("日")
            try pane.waitFor("last key: 日")
        }
    }

    @Test func escapeAnswersQuicklyAndAltLettersAreIgnored() throws {
        try quitCleanly(after: try startDemo()) { pane in
            // The same round trip for a plain key and for Escape: curses waits 25 ms after an ESC for
            // the rest of a sequence (its default is a whole second); tmux and polling cost the same.
            func latency(of key: String, shownAs shown: String) throws -> Double {
                let start = Date()
                try pane.sendKeys(key)
                try pane.waitFor("last key: \(shown)", timeout: 3)
                return Date().timeIntervalSince(start)
            }
            let plain = try latency(of: "j", shownAs: "j")
            let escape = try latency(of: "Escape", shownAs: "Escape")
            #expect(escape < plain + 0.2, "Escape took \(Int(escape * 1000)) ms to show, a plain key \(Int(plain * 1000)) ms")
            try pane.sendKeys("M-x")
            try pane.sendKeys("k")
            try pane.waitFor("last key: k")
            #expect(try pane.capture().contains { $0.hasPrefix("keys: 3 ") }, "Alt-x must not count as a key")
            // An escape sequence curses does not know (Ctrl-Up in some terminals) is not typed text.
            try pane.sendBytes(Array("\u{1B}[1;9A".utf8))
            try pane.sendKeys("l")
            try pane.waitFor("last key: l")
            #expect(try pane.capture().contains { $0.hasPrefix("keys: 4 ") })
        }
    }

    @Test func mouseClicksAndWheelArriveWithTheirCell() throws {
        try quitCleanly(after: try startDemo()) { pane in
            try pane.click(x: 5, y: 2)
            try pane.waitFor("last key: Mouse(press 5,2)")
            try pane.wheel(up: true, x: 1, y: 3)
            try pane.waitFor("last key: Mouse(wheelUp 1,3)")
            try pane.wheel(up: false, x: 7, y: 9)
            try pane.waitFor("last key: Mouse(wheelDown 7,9)")
        }
    }

    @Test func resizingRedrawsAtEverySizeDownToOneByOne() throws {
        try quitCleanly(after: try startDemo()) { pane in
            try pane.resize(width: 120, height: 40)
            try pane.waitFor("terminal demo 120x40")
            let big = try pane.capture()
            #expect(big.count >= 40 && big[39].hasPrefix("q quit"), "the bottom line moves to the new last row")
            try pane.resize(width: 1, height: 1)
            // At one column curses cannot write the bottom-right cell (it is the only one), so a
            // 1x1 screen stays blank; what matters is that nothing breaks.
            usleep(300_000)
            #expect(processIsRunning(try pane.pid()))
            try pane.resize(width: 1, height: 3)
            // One column holds no letter and "…" both: a cut line is its "…" (text is never cut
            // silently); the bottom row is the bottom-right cell again, which curses leaves blank.
            try pane.waitUntil("the 1x3 frame") { $0.prefix(2) == ["…", "…"] }
            try pane.resize(width: 30, height: 5)
            try pane.waitFor("terminal demo 30x5")
            try pane.resize(width: 80, height: 24)
            let lines = try pane.waitFor("terminal demo 80x24")
            // Everything is redrawn after shrinking and growing again, wide characters included.
            #expect(lines[3] == "text: café été 日本語 naïve")
            #expect(lines[23].hasPrefix("q quit  ! crash"))
            #expect(lines[6...22].allSatisfy { $0.isEmpty }, "no leftovers from the larger sizes")
        }
    }

    @Test func textIsRightWithoutAUTF8LocaleInTheEnvironment() throws {
        try quitCleanly(after: try startDemo(environment: ["LANG": "C", "LC_ALL": "C"])) { pane in
            let lines = try pane.capture()
            #expect(lines[3] == "text: café été 日本語 naïve")
        }
    }

    @Test func ctrlCQuitsCleanlyWithStatus130() throws {
        let pane = try startDemo()
        defer { pane.kill() }
        try pane.sendKeys("C-c")
        try expectRestored(pane, status: 130)
    }

    @Test("a quit signal stops cleanly with status 128 + its number", arguments: [SIGTERM, SIGHUP, SIGQUIT])
    func quitSignal(_ signal: Int32) throws {
        let pane = try startDemo()
        defer { pane.kill() }
        try pane.sendSignal(signal)
        try expectRestored(pane, status: 128 + signal)
    }

    @Test func closingTheTerminalEndsTheProcess() throws {
        let pane = try startDemo()
        defer { pane.kill() }
        let pid = try pane.pid()
        try pane.tmux(["kill-session", "-t", "0"])  // the pane's terminal hangs up: SIGHUP
        #expect(waitForExit(pid, timeout: 3), "the demo is still running after its terminal closed")
    }

    @Test func ctrlZSuspendsWithTheTerminalRestoredAndFgResumes() throws {
        // Job control needs an interactive shell; curses handles SIGTSTP itself.
        let pane = try TmuxPane(URL(fileURLWithPath: "/bin/bash"), ["--norc", "--noprofile", "-i"], environment: ["PS1": "$ "])
        defer { pane.kill() }
        try pane.waitFor("$")
        try pane.type(Executable.demo.path)
        try pane.sendKeys("Enter")
        try pane.waitFor("terminal demo 80x24")
        try pane.sendKeys("j")
        try pane.waitFor("last key: j")
        try pane.sendKeys("C-z")
        try pane.waitFor("Stopped")
        #expect(try pane.modes() == .restored)
        try pane.type("fg")
        try pane.sendKeys("Enter")
        let lines = try pane.waitFor("terminal demo 80x24")
        #expect(lines[1] == "last key: j", "the screen is drawn again as it was")
        #expect(try pane.modes().alternateScreen)
        try pane.sendKeys("k")
        try pane.waitFor("last key: k")
        try pane.sendKeys("q")
        try pane.waitUntil("the prompt after quitting") { $0.last(where: { !$0.isEmpty }) == "$" }
        try pane.type("exit")
        try pane.sendKeys("Enter")
        #expect(try pane.exitReport() == ExitReport(status: 0, termiosRestored: true))
        #expect(try pane.modes() == .restored)
    }

    /// The environment of a demo that crashes on purpose. Under ThreadSanitizer the Swift runtime's
    /// backtracer is off: it clones a process from the crashed one, and ThreadSanitizer's own
    /// bookkeeping fails a CHECK in that clone (`tsan_rtl.cpp:261`, `ForkChildAfter`) and exits 66
    /// before the crash's status is reported. The terminal is restored either way; only the
    /// runtime's "Program crashed" report is missing.
    var crashingDemoEnvironment: [String: String] {
        sanitizerEnvironmentLeavingCrashesToTheProgram().merging(runningUnderThreadSanitizer ? ["SWIFT_BACKTRACE": "enable=no"] : [:]) { $1 }
    }

    @Test func aFatalErrorRestoresTheTerminalAndShowsTheReport() throws {
        let pane = try startDemo(environment: crashingDemoEnvironment)
        defer { pane.kill() }
        try pane.sendKeys("e")  // a line on stderr while the dashboard is up
        try pane.waitFor("keys: 1 ")
        try pane.sendKeys("!")
        let start = Date()
        try expectRestored(pane, status: 128 + SIGILL)
        // Swift's crash reporter does not sit waiting for a key.
        #expect(Date().timeIntervalSince(start) < 8)
        let everything = try pane.tmux(["capture-pane", "-p", "-t", "0", "-S", "-"])
        #expect(everything.contains("demo: a line written to stderr"))
        #expect(everything.contains("Fatal error: demo crash on request"))
        #expect(runningUnderThreadSanitizer || everything.contains("Program crashed"))
        #expect(!everything.contains("Press space to interact"))
    }

    @Test func aSegmentationFaultRestoresTheTerminal() throws {
        let pane = try startDemo(environment: crashingDemoEnvironment)
        defer { pane.kill() }
        try pane.sendKeys("S")
        try expectRestored(pane, status: 128 + SIGSEGV)
        let everything = try pane.tmux(["capture-pane", "-p", "-t", "0", "-S", "-"])
        #expect(runningUnderThreadSanitizer || everything.contains("Program crashed"))
    }

    @Test func aStackOverflowRestoresTheTerminal() throws {
        let pane = try startDemo(environment: crashingDemoEnvironment)
        defer { pane.kill() }
        try pane.sendKeys("R")
        try expectRestored(pane, status: 128 + SIGSEGV)
    }

    @Test func exitFromInsideTheProgramRestoresTheTerminal() throws {
        let pane = try startDemo()
        defer { pane.kill() }
        try pane.sendKeys("x")
        try expectRestored(pane, status: 3)
    }

    @Test func noColorAndAnEightColourTerminalAreDetected() throws {
        let plain = try startDemo(environment: ["NO_COLOR": "1"])
        defer { plain.kill() }
        #expect(try plain.capture()[0].hasSuffix("colors=none"))
        let eight = try startDemo(environment: ["TERM": "screen"])
        defer { eight.kill() }
        #expect(try eight.capture()[0].hasSuffix("colors=8"))
        let full = try startDemo()
        defer { full.kill() }
        #expect(try full.capture()[0].hasSuffix("colors=256"))
    }

    @Test("no terminal: one line on stderr, status 1", arguments: [
        ["TERM": "dumb"], ["TERM": "no-such-terminal-type"],
    ])
    func refusesUnusableTerminalTypes(environment: [String: String]) throws {
        let pane = try TmuxPane(Executable.demo, environment: environment)
        defer { pane.kill() }
        let report = try pane.exitReport()
        #expect(report == ExitReport(status: 1, termiosRestored: true))
        let lines = try pane.capture().filter { !$0.isEmpty }
        #expect(lines.first?.hasPrefix("confdash: cannot open the dashboard: ") == true, "\(lines)")
        #expect(try pane.modes() == .restored)
    }

    @Test func refusesWhenOutputIsNotATerminalWithoutWritingEscapeCodes() throws {
        let run = try PlainRun.run(Executable.demo, [], environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"])
        #expect(run.status == 1)
        #expect(run.output.isEmpty)
        #expect(run.errors == "confdash: cannot open the dashboard: standard output is not a terminal\n")
    }

    @Test func timingLinesGoToTheTraceFile() throws {
        let trace = FileManager.default.temporaryDirectory.appendingPathComponent("confdash-trace-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: trace) }
        let pane = try startDemo(environment: ["CONFDASH_TRACE_TIMING": trace.path])
        defer { pane.kill() }
        try pane.sendKeys("j")
        try pane.waitFor("last key: j")
        try pane.sendKeys("q")
        try expectRestored(pane, status: 0)
        let lines = try String(contentsOf: trace, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(lines)")
        #expect(lines.first?.hasPrefix("first-frame ms_since_load=") == true)
        #expect(lines.dropFirst().first?.hasPrefix("frame keys=j handle_ms=") == true)
        #expect(lines.last?.hasPrefix("quit reason=key status=0") == true)
    }
}

import Foundation
import Testing

/// The harness itself: a test that leaves a tmux server behind would slowly fill the machine.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, Tmux.skipReason))
struct HarnessTests {
    @Test func killingAPaneEndsItsServerAndRemovesItsFiles() throws {
        let pane = try TmuxPane(Executable.demo)
        try pane.waitFor("terminal demo")
        let server = try #require(pid_t(try pane.format("#{pid}")))
        let program = try pane.pid()
        pane.kill()
        #expect(waitForExit(server), "tmux server \(server) still running")
        #expect(waitForExit(program), "program \(program) still running")
        #expect(!FileManager.default.fileExists(atPath: pane.directory.path))
    }
}

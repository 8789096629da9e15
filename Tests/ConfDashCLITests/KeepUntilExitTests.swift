import ConfDashCLI
import Foundation
import Testing

/// Commands hand what they loaded to `CommandIO.keepUntilExit`, so the real process exits without
/// freeing a schedule piece by piece; a `CommandIO` made for tests keeps nothing.
@Suite struct KeepUntilExitTests {
    final class Kept: @unchecked Sendable { var values: [Any] = [] }

    static func run(_ arguments: [String]) -> (status: Int32, stdout: String, kept: [Any]) {
        let kept = Kept()
        var out = ""
        let io = CommandIO(out: { out += $0 }, err: { _ in }, environment: ["LANG": "C.UTF-8"],
                           keepUntilExit: { kept.values.append($0) })
        let status = ConfdashCLI.run(arguments, io: io)
        return (status, out, kept.values)
    }

    @Test(arguments: [["validate", "--bundled"], ["agenda", "--format", "json"], ["export", "--format", "csv"],
                      ["snapshot", "--size", "80x24"], ["events"]])
    func loadingCommandsKeepWhatTheyLoaded(arguments: [String]) {
        let run = Self.run(arguments)
        #expect(run.status == 0, "\(arguments)")
        #expect(!run.stdout.isEmpty, "\(arguments)")
        #expect(!run.kept.isEmpty, "\(arguments) kept nothing")
    }

    @Test func outputIsTheSameWithOrWithoutKeeping() {
        for arguments in [["validate", "--bundled"], ["agenda", "--format", "json"], ["export", "--format", "ics"]] {
            #expect(Self.run(arguments).stdout == CLIRun.run(arguments).stdout, "\(arguments)")
        }
    }

    @Test func commandsWithNothingLoadedKeepNothing() {
        #expect(Self.run(["--help"]).kept.isEmpty)
        #expect(Self.run(["validate", "/nonexistent/confdash-schedule.xml"]).kept.isEmpty)
    }
}

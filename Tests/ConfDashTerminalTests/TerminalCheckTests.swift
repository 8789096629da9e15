import ConfDashScreen
import Testing
@testable import ConfDashTerminal

@Suite struct TerminalCheckTests {
    @Test func needsTwoTerminalsAndAUsefulTerm() {
        #expect(TerminalCheck.problem(inputIsTerminal: true, outputIsTerminal: true, term: "xterm-256color") == nil)
        #expect(TerminalCheck.problem(inputIsTerminal: true, outputIsTerminal: false, term: "xterm") == .outputNotTerminal)
        #expect(TerminalCheck.problem(inputIsTerminal: false, outputIsTerminal: true, term: "xterm") == .inputNotTerminal)
        #expect(TerminalCheck.problem(inputIsTerminal: true, outputIsTerminal: true, term: nil) == .termUnset)
        #expect(TerminalCheck.problem(inputIsTerminal: true, outputIsTerminal: true, term: "") == .termUnset)
        #expect(TerminalCheck.problem(inputIsTerminal: true, outputIsTerminal: true, term: "dumb") == .termDumb)
    }

    @Test func underTheTestRunnerThereIsNoTerminalSession() {
        // swift test's stdout is a pipe or a file here (never both ends a TTY in CI).
        let problem = TerminalCheck.problem(environment: ["TERM": "xterm"])
        #expect(problem != nil)
        let error = TerminalStartError.unavailable(.outputNotTerminal)
        #expect(error.description == "cannot open the dashboard: standard output is not a terminal")
    }

    @Test func theRunnerRefusesWithOneLineAndStatusOne() async {
        // No terminal: run() must not touch curses, print one line, and return 1.
        await MainActor.run {
            var lines: [String] = []
            let options = TerminalOptions(environment: ["TERM": "dumb"], errorOutput: { lines.append($0) })
            let status = TerminalRunner.run(NeverRun(), options: options)
            #expect(status == 1)
            #expect(lines.count == 1)
            #expect(lines.first?.hasPrefix("confdash: cannot open the dashboard: ") == true)
        }
    }
}

@MainActor
private final class NeverRun: InteractiveProgram {
    func resize(to size: Size) { Issue.record("resize called without a terminal") }
    func handle(_ key: Key) -> Bool { Issue.record("handle called without a terminal"); return false }
    func render() -> CellGrid { Issue.record("render called without a terminal"); return CellGrid(size: Size(width: 1, height: 1)) }
}

@Suite struct SupportTests {
    @Test func timingFormatsThousandths() {
        #expect(TimingTrace.format(0) == "0.000")
        #expect(TimingTrace.format(1.2345) == "1.235")  // rounded
        #expect(TimingTrace.format(12.05) == "12.050")
        #expect(TimingTrace.format(0.0004) == "0.000")
    }

    @Test func aGridOfTheWrongSizeIsCutOrPaddedToTheTerminal() {
        var big = CellGrid(size: Size(width: 6, height: 3))
        big.write("ab日本", x: 0, y: 0)
        big.write("second", x: 0, y: 1)
        let cut = TerminalSession.fitted(big, to: Size(width: 3, height: 1))
        #expect(cut.textLines() == ["ab"])  // the wide 日 does not fit in the last column
        let padded = TerminalSession.fitted(big, to: Size(width: 8, height: 4))
        #expect(padded.textLines() == ["ab日本", "second", "", ""])
    }
}

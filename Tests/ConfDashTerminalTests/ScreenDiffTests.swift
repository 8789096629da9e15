import ConfDashScreen
import Testing
@testable import ConfDashTerminal

@Suite struct ScreenDiffTests {
    static let size = Size(width: 12, height: 3)
    static let bold = Style(attributes: .bold)

    static func grid(_ lines: [String], style: Style = .plain) -> CellGrid {
        var grid = CellGrid(size: size)
        for (y, line) in lines.enumerated() { grid.write(line, x: 0, y: y, style: style) }
        return grid
    }

    /// The runs a first frame sends for its top row when that row holds `line`.
    static func firstFrameRuns(of line: String) -> [DrawRun] {
        ScreenDiff.runs(from: nil, to: grid([line])).filter { $0.y == 0 }
    }

    @Test func theFirstFrameSendsEveryRowAsOneRun() {
        let new = Self.grid(["hello", "world"])
        let runs = ScreenDiff.runs(from: nil, to: new)
        #expect(runs == [
            DrawRun(x: 0, y: 0, text: "hello       ", style: .plain),
            DrawRun(x: 0, y: 1, text: "world       ", style: .plain),
            DrawRun(x: 0, y: 2, text: "            ", style: .plain),
        ])
    }

    @Test func anUnchangedFrameSendsNothing() {
        let grid = Self.grid(["hello", "world"])
        #expect(ScreenDiff.runs(from: grid, to: grid).isEmpty)
    }

    @Test func onlyChangedCellsAreSentAndNeighboursJoin() {
        let old = Self.grid(["hello world", "abc"])
        let new = Self.grid(["help! world", "abc"])
        #expect(ScreenDiff.runs(from: old, to: new) == [DrawRun(x: 3, y: 0, text: "p!", style: .plain)])
    }

    @Test func separateChangesAreSeparateRuns() {
        let old = Self.grid(["abcdefgh"])
        let new = Self.grid(["aXcdefYh"])
        #expect(ScreenDiff.runs(from: old, to: new) == [
            DrawRun(x: 1, y: 0, text: "X", style: .plain),
            DrawRun(x: 6, y: 0, text: "Y", style: .plain),
        ])
    }

    @Test func aStyleChangeAloneIsSentAndSplitsRuns() {
        let old = Self.grid(["abcdef"])
        var new = old
        new.restyle(Rect(x: 2, y: 0, width: 2, height: 1)) { _ in Self.bold }
        #expect(ScreenDiff.runs(from: old, to: new) == [DrawRun(x: 2, y: 0, text: "cd", style: Self.bold)])
        var mixed = CellGrid(size: Self.size)
        mixed.write("ab", x: 0, y: 0)
        mixed.write("cd", x: 2, y: 0, style: Self.bold)
        let runs = ScreenDiff.runs(from: nil, to: mixed).filter { $0.y == 0 }
        #expect(runs == [
            DrawRun(x: 0, y: 0, text: "ab", style: .plain),
            DrawRun(x: 2, y: 0, text: "cd", style: Self.bold),
            DrawRun(x: 4, y: 0, text: "        ", style: .plain),
        ])
    }

    @Test func wideGraphemesSkipTheirContinuationAndEndTheirRun() {
        #expect(Self.firstFrameRuns(of: "a日本b") == [
            DrawRun(x: 0, y: 0, text: "a日", style: .plain),
            DrawRun(x: 3, y: 0, text: "本", style: .plain),
            DrawRun(x: 5, y: 0, text: "b      ", style: .plain),
        ])
    }

    @Test func combiningSequencesEndTheirRunButSingleScalarAccentsDoNot() {
        #expect(Self.firstFrameRuns(of: "ée\u{301}x") == [
            DrawRun(x: 0, y: 0, text: "ée\u{301}", style: .plain),
            DrawRun(x: 2, y: 0, text: "x         ", style: .plain),
        ])
    }

    @Test func replacingAWideCharacterSendsBothHalves() {
        let old = Self.grid(["日x"])
        let new = Self.grid(["ab"])
        #expect(ScreenDiff.runs(from: old, to: new) == [DrawRun(x: 0, y: 0, text: "ab ", style: .plain)])
        // Back again: the wide grapheme ends its run; the next cell is positioned on its own.
        #expect(ScreenDiff.runs(from: new, to: old) == [
            DrawRun(x: 0, y: 0, text: "日", style: .plain),
            DrawRun(x: 2, y: 0, text: "x", style: .plain),
        ])
    }

    @Test func aGridOfAnotherSizeIsSentWhole() {
        let old = CellGrid(size: Size(width: 4, height: 1))
        let new = CellGrid(size: Size(width: 2, height: 2))
        #expect(ScreenDiff.runs(from: old, to: new) == [
            DrawRun(x: 0, y: 0, text: "  ", style: .plain),
            DrawRun(x: 0, y: 1, text: "  ", style: .plain),
        ])
    }

    @Test func sendingTheRunsReproducesTheNewGrid() {
        // Whatever the old screen, old + runs == new: the property the backend relies on.
        let old = Self.grid(["日本語 text", "café", "x"])
        var new = Self.grid(["text 日本", "cafe\u{301}!", "xyz"], style: Self.bold)
        new.write("é", x: 11, y: 2)
        var screen = old
        for run in ScreenDiff.runs(from: old, to: new) { screen.write(run.text, x: run.x, y: run.y, style: run.style) }
        #expect(screen == new)
    }
}

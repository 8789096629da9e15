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

    /// The runs are built as bytes: the same runs as joining the graphemes as Strings and
    /// counting each one's scalars, on random grids of awkward text against random old grids.
    @Test func sameRunsAsJoiningStrings() {
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = ["a", "bc", " ", "日本", "e\u{301}", "\u{1F469}\u{1F3FD}\u{200D}\u{1F4BB}", "é", "│─", "…", "\u{0600}1", "x y", "🇩🇪"]
        let styles = [Style.plain, Self.bold, Style(foreground: .red), Style(attributes: .dim)]
        func randomGrid(_ size: Size) -> CellGrid {
            var grid = CellGrid(size: size)
            for _ in 0..<next(12) {
                grid.write(pieces[next(pieces.count)] + pieces[next(pieces.count)], x: next(size.width), y: next(size.height),
                           style: styles[next(styles.count)])
            }
            return grid
        }
        for round in 0..<2_000 {
            let size = Size(width: 1 + next(14), height: 1 + next(3))
            let new = randomGrid(size)
            var old: CellGrid? = next(3) == 0 ? nil : randomGrid(size)
            if next(4) == 0 {
                var copy = new
                copy.write(pieces[next(pieces.count)], x: next(size.width), y: next(size.height), style: styles[next(styles.count)])
                old = copy
            }
            #expect(ScreenDiff.runs(from: old, to: new) == Self.referenceRuns(from: old, to: new), "round \(round)")
        }
    }

    /// `ScreenDiff.runs` as it was written first, with Strings.
    static func referenceRuns(from old: CellGrid?, to new: CellGrid) -> [DrawRun] {
        let old = old?.size == new.size ? old?.cells : nil
        let cells = new.cells
        let width = new.size.width
        var runs: [DrawRun] = []
        for y in 0..<new.size.height {
            let rowStart = y * width
            if let old, old[rowStart..<rowStart + width] == cells[rowStart..<rowStart + width] { continue }
            var current: DrawRun?
            var nextColumn = -1
            for x in 0..<width {
                let cell = cells[rowStart + x]
                if cell.isContinuation { continue }
                if let old, old[rowStart + x] == cell {
                    if let run = current { runs.append(run); current = nil }
                    continue
                }
                if current != nil, nextColumn == x, current!.style == cell.style {
                    current!.text += cell.grapheme
                } else {
                    if let run = current { runs.append(run) }
                    current = DrawRun(x: x, y: y, text: cell.grapheme, style: cell.style)
                }
                let wide = x + 1 < width && cells[rowStart + x + 1].isContinuation
                nextColumn = x + (wide ? 2 : 1)
                if wide || cell.grapheme.unicodeScalars.count > 1 {
                    runs.append(current!)
                    current = nil
                }
            }
            if let run = current { runs.append(run) }
        }
        return runs
    }
}

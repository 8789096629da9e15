import Testing
import ConfDashCore
@testable import ConfDashUI

@Suite struct CellGridTests {
    /// A one-row grid `width` wide with `text` written at `x`.
    static func line(_ text: String, width: Int, x: Int = 0, limit: Int? = nil) -> CellGrid {
        var grid = CellGrid(size: Size(width: width, height: 1))
        grid.write(text, x: x, y: 0, limit: limit)
        return grid
    }

    @Test func writesAccentsCombiningMarksAndWideCharacters() {
        var grid = CellGrid(size: Size(width: 10, height: 1))
        let written = grid.write("e\u{301}té 日本", x: 0, y: 0)
        #expect(written == 8)
        #expect(grid.textLines() == ["e\u{301}té 日本"])
        #expect(grid[4, 0].grapheme == "日")
        #expect(grid[5, 0].isContinuation)
        #expect(grid[6, 0].grapheme == "本")
    }

    /// Text cut at the edge (the grid's or the limit's) ends in "…", also where a wide character
    /// would straddle the edge; trailing spaces are dropped without one.
    @Test func textCutAtTheEdgeEndsInAnEllipsis() {
        #expect(Self.line("a日本", width: 3).textLines() == ["a…"])
        let cut = Self.line("ab日", width: 4, x: 1)
        #expect(cut.textLines() == [" ab…"])
        #expect(cut[3, 0].grapheme == "…")
        #expect(Self.line("Saal Y 06 (Stonewall IO)", width: 10, limit: 8).textLines() == ["Saal Y…"])
        #expect(Self.line("name      ", width: 10, limit: 6).textLines() == ["name"])
        #expect(Self.line("a日", width: 3).textLines() == ["a日"])
    }

    /// Emoji sequences terminals measure differently are drawn as parts they all measure alike.
    @Test func emojiSequencesAreDrawnAsPartsEveryTerminalAgreesOn() {
        let grid = Self.line("🕉️(x", width: 12)
        #expect(grid.textLines() == ["🕉 (x"])
        #expect(grid[0, 0].grapheme == "🕉" && grid[1, 0].grapheme == " " && grid[2, 0].grapheme == "(")
        #expect(Self.line("🏳️‍⚧️|👍🏽|🇩🇪|1️⃣|", width: 12).textLines() == ["🏳⚧|👍|🇩🇪|1\u{20E3} |"])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = CellGrid(size: Size(width: 4, height: 1))
        grid.write("日本", x: 0, y: 0)
        grid.write("x", x: 1, y: 0)
        #expect(grid.textLines() == [" x本"])
        grid.write("y", x: 2, y: 0)
        #expect(grid.textLines() == [" xy"])
        #expect(grid.cells.allSatisfy { !$0.isContinuation })
    }

    @Test func clipsToTheGridAndToEmptyRects() {
        var grid = CellGrid(size: Size(width: 2, height: 2))
        grid.write("hello", x: -2, y: 0)
        grid.write("far", x: 5, y: 1)
        grid.fill(Rect(x: 1, y: -3, width: 10, height: 4), with: "#")
        grid.fill(.zero, with: "!")
        #expect(grid.textLines() == ["l#", ""])
    }

    @Test func controlCharactersNeverReachTheScreen() {
        // Issue 9: shown as a visible placeholder (was a space, which hid that something was there).
        #expect(Self.line("a\u{1B}[2Jb\tc", width: 6).textLines() == ["a\u{241B}[2Jb"])
        let wide = Self.line("x\u{9B}2J\u{202E}y\u{7F}\tz", width: 12)
        #expect(wide.textLines() == ["x\u{FFFD}2J\u{FFFD}y\u{2421} z"], "C1, bidi override, DEL shown; a tab is a space")
        #expect(!wide.textLines().joined().unicodeScalars.contains(where: TerminalText.isUnsafe))
    }

    @Test func fittedWritePadsOrEllipsises() {
        var grid = CellGrid(size: Size(width: 8, height: 2))
        grid.write("Sécurité douanière", in: Rect(x: 0, y: 0, width: 8, height: 2), row: 1)
        #expect(grid.textLines() == ["", "Sécurit…"])
    }
}

@Suite struct KeyParsingTests {
    @Test func tmuxNamesAndLiteralWords() {
        #expect(Key.parseSequence("Tab j j Enter") == [.tab, .character("j"), .character("j"), .enter])
        #expect(Key.parseSequence("BTab C-c Escape PageDown F1") == [.backTab, .control("c"), .escape, .pageDown, .function(1)])
        #expect(Key.parseSequence("/ sécu Enter") == [.character("/"), .character("s"), .character("é"), .character("c"), .character("u"), .enter])
    }

    @Test func everyNamedKeyPrintsANameThatParsesBack() {
        for key in Set(Key.namedKeys.values) { #expect(Key(name: key.description) == key) }
    }
}

import ConfDashTestSupport
import Testing
import ConfDashCore
@testable import ConfDashScreen

/// `CellGrid.write` draws printable ASCII byte by byte and frames cell by cell, without the
/// cluster rules; the grid must be exactly what the character-by-character writer drew, for any
/// text, place and limit.
@Suite struct CellGridFastPathTests {
    static let pieces = [
        "plain", " ", "  ", "a", "Saal 1", "10:00–11:00", "e\u{301}", "ae\u{301}b", "日本", "👩🏽‍💻", "🇩🇪", "1\u{FE0F}\u{20E3}",
        "\u{1B}[31m", "\u{9B}", "\r\n", "\t", "x\u{200D}y", "\u{202E}rev", "…", "Ünïcödé", "\u{0600}1", "क्षि", "\u{AD}",
        "\u{7F}", "a\u{0308}\u{0301}", "\n", "·", "“quoted”",
    ]

    static let style = Style(foreground: .red, attributes: .bold)

    @Test func sameCellsAsTheCharacterByCharacterWriter() {
        Self.expectSameCellsAsTheReference(rounds: 4_000, seed: 11, pieces: Self.pieces, atMost: 6)
    }

    /// `rounds` texts of up to `atMost` random `pieces`, written at a random place with a random
    /// limit: `write` draws exactly the cells, and answers the width, of `referenceWrite`.
    static func expectSameCellsAsTheReference(rounds: Int, seed: UInt64, pieces: [String], atMost: Int) {
        var generator = SeededGenerator(state: seed)
        for round in 0..<rounds {
            var text = ""
            for _ in 0..<Int.random(in: 0...atMost, using: &generator) {
                text += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            let width = Int.random(in: 1...24, using: &generator)
            let x = Int.random(in: -3...width, using: &generator)
            let limit: Int? = Bool.random(using: &generator) ? nil : Int.random(in: 0...width, using: &generator)
            var fast = CellGrid(size: Size(width: width, height: 2))
            var reference = fast
            // Something underneath, with a wide character, so that overwriting halves shows.
            fast.write("日x本yz", x: 0, y: 0); reference.write("日x本yz", x: 0, y: 0)
            let written = fast.write(text, x: x, y: 0, limit: limit, style: Self.style)
            let expected = reference.referenceWrite(text, x: x, y: 0, limit: limit, style: Self.style)
            #expect(fast == reference && written == expected, "round \(round): \(text.debugDescription) at \(x), limit \(String(describing: limit)), width \(width)")
        }
    }

    /// `textLines` joins each row's graphemes as bytes and drops the trailing blank cells: the
    /// same lines as joining them into a String and removing trailing `" "` Characters, even
    /// where a cell's last scalar (U+0600, a Prepend) would take the next space into its cluster
    /// or a cell's grapheme ends in a space; `textWithLineFeeds` is those lines, each ended.
    @Test func textLinesAreTheRowsTrimmedByCharacters() {
        var generator = SeededGenerator(state: 13)
        let graphemes = [" ", " ", " ", "", "a", "│", "─", "日", "\u{0600}", "\u{0605}", "x ", "  ", "e\u{301}", "\u{301}",
                         "…", "\u{1F600}", "\u{200D}", "\r", "\u{110BD}", "·", "Z"]
        for round in 0..<3_000 {
            let size = Size(width: Int.random(in: 1...9, using: &generator), height: Int.random(in: 1...3, using: &generator))
            var grid = CellGrid(size: size)
            for y in 0..<size.height {
                for x in 0..<size.width where Bool.random(using: &generator) {
                    grid.set(x, y, Cell(graphemes.randomElement(using: &generator)!))
                }
                if Bool.random(using: &generator) { grid.write(Self.pieces.randomElement(using: &generator)!, x: 0, y: y) }
            }
            let reference = (0..<size.height).map { y in
                var line = ""
                for x in 0..<size.width { line += grid[x, y].grapheme }
                while line.hasSuffix(" ") { line.removeLast() }
                return line
            }
            #expect(grid.textLines() == reference, "round \(round): \(grid.cells.map(\.grapheme))")
            #expect(grid.textWithLineFeeds == reference.joined(separator: "\n") + "\n", "round \(round)")
        }
    }

    /// Latin letters, dashes, quotes, arrows, box drawing, blocks and symbols go one scalar to a
    /// cell too, unless a mark, joiner or selector follows (then the cluster rules decide).
    static let symbolPieces = [
        "█", "▀▄", "░▒▓", "─┐│└", "★ ", "⚠", "≈", "←→", "✎", "⌚", "⚡x", "☺\u{FE0F}", "☺\u{301}", "👨\u{200D}⚕\u{FE0F}",
        "\u{200D}⚕", "é", "«", "»", "\u{A0}", "ʼ", "\u{85}", "\u{AD}", "–", "‧", "\u{2028}", "\u{2066}x", "…", "\u{2010}",
        "ĳ\u{308}", "a", " ", "日", "\u{1F600}", "Ω", "℃", "\u{2500}\u{FE0E}", "\r\n", "\u{9B}",
    ]

    @Test func symbolsAndLatinDrawnOneScalarToACell() {
        Self.expectSameCellsAsTheReference(rounds: 6_000, seed: 12, pieces: Self.symbolPieces, atMost: 8)
    }

    /// `drawCluster` blanks controls by code point (C0, DEL, C1) rather than asking each scalar's
    /// general category: the two agree on every scalar.
    @Test func controlsByCodePointAreExactlyGeneralCategoryCc() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let byCodePoint = value < 0x20 || (0x7F...0x9F).contains(value)
            #expect(byCodePoint == (scalar.properties.generalCategory == .control), "U+\(String(value, radix: 16, uppercase: true))")
        }
    }

    @Test func framesAreTheCellsWritingEachPieceGave() {
        for (width, height) in [(2, 2), (3, 5), (10, 4), (40, 12)] {
            var grid = CellGrid(size: Size(width: 12, height: 8))
            grid.drawFrame(Rect(x: 1, y: 1, width: width, height: height), title: "1 Agenda ü", style: Self.style, titleStyle: .plain)
            var reference = CellGrid(size: Size(width: 12, height: 8))
            let rect = Rect(x: 1, y: 1, width: width, height: height)
            let right = rect.maxX - 1, bottom = rect.maxY - 1
            for x in rect.x + 1..<right {
                reference.referenceWrite("─", x: x, y: rect.y, style: Self.style)
                reference.referenceWrite("─", x: x, y: bottom, style: Self.style)
            }
            for y in rect.y + 1..<bottom {
                reference.referenceWrite("│", x: rect.x, y: y, style: Self.style)
                reference.referenceWrite("│", x: right, y: y, style: Self.style)
            }
            reference.referenceWrite("┌", x: rect.x, y: rect.y, style: Self.style)
            reference.referenceWrite("┐", x: right, y: rect.y, style: Self.style)
            reference.referenceWrite("└", x: rect.x, y: bottom, style: Self.style)
            reference.referenceWrite("┘", x: right, y: bottom, style: Self.style)
            if rect.width > 4 { reference.write(" 1 Agenda ü ", x: rect.x + 1, y: rect.y, limit: rect.width - 2, style: .plain) }
            #expect(grid == reference, "\(width)x\(height)")
        }
    }
}

extension CellGrid {
    /// The writer as it was before the ASCII path: the same cut (`cutToFit`), then every character
    /// through the cluster rules (`drawCluster`, which `CellGridTests` checks on its own).
    @discardableResult
    mutating func referenceWrite(_ text: String, x: Int, y: Int, limit: Int? = nil, style: Style = .plain) -> Int {
        guard y >= 0, y < size.height else { return 0 }
        let end = limit.map { min(size.width, x + $0) } ?? size.width
        let text = Self.cutToFit(text, x: x, end: end)
        var column = x
        for character in text {
            guard column < end, drawCluster(character, column: &column, end: end, y: y, style: style) else { break }
        }
        return max(0, column - x)
    }
}

import Testing
import ConfDashCLI
import ConfDashCore

/// Splits a rendered line into its cells by column width, or nil when a boundary falls inside a
/// character (a misaligned wide character) or the separator is not two spaces.
func cells(of line: String, widths: [Int]) -> [String]? {
    var characters = Substring(line.padded(toWidth: widths.reduce(0, +) + 2 * (widths.count - 1)))
    var result: [String] = []
    for (index, width) in widths.enumerated() {
        var cell = ""
        while cell.terminalWidth < width, let next = characters.first {
            cell.append(next)
            characters = characters.dropFirst()
        }
        guard cell.terminalWidth == width else { return nil }
        result.append(cell)
        if index < widths.count - 1 {
            guard characters.hasPrefix("  ") else { return nil }
            characters = characters.dropFirst(2)
        }
    }
    return characters.isEmpty ? result : nil
}

/// Column widths read back from the `─` underline.
func underlineWidths(_ rendered: String) -> [Int] {
    let underline = rendered.split(separator: "\n").first { $0.hasPrefix("─") }!
    return underline.split(separator: " ").map(\.count)
}

let agendaColumns = [
    TextTable.Column("Date"),
    TextTable.Column("Ville", minWidth: 6, overflow: .truncate),
    TextTable.Column("Titre", minWidth: 10, overflow: .wrap),
    TextTable.Column("Jours", alignment: .right),
]

let agendaRows: [[String]] = [
    ["2024-03-18", "Hanoï", "Conférence mondiale sur la sécurité des frontières et l’OMD", "5"],
    ["2024-06-03", "東京", "税関データ分析に関する国際会議 日本 開催", "3"],
    ["2024-09-10", "Bogotá", "Foro regional de Jáuregui y Nuñez sobre aduanas inteligentes 🚀", "2"],
    ["2024-11-25", "서울특별시", "세계관세기구 아시아 태평양 지역 회의", "12"],
    ["2025-01-07", "Montréal", "Atelier «\u{202F}IdO et douane\u{202F}» : capteurs, conteneurs et données", "1"],
]

@Suite struct TextTableTests {
    @Test func columnsLineUpWithAccentsAndCJK() throws {
        let rendered = TextTable(columns: agendaColumns, rows: agendaRows).render()
        let widths = underlineWidths(rendered)
        #expect(widths.count == 4)
        let lines = rendered.split(separator: "\n").map(String.init)
        #expect(lines.count == agendaRows.count + 2)
        for (line, row) in zip(lines.dropFirst(2), agendaRows) {
            let split = try #require(cells(of: line, widths: widths), "misaligned: \(line)")
            #expect(split[0].trimmingSpaces == row[0])
            #expect(split[1].trimmingSpaces == row[1])
            #expect(split[2].trimmingSpaces == row[2])
            #expect(split[3].trimmingSpaces == row[3])
            #expect(split[3].last != " ", "right-aligned")
        }
    }

    @Test(arguments: [40, 60, 80])
    func fitsTheWidthAndKeepsEveryWord(maxWidth: Int) throws {
        let rendered = TextTable(columns: agendaColumns, rows: agendaRows).render(maxWidth: maxWidth)
        let widths = underlineWidths(rendered)
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for line in lines {
            #expect(line.terminalWidth <= maxWidth, "\(line.terminalWidth) > \(maxWidth): \(line)")
            #expect(line.last?.isWhitespace != true, "trailing space: \(line)")
        }
        // Rows start where the date column is filled; continuation lines leave it empty.
        var titles: [String] = []
        for line in lines.dropFirst(2) {
            let split = try #require(cells(of: line, widths: widths), "misaligned: \(line)")
            if !split[0].trimmingSpaces.isEmpty { titles.append("") }
            titles[titles.count - 1] += split[2]
        }
        let withoutSpaces = { (text: String) in text.split(whereSeparator: { $0 == " " }).joined() }
        #expect(titles.map(withoutSpaces) == agendaRows.map { withoutSpaces($0[2]) })
    }

    @Test func truncatedColumnsEndWithAnEllipsis() {
        let table = TextTable(columns: [TextTable.Column("Nom", minWidth: 5, overflow: .truncate), TextTable.Column("N")],
                              rows: [["Organisation mondiale des douanes", "1"], ["OMD", "2"]])
        #expect(table.render(maxWidth: 12) == """
            Nom        N
            ─────────  ─
            Organisa…  1
            OMD        2
            """)
    }

    @Test func wrappedColumnsUseContinuationLines() {
        let table = TextTable(columns: [TextTable.Column("#", alignment: .right), TextTable.Column("Titre", minWidth: 3, overflow: .wrap)],
                              rows: [["1", "Sécurité des frontières"], ["10", "日本 東京"]])
        #expect(table.render(maxWidth: 14) == """
             #  Titre
            ──  ──────────
             1  Sécurité
                des
                frontières
            10  日本 東京
            """)
    }

    @Test func headerStyles() {
        let rows = [["Hanoï", "5"]]
        let columns = [TextTable.Column("Ville"), TextTable.Column("Jours", alignment: .center)]
        #expect(TextTable(columns: columns, rows: rows, headerStyle: .plain).render() == "Ville  Jours\nHanoï    5")
        #expect(TextTable(columns: columns, rows: rows, headerStyle: .hidden).render() == "Hanoï  5")
        #expect(TextTable(columns: [], rows: rows).render() == "")
    }

    @Test func fixedColumnsAreNeverCut() {
        let table = TextTable(columns: [TextTable.Column("A"), TextTable.Column("B")], rows: [["aaaaaaaaaa", "bbbbbbbbbb"]])
        #expect(table.render(maxWidth: 10).split(separator: "\n").last == "aaaaaaaaaa  bbbbbbbbbb")
    }

    @Test func missingCellsAreEmptyAndMultilineCellsStack() {
        let table = TextTable(columns: [TextTable.Column("A"), TextTable.Column("B")], rows: [["x"], ["un\ndeux", "y"]])
        #expect(table.render() == "A     B\n────  ─\nx\nun    y\ndeux")
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

import Testing
@testable import ConfDashCore

@Suite("Export: CSV and Markdown")
struct TextExportTests {
    @Test("CSV: a header, one row per session, every field read back whole by an RFC 4180 reader")
    func csvRows() throws {
        let result = ExportFixture.export(.csv)
        let rows = parseCSV(result.text)
        #expect(rows.first == CSVExporter.header)
        #expect(rows.count == 1 + ExportFixture.dataset.events.flatMap(\.sessions).count)
        #expect(rows.allSatisfy { $0.count == CSVExporter.header.count })
        let field = { (row: [String], name: String) in row[CSVExporter.header.firstIndex(of: name)!] }
        let opening = try #require(rows.first { $0.first == "z-opening" })
        #expect(field(opening, "description") == "Line one,\nline two; done")
        #expect(field(opening, "start") == "2025-03-29T09:30" && field(opening, "end") == "2025-03-29T10:00")
        #expect(field(opening, "time_zone") == "Europe/Brussels" && field(opening, "room") == "Hall A")
        let summer = try #require(rows.first { $0.first == "z-summer-time" })
        #expect(field(summer, "end") == "2025-03-30T04:30", "two hours of real time across the change to summer time")
        let span = try #require(rows.first { $0.first == "z-span" })
        #expect(field(span, "day").isEmpty && field(span, "start").isEmpty && field(span, "possible_days") == "2025-03-30/2025-03-31")
        let unplaced = try #require(rows.first { $0.first == "z-unplaced" })
        #expect(field(unplaced, "day").isEmpty && field(unplaced, "possible_days").isEmpty, "unknown stays empty")
    }

    @Test("CSV: a cell a spreadsheet would run as a formula starts with '")
    func formulaInjection() throws {
        for (input, output) in [("=1+1", "'=1+1"), ("+33 1", "'+33 1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
                                ("\tx", "'\tx"), ("a=b", "a=b"), ("", "")] {
            #expect(CSVExporter.defused(input) == output)
        }
        let rows = parseCSV(ExportFixture.export(.csv).text)
        let awkward = try #require(rows.first { $0.first == "z-awkward" })
        #expect(awkward[3] == "'" + ExportFixture.awkwardTitle)
    }

    @Test("Markdown escapes what would turn into markup, and keeps one line per item")
    func markdownEscaping() {
        #expect(MarkdownExporter.escaped("*a* _b_ [c](d) <e> `f` | ~g~ #h") == "\\*a\\* \\_b\\_ \\[c\\](d) \\<e\\> \\`f\\` \\| \\~g\\~ \\#h")
        #expect(MarkdownExporter.escaped("- not a list") == "\\- not a list")
        #expect(MarkdownExporter.escaped("1. not a list") == "1\\. not a list")
        #expect(MarkdownExporter.escaped("2024 was good") == "2024 was good")
        #expect(MarkdownExporter.escaped("A & B &amp; C") == "A & B \\&amp; C")
        #expect(MarkdownExporter.escaped("two\nlines\r\nhere") == "two lines here")
        #expect(MarkdownExporter.escaped("back\\slash") == "back\\\\slash")
    }

    @Test("Markdown groups by event, then day, span and 'day not stated', and never shows a made-up time")
    func markdownGroups() {
        let text = ExportFixture.export(.md).text
        #expect(text.hasPrefix("# Export fixture\n\n## Zoned conference\n"))
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("### ") }.map(String.init)
        #expect(headings == [
            "### Day 1 of 3 · Saturday 29 March 2025",
            "### Day 2 of 3 · Sunday 30 March 2025",
            "### Day 2 or 3 (the source does not say which) · 30–31 Mar 2025",
            "### Day 3 of 3 · Monday 31 March 2025",
            "### During the event (day not stated)",
            "### Day 1 of 1 · Wednesday 2 April 2025",
            "### Day 1 of 1 · Thursday 1 May 2025",
        ])
        #expect(text.contains("- **Day only** (Group exercise)\n  - When: Afternoon; no clock time stated in the source.\n"))
        #expect(text.contains("  - When: 01:30–04:30 (Europe/Brussels)\n"))
        #expect(text.contains("  - When: 14:00 (Europe/Brussels; end not stated)\n"))
        #expect(text.contains("  - When: 10:00–10:30 (local time, no time zone stated)\n"))
        #expect(text.contains("- **\\=1+1, \\<b\\>bold\\</b\\> & \\*stars\\*; back\\\\slash \"quoted\"** (Talk)\n"))
        #expect(text.hasSuffix("\n10 sessions. Days, times and rooms appear only where the source states them.\n"))
    }

    @Test("Markdown of one event uses its title as the document's title, in the chosen language")
    func markdownSingleEvent() {
        let request = ExportFixture.request(filter: AgendaFilter(events: ["zoned-conf"]), language: .fr)
        let text = Exporter.export(request, as: .md).text
        #expect(text.hasPrefix("# Conférence zonée\n\n29–31 mars 2025\n\n## Jour 1 sur 3 · samedi 29 mars 2025\n"))
        #expect(text.contains("- **Ouverture** (Cérémonie)\n  - Quand : 09:30–10:00 (Europe/Brussels)\n"))
    }
}

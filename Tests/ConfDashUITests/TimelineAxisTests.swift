import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
@testable import ConfDashUI

/// The timeline's axis never drops a label (issue 10: the months zoom skipped February, the
/// days zoom skipped day 2): at every zoom and width, each tick with two columns or more to the
/// next one shows at least the first letter or digit of its label.
@Suite struct TimelineAxisTests {
    static func axis(_ viewport: TimelinePane.Viewport, zoom: TimelineZoom, language: Language = .en) -> [Character] {
        var grid = CellGrid(size: Size(width: viewport.columns, height: 1))
        TimelinePane.drawAxis(viewport, zoom: zoom, language: language, y: 0, x: 0, theme: .dark, into: &grid)
        return Array(grid.textLines()[0])
    }

    /// The ticks a zoom has in a viewport: (column, what its label must start with: a year's or
    /// a month's first character, a day's whole number).
    static func ticks(_ viewport: TimelinePane.Viewport, zoom: TimelineZoom, language: Language) -> [(Int, String)] {
        var ticks: [(Int, String)] = []
        var date = viewport.first
        while date < viewport.first.adding(days: viewport.days) {
            let column = viewport.column(of: date)
            let first: String?
            switch zoom {
            case .years: first = date.month == 1 && date.day == 1 ? String(String(date.year).prefix(1)) : nil
            case .months: first = date.day == 1 ? String(DateLabels.monthName(date.month, language, short: true).prefix(1)) : nil
            case .days: first = String(date.day)
            }
            if let first, column >= 0, column < viewport.columns { ticks.append((column, first)) }
            date = date.adding(days: 1)
        }
        return ticks
    }

    @Test(arguments: [TimelineZoom.years, .months, .days], [Language.en, .fr])
    func everyTickWithRoomKeepsItsLabel(zoom: TimelineZoom, language: Language) {
        let start = CalendarDate(iso: "2024-11-30")!
        for columns in stride(from: 24, through: 200, by: 7) {
            let days: Int
            switch zoom {
            case .years: days = 365 * 3
            case .months: days = 365
            case .days: days = max(columns / 4, 3)   // as the pane does for a one-day event
            }
            let viewport = TimelinePane.Viewport(first: start, days: days, columns: columns)
            let line = Self.axis(viewport, zoom: zoom, language: language)
            let ticks = Self.ticks(viewport, zoom: zoom, language: language)
            #expect(!ticks.isEmpty)
            for (position, (column, first)) in ticks.enumerated() {
                let room = (position + 1 < ticks.count ? ticks[position + 1].0 : columns) - column
                guard room > first.count else { continue }
                #expect(line[column] == "│" && String(line[(column + 1)..<(column + 1 + first.count)]) == first,
                        "\(zoom) \(language) at \(columns) columns: tick at \(column) lost its label: \(String(line))")
            }
        }
    }

    /// The two cases the issue names, on the bundled data's timeline as drawn.
    @Test func februaryAndDayTwoAreOnTheScreen() {
        let months = Fixture.screen("2 +", size: Size(width: 120, height: 40))
        #expect(months.contains("│Feb") || months.contains("│F"), "\(months)")
        let days = Fixture.screen("2 + +", size: Size(width: 120, height: 40))
        #expect(days.contains("│2"), "\(days)")
    }
}

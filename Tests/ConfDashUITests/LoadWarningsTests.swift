import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
@testable import ConfDashUI

/// `--data` warnings inside the dashboard (issue 10): a notice on opening, W / `:problems` lists
/// them, and `:open` replaces them with the new file's.
@Suite struct LoadWarningsTests {
    let initial = Fixture.initial()
    let warnings = ["a.xml:3:7: warning: the day of 2 sessions is inferred", "a.xml:9:1: warning: \u{1B}[31mred\u{1B}[0m room"]

    @Test func warningsAreKeptAndAnnouncedWithTheirCount() {
        var state = initial
        Fixture.reducer.reduce(&state, .loadWarnings(warnings))
        var expected = initial
        expected.problems = warnings
        expected.message = .loadWarnings(2)
        #expect(state == expected)
        #expect(state.message?.text(in: .en) == "⚠ 2 warnings in the data — W lists them")
        #expect(StatusMessage.loadWarnings(1).text(in: .fr) == "⚠ 1 avertissement dans les données — W les liste")
        // None: nothing said.
        var clean = initial
        Fixture.reducer.reduce(&clean, .loadWarnings([]))
        #expect(clean == initial)
    }

    @Test func wListsThemScrollsAndClosesLikeTheHelp() {
        var state = initial
        Fixture.reducer.reduce(&state, .loadWarnings(warnings))
        let open = Fixture.press("W", from: state).state
        var expected = state
        expected.message = nil
        expected.overlay = .problems(scroll: 0)
        #expect(open == expected)
        #expect(Fixture.press(": problems Enter", from: state).state.overlay == .problems(scroll: 0))
        var closed = expected
        closed.overlay = nil
        #expect(Fixture.press("Escape", from: open).state == closed)
        // The list quotes the data made safe: no escape byte reaches the terminal.
        let text = ProblemsOverlay.lines(open, theme: .monochrome).map(\.text).joined(separator: "\n")
        #expect(text.contains("a.xml:3:7: warning: the day of 2 sessions is inferred") && !text.contains("\u{1B}"))
    }

    @Test func withoutWarningsWSaysTheDataWasReadCleanlyAndOffersNoHint() {
        let open = Fixture.press("W").state
        #expect(open.overlay == .problems(scroll: 0))
        #expect(ProblemsOverlay.lines(open, theme: .monochrome).map(\.text) == ["The data was read without warnings."])
        let hint = KeyMap.standard.bindings.first { $0.action == .command(.showProblems) }!
        #expect(!hint.isEnabled(initial, Fixture.data))
        var warned = initial
        warned.problems = warnings
        #expect(hint.isEnabled(warned, Fixture.data))
    }

    @Test func openingAnotherFileReplacesTheWarnings() {
        var state = initial
        Fixture.reducer.reduce(&state, .loadWarnings(warnings))
        let problem = LoadProblem(severity: .warning, file: "b.json", path: "x", line: 2, column: 3, message: "odd")
        let summary = LoadSummary(name: "b.json", dataset: Fixture.index.dataset, warnings: [problem])
        Fixture.reducer.reduce(&state, .opened("b.json", .success(summary)))
        #expect(state.problems == ["\(problem)"])
        #expect(state.message?.text(in: .en).hasSuffix("(⚠ 1 warning — W lists them)") == true)
    }

    @Test func theWarningsScreenOnARealScheduleWithOne() throws {
        guard let url = CongressScreensTests.congressURL?.deletingLastPathComponent().appendingPathComponent("democon-pretalx.json"),
              let summary = try? DatasetSource.load(path: url.path).get() else { return }
        let store = DashboardStore(index: DatasetIndex(summary.dataset), size: Size(width: 100, height: 30), language: .en, theme: .dark)
        store.send(.loadWarnings(summary.warnings.map { "\($0)" }))
        #expect(store.render().text.contains("⚠ 1 warning in the data — W lists them"))
        CongressScreensTests.press("W", on: store)
        let screen = store.render().text
        #expect(screen.contains("Data warnings (1)") && screen.contains("the start times of 36 sessions differ"))
    }
}

/// Converted times (T, `--tz local`, `--tz ZONE`) stay named in the status bar while they are on.
@Suite struct ConvertedZoneStatusTests {
    @Test func theZoneIsInTheStatusBarOnlyWhileTimesAreConverted() {
        let store = DashboardStore(index: Fixture.index, size: Size(width: 120, height: 40), language: .en, theme: .dark,
                                   localZone: TimeZone(identifier: "America/New_York")!)
        func statusLine() -> String { store.render().textLines().dropLast().last ?? "" }
        #expect(!statusLine().contains("times in"))
        CongressScreensTests.press("T", on: store)
        #expect(statusLine().contains("· times in America/New_York"))
        CongressScreensTests.press("L", on: store)
        #expect(statusLine().contains("· heures en America/New_York"))
        CongressScreensTests.press("T", on: store)
        #expect(!statusLine().contains("America/New_York"))
    }
}

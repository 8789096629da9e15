import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
@testable import ConfDashUI

/// Counts shown to people are grouped (issue 10): "1,007", and in French "1 007" with a narrow
/// no-break space (U+202F), as Labels.formatNumber writes them.
@Suite struct GroupedCountTests {
    @Test func exportMessagesGroupTheCount() {
        let en = UIText(.en).act(.exported(1007, path: "/tmp/all.csv", format: "csv"))
        #expect(en == "Exported 1,007 sessions as csv to /tmp/all.csv")
        let fr = UIText(.fr).act(.exported(1007, path: "/tmp/all.csv", format: "csv"))
        #expect(fr == "1\u{202F}007 séances exportées en csv dans /tmp/all.csv")
    }

    @Test func pluralCountsAndListWordsGroupToo() {
        #expect(Plural.count(12345, "session", "sessions", .en) == "12,345 sessions")
        #expect(Plural.count(1007, "séance", "séances", .fr) == "1\u{202F}007 séances")
        #expect(UIText(.en).matches(1500) == "1,500 matches")
        #expect(UIText(.en).loadWarnings(2000) == "2,000 warnings")
        #expect(UIText(.fr).moreRooms(1200) == "↓ 1\u{202F}200 salles de plus")
        #expect(UIText(.en).matches(999) == "999 matches")
    }

    @Test func exportingEverySessionOf38C3SaysOneThousandAndSeven() throws {
        guard let store = CongressScreensTests.store(size: Size(width: 120, height: 40)) else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("grouped-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        CongressScreensTests.press(": export Space csv Space \(file.path) Enter", on: store)
        #expect(store.state.message?.text(in: .en) == "Exported 1,007 sessions as csv to \(file.path)")
    }
}

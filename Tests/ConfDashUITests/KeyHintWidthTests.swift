import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
@testable import ConfDashUI

/// The key hints at every common width (issue 10): `? help` and `q quit` always; `R reload`
/// (a schedule that can be reloaded) stays where `L français` and `z max` give way first; no
/// hint is cut half-way; `[ ] event` only when there is another event to go to.
@Suite struct KeyHintWidthTests {
    static func hintLine(width: Int, keys: String = "") -> String? {
        guard let store = CongressScreensTests.store(size: Size(width: width, height: 40)),
              let url = CongressScreensTests.congressURL else { return nil }
        store.follow(.file(url.path, format: .auto))
        CongressScreensTests.press(keys, on: store)
        return store.render().textLines().last
    }

    @Test(arguments: [80, 120, 160, 200])
    func helpQuitAndReloadStayAtEveryWidth(width: Int) throws {
        guard let line = Self.hintLine(width: width) else { return }
        #expect(line.contains("? help") && line.trimmingCharacters(in: .whitespaces).hasSuffix("q quit"), "\(line)")
        #expect(line.contains("R reload"), "\(line)")
        #expect(!line.contains("[ ] event"), "38C3 is the only event: \(line)")
        #expect(line.terminalWidth <= width)
        if width >= 160 { #expect(line.contains("L français") && line.contains("z max")) }
    }

    @Test(arguments: ["3", "2", "l r"])
    func everyPaneKeepsItsOwnHintsAndTheEssentials(keys: String) throws {
        guard let line = Self.hintLine(width: 80, keys: keys) else { return }
        #expect(line.contains("? help") && line.contains("q quit"), "\(line)")
        #expect(line.hasPrefix(" ← →") || line.hasPrefix(" Enter"), "the pane's own keys come first: \(line)")
    }

    /// A hint offers only keys that can act (issue 10): with no track in the data, `t tracks`
    /// is not offered; with tracks it is.
    @Test func theTracksHintOnlyWhereThereAreTracks() {
        for (tracks, expected) in [(false, false), (true, true)] {
            let store = EmptyPanesTests.store(EmptyPanesTests.data(rooms: true, tracks: tracks), size: Size(width: 200, height: 40))
            let line = store.render().textLines().last ?? ""
            #expect(line.contains("t tracks") == expected, "tracks: \(tracks): \(line)")
            #expect(line.contains("? help") && line.contains("q quit"), "\(line)")
        }
    }

    /// One event's days × hours timeline: ← → move the hour and the zoom does not apply, so the
    /// hints do not say "← → event" or "+ zoom"; the bundled events' timeline still does.
    @Test func theDaysByHoursTimelineOffersNoEventOrZoomHint() throws {
        guard let line = Self.hintLine(width: 200, keys: "2") else { return }
        #expect(!line.contains("event") && !line.contains("+ zoom") && line.hasPrefix(" Enter agenda"), "\(line)")
        let bundled = Fixture.screen("2", size: Size(width: 200, height: 40)).split(separator: "\n").last ?? ""
        #expect(bundled.contains("← → event") && bundled.contains("+ zoom"), "\(bundled)")
    }
}

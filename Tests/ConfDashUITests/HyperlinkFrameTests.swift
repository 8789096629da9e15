import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
@testable import ConfDashUI

/// The frame carries a session's web address as a link over the cells that show it (issue 10),
/// on a line of its own, so the terminal can make it clickable (OSC 8).
@Suite struct HyperlinkFrameTests {
    @Test func theDetailOverlayLinksTheSessionsAddress() throws {
        guard let store = CongressScreensTests.store(size: Size(width: 120, height: 40)) else { return }
        CongressScreensTests.press("Enter G", on: store)   // the Opening Ceremony's details, at their end
        let grid = store.render()
        let url = "https://events.ccc.de/congress/2024/hub/de/event/38c3-opening-ceremony/"
        let link = try #require(grid.currentLinks.first { $0.url == url })
        #expect(grid.text(x: link.x, y: link.y, width: link.width) == url, "the link covers exactly the address")
        #expect(grid.link(atX: link.x + 3, y: link.y) == url)
    }
}

import ConfDashScreen
import Testing
@testable import ConfDashTerminal

/// OSC 8 on the real terminal (issue 10): the bytes around each link, the link's own text and
/// attributes drawn again between them, nothing for an unsafe address, and which terminals get them.
@Suite struct HyperlinkOutputTests {
    static let url = "https://events.ccc.de/congress/2024/hub/de/event/38c3-opening-ceremony/"

    @Test func aLinkIsOpenedBeforeItsTextAndClosedAfterIt() {
        var grid = CellGrid(size: Size(width: 100, height: 3))
        grid.write(Self.url, x: 2, y: 1, style: Style(foreground: .cyan, attributes: .underline))
        grid.addLink(Self.url, x: 2, y: 1, width: Self.url.count)
        #expect(grid.link(atX: 10, y: 1) == Self.url)
        #expect(grid.link(atX: 1, y: 1) == nil)
        let bytes = HyperlinkOutput.sequence(for: grid, capability: .palette256)
        let open = "\u{1B}]8;;\(Self.url)\u{1B}\\"
        let close = "\u{1B}]8;;\u{1B}\\"
        #expect(bytes.hasPrefix("\u{1B}7\u{1B}[2;3H"), "cursor saved, then the link's cell")
        #expect(bytes.contains(open + "\u{1B}[0;4;36;49m" + Self.url + close))
        #expect(bytes.hasSuffix(close + "\u{1B}8"), "closed, then cursor and attributes restored")
    }

    @Test(arguments: ["https://x.org/\u{1B}]8;;evil\u{1B}\\", "https://x.org/a\u{07}b", "https://x.org/a b", "javascript:alert(1)",
                      "file:///etc/passwd", "https://x.org/\u{9B}31m", "https://é.org/"])
    func anUnsafeAddressIsNeverSent(url: String) {
        var grid = CellGrid(size: Size(width: 60, height: 1))
        grid.write(url, x: 0, y: 0)
        grid.addLink(url, x: 0, y: 0, width: 40)
        #expect(grid.links.isEmpty)
        let bytes = HyperlinkOutput.sequence(for: grid, capability: .palette256)
        #expect(bytes.isEmpty)
        #expect(!bytes.unicodeScalars.contains { $0 == "\u{07}" || $0 == "\u{9B}" })
    }

    @Test func aLinkDrawnOverIsLeftOut() {
        var grid = CellGrid(size: Size(width: 60, height: 2))
        grid.write("https://example.org/a", x: 0, y: 0)
        grid.addLink("https://example.org/a", x: 0, y: 0, width: 21)
        grid.write("an overlay over it", x: 0, y: 0)
        #expect(grid.currentLinks.isEmpty)
        #expect(HyperlinkOutput.sequence(for: grid, capability: .palette256).isEmpty)
    }

    @Test func onlyTerminalsKnownToSupportThemGetThem() {
        #expect(HyperlinkOutput.supported(environment: ["TERM": "xterm-kitty"]))
        #expect(HyperlinkOutput.supported(environment: ["TERM": "xterm-256color", "VTE_VERSION": "7200"]))
        #expect(HyperlinkOutput.supported(environment: ["TERM": "xterm-256color", "TMUX": "/tmp/t,1,0", "TERM_PROGRAM": "tmux", "TERM_PROGRAM_VERSION": "3.4"]))
        #expect(!HyperlinkOutput.supported(environment: ["TERM": "xterm-256color", "TMUX": "/tmp/t,1,0", "TERM_PROGRAM": "tmux", "TERM_PROGRAM_VERSION": "3.3a"]))
        #expect(!HyperlinkOutput.supported(environment: ["TERM": "screen-256color", "VTE_VERSION": "7200"]), "inside tmux/screen, the outer terminal does not count")
        #expect(!HyperlinkOutput.supported(environment: ["TERM": "xterm-256color"]))
        #expect(!HyperlinkOutput.supported(environment: ["TERM": "linux"]))
        #expect(HyperlinkOutput.supported(environment: ["TERM": "xterm", "CONFDASH_HYPERLINKS": "1"]))
        #expect(!HyperlinkOutput.supported(environment: ["TERM": "xterm-kitty", "CONFDASH_HYPERLINKS": "0"]))
    }
}

import ConfDashCore
import Testing
@testable import ConfDashUI

@Suite struct LayoutTests {
    static let sizes: [Size] = {
        var sizes: [Size] = []
        for width in [1, 2, 5, 10, 39, 40, 41, 60, 79, 80, 81, 100, 119, 120, 121, 160, 250] {
            for height in [1, 2, 3, 9, 10, 11, 15, 24, 35, 36, 40, 60] { sizes.append(Size(width: width, height: height)) }
        }
        return sizes
    }()

    @Test(arguments: sizes)
    func nothingOverlapsAndEverythingIsOnScreen(size: Size) {
        for focus in PaneID.allCases {
            let layout = Layout.compute(size: size, focus: focus)
            let screen = Rect(size: size)
            let rects = layout.allRects.filter { !$0.isEmpty }
            for rect in rects { #expect(screen.contains(rect), "\(rect) outside \(size)") }
            for (i, a) in rects.enumerated() {
                for b in rects[(i + 1)...] { #expect(!a.intersects(b), "\(a) overlaps \(b) at \(size)") }
            }
            switch layout.kind {
            case .tooSmall: #expect(size.width < Layout.minimum.width || size.height < Layout.minimum.height)
            case .tabs: #expect(layout.panes.keys.sorted { $0.rawValue < $1.rawValue } == [focus])
            case .full:
                #expect(layout.panes.count == 4 && layout.detail != nil)
                for pane in PaneID.allCases { #expect((layout.content(of: pane)?.height ?? 0) >= 5, "\(pane) too short at \(size)") }
            case .paneAndDetail:
                #expect(layout.panes.keys.sorted { $0.rawValue < $1.rawValue } == [focus] && layout.detail != nil)
                #expect(size.width >= Layout.wideShortMinimumWidth && size.height < Layout.fullMinimum.height)
            case .maximized:
                Issue.record("maximised without z at \(size)")
            }
        }
    }

    @Test func fullLayoutFromOneHundredTwentyByThirtySix() {
        #expect(Layout.compute(size: Size(width: 120, height: 36), focus: .agenda).kind == .full)
        #expect(Layout.compute(size: Size(width: 119, height: 36), focus: .agenda).kind == .tabs)
        #expect(Layout.compute(size: Size(width: 120, height: 35), focus: .agenda).kind == .tabs)
        #expect(Layout.compute(size: Size(width: 80, height: 24), focus: .agenda).kind == .tabs)
        #expect(Layout.compute(size: Size(width: 39, height: 24), focus: .agenda).kind == .tooSmall)
    }

    /// Every size, every pane focused, with an overlay and an input line open: rendering never
    /// traps and always fills exactly the screen.
    @Test(arguments: sizes)
    func everyScreenRendersAtEverySize(size: Size) {
        for keys in ["", "2", "3", "4", "?", "Enter", "t", "/ ai", ": tr", "2 + +"] {
            var state = Fixture.initial(size)
            for key in Key.parseSequence(keys) {
                if let action = Dispatcher.action(for: key, in: state) { Fixture.reducer.reduce(&state, action) }
            }
            let grid = Screen.render(state, data: Fixture.data, theme: .dark)
            #expect(grid.size == size)
            #expect(grid.textLines().count == size.height)
            for line in grid.textLines() { #expect(line.terminalWidth <= size.width) }
        }
    }

    @Test func tooSmallSaysWhatIsNeeded() {
        let screen = Fixture.screen("", size: Size(width: 39, height: 9))
        #expect(screen.contains("Terminal too small — need 40x10"))
        #expect(screen.contains("(39x9)"))
        let french = Fixture.screen("", size: Size(width: 30, height: 9), language: .fr)
        #expect(french.contains("Terminal trop petit"))
        #expect(Fixture.screen("", size: Size(width: 1, height: 1)).count == 2)
    }
}

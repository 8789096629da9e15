import ConfDashScreen
/// Where each part of the screen goes for a terminal size. Computed, never stored: the reducer
/// asks it how many rows a list shows, the views where to draw, the mouse what was clicked.
public struct Layout: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// All four panes and the detail view side by side, each framed.
        case full
        /// One pane at a time under a tab bar: the focused one gets the whole body.
        case tabs
        /// Wide but short: the focused pane, framed, beside the detail view.
        case paneAndDetail
        /// z: the focused pane alone, framed, over the whole body.
        case maximized

        /// Whether panes are drawn in frames (their content inset by one).
        public var framed: Bool { self != .tabs && self != .tooSmall }
        /// Below `minimum`: only a message saying what size is needed.
        case tooSmall
    }

    public var kind: Kind
    /// Outer rectangle of each visible pane (its frame, in the full layout).
    public var panes: [PaneID: Rect]
    /// The detail view, in the full layout.
    public var detail: Rect?
    public var tabBar: Rect?
    /// Two rows: what is shown and filtered, then key hints (or the input line).
    public var statusBar: Rect

    /// Smaller than this, no pane is usable: the screen says so instead.
    public static let minimum = Size(width: 40, height: 10)
    /// From this width on, a terminal too short for every pane shows the focused one beside the details.
    public static let wideShortMinimumWidth = 140
    /// From this size on, everything is visible at once.
    public static let fullMinimum = Size(width: 120, height: 36)

    /// `maximized`: the focused pane alone in the whole body, framed (z), at any size. `empty`:
    /// panes the data gives nothing to show (DashboardData.emptyPanes); they get no space and
    /// their neighbours take it.
    public static func compute(size: Size, focus: PaneID, maximized: Bool = false, empty: Set<PaneID> = []) -> Layout {
        let screen = Rect(size: size)
        guard size.width >= minimum.width, size.height >= minimum.height else {
            return Layout(kind: .tooSmall, panes: [:], detail: nil, tabBar: nil, statusBar: .zero)
        }
        let (body, status) = screen.splitBottom(2)
        if maximized {
            return Layout(kind: .maximized, panes: [focus: body], detail: nil, tabBar: nil, statusBar: status)
        }
        if size.width >= fullMinimum.width && size.height >= fullMinimum.height {
            // The timeline needs an axis row, a lane per event and a summary row: 9 rows fit the
            // bundled five events; the rest goes to the agenda and the bottom panes.
            let showRegions = !empty.contains(.regions), showTechnologies = !empty.contains(.technologies)
            let bottomHeight = showRegions || showTechnologies ? body.height * 35 / 100 : 0
            let timelineHeight = empty.contains(.timeline) ? 0 : max(9, body.height / 5)
            let (top, rest) = body.splitTop(body.height - bottomHeight - timelineHeight)
            let (timeline, bottom) = rest.splitTop(timelineHeight)
            let (agenda, detail) = top.splitLeft(top.width * 58 / 100)
            var panes: [PaneID: Rect] = [.agenda: agenda]
            if timelineHeight > 0 { panes[.timeline] = timeline }
            switch (showRegions, showTechnologies) {
            case (true, true):
                let (regions, technologies) = bottom.splitLeft(bottom.width * 55 / 100)
                panes[.regions] = regions
                panes[.technologies] = technologies
            case (true, false): panes[.regions] = bottom
            case (false, true): panes[.technologies] = bottom
            case (false, false): break
            }
            return Layout(kind: .full, panes: panes, detail: detail, tabBar: nil, statusBar: status)
        }
        if size.width >= wideShortMinimumWidth && body.height >= 12 {
            // Wide but short (160x30, 200x35): the focused pane beside the detail panel rather
            // than one pane and a hundred empty columns; Tab and 1–4 change the pane on the left.
            let (pane, detail) = body.splitLeft(body.width * 58 / 100)
            return Layout(kind: .paneAndDetail, panes: [focus: pane], detail: detail, tabBar: nil, statusBar: status)
        }
        let (tabBar, pane) = body.splitTop(1)
        return Layout(kind: .tabs, panes: [focus: pane], detail: nil, tabBar: tabBar, statusBar: status)
    }

    /// The inside of a pane: within its frame in the full layout, the whole rect in tabs.
    public func content(of pane: PaneID) -> Rect? {
        guard let rect = panes[pane] else { return nil }
        return kind.framed ? rect.inset(by: 1) : rect
    }

    public var detailContent: Rect? { detail?.inset(by: 1) }

    /// Every rectangle drawn, for overlap tests.
    public var allRects: [Rect] {
        Array(panes.values) + [detail, tabBar].compactMap { $0 } + [statusBar]
    }
}

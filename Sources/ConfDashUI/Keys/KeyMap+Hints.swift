/// Which status-bar hints give way first when the line is short (issue 10: `R reload` and
/// `W warnings` were the first to go at 120 columns, while `L français` stayed). What is left
/// after these goes last first; `? help` and `q quit` never go.
extension KeyMap {
    static let hintsGivingWayFirst: [BoundAction] = [
        .command(.toggleLanguage), .command(.toggleMaximize), .command(.focusNext), .command(.moveDown),
        .command(.nextEvent), .command(.clearFilters), .command(.openTrackPicker),
    ]
}

import ConfDashCore

extension UIText {
    /// The status bar while times are converted (T, `--tz local`, `--tz ZONE`): which zone.
    func convertedZoneChip(_ zone: String) -> String { pick("times in ", "heures en ") + zone }
}

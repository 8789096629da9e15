import ConfDashCore

/// The words of the data's load warnings (W, `:problems`).
extension UIText {
    var noLoadWarnings: String { pick("The data was read without warnings.", "Les données ont été lues sans avertissement.") }

    func loadWarnings(_ count: Int) -> String {
        count == 1 ? pick("1 warning", "1 avertissement") : pick("\(number(count)) warnings", "\(number(count)) avertissements")
    }

    func loadWarningsTitle(_ count: Int) -> String { pick("Data warnings", "Avertissements des données") + " (\(number(count)))" }

    /// The notice on opening data that had warnings.
    func loadWarningsNotice(_ count: Int) -> String {
        "⚠ " + loadWarnings(count) + pick(" in the data — W lists them", " dans les données — W les liste")
    }
}

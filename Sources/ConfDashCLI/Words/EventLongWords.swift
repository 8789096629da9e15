import ConfDashCore

/// The words of `confdash events --long` (EventLongText), in both languages.
extension Labels {
    func quoted(_ text: String) -> String { pick("“\(text)”", "« \(text) »") }
    var longTitle: String { pick("Title", "Titre") }
    var longOfficialTitle: String { pick("the source's official title", "titre officiel de la source") }
    var longTheme: String { pick("Theme", "Thème") }
    var longThemeOfTheYear: String { pick("Theme of the year", "Thème de l'année") }
    var longKind: String { pick("Kind", "Type") }
    func longDays(_ count: Int) -> String { count == 1 ? pick("1 day", "1 jour") : pick("\(count) days", "\(count) jours") }
    var longDates: String { pick("Dates", "Dates") }
    var longWhere: String { pick("Where", "Où") }
    var longNameSeparator: String { pick("; ", " ; ") }
    var longFigure: String { pick("Figure", "Chiffre") }
    var longProgramme: String { pick("Programme", "Programme") }
    var longSearchMatches: String { pick("Search matches", "La recherche porte sur") }
    var longAbout: String { pick("About", "En bref") }
    var longSources: String { pick("Sources", "Sources") }
    var longFieldSeparator: String { pick(": ", " : ") }
}

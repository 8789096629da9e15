import ConfDashCore

/// The words of the screen shown before the first schedule arrives (`--data URL`, nothing cached).
extension UIText {
    func awaitingTitle(_ awaiting: AwaitedSchedule) -> String {
        awaiting.failure == nil ? pick("Fetching the schedule…", "Téléchargement du programme…")
                                : pick("No schedule to show", "Aucun programme à afficher")
    }

    /// The lines under the title: what is fetched (or why it failed), then what the keys do.
    func awaitingLines(_ awaiting: AwaitedSchedule) -> [String] {
        guard let failure = awaiting.failure else {
            return [
                awaiting.shown,
                pick("Nothing is cached for this address yet: the schedule shows as soon as it arrives.",
                     "Rien n'est encore en cache pour cette adresse : le programme s'affichera dès son arrivée."),
                pick("q quits · ? help · L français · :open FILE|URL opens another",
                     "q quitte · ? aide · L English · :open FICHIER|URL en ouvre un autre"),
            ]
        }
        return [
            message(.openFailed(failure)),
            pick("R tries again · :open FILE|URL opens another · q quits",
                 "R réessaie · :open FICHIER|URL en ouvre un autre · q quitte"),
        ]
    }

    func noScheduleYet(_ url: String) -> String {
        pick("No schedule yet: \(url) is not here (R tries again after a failure, q quits)",
             "Pas encore de programme : \(url) n'est pas arrivé (R réessaie après un échec, q quitte)")
    }
}

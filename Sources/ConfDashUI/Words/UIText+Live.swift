import ConfDashCore

/// The words of live schedules: reload messages, the marks in the lists, the Changes view.
extension UIText {
    func live(_ message: LiveMessage) -> String {
        switch message {
        case .reloading(let source):
            return pick("Reloading \(source)… (keys keep working)", "Rechargement de \(source)… (les touches restent actives)")
        case .reloaded(let counts, let starred, let offline):
            var parts: [String] = []
            if let starred { parts.append(starredNotice(starred)) }
            // Offline, nothing was compared with the server: no "No change" then, only why.
            if counts.total > 0 { parts.append(changeCounts(counts) + pick(" — C lists them", " — C les liste")) }
            else if offline == nil { parts.append(noChange) }
            if let offline { parts.append(self.offline(offline)) }
            return parts.joined(separator: " · ")
        case .failed(let failure):
            return pick("Reload failed, the version shown stays: ", "Échec du rechargement, la version affichée reste : ")
                + (failure.map { self.message(StatusMessage.openFailed($0)) } ?? pick("nothing was read", "rien n'a été lu"))
        case .nothingToReload:
            return pick("Nothing to reload: the built-in data does not change (open a file or URL with --data)",
                        "Rien à recharger : les données intégrées ne changent pas (ouvrez un fichier ou une URL avec --data)")
        case .stillReloading:
            return pick("Still reloading: the result shows when it comes", "Rechargement en cours : le résultat s'affichera à son arrivée")
        case .sessionGone:
            return pick("That session has left the schedule", "Cette séance a quitté le programme")
        case .fetching(let url): return fetching(url)
        case .stillOpening(let url): return stillOpening(url)
        case .offline(let notice): return offline(notice)
        case .noScheduleYet(let url): return noScheduleYet(url)
        }
    }

    var reloadingShort: String { pick("reloading…", "rechargement…") }

    var noChange: String { pick("No change since the version shown", "Aucun changement depuis la version affichée") }

    /// "3 new, 2 moved, 1 cancelled": kinds with none left out.
    func changeCounts(_ counts: ChangeCounts) -> String {
        let parts: [(Int, String, String)] = [
            (counts.new, "new", counts.new > 1 ? "nouvelles" : "nouvelle"),
            (counts.moved, "moved", counts.moved > 1 ? "déplacées" : "déplacée"),
            (counts.changed, "changed", counts.changed > 1 ? "modifiées" : "modifiée"),
            (counts.cancelled, "cancelled", counts.cancelled > 1 ? "annulées" : "annulée"),
        ]
        return parts.filter { $0.0 > 0 }.map { "\($0.0) " + pick($0.1, $0.2) }.joined(separator: ", ")
    }

    /// "★ “Title” moved: 11:00 → 14:00 (+1 starred)".
    func starredNotice(_ starred: StarredChange) -> String {
        let title = "“" + String(starred.title.text(in: language).prefix(30)) + "”"
        var text = "★ " + title + " "
        if starred.kind == .cancelled {
            text += pick("is cancelled", "est annulée")
        } else {
            text += pick("moved", "a été déplacée")
            let moves = starred.details.map(detail).joined(separator: ", ")
            if !moves.isEmpty { text += ": " + moves }
        }
        if starred.others > 0 { text += pick(" (+\(starred.others) starred)", " (+\(starred.others) étoilée\(starred.others > 1 ? "s" : ""))") }
        return text
    }

    /// "time 11:00 → 14:00", "room Saal 1 → Saal GLITCH" (— for none).
    func detail(_ detail: SessionChange.Detail) -> String {
        let from = detail.from ?? "—", to = detail.to ?? "—"
        if detail.aspect == .abstract { return aspect(.abstract) }
        return aspect(detail.aspect) + " " + from + " → " + to
    }

    func aspect(_ aspect: SessionChange.Aspect) -> String {
        switch aspect {
        case .day: return pick("day", "jour")
        case .time: return pick("time", "heure")
        case .room: return pick("room", "salle")
        case .title: return pick("title", "titre")
        case .speakers: return pick("speakers", "intervenants")
        case .abstract: return pick("abstract rewritten", "résumé réécrit")
        }
    }

    /// The mark in the lists: a word, so it reads in monochrome (no colour needed).
    func changeMark(_ kind: SessionChange.Kind) -> String {
        switch kind {
        case .new: return pick("NEW", "NOUVEAU")
        case .moved: return pick("MOVED", "DÉPLACÉ")
        case .changed: return pick("CHANGED", "MODIFIÉ")
        case .cancelled: return pick("CANCELLED", "ANNULÉ")
        }
    }

    var changesTitle: String { pick("Changes", "Changements") }
    func changesVersions(_ from: String?, _ to: String?) -> String? {
        guard from != nil || to != nil, from != to else { return nil }
        return pick("version ", "version ") + (from ?? "?") + " → " + (to ?? "?")
    }
    var noReloadYet: String {
        pick("No reload has found a change yet. R reads the schedule again; new, moved and cancelled sessions are then marked in the lists and listed here.",
             "Aucun rechargement n'a encore trouvé de changement. R relit le programme ; les séances nouvelles, déplacées et annulées sont alors marquées dans les listes et énumérées ici.")
    }
    var builtInNeverChanges: String {
        pick("The built-in dataset does not change. Open a schedule by URL or file (confdash --data URL) to follow its changes with R.",
             "Les données intégrées ne changent pas. Ouvrez un programme par URL ou fichier (confdash --data URL) pour suivre ses changements avec R.")
    }
    var leftTheSchedule: String { pick("left the schedule", "retirée du programme") }
    var markedCancelledInFile: String { pick("marked cancelled in the schedule", "marquée annulée dans le programme") }
}

import ConfDashCore

/// The status messages in words. One `switch`: a new message case does not compile until it is
/// worded in both languages.
extension UIText {
    public func message(_ message: StatusMessage) -> String {
        switch message {
        case .unknownCommand(let name): return unknownCommand(name)
        case .usage(let usage): return self.usage(usage)
        case .notFound(let kind, let name): return notFound(kind, name)
        case .ambiguous(let name, let candidates): return ambiguous(name, candidates)
        case .noSuchDay(let day, let count): return noSuchDay(day, count)
        case .eventHiddenByFilters:
            return pick("That event is hidden by the filters (x clears them)", "Cet événement est masqué par les filtres (x pour les effacer)")
        case .noSearchInForce: return noMoreMatches
        case .filtersCleared: return filtersCleared
        case .nothingToClear: return nothingToClear
        case .timeZone(false, _): return pick("Times in each event's own time zone", "Heures dans le fuseau de chaque événement")
        case .timeZone(true, let zone): return pick("Times in your time zone: ", "Heures dans votre fuseau : ") + zone
        case .opened(let file):
            let entries = Labels(language).sessionsAndTopics(file.sessions, file.topics, breakouts: file.topicsAreBreakouts)
            var text = pick("Opened ", "Ouvert : ") + file.name + " — " + events(file.events) + ", " + entries
            if file.warnings > 0 {
                text += " (⚠ " + loadWarnings(file.warnings) + pick(" — W lists them)", " — W les liste)")
            }
            if let notice = file.notice { text = offline(notice) + " · " + text }
            return text
        case .personal(let message): return personal(message)
        case .live(let message): return live(message)
        case .places(let message): return placesMessage(message)
        case .act(let message): return act(message)
        case .loadWarnings(let count): return loadWarningsNotice(count)
        case .openFailed(.unreadable(let file, let reason)):
            return "\(file): \(reason)"
        case .openFailed(.unreachable(let url, let failure)):
            return RemoteWords(language).failure(url, failure)
        case .openFailed(let failure):
            let errors = failure.errors
            let first = errors.first.map { "\($0)" } ?? "\(failure.file): " + pick("cannot be read", "illisible")
            guard errors.count > 1 else { return first }
            return first + pick(" (+\(errors.count - 1) more; `confdash validate` lists them)",
                                " (+\(errors.count - 1) ; `confdash validate` les liste)")
        }
    }

    /// A French noun and its gender, for the articles and participles that agree with it.
    struct Noun {
        var word: String
        var feminine: Bool
    }

    func noun(_ kind: NameKind) -> Noun {
        switch (kind, language) {
        case (.event, .en): return Noun(word: "event", feminine: false)
        case (.event, .fr): return Noun(word: "événement", feminine: false)
        case (.track, .en): return Noun(word: "track", feminine: false)
        case (.track, .fr): return Noun(word: "thème", feminine: false)
        case (.technology, .en): return Noun(word: "technology", feminine: false)
        case (.technology, .fr): return Noun(word: "technologie", feminine: true)
        case (.region, .en): return Noun(word: "region", feminine: false)
        case (.region, .fr): return Noun(word: "région", feminine: true)
        case (.room, .en): return Noun(word: "room", feminine: false)
        case (.room, .fr): return Noun(word: "salle", feminine: true)
        }
    }

    /// "No technology named “x”", "Aucune technologie nommée « x »", "Aucun thème nommé « x »".
    func notFound(_ kind: NameKind, _ input: String) -> String {
        let noun = noun(kind)
        return pick("No \(noun.word) named “\(input)”",
                    noun.feminine ? "Aucune \(noun.word) nommée « \(input) »" : "Aucun \(noun.word) nommé « \(input) »")
    }
}

extension Language {
    /// The other language: what `L` switches to.
    var toggled: Language { self == .fr ? .en : .fr }
}

import ConfDashCore
import Foundation
import Testing

/// The bundled data read against the seeds, for the slips a line-by-line read found (issue 14):
/// a technology tagged where its source does not name it ("big data" on sessions whose source
/// says only "analyse de données"), a day placed with nothing in the source to say so, and one
/// name spelled two ways ("Asie/Pacifique" and "Asie-Pacifique").
@Suite("Bundled dataset: read against the seeds")
struct SourceFidelityTests {
    /// Each seed's text by source id, as written; nil (reported) when the seeds are not beside the clone.
    static let seeds: [String: String]? = {
        var texts: [String: String] = [:]
        for source in Bundled.dataset.sources where source.kind == .seed {
            guard let file = source.file,
                  let text = try? String(contentsOf: OwnWordsTests.seedsDirectory.appendingPathComponent(file), encoding: .utf8)
            else { return nil }
            texts[source.id] = text
        }
        return texts
    }()

    /// Says loudly that a check could not run: an error on CI, where shared/ is always beside the clone.
    static func seedsOrReport() -> [String: String]? {
        if let seeds { return seeds }
        let message = "SEEDS NOT FOUND at \(OwnWordsTests.seedsDirectory.path): the check against the seeds did not run"
        if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record(Comment(rawValue: message)) } else { print("⚠️  \(message)") }
        return nil
    }

    // MARK: Technologies

    /// Case, accents and apostrophes folded, so that "l’Internet des objets" contains "internet des objets".
    static func folded(_ text: String) -> String { text.replacingOccurrences(of: "’", with: "'").searchFolded }

    /// Whether `name` occurs in `folded text` as whole words: "IA" in "l'IA", not in "sociale".
    static func mentions(_ text: String, _ name: String) -> Bool {
        let needle = folded(name)
        guard !needle.isEmpty else { return false }
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: needle, range: searchRange) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            if !(before?.isLetter ?? false || before?.isNumber ?? false) && !(after?.isLetter ?? false || after?.isNumber ?? false) {
                return true
            }
            searchRange = found.upperBound..<text.endIndex
        }
        return false
    }

    /// How a source names a technology: its French name (the seeds are in French) or an alias.
    static func names(of technology: Technology) -> [String] {
        [technology.name.fr].compactMap { $0 } + technology.aliases
    }

    static func sourceText(_ ids: [String], _ seeds: [String: String]) -> String {
        folded(ids.compactMap { seeds[$0] }.joined(separator: "\n"))
    }

    /// Tags that rest on a paraphrase rather than on the technology's name or an alias, as
    /// "record id/technology id": each needs a reason, and the test fails when an entry is no
    /// longer needed. Empty today: every tag is named in its source.
    static let paraphrasedTags: [String: String] = [:]

    /// Technologies a seed names without the event being about them, as "event id/technology id".
    static let incidentalMentions: [String: String] = [
        // "l'Agence nationale indonésienne du guichet unique" names an agency that spoke at the
        // opening; no session of the Jakarta workshop is about single window systems.
        "smart-customs-jakarta-2024/single-window": "only in the name of Indonesia's national single window agency",
    ]

    @Test("each technology is tagged only on sessions and events whose source names it", arguments: Bundled.dataset.technologies.map(\.id))
    func tagsRestOnTheSource(_ technologyID: String) throws {
        guard let seeds = Self.seedsOrReport() else { return }
        let technology = try #require(Bundled.index.technologiesByID[technologyID])
        let names = Self.names(of: technology)
        for event in Bundled.dataset.events {
            var records: [(id: String, technologies: [String], sources: [String])] = [(event.id, event.technologies, event.sources)]
            records += event.sessions.map { ($0.id, $0.technologies, $0.sources) }
            for record in records where record.technologies.contains(technologyID) {
                let key = "\(record.id)/\(technologyID)"
                let named = names.contains { Self.mentions(Self.sourceText(record.sources, seeds), $0) }
                if let reason = Self.paraphrasedTags[key] {
                    #expect(!named, "\(key) is allow-listed (\(reason)) but its source names it: take it off the list")
                } else {
                    #expect(named, "\(record.id) is tagged \(technologyID), but its source never names it (\(names.joined(separator: ", ")))")
                }
            }
        }
    }

    @Test("each technology a seed names is tagged on that seed's event", arguments: Bundled.dataset.technologies.map(\.id))
    func sourceMentionsAreTagged(_ technologyID: String) throws {
        guard let seeds = Self.seedsOrReport() else { return }
        let technology = try #require(Bundled.index.technologiesByID[technologyID])
        for event in Bundled.dataset.events {
            let key = "\(event.id)/\(technologyID)"
            let named = Self.names(of: technology).contains { Self.mentions(Self.sourceText(event.sources, seeds), $0) }
            let tagged = event.technologies.contains(technologyID)
            if Self.incidentalMentions[key] != nil {
                #expect(named && !tagged, "\(key) is listed as an incidental mention: it should be named and not tagged")
            } else if named {
                #expect(tagged, "the source of \(event.id) names \(technologyID), but the event does not list it")
            }
        }
    }

    @Test("big data and data analytics are two technologies; only Jakarta's source names big data")
    func bigDataOnlyWhereNamed() {
        let query = AgendaQuery(index: Bundled.index)
        for search in ["mégadonnées", "big data"] {
            let events = Set(query.agenda(AgendaFilter(search: search)).map(\.event.id))
            #expect(events == ["smart-customs-jakarta-2024"], "search \(search)")
        }
        let tagged = Bundled.dataset.events.flatMap(\.sessions).filter { $0.technologies.contains("big-data") }.map(\.id)
        #expect(tagged == ["jkt-future-of-technology"])
        #expect(Bundled.dataset.events.filter { $0.technologies.contains("big-data") }.map(\.id) == ["smart-customs-jakarta-2024"])
    }

    // MARK: Days

    @Test("every day placed on a session is stated by a quoted phrase of its source, or marked inferred with a reason")
    func daysAreStatedOrInferred() throws {
        let seeds = Self.seedsOrReport()
        for session in Bundled.dataset.events.flatMap(\.sessions) where session.day != nil || session.possibleDays != nil {
            let basis = try #require(session.dayBasis, "\(session.id) is placed on a day but does not say on what grounds")
            if let quote = basis.quote, let seeds {
                // Verbatim, typography included: a quote is the source's words, not ours.
                #expect(session.sources.contains { seeds[$0]?.contains(quote) == true },
                        "\(session.id): the quote “\(quote)” is not in its source")
            }
            if basis.inferred {
                #expect(basis.reason?.isBilingual == true, "\(session.id): an inferred day needs its reason in both languages")
            } else {
                #expect(!(basis.quote ?? "").isEmpty, "\(session.id): a stated day needs the source's words")
            }
        }
        for session in Bundled.dataset.events.flatMap(\.sessions) where session.day == nil && session.possibleDays == nil {
            #expect(session.dayBasis == nil, "\(session.id) has no day, so nothing to justify")
        }
        // The 2024 closing panel: "Enfin, la table ronde de clôture…" gives no day.
        #expect(try Bundled.session("r24-closing-panel").dayBasis?.inferred == true)
    }

    // MARK: Spelling

    /// Every localized text of the dataset in one language, except the seeds' titles, which are
    /// quoted as their documents write them.
    static func texts(in language: Language) -> [String] {
        var texts: [String] = []
        func collect(_ value: Any) {
            if let text = value as? LocalizedText {
                if let string = language == .en ? text.en : text.fr { texts.append(string) }
                return
            }
            if let source = value as? Source {
                if source.kind != .seed || language != .fr { collect(source.title) }
                if let note = source.note { collect(note) }
                return
            }
            for child in Mirror(reflecting: value).children { collect(child.value) }
        }
        collect(Bundled.dataset)
        return texts
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    /// Words for the same thing that the dataset must not mix, per language.
    static let synonyms: [Language: [[String]]] = [
        .fr: [["start-ups", "jeunes pousses"], ["mégadonnées", "données massives"]],
        .en: [["start-ups", "startups"]],
    ]

    @Test("one spelling per name per language", arguments: Language.allCases)
    func oneSpellingPerName(_ language: Language) {
        let texts = Self.texts(in: language)
        #expect(texts.count > 200, "the dataset's texts were collected")
        // Forms that differ only by a hyphen, a slash, a dash or a space between capitalised words:
        // "Asie/Pacifique" and "Asie-Pacifique", "Viet Nam" and "Vietnam".
        var forms: [String: Set<String>] = [:]
        // Hyphenated forms that differ in case after the first letter: "Vice-Président", "Vice-président".
        var hyphenated: [String: Set<String>] = [:]
        for text in texts {
            let words = Self.matches(#"\w+(?:[-/–'’]\w+)*"#, in: text)
            for (offset, word) in words.enumerated() {
                let key = word.replacingOccurrences(of: #"[-/–]"#, with: "", options: .regularExpression).lowercased()
                forms[key, default: []].insert(word)
                if offset + 1 < words.count, word.first?.isUppercase == true, words[offset + 1].first?.isUppercase == true {
                    forms[(word + words[offset + 1]).lowercased(), default: []].insert(word + " " + words[offset + 1])
                }
                if word.contains(where: { "-/–".contains($0) }) { hyphenated[word.lowercased(), default: []].insert(word) }
            }
        }
        for (_, spellings) in forms {
            // Case alone is not a spelling: "Single window" starts a name, "single window" runs in a sentence.
            let distinct = Set(spellings.map { $0.lowercased() })
            #expect(distinct.count == 1, "\(language): one name spelled \(distinct.sorted().joined(separator: " and "))")
        }
        for (_, spellings) in hyphenated {
            let distinct = Set(spellings.map { $0.prefix(1).lowercased() + $0.dropFirst() })
            #expect(distinct.count == 1, "\(language): one name spelled \(distinct.sorted().joined(separator: " and "))")
        }
        let all = texts.joined(separator: "\n")
        for group in Self.synonyms[language] ?? [] {
            let used = group.filter { all.localizedCaseInsensitiveContains($0) }
            #expect(used.count <= 1, "\(language): \(used.joined(separator: " and ")) name the same thing")
        }
    }

    @Test("year ranges use the same dash in both languages")
    func yearRangesOneDash() {
        let ranges = Language.allCases.flatMap { Self.texts(in: $0) }.flatMap { Self.matches(#"\d{4}[-–]\d{4}"#, in: $0) }
        #expect(!ranges.isEmpty)
        #expect(ranges.allSatisfy { $0.contains("–") }, "\(ranges.filter { !$0.contains("–") })")
    }
}

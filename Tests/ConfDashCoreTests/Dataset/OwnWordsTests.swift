import ConfDashCore
import Foundation
import Testing

/// Facts carry over from the seeds, sentences do not: every description is written in our own words.
/// Names and official titles are facts and may be quoted, so they are taken out before comparing.
@Suite("Bundled dataset: descriptions are our own words")
struct OwnWordsTests {
    /// A run this long shared with a seed, outside names and quotes, means a sentence was copied.
    static let longestAllowedRun = 9

    static let seedsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/seeds")

    static func words(_ text: String) -> [Substring] {
        text.lowercased().replacingOccurrences(of: "’", with: "'")
            .split { !($0.isLetter || $0.isNumber || $0 == "'") }
    }

    /// Every name and official title in the dataset, longest first so that "WCO Council" goes before "WCO".
    static func names(in dataset: Dataset) -> [String] {
        var names: [LocalizedText] = dataset.regions.map(\.name) + dataset.countries.map(\.name) + dataset.places.map(\.name)
        names += dataset.organisations.flatMap { [$0.name] + ($0.acronym.map { [$0] } ?? []) }
        names += dataset.technologies.map(\.name) + dataset.people.compactMap(\.role)
        for event in dataset.events {
            names += [event.title] + [event.series, event.theme, event.shortTitle].compactMap { $0 }
            names += event.sessions.filter(\.officialTitle).map(\.title)
        }
        let texts = names.flatMap(\.allTexts) + dataset.people.map(\.name) + dataset.technologies.flatMap(\.aliases)
        return Set(texts.map { $0.lowercased().replacingOccurrences(of: "’", with: "'") }).sorted { $0.count > $1.count }
    }

    static func strippingQuotesAndNames(_ text: String, names: [String]) -> String {
        var text = text.lowercased().replacingOccurrences(of: "’", with: "'")
        for pattern in ["«[^»]*»", "“[^”]*”", "\"[^\"]*\""] {
            text = text.replacingOccurrences(of: pattern, with: " | ", options: .regularExpression)
        }
        for name in names where name.count > 3 { text = text.replacingOccurrences(of: name, with: " | ") }
        return text
    }

    @Test("no description or note shares a run of 10 words with a seed")
    func noCopiedSentences() throws {
        guard let files = try? FileManager.default.contentsOfDirectory(at: Self.seedsDirectory, includingPropertiesForKeys: nil),
              !files.isEmpty else {
            // CI always has shared/ beside the clone; elsewhere say loudly that this check did not run.
            let message = "SEEDS NOT FOUND at \(Self.seedsDirectory.path): the own-words check did not run"
            if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record(Comment(rawValue: message)) } else { print("⚠️  \(message)") }
            return
        }
        let dataset = Bundled.dataset
        let names = Self.names(in: dataset)
        var seedRuns = Set<[Substring]>()
        let n = Self.longestAllowedRun + 1
        for file in files {
            let words = Self.words(try String(contentsOf: file, encoding: .utf8))
            if words.count >= n { for start in 0...(words.count - n) { seedRuns.insert(Array(words[start..<start + n])) } }
        }
        #expect(seedRuns.count > 1000, "the seeds were read")

        var texts: [(String, LocalizedText?)] = [("dataset", dataset.description)]
        texts += dataset.sources.map { ("source \($0.id)", $0.note) }
        for event in dataset.events {
            texts.append(("event \(event.id)", event.description))
            texts += event.sessions.map { ("session \($0.id)", $0.description) }
            texts += event.sessions.filter { !$0.officialTitle }.map { ("title of \($0.id)", $0.title) }
        }
        for (place, localized) in texts {
            for text in localized?.allTexts ?? [] {
                // Split where a name was taken out, so a run never bridges two sides of a name.
                for piece in Self.strippingQuotesAndNames(text, names: names).components(separatedBy: "|") {
                    let words = Self.words(piece)
                    guard words.count >= n else { continue }
                    for start in 0...(words.count - n) where seedRuns.contains(Array(words[start..<start + n])) {
                        Issue.record("\(place) copies from a seed: “\(words[start..<start + n].joined(separator: " "))”")
                    }
                }
            }
        }
    }
}

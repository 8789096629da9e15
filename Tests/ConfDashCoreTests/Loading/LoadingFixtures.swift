import Foundation
import Testing
@testable import ConfDashCore

/// A small dataset that uses every kind of record and reference, laid out one field per line where
/// tests need to point at a line.
enum LoaderFixture {
    static let valid = """
    {
      "format": "confdash-dataset",
      "version": 1,
      "title": {"en": "WCO events", "fr": "Événements de l'OMD"},
      "sources": [
        {"id": "s1", "kind": "seed", "file": "000_a.txt", "title": {"en": "Press release", "fr": "Communiqué"}, "published": "2024-10-01", "language": "en"}
      ],
      "regions": [
        {"id": "europe", "name": {"en": "Europe", "fr": "Europe"}, "abbreviation": {"en": "EUR", "fr": "EUR"}, "sources": ["s1"]}
      ],
      "countries": [
        {"code": "BE", "code3": "BEL", "name": {"en": "Belgium", "fr": "Belgique"}, "region": "europe"}
      ],
      "places": [
        {"id": "brussels", "name": {"en": "Brussels", "fr": "Bruxelles"}, "country": "BE", "latitude": 50.85, "longitude": 4.35}
      ],
      "organisations": [
        {"id": "wco", "name": {"en": "World Customs Organization", "fr": "Organisation mondiale des douanes"}, "acronym": {"en": "WCO", "fr": "OMD"}, "kind": "internationalOrganisation"},
        {"id": "be-customs", "name": {"en": "Belgian Customs", "fr": "Douane belge"}, "kind": "customsAdministration", "country": "BE", "region": "europe", "parent": null}
      ],
      "people": [
        {"id": "p1", "name": "Ian Saunders", "role": {"en": "Secretary General", "fr": "Secrétaire général"}, "organisation": "wco"}
      ],
      "tracks": [
        {"id": "risk", "name": {"en": "Risk management", "fr": "Gestion des risques"}, "color": "#1F77B4"}
      ],
      "technologies": [
        {"id": "ai", "name": {"en": "Artificial intelligence", "fr": "Intelligence artificielle"}, "aliases": ["AI", "IA"]}
      ],
      "events": [
        {
          "id": "tcx-2024",
          "kind": "conference",
          "title": {"en": "Technology Conference 2024", "fr": "Conférence technologique 2024"},
          "startDate": "2024-11-12",
          "endDate": "2024-11-14",
          "timeZone": "+01:00",
          "online": false,
          "place": "brussels",
          "country": "BE",
          "region": "europe",
          "organisations": [{"organisation": "wco", "role": "organiser", "sources": ["s1"]}],
          "figures": [{"measure": "participants", "value": 1200, "qualifier": "moreThan", "sources": ["s1"]}],
          "technologies": ["ai"],
          "days": [{"date": "2024-11-13", "theme": {"en": "AI Day", "fr": "Journée de l'IA"}}],
          "rooms": [{"id": "main", "name": {"en": "Main hall", "fr": "Salle plénière"}}],
          "links": [{"url": "https://www.wcoomd.org/", "title": {"en": "WCO", "fr": "OMD"}}],
          "sessions": [
            {
              "id": "opening",
              "kind": "ceremony",
              "title": {"en": "Opening", "fr": "Ouverture"},
              "officialTitle": true,
              "day": "2024-11-12",
              "partOfDay": "morning",
              "start": "2024-11-12T09:00",
              "durationMinutes": 30,
              "room": "main",
              "people": [{"person": "p1", "role": "speaker"}],
              "organisations": [{"organisation": "be-customs", "role": "host"}],
              "tracks": ["risk"],
              "technologies": ["ai"],
              "sources": ["s1"]
            },
            {
              "id": "panels",
              "kind": "panel",
              "title": {"en": "Panels", "fr": "Panels"},
              "count": 3,
              "possibleDays": {"from": "2024-11-13", "to": "2024-11-14"},
              "sources": ["s1"]
            }
          ],
          "sources": ["s1"]
        }
      ]
    }
    """

    /// The valid fixture with `old` (which must occur exactly once) replaced.
    static func valid(replacing old: String, with new: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try replacing(old, with: new, in: valid, sourceLocation: sourceLocation)
    }

    static func replacing(_ old: String, with new: String, in text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let parts = text.components(separatedBy: old)
        try #require(parts.count == 2, "\(old) should occur exactly once", sourceLocation: sourceLocation)
        return parts.joined(separator: new)
    }
}

/// Line and column (1-based, in Unicode scalars, like the loader) of the first occurrence of `needle`.
func textPosition(_ needle: String, in text: String) -> (line: Int, column: Int)? {
    guard let range = text.range(of: needle) else { return nil }
    let before = text[..<range.lowerBound]
    let line = before.filter { $0 == "\n" }.count + 1
    let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
    return (line, before[lineStart...].unicodeScalars.count + 1)
}

/// `expectProblem(in:…)` on the valid fixture with `old` replaced by `new`.
@discardableResult
func expectProblem(replacing old: String, with new: String, path: String, message: String, at needle: String? = nil,
                   severity: LoadProblem.Severity = .error, sourceLocation: SourceLocation = #_sourceLocation) throws -> LoadResult {
    let json = try LoaderFixture.valid(replacing: old, with: new)
    return expectProblem(in: json, path: path, message: message, at: needle, severity: severity, sourceLocation: sourceLocation)
}

/// Loads `json` and checks that there is a problem at `path` whose message contains `message`,
/// located where `needle` first occurs in the text (when given). Returns the result for further checks.
@discardableResult
func expectProblem(in json: String, path: String, message: String, at needle: String? = nil,
                   severity: LoadProblem.Severity = .error,
                   sourceLocation: SourceLocation = #_sourceLocation) -> LoadResult {
    let result = DatasetLoader.load(json: json, name: "test.json")
    let matches = result.problems.filter { $0.path == path && $0.message.contains(message) }
    #expect(matches.count == 1, "no single problem at \(path) containing \(message); got:\n\(result.problems.map(\.description).joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    guard let problem = matches.first else { return result }
    #expect(problem.severity == severity, sourceLocation: sourceLocation)
    #expect(problem.file == "test.json", sourceLocation: sourceLocation)
    if let needle {
        let expected = textPosition(needle, in: json)
        #expect(expected != nil, "\(needle) not in the text", sourceLocation: sourceLocation)
        #expect(problem.line == expected?.line && problem.column == expected?.column,
                "\(problem) is not at \(needle) (\(String(describing: expected)))", sourceLocation: sourceLocation)
    }
    if severity == .error { #expect(result.dataset == nil, sourceLocation: sourceLocation) }
    return result
}

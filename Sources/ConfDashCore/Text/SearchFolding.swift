import Foundation

extension String {
    /// The form both sides of a search are compared in: lower case, no diacritics, ligatures and
    /// letters with strokes spelled out (œ → oe, ß → ss, ł → l, đ → d), curly apostrophes made
    /// straight, and every run of whitespace (no-break spaces included) one plain space, trimmed.
    ///
    /// Foundation's diacritic folding decomposes and drops the marks, but letters that Unicode does
    /// not decompose (œ, æ, ø, ł, đ) come through unchanged, hence the table.
    public var searchFolded: String {
        let folded = folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var result = ""
        result.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for character in folded {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            if let replacement = searchReplacements[character] {
                result += replacement
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// True when every whitespace-separated word of `query` occurs, folded, somewhere in this
    /// string, folded: "securite omd" finds "Sécurité … l’OMD". An empty query matches everything.
    public func matchesSearch(_ query: String) -> Bool {
        SearchQuery(query).matches(folded: searchFolded)
    }
}

/// A search folded once, to test against many texts that were folded ahead of time
/// (the agenda folds each session's text when the dataset is indexed, not per keystroke).
public struct SearchQuery: Sendable {
    public let words: [Substring]

    public init(_ query: String) {
        words = query.searchFolded.split(whereSeparator: \.isWhitespace)
    }

    public var isEmpty: Bool { words.isEmpty }

    /// Every word occurs in `haystack`, which must already be `searchFolded`.
    public func matches(folded haystack: String) -> Bool {
        words.allSatisfy { haystack.contains($0) }
    }
}

/// Applied after case folding, so only lower-case forms are needed.
private let searchReplacements: [Character: String] = [
    "œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ı": "i",
    "\u{2019}": "'", "\u{2018}": "'", "\u{02BC}": "'",
]

import Foundation

extension String {
    /// The form both sides of a search are compared in: lower case, no diacritics, ligatures and
    /// letters with strokes spelled out (œ → oe, ß → ss, ł → l, đ → d), curly apostrophes made
    /// straight, and every run of whitespace (no-break spaces included) one plain space, trimmed.
    ///
    /// Foundation's diacritic folding decomposes and drops the marks, but letters that Unicode does
    /// not decompose (œ, æ, ø, ł, đ) come through unchanged, hence the table.
    ///
    /// Indexing a large imported schedule folds megabytes of abstracts, and Foundation's folding
    /// walked Character by Character took a third of a second for 38C3. So words are folded one
    /// by one: plain ASCII words and words of Latin letters (precomposed, as almost all text is)
    /// through a table made once by Foundation itself; any other word (combining marks, other
    /// scripts, Unicode spaces) the original way. The result is the same (a test compares them).
    public var searchFolded: String {
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count)
        for word in utf8.split(whereSeparator: { $0 == 0x20 || (0x09...0x0D).contains($0) }) {
            let start = result.count
            if !result.isEmpty { result.append(0x20) }
            if !SearchFoldingTable.fold(word, into: &result) {
                let text = String(decoding: word, as: UTF8.self)
                // A mark at the start of a word combines with the space before it, which Foundation
                // sees and a word alone does not: such rare text is folded whole.
                if text.unicodeScalars.first?.properties.generalCategory.isCombiningMark == true { return foldedForSearchByFoundation }
                result.append(contentsOf: text.foldedForSearchByFoundation.utf8)
            }
            // A word that folds to nothing (only marks or Unicode spaces) leaves no space behind.
            if result.count == start + 1 && start > 0 { result.removeLast() }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `searchFolded` done entirely by Foundation, Character by Character: the reference the fast
    /// path must agree with, and what it falls back on.
    var foldedForSearchByFoundation: String {
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

/// How single scalars fold: ASCII letters lower-cased, Latin letters (U+00C0–U+024F) and the
/// curly apostrophes as Foundation folds them, worked out once.
private enum SearchFoldingTable {
    static let latin: [String] = (0xC0...0x24F).map { String(UnicodeScalar($0)!).foldedForSearchByFoundation }

    /// Appends the folded `word` and returns true, or returns false (appending nothing) when the
    /// word has a scalar outside the table.
    static func fold(_ word: Substring.UTF8View.SubSequence, into result: inout [UInt8]) -> Bool {
        if word.allSatisfy({ $0 < 0x80 }) {
            for byte in word { result.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte) }
            return true
        }
        var folded: [UInt8] = []
        for scalar in Substring(word).unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A: folded.append(UInt8(scalar.value + 0x20))
            case 0x00..<0x80: folded.append(UInt8(scalar.value))
            case 0xC0...0x24F: folded.append(contentsOf: latin[Int(scalar.value) - 0xC0].utf8)
            case 0x2018, 0x2019, 0x02BC: folded.append(UInt8(ascii: "'"))
            default: return false
            }
        }
        result.append(contentsOf: folded)
        return true
    }
}

private extension Unicode.GeneralCategory {
    var isCombiningMark: Bool { self == .nonspacingMark || self == .spacingMark || self == .enclosingMark }
}

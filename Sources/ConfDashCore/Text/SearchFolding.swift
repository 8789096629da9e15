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
        let bytes = Array(utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if SearchFoldingTable.isSpace(bytes[index]) {
                index += 1
                continue
            }
            let start = index
            var ascii = true
            while index < bytes.count, !SearchFoldingTable.isSpace(bytes[index]) {
                if bytes[index] >= 0x80 { ascii = false }
                index += 1
            }
            let mark = result.count
            if !result.isEmpty { result.append(0x20) }
            if ascii {
                for byte in bytes[start..<index] { result.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte) }
            } else if !SearchFoldingTable.fold(bytes[start..<index], into: &result) {
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                // A mark at the start of a word combines with the space before it, which Foundation
                // sees and a word alone does not: such rare text is folded whole.
                if text.unicodeScalars.first?.properties.generalCategory.isCombiningMark == true { return foldedForSearchByFoundation }
                result.append(contentsOf: text.foldedForSearchByFoundation.utf8)
            }
            // A word that folds to nothing (only marks or Unicode spaces) leaves no space behind.
            if result.count == mark + 1 && mark > 0 { result.removeLast() }
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

    /// True when every whitespace-separated word of `query` starts a word of this string, both
    /// folded: "secur omd" finds "Sécurité … l’OMD", "IA" finds "IA" but not "social" or "média".
    /// An empty query matches everything.
    public func matchesSearch(_ query: String) -> Bool {
        SearchQuery(query).matches(folded: searchFolded)
    }
}

/// A search folded once, to test against many texts that were folded ahead of time
/// (the agenda folds each session's text when the dataset is indexed, not per keystroke).
public struct SearchQuery: Sendable {
    public let words: [Substring]

    /// The words as UTF-8 bytes: matching compares bytes, which is exact for folded text and
    /// avoids Foundation's `contains`, which bridged every comparison through NSString.
    private let wordBytes: [[UInt8]]

    public init(_ query: String) {
        words = query.searchFolded.split(whereSeparator: \.isWhitespace)
        wordBytes = words.map { Array($0.utf8) }
    }

    public var isEmpty: Bool { words.isEmpty }

    /// Every word starts a word of `haystack`, which must already be `searchFolded`.
    public func matches(folded haystack: String) -> Bool {
        var haystack = haystack
        return haystack.withUTF8 { text in wordBytes.allSatisfy { Self.occurs($0, in: text) } }
    }

    /// Whether at least one word of the query occurs in `haystack`: which fields of a match hold it.
    public func matchesAnyWord(folded haystack: String) -> Bool {
        var haystack = haystack
        return haystack.withUTF8 { text in wordBytes.contains { Self.occurs($0, in: text) } }
    }

    /// Whether `needle` occurs in `text` at the start of a word: at the start of the text or after
    /// a byte that is not a letter or digit ("l'omd", "e-commerce", "(IoT)" all start words).
    /// A needle that begins outside ASCII (Chinese, Japanese, Thai: scripts written without
    /// spaces between words) may match anywhere, since there word starts cannot be told.
    private static func occurs(_ needle: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= text.count else { return false }
        let anywhere = first >= 0x80
        var index = 0
        let last = text.count - needle.count
        while index <= last {
            if text[index] == first, anywhere || !continuesWord(text, before: index) {
                var offset = 1
                while offset < needle.count, text[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }
}

/// Whether the character just before byte `index` of UTF-8 `text` is a letter or a digit, so that
/// a match at `index` would start in the middle of a word. Quotes, dashes, « » and spaces are not.
private func continuesWord(_ text: UnsafeBufferPointer<UInt8>, before index: Int) -> Bool {
    guard index > 0 else { return false }
    let byte = text[index - 1]
    if byte < 0x80 { return (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) }
    // Back to the lead byte of that character, then decode it.
    var start = index - 1
    while start > 0, text[start] & 0xC0 == 0x80, index - start < 4 { start -= 1 }
    var decoder = UTF8()
    var bytes = text[start..<index].makeIterator()
    guard case .scalarValue(let scalar) = decoder.decode(&bytes) else { return false }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
}

/// Applied after case folding, so only lower-case forms are needed.
private let searchReplacements: [Character: String] = [
    "œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ı": "i",
    "\u{2019}": "'", "\u{2018}": "'", "\u{02BC}": "'",
]

/// How single scalars fold: Latin letters (U+00C0–U+024F) and typographic punctuation (dashes,
/// quotes, ellipsis: U+2010–U+2027 and U+2030–U+205E) as Foundation folds them, worked out once.
/// Both ranges fold the same alone as in a word. The Unicode spaces among U+2000–U+205F are not
/// in the table: they separate words, which only the original fold knows.
private enum SearchFoldingTable {
    static let latin = folds(0xC0...0x24F)
    static let punctuation = folds(0x2010...0x2027)
    static let morePunctuation = folds(0x2030...0x205E)

    private static func folds(_ range: ClosedRange<UInt32>) -> [[UInt8]] {
        range.map { Array(String(UnicodeScalar($0)!).foldedForSearchByFoundation.utf8) }
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// Appends the folded `word` and returns true, or returns false (appending nothing) when the
    /// word has a character outside the table. Decodes the two- and three-byte UTF-8 forms by
    /// hand (the word comes from a String, so it is well-formed); anything else goes back.
    static func fold(_ word: ArraySlice<UInt8>, into result: inout [UInt8]) -> Bool {
        let mark = result.count
        var index = word.startIndex
        while index < word.endIndex {
            let byte = word[index]
            if byte < 0x80 {
                result.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
                index += 1
                continue
            }
            var folded: [UInt8]?
            if byte & 0xE0 == 0xC0, index + 1 < word.endIndex {
                let scalar = Int(byte & 0x1F) << 6 | Int(word[index + 1] & 0x3F)
                if (0xC0...0x24F).contains(scalar) { folded = latin[scalar - 0xC0] } else if scalar == 0x2BC { folded = [UInt8(ascii: "'")] }
                index += 2
            } else if byte & 0xF0 == 0xE0, index + 2 < word.endIndex {
                let scalar = Int(byte & 0x0F) << 12 | Int(word[index + 1] & 0x3F) << 6 | Int(word[index + 2] & 0x3F)
                if (0x2018...0x2019).contains(scalar) { folded = [UInt8(ascii: "'")] }
                else if (0x2010...0x2027).contains(scalar) { folded = punctuation[scalar - 0x2010] }
                else if (0x2030...0x205E).contains(scalar) { folded = morePunctuation[scalar - 0x2030] }
                index += 3
            }
            guard let folded else {
                result.removeSubrange(mark...)
                return false
            }
            result.append(contentsOf: folded)
        }
        return true
    }
}

private extension Unicode.GeneralCategory {
    var isCombiningMark: Bool { self == .nonspacingMark || self == .spacingMark || self == .enclosingMark }
}

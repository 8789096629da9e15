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
/// quotes, ellipsis: U+2010–U+2027 and U+2030–U+205E) as Foundation folds them. Both ranges fold
/// the same alone as in a word. The Unicode spaces among U+2000–U+205F are not in the table: they
/// separate words, which only the original fold knows.
///
/// The folds are written out (each scalar's `foldedForSearchByFoundation`, see `ScalarFolds`):
/// working them out at the first non-ASCII word cost every command that loads a schedule 4 M
/// instructions, 471 Foundation folds (issue 13).
/// `SearchFoldingFastPathTests.tablesAreFoundationsFolds` checks every entry against Foundation.
enum SearchFoldingTable {
    static let latin = ScalarFolds(first: 0xC0, bytes: """
        aaaaaaaeceeeeiiiiðnooooo×ouuuuyþssaaaaaaaeceeeeiiiiðnooooo÷ouuuu\
        yþyaaaaaaccccccccddddeeeeeeeeeegggggggghhħħiiiiiiiiiiĳĳjjkkĸllll\
        llŀŀllnnnnnn'nŋŋoooooooeoerrrrrrssssssssttttŧŧuuuuuuuuuuuuwwyyyz\
        zzzzzsƀɓƃƃƅƅɔƈƈɖɗƌƌƍǝəɛƒƒɠɣƕɩɨƙƙƚƛɯɲƞɵooƣƣƥƥʀƨƨʃƪƫƭƭʈuuʊʋƴƴƶƶʒƹƹ\
        ƺƻƽƽƾƿǀǁǂǃǆǆǆǉǉǉǌǌǌaaiioouuuuuuuuuuǝaaaaaeaeǥǥggkkooooʒʒjǳǳǳggƕƿ\
        nnaaaeaeooaaaaeeeeiiiioooorrrruuuussttȝȝhhƞȡȣȣȥȥaaeeooooooooyyȴȵ\
        ȶȷȸȹⱥȼȼƚⱦȿɀɂɂƀʉʌɇɇɉɉɋɋɍɍɏɏ
        """, ends: [
            1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19, 20, 21, 22, 23, 24, 25, 27, 28,
            29, 30, 31, 32, 33, 35, 37, 38, 39, 40, 41, 42, 43, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54,
            56, 57, 58, 59, 60, 61, 62, 64, 65, 66, 67, 68, 69, 70, 72, 73, 74, 75, 76, 77, 78, 79, 80,
            81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102,
            103, 104, 105, 106, 107, 108, 109, 110, 111, 113, 115, 116, 117, 118, 119, 120, 121, 122,
            123, 124, 125, 127, 129, 130, 131, 132, 133, 135, 136, 137, 138, 139, 140, 141, 143, 145,
            146, 147, 148, 149, 150, 151, 152, 153, 155, 157, 159, 160, 161, 162, 163, 164, 165, 167,
            169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186,
            187, 189, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206,
            207, 208, 209, 210, 211, 212, 213, 214, 215, 217, 219, 221, 223, 225, 227, 229, 231, 233,
            235, 237, 239, 241, 243, 245, 247, 249, 251, 253, 255, 257, 259, 261, 263, 265, 267, 269,
            271, 273, 275, 277, 279, 280, 281, 283, 285, 287, 289, 291, 293, 295, 297, 299, 301, 303,
            305, 307, 308, 309, 311, 313, 315, 317, 319, 321, 323, 325, 327, 329, 331, 333, 335, 337,
            339, 341, 343, 345, 347, 349, 351, 353, 355, 357, 359, 361, 363, 365, 366, 367, 368, 369,
            370, 371, 372, 373, 374, 375, 376, 377, 378, 379, 380, 381, 383, 384, 385, 386, 387, 389,
            391, 393, 395, 396, 397, 398, 399, 400, 401, 402, 403, 405, 407, 408, 410, 412, 414, 415,
            416, 418, 420, 421, 422, 423, 424, 426, 428, 429, 430, 431, 432, 433, 434, 435, 436, 437,
            438, 439, 440, 441, 442, 443, 444, 445, 446, 447, 448, 449, 450, 451, 452, 453, 454, 455,
            456, 457, 458, 460, 462, 463, 464, 466, 468, 470, 472, 474, 476, 477, 478, 479, 480, 481,
            482, 483, 484, 485, 486, 487, 488, 489, 490, 492, 494, 496, 498, 500, 502, 505, 507, 509,
            511, 514, 516, 518, 520, 522, 524, 526, 528, 530, 532, 534, 536, 538, 540, 542, 544, 546,
            548,
        ])
    static let punctuation = ScalarFolds(first: 0x2010, bytes: """
        ‐‑‒–—―‖‗''‚‛“”„‟†‡•‣․‥…‧
        """, ends: [
            3, 6, 9, 12, 15, 18, 21, 24, 25, 26, 29, 32, 35, 38, 41, 44, 47, 50, 53, 56, 59, 62, 65, 68,
        ])
    static let morePunctuation = ScalarFolds(first: 0x2030, bytes: """
        ‰‱′″‴‵‶‷‸‹›※‼‽‾‿⁀⁁⁂⁃⁄⁅⁆⁇⁈⁉⁊⁋⁌⁍⁎⁏⁐⁑⁒⁓⁔⁕⁖⁗⁘⁙⁚⁛⁜⁝⁞
        """, ends: [
            3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 42, 45, 48, 51, 54, 57, 60, 63, 66, 69, 72,
            75, 78, 81, 84, 87, 90, 93, 96, 99, 102, 105, 108, 111, 114, 117, 120, 123, 126, 129, 132,
            135, 138, 141,
        ])

    /// The folds of consecutive scalars from `first`: their UTF-8 bytes one after the other in
    /// `bytes`, each ending where `ends` says. Made with, for each scalar of the range,
    /// `String(UnicodeScalar(scalar)!).foldedForSearchByFoundation.utf8`.
    struct ScalarFolds {
        let first: Int
        let bytes: StaticString
        let ends: [UInt16]

        var range: ClosedRange<Int> { first...(first + ends.count - 1) }

        /// The fold of `scalar`, which must be in `range`.
        func folded(_ scalar: Int) -> UnsafeBufferPointer<UInt8> {
            let offset = scalar - first
            let start = offset == 0 ? 0 : Int(ends[offset - 1])
            return UnsafeBufferPointer(start: bytes.utf8Start + start, count: Int(ends[offset]) - start)
        }
    }

    private static var apostrophe: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: ("'" as StaticString).utf8Start, count: 1) }

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
            var folded: UnsafeBufferPointer<UInt8>?
            if byte & 0xE0 == 0xC0, index + 1 < word.endIndex {
                let scalar = Int(byte & 0x1F) << 6 | Int(word[index + 1] & 0x3F)
                if latin.range.contains(scalar) { folded = latin.folded(scalar) } else if scalar == 0x2BC { folded = apostrophe }
                index += 2
            } else if byte & 0xF0 == 0xE0, index + 2 < word.endIndex {
                let scalar = Int(byte & 0x0F) << 12 | Int(word[index + 1] & 0x3F) << 6 | Int(word[index + 2] & 0x3F)
                if (0x2018...0x2019).contains(scalar) { folded = apostrophe }
                else if punctuation.range.contains(scalar) { folded = punctuation.folded(scalar) }
                else if morePunctuation.range.contains(scalar) { folded = morePunctuation.folded(scalar) }
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

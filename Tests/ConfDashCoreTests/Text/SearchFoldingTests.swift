import Testing
import ConfDashCore

@Suite struct SearchFoldingTests {
    @Test(arguments: [
        ("Sécurité", "securite"), ("SÉCURITÉ", "securite"), ("se\u{301}curite\u{301}", "securite"),
        ("Cœur", "coeur"), ("Æsir", "aesir"), ("Straße", "strasse"), ("Łódź", "lodz"), ("Đà Nẵng", "da nang"),
        ("l’OMD", "l'omd"), ("l‘OMD", "l'omd"), ("lʼOMD", "l'omd"), ("IdO", "ido"), ("Hanoï", "hanoi"),
        ("Jáuregui", "jauregui"), ("Nuñez", "nunez"), ("  a\u{00A0}\u{00A0}b\u{202F}:\t\nc  ", "a b : c"),
        ("ﬁnance", "finance"), ("日本", "日本"),
    ])
    func folding(text: String, folded: String) {
        #expect(text.searchFolded == folded)
    }

    @Test(arguments: [
        ("sécurité", "securite"), ("SÉCURITÉ", "securite"), ("cœur", "coeur"), ("IdO", "IDO"),
        ("Hanoï", "hanoi"), ("Jáuregui", "jauregui"), ("Nuñez", "Nunez"), ("l’OMD", "l'omd"),
        ("Sommet de l’OMD à Hanoï", "hanoi   L'OMD"), ("La sécurité des frontières", "FRONT secu"),
        ("Conférence", ""), ("Conférence", "   "),
    ])
    func matches(text: String, query: String) {
        #expect(text.matchesSearch(query))
    }

    @Test(arguments: [
        ("Sommet de l’OMD à Hanoï", "hanoi paris"), ("sécurité", "securites"), ("cœur", "coeurs"),
        ("Nuñez", "nunes"), ("IdO", "iot"),
        // Words match at the start of words only: "IA" is not inside "social" or "média".
        ("Social engineering", "IA"), ("Les médias", "ia"), ("Datenschutz", "schutz"), ("Chaos", "aos"),
    ])
    func rejects(text: String, query: String) {
        #expect(!text.matchesSearch(query))
    }

    @Test(arguments: [
        ("La Journée de l'IA", "IA"), ("Sécurité des frontières", "secur"), ("l’OMD", "omd"),
        ("e-commerce", "commerce"), ("Internet of Things (IoT)", "iot"), ("«Sécurité»", "securite"),
        ("Saal GLITCH", "glitch"), ("Hall 1", "1"), ("東京の会議", "会議"),
    ])
    func matchesAtWordStarts(text: String, query: String) {
        #expect(text.matchesSearch(query))
    }
}

/// `SearchQuery` finds a word's first byte with memchr: on random ASCII texts it must still
/// match exactly where a word of the text starts with the needle, as a plain reading says.
@Suite struct SearchQueryWordStartTests {
    @Test func memchrScanAgreesWithAPlainReading() {
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("ab c-'9.é")
        for _ in 0..<3_000 {
            let text = String((0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
                .searchFolded
            let needle = String((0..<Int.random(in: 1...3, using: &random)).map { _ in "abc9".randomElement(using: &random)! })
            let bytes = Array(text.utf8), word = Array(needle.utf8)
            let expected = bytes.indices.contains { start in
                start + word.count <= bytes.count && Array(bytes[start..<start + word.count]) == word
                    && (start == 0 || !Self.previousIsLetter(bytes, before: start))
            }
            #expect(SearchQuery(needle).matches(folded: text) == expected, "\(needle) in \(text)")
        }
    }

    /// Whether the character ending just before byte `start` is a letter or a digit.
    static func previousIsLetter(_ bytes: [UInt8], before start: Int) -> Bool {
        var lead = start - 1
        while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        guard let scalar = String(decoding: bytes[lead..<start], as: UTF8.self).unicodeScalars.first else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}

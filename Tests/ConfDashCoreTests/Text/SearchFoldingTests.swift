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

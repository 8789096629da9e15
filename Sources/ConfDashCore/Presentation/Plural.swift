/// "1 session", "8 sessions", "0 session" in French: the count with its noun in the right number,
/// never "session(s)". French treats 0 and 1 as singular, English only 1.
public enum Plural {
    public static func isSingular(_ count: Int, _ language: Language) -> Bool {
        language == .fr ? abs(count) < 2 : abs(count) == 1
    }

    /// The noun alone, singular or plural for `count`.
    public static func word(_ count: Int, _ one: String, _ many: String, _ language: Language) -> String {
        isSingular(count, language) ? one : many
    }

    /// "8 sessions", "1,007 sessions" ("1 007 séances", thousands grouped as Labels does).
    public static func count(_ count: Int, _ one: String, _ many: String, _ language: Language) -> String {
        "\(Labels(language).formatNumber(count)) \(word(count, one, many, language))"
    }
}

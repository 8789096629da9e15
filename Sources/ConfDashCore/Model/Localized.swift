/// The interface and data languages confdash speaks.
public enum Language: String, Codable, CaseIterable, Sendable {
    case en, fr

    /// French when the locale variable starts with `fr`, English otherwise (`LC_ALL` wins over `LANG`).
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("fr") ? .fr : .en
            }
        }
        return .en
    }
}

/// A human-readable text in French and English. Imported schedules often carry one language only,
/// so both are optional here; the bundled dataset is checked to have both everywhere.
public struct LocalizedText: Codable, Hashable, Sendable {
    public var en: String?
    public var fr: String?

    public init(en: String? = nil, fr: String? = nil) {
        self.en = en
        self.fr = fr
    }

    /// The text in `language`, falling back to the other language rather than showing nothing.
    public func text(in language: Language) -> String {
        switch language {
        case .en: return en ?? fr ?? ""
        case .fr: return fr ?? en ?? ""
        }
    }

    public var isEmpty: Bool { (en ?? "").isEmpty && (fr ?? "").isEmpty }
    public var isBilingual: Bool { !(en ?? "").isEmpty && !(fr ?? "").isEmpty }
    public var allTexts: [String] { [en, fr].compactMap { $0 } }
}

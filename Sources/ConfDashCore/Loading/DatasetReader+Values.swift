import Foundation

/// Readers for single values: each checks the JSON type and the value's own format, reports at the
/// value's position, and returns nil when the value cannot be used.
extension DatasetReader {
    func object(_ value: JSONValue, _ path: String) -> ObjectReader? {
        ObjectReader(value, path: path, log: log)
    }

    func string(_ value: JSONValue, _ path: String) -> String? {
        guard case let .string(text) = value.content else {
            log.error("expected a string, found \(value.kindDescription)", at: path, value.position)
            return nil
        }
        return text
    }

    /// A string with something in it: names, file names, and ids referred to.
    func text(_ value: JSONValue, _ path: String) -> String? {
        guard let text = string(value, path) else { return nil }
        if text.allSatisfy(\.isWhitespace) {
            log.error("must not be empty", at: path, value.position)
            return nil
        }
        return text
    }

    /// The id a record defines. Ids outside the documented alphabet still work, so they are only
    /// warned about (the JSON Schema refuses them).
    func recordID(_ value: JSONValue, _ path: String) -> String? {
        guard let id = text(value, path) else { return nil }
        let documented = id.utf8.first != UInt8(ascii: "-") && id.utf8.allSatisfy {
            $0 == UInt8(ascii: "-") || $0.isASCIIDigit || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
        }
        if !documented {
            log.warning("ids should be lower-case ASCII letters, digits and hyphens (not starting with a hyphen), found \(quoted(id))",
                        at: path, value.position)
        }
        return id
    }

    func bool(_ value: JSONValue, _ path: String) -> Bool? {
        guard case let .bool(flag) = value.content else {
            log.error("expected true or false, found \(value.kindDescription)", at: path, value.position)
            return nil
        }
        return flag
    }

    func integer(atLeast minimum: Int) -> ValueReader<Int> {
        { value, path in
            guard case let .number(text) = value.content else {
                self.log.error("expected an integer, found \(value.kindDescription)", at: path, value.position)
                return nil
            }
            // 3, but also 3.0 and 3e0: the JSON is the same number.
            let double = Double(text) ?? .nan
            guard let number = Int(text) ?? (double.rounded() == double && abs(double) < 1e15 ? Int(double) : nil) else {
                let problem = double.rounded() == double ? "the number is too large" : "expected an integer"
                self.log.error("\(problem), found \(text)", at: path, value.position)
                return nil
            }
            guard number >= minimum else {
                let rule = switch minimum {
                case 0: "must not be negative"
                case 1: "must be greater than 0"
                default: "must be at least \(minimum)"
                }
                self.log.error("\(rule), found \(number)", at: path, value.position)
                return nil
            }
            return number
        }
    }

    func number(in range: ClosedRange<Double>) -> ValueReader<Double> {
        { value, path in
            guard case let .number(text) = value.content else {
                self.log.error("expected a number, found \(value.kindDescription)", at: path, value.position)
                return nil
            }
            guard let number = Double(text), range.contains(number) else {
                self.log.error("must be between \(Self.plain(range.lowerBound)) and \(Self.plain(range.upperBound)), found \(text)",
                               at: path, value.position)
                return nil
            }
            return number
        }
    }

    private static func plain(_ number: Double) -> String {
        number.rounded() == number ? String(Int(number)) : String(number)
    }

    func date(_ value: JSONValue, _ path: String) -> CalendarDate? {
        guard let text = string(value, path) else { return nil }
        if let date = CalendarDate(iso: text) { return date }
        // Tell a well-formed but impossible date (2023-02-30) from a badly written one (30/02/2023).
        let shaped = text.utf8.count == 10 && text.utf8.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 ? byte == UInt8(ascii: "-") : byte.isASCIIDigit
        }
        let year = Int(text.prefix(4)) ?? 0
        let problem = !shaped ? "expected a date as YYYY-MM-DD, found \(quoted(text))"
            : CalendarDate.readableYears.contains(year) ? "no such date: \(text)"
            : "the year of \(text) is outside the years confdash reads (\(Self.yearRange))"
        log.error(problem, at: path, value.position)
        return nil
    }

    static let yearRange = "\(CalendarDate.readableYears.lowerBound) to \(CalendarDate.readableYears.upperBound)"

    func dateTime(_ value: JSONValue, _ path: String) -> LocalDateTime? {
        guard let text = string(value, path) else { return nil }
        // The model's parser also takes seconds and a space for the T; the file format does not.
        let shaped = text.utf8.count == 16 && Array(text.utf8)[10] == UInt8(ascii: "T")
        guard shaped, let dateTime = LocalDateTime(iso: text) else {
            log.error("expected a local date and time as YYYY-MM-DDTHH:MM, found \(quoted(text))", at: path, value.position)
            return nil
        }
        return dateTime
    }

    func choice<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> ValueReader<E> where E.RawValue == String {
        { value, path in
            guard let text = self.string(value, path) else { return nil }
            guard let result = E(rawValue: text) else {
                let allowed = E.allCases.map(\.rawValue)
                var message = "unknown value \(quoted(text)); expected one of: \(allowed.joined(separator: ", "))"
                if let guess = self.log.suggestion(for: text, among: allowed) { message += " (did you mean \(quoted(guess))?)" }
                self.log.error(message, at: path, value.position)
                return nil
            }
            return result
        }
    }

    /// A string matched against a simple shape: `pattern` uses `A` for an upper-case ASCII letter,
    /// `a` for a lower-case one, `H` for a hex digit, and stands for itself otherwise.
    func formatted(_ pattern: String, _ description: String) -> ValueReader<String> {
        { value, path in
            guard let text = self.string(value, path) else { return nil }
            let matches = text.utf8.count == pattern.utf8.count && zip(text.utf8, pattern.utf8).allSatisfy { byte, rule in
                switch rule {
                case UInt8(ascii: "A"): return (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                case UInt8(ascii: "a"): return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                case UInt8(ascii: "H"): return byte.hexDigitValue != nil
                default: return byte == rule
                }
            }
            guard matches else {
                self.log.error("expected \(description), found \(quoted(text))", at: path, value.position)
                return nil
            }
            return text
        }
    }

    var languageCode: ValueReader<String> {
        formatted("aa", "a two-letter lower-case ISO 639-1 code such as \"fr\"")
    }

    /// Links are for people to open, so only web addresses.
    func url(_ value: JSONValue, _ path: String) -> String? {
        guard let text = string(value, path) else { return nil }
        let rest = text.hasPrefix("https://") ? text.dropFirst(8) : text.hasPrefix("http://") ? text.dropFirst(7) : nil
        guard let rest, let first = rest.first, !"/?#".contains(first), !text.contains(where: \.isWhitespace) else {
            log.error("expected an absolute http:// or https:// address, found \(quoted(text))", at: path, value.position)
            return nil
        }
        return text
    }

    /// An IANA name this system knows, or a fixed offset `±HH:MM` of at most 14 hours.
    func timeZone(_ value: JSONValue, _ path: String) -> String? {
        guard let text = string(value, path) else { return nil }
        guard TimeZones.zone(named: text) != nil else {
            log.error("unknown time zone \(quoted(text)); expected an IANA name such as Europe/Brussels or an offset such as +01:00",
                      at: path, value.position)
            return nil
        }
        return text
    }

    /// `{"en": …, "fr": …}` with at least one of the two given.
    func localized(_ value: JSONValue, _ path: String) -> LocalizedText? {
        guard let fields = object(value, path) else { return nil }
        let en = fields.optional("en", text)
        let fr = fields.optional("fr", text)
        fields.finish()
        if fields.value("en") == nil && fields.value("fr") == nil {
            log.error("expected a text in \"en\" and/or \"fr\", found neither", at: path, value.position)
            return nil
        }
        return en == nil && fr == nil ? nil : LocalizedText(en: en, fr: fr)
    }

    /// A list of ids of records of `kind`. An id listed twice says nothing more, so the repeat is
    /// dropped with a warning.
    func references(_ fields: ObjectReader, _ key: String, to kind: RecordKind) -> [String] {
        var seen: Set<String> = []
        let read = reference(kind)
        return fields.list(key) { value, path in
            guard let id = read(value, path) else { return nil }
            guard seen.insert(id).inserted else {
                self.log.warning("\(kind.rawValue) \(quoted(id)) is listed twice", at: path, value.position)
                return nil
            }
            return id
        }
    }

    /// An id that must name a record of `kind`; unknown ids are reported but kept, so that the
    /// rest of the record is still checked.
    func reference(_ kind: RecordKind) -> ValueReader<String> {
        { value, path in
            guard let id = self.text(value, path) else { return nil }
            if !self.known.contains(id, kind) {
                self.log.error("unknown \(kind.rawValue) \(kind.idName) \(quoted(id))", at: path, value.position)
            }
            return id
        }
    }
}

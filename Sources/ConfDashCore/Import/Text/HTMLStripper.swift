/// Removes HTML tags, keeping what they meant for reading: paragraphs and line breaks, list
/// bullets, and where a link pointed ("slides (https://…)"). Angle-bracket autolinks
/// (`<https://example.org>`, a Markdown habit) become the bare address.
enum HTMLStripper {
    private static let blockTags: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "table", "tr", "section",
        "article", "header", "footer", "figure", "dl", "dt", "dd", "hr",
    ]
    private static let inlineTags: Set<String> = [
        "span", "b", "strong", "i", "em", "u", "s", "strike", "del", "ins", "code", "td", "th", "thead", "tbody", "sup", "sub",
        "small", "big", "font", "center", "nav", "figcaption", "abbr", "cite", "q", "mark", "tt", "kbd", "var", "samp",
        "img", "iframe", "video", "audio", "source", "html", "body", "head", "title", "meta", "link", "caption",
    ]
    /// Their content is not text for people.
    private static let hiddenTags: Set<String> = ["script", "style"]

    static func strip(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        var link: (href: String, textStart: Int)?
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), let close = closingBracket(bytes, from: index) else {
                result.append(bytes[index])
                index += 1
                continue
            }
            let inside = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
            if inside.hasPrefix("http://") || inside.hasPrefix("https://") || inside.hasPrefix("mailto:") {
                result.append(contentsOf: inside.utf8)
                index = close + 1
                continue
            }
            if inside.hasPrefix("!--") {
                index = close + 1
                continue
            }
            let tag = Tag(inside)
            if hiddenTags.contains(tag.name) && !tag.closing {
                index = endOfHidden(bytes, tag.name, from: close + 1)
                continue
            }
            switch tag.name {
            case "br":
                result.append(0x0A)
            case "li":
                if !tag.closing { result.append(contentsOf: Array("\n• ".utf8)) }
            case "a":
                if tag.closing, let open = link {
                    let text = String(decoding: result[open.textStart...], as: UTF8.self)
                    if !open.href.isEmpty && text.trimmingWhitespace != open.href { result.append(contentsOf: Array(" (\(open.href))".utf8)) }
                    link = nil
                } else if !tag.closing {
                    let href = tag.attribute("href") ?? ""
                    link = (href.hasPrefix("http://") || href.hasPrefix("https://") ? href : "", result.count)
                }
            case _ where blockTags.contains(tag.name):
                result.append(contentsOf: [0x0A, 0x0A])
            case _ where inlineTags.contains(tag.name):
                break
            default:
                // Not a tag we know: most likely text that merely looks like one; keep it.
                result.append(contentsOf: bytes[index...close])
            }
            index = close + 1
        }
        return result
    }

    /// The `>` ending a tag starting at `start`, if what follows `<` can begin a tag at all.
    private static func closingBracket(_ bytes: [UInt8], from start: Int) -> Int? {
        guard start + 1 < bytes.count else { return nil }
        let next = bytes[start + 1]
        guard next.isASCIILetterOrDigit && !next.isASCIIDigit || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") else { return nil }
        var index = start + 1
        while index < bytes.count, index - start < 2000 {
            if bytes[index] == UInt8(ascii: ">") { return index }
            if bytes[index] == UInt8(ascii: "<") { return nil }
            index += 1
        }
        return nil
    }

    private static func endOfHidden(_ bytes: [UInt8], _ name: String, from start: Int) -> Int {
        let closing = Array("</\(name)".utf8)
        var index = start
        while index + closing.count <= bytes.count {
            if bytes[index..<index + closing.count].elementsEqual(closing),
               let end = bytes[index...].firstIndex(of: UInt8(ascii: ">")) { return end + 1 }
            index += 1
        }
        return bytes.count
    }

    /// The name, whether it closes, and the raw attribute text of a tag's inside (`a href="x"`).
    private struct Tag {
        var name: String
        var closing: Bool
        var rest: Substring

        init(_ inside: String) {
            var text = Substring(inside)
            closing = text.hasPrefix("/")
            if closing { text = text.dropFirst() }
            let name = text.prefix { $0.isLetter || $0.isNumber }
            self.name = name.lowercased()
            rest = text.dropFirst(name.count)
        }

        func attribute(_ attribute: String) -> String? {
            guard let range = rest.range(of: "\(attribute)=") else { return nil }
            let value = rest[range.upperBound...]
            guard let quote = value.first, quote == "\"" || quote == "'" else {
                return String(value.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" })
            }
            return String(value.dropFirst().prefix { $0 != quote })
        }
    }
}

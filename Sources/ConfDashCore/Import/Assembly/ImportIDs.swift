/// Makes ids in confdash's documented alphabet (lower-case ASCII letters, digits and hyphens, not
/// starting with a hyphen) from whatever a file uses: frab's numbers, pretalx codes, iCalendar
/// UIDs such as `a1b2@example.org`, or names such as "Saal Y 06 (Stonewall IO)".
enum ImportIDs {
    static let maximumLength = 64

    /// `Saal Y 06 (Stonewall IO)` → `saal-y-06-stonewall-io`; accents are dropped (`Bäume` → `baume`),
    /// as search does it. Empty when nothing usable is left.
    static func slug(_ text: String) -> String {
        // frab's numeric ids, pretalx codes and ids confdash wrote are slugs already: kept as they
        // are, without building them again byte by byte.
        if isSlug(text) { return text }
        let folded = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.searchFolded
        var result: [UInt8] = []
        var pendingHyphen = false
        for byte in folded.utf8 {
            if byte.isASCIILetterOrDigit {
                if pendingHyphen && !result.isEmpty { result.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                result.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
                if result.count >= maximumLength { break }
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether `slug(text)` is `text` itself: lower-case letters, digits and single hyphens
    /// between them, at most `maximumLength` bytes.
    static func isSlug(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last, first != UInt8(ascii: "-"), last != UInt8(ascii: "-"),
                  bytes.count <= maximumLength else { return false }
            var previous: UInt8 = 0
            for byte in bytes {
                let isLowerOrDigit = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                if !isLowerOrDigit && (byte != UInt8(ascii: "-") || previous == UInt8(ascii: "-")) { return false }
                previous = byte
            }
            return true
        }
    }

    /// Whether `text` already is an id in the documented alphabet (and not too long), so that it
    /// can be kept exactly as written.
    static func isValid(_ text: some StringProtocol) -> Bool {
        guard let first = text.utf8.first, first != UInt8(ascii: "-"), text.utf8.count <= maximumLength else { return false }
        return text.utf8.allSatisfy { (0x61...0x7A).contains($0) || $0.isASCIIDigit || $0 == UInt8(ascii: "-") }
    }

    /// The id an iCalendar UID stands for: its part before `@` when that is a valid id
    /// (`h23-opening@wco.confdash` → `h23-opening`, as confdash writes UIDs), else the whole UID.
    static func hint(uid: String) -> String {
        guard let at = uid.firstIndex(of: "@") else { return uid }
        let local = uid[..<at]
        return isValid(local) ? String(local) : uid
    }

    /// The session id a schedule confdash wrote keeps in its slug, `<acronym>-<session id>`
    /// (the acronym has no hyphen: confdash writes the event id's hyphens as `_`; a short id is
    /// padded in front with `_`, as in `38c3-___2`). Nil when the slug is not of that form.
    static func hint(confdashSlug slug: String) -> String? {
        guard let dash = slug.firstIndex(of: "-") else { return nil }
        let tail = slug[slug.index(after: dash)...].drop { $0 == "_" }
        return isValid(tail) ? String(tail) : nil
    }
}

/// Hands out unique ids within one list, adding `-2`, `-3`… to repeats.
struct IDAllocator {
    /// The ids handed out, each with the line it was first given for (`noLine` when none was
    /// said): sessions' duplicate-id warnings name it. One table for both, where a set of ids
    /// and a table of lines by id held every session's id twice (issue 13: 16 MB at 100,000).
    private var used: [String: Int] = [:]
    /// Where to resume counting for each base, so that many repeats of one id stay linear.
    private var nextSuffix: [String: Int] = [:]
    private static let noLine = Int.min
    /// What a slot holds for the moment it is made (no line is ever this large).
    private static let absent = Int.max

    /// The id for `hint` (slugged), or `fallback` when the hint leaves nothing; `renamed` says a
    /// suffix was needed because the id was already taken.
    mutating func claim(_ hint: String?, fallback: @autoclosure () -> String) -> (id: String, renamed: Bool) {
        claim(hint, fallback: fallback()) { _ in nil }
    }

    /// `claim`, remembering `line(renamed)` as the line the id was given for. `fallback` is made
    /// only when needed: every session has an id of its own, and building "session-N" for each
    /// anyway was 50 M instructions at 100,000 sessions (issue 13).
    mutating func claim(_ hint: String?, fallback: @autoclosure () -> String, line: (_ renamed: Bool) -> Int?) -> (id: String, renamed: Bool) {
        let base = hint.map(ImportIDs.slug).flatMap { $0.isEmpty ? nil : $0 } ?? fallback()
        if insertNew(base, line(false)) { return (base, false) }
        var number = nextSuffix[base] ?? 2
        let remembered = line(true)
        while !insertNew("\(base)-\(number)", remembered) { number += 1 }
        nextSuffix[base] = number + 1
        return ("\(base)-\(number)", true)
    }

    /// Adds `id` with `line` unless it is there already; whether it was added. One look-up.
    private mutating func insertNew(_ id: String, _ line: Int?) -> Bool {
        var added = false
        Self.fill(&used[id, default: Self.absent], with: line.map { $0 == Self.absent ? Self.noLine : $0 } ?? Self.noLine, added: &added)
        return added
    }

    private static func fill(_ slot: inout Int, with line: Int, added: inout Bool) {
        guard slot == absent else { return }
        slot = line
        added = true
    }

    /// The line `id` was first given for, when one was said.
    func line(of id: String) -> Int? {
        guard let line = used[id], line != Self.noLine else { return nil }
        return line
    }
}

/// Problems found in one file. Readers report as they go, in whatever order they check things;
/// `sorted()` puts them back into file order for the user.
final class ProblemLog {
    let file: String
    private var problems: [LoadProblem] = []
    private(set) var hasErrors = false

    init(file: String) {
        self.file = file
    }

    func error(_ message: String, at path: String, _ position: JSONPosition?) {
        add(.error, message, path, position)
    }

    func warning(_ message: String, at path: String, _ position: JSONPosition?) {
        add(.warning, message, path, position)
    }

    /// The longest message a problem line carries. Every reader quotes file values with
    /// `quoted`, which shortens them; this bound catches a value some message forgot to quote
    /// (an RRULE part once made a 3,300-character line), so a problem stays one readable line.
    static let messageLimit = 1_000

    private func add(_ severity: LoadProblem.Severity, _ message: String, _ path: String, _ position: JSONPosition?) {
        if severity == .error { hasErrors = true }
        var message = message
        if message.utf8.count > Self.messageLimit, message.count > Self.messageLimit {
            message = String(message.prefix(Self.messageLimit - 1)) + "…"
        }
        problems.append(LoadProblem(severity: severity, file: file, path: path,
                                    line: position?.line, column: position?.column, message: message))
    }

    /// `other`'s problems after these, as if they had been found here (a part of a file read on
    /// another thread, with a log of its own).
    func append(_ other: ProblemLog) {
        problems += other.problems
        if other.hasErrors { hasErrors = true }
    }

    /// "Did you mean" hints are for the odd typo. A file with thousands of unknown keys is something
    /// else, and computing edit distances for each would make loading it crawl.
    private var remainingSuggestions = 100

    func suggestion(for word: String, among candidates: [String]) -> String? {
        guard remainingSuggestions > 0 else { return nil }
        remainingSuggestions -= 1
        return closestMatch(to: word, in: candidates)
    }

    /// More warnings with the very same message than this are shown as the first one and a count.
    static let repeatedWarningLimit = 10

    /// File order; problems at the same place keep the order they were found in. A warning
    /// repeated word for word more than `repeatedWarningLimit` times (a file missing the same
    /// field in every session) is shown once, at its first place, saying how many more there are.
    func sorted() -> [LoadProblem] {
        let ordered = problems.enumerated().sorted { a, b in
            let keyA = (a.element.line ?? 0, a.element.column ?? 0, a.offset)
            let keyB = (b.element.line ?? 0, b.element.column ?? 0, b.offset)
            return keyA < keyB
        }.map(\.element)
        var counts: [String: Int] = [:]
        for problem in ordered where problem.severity == .warning { counts[problem.message, default: 0] += 1 }
        guard counts.values.contains(where: { $0 > Self.repeatedWarningLimit }) else { return ordered }
        var shown: Set<String> = []
        var result: [LoadProblem] = []
        for var problem in ordered {
            let count = problem.severity == .warning ? counts[problem.message] ?? 0 : 0
            if count > Self.repeatedWarningLimit {
                guard shown.insert(problem.message).inserted else { continue }
                problem.message += " (and \(count - 1) more times in the file)"
            }
            result.append(problem)
        }
        return result
    }
}

/// Builds the paths shown in problems: `events[2].sessions[4].day`.
enum ProblemPath {
    static func member(_ base: String, _ key: String) -> String {
        // Keys that are not plain identifiers (typos with spaces, empty keys) are quoted to stay unambiguous.
        // A long one too: a problem line must stay a line, whatever the file's keys.
        let isPlain = !key.isEmpty && key.utf8.count <= 60 && key.utf8.allSatisfy { $0 == UInt8(ascii: "_") || $0.isASCIILetterOrDigit }
        if !isPlain { return "\(base)[\(quoted(key))]" }
        return base.isEmpty ? key : "\(base).\(key)"
    }

    /// `base[index]`. Written byte by byte: the readers make one per session (100,000 for a large
    /// schedule), and an interpolation cost several thousand instructions each.
    static func element(_ base: String, _ index: Int) -> String {
        var base = base
        return base.withUTF8 { prefix in
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for any Int's 20 digits and sign
            return withUnsafeMutableBytes(of: &digits) { scratch in
                var value = index.magnitude, end = scratch.count
                repeat {
                    end -= 1
                    scratch[end] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                } while value > 0
                if index < 0 {
                    end -= 1
                    scratch[end] = UInt8(ascii: "-")
                }
                let number = UnsafeRawBufferPointer(rebasing: scratch[end...])
                return String(unsafeUninitializedCapacity: prefix.count + number.count + 2) { out in
                    _ = out.initialize(from: prefix)
                    out[prefix.count] = UInt8(ascii: "[")
                    for (offset, byte) in number.enumerated() { out[prefix.count + 1 + offset] = byte }
                    out[prefix.count + 1 + number.count] = UInt8(ascii: "]")
                    return prefix.count + number.count + 2
                }
            }
        }
    }
}

/// Shows a value from the file inside a message: in double quotes, escaped so the message stays on
/// one line, and shortened when long.
func quoted(_ text: String, limit: Int = 60) -> String {
    var result = "\""
    var count = 0
    for scalar in text.unicodeScalars {
        if count == limit {
            result += "…"
            break
        }
        count += 1
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F:
            let digits = String(scalar.value, radix: 16, uppercase: true)
            result += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}

/// The closest of `candidates` to a misspelt `word`, if one is close enough to be the likely intent.
private func closestMatch(to word: String, in candidates: [String]) -> String? {
    let target = Array(word.lowercased())
    guard target.count <= 40 else { return nil }
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(target, Array(candidate.lowercased()))
        if distance <= max(1, min(3, candidate.count / 3)), distance < (best?.distance ?? .max) {
            best = (candidate, distance)
        }
    }
    return best?.candidate
}

/// Levenshtein distance, two rows at a time.
private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

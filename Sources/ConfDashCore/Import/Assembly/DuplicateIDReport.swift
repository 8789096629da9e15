/// Sessions that reuse an id already taken in the file. Every one is kept under a new id; the
/// user is told once, not once per session: a generated file that gives every session the same id
/// would otherwise bury the other warnings under thousands of identical-looking lines.
struct DuplicateIDReport {
    struct Duplicate {
        let hint: String
        let firstLine: Int?
        let keptAs: String
        let path: String
        let position: JSONPosition?
    }

    /// Up to this many duplicates, each gets its own warning at its own place (an editor can jump
    /// to each); past it, one warning at the first says how many there are and names the first few.
    static let separateWarningLimit = 3

    /// The first `separateWarningLimit` duplicates; the rest are only counted, so memory stays bounded.
    private(set) var examples: [Duplicate] = []
    private(set) var count = 0

    mutating func add(hint: String, firstLine: Int?, keptAs: String, path: String, position: JSONPosition?) {
        count += 1
        if examples.count < Self.separateWarningLimit {
            examples.append(Duplicate(hint: hint, firstLine: firstLine, keptAs: keptAs, path: path, position: position))
        }
    }

    func report(to log: ProblemLog) {
        if count <= Self.separateWarningLimit {
            for duplicate in examples {
                log.warning("duplicate id \(quoted(duplicate.hint))\(Self.firstUse(duplicate)); both are kept, this one as \(quoted(duplicate.keptAs))",
                            at: duplicate.path, duplicate.position)
            }
            return
        }
        guard let first = examples.first else { return }
        let named = examples.map { duplicate in
            let place = duplicate.position.map { " at line \($0.line)" } ?? ""
            return "\(quoted(duplicate.hint))\(place)\(Self.firstUse(duplicate)) as \(quoted(duplicate.keptAs))"
        }
        log.warning("\(count) sessions reuse an id already taken; all are kept, each under a new id: "
                    + named.joined(separator: ", ") + " and \(count - examples.count) more",
                    at: first.path, first.position)
    }

    private static func firstUse(_ duplicate: Duplicate) -> String {
        duplicate.firstLine.map { " (first at line \($0))" } ?? ""
    }
}

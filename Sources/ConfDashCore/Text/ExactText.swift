#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A String compared and hashed by its UTF-8 bytes, for sets that only need to spot the same text
/// written again. `String`'s own hashing and equality follow Unicode canonical equivalence, so
/// they normalise every non-ASCII text first: several times the cost of the bytes, for long texts.
struct ExactText: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (left: ExactText, right: ExactText) -> Bool {
        var left = left.text, right = right.text
        guard left.utf8.count == right.utf8.count else { return false }
        return left.withUTF8 { a in right.withUTF8 { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) } }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

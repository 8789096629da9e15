import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's environment, the same dictionary `ProcessInfo.processInfo.environment` gives,
/// built for less (every command reads it once, `validate` included: issue 13).
///
/// Foundation makes a `String` of each `NAME=value` entry of `environ`, finds its first `=`
/// *Character*, stores `String`s of the two parts (a later entry of an equal name replaces an
/// earlier one) and skips an entry without one: ~18,000 instructions a variable, 0.8 M for a
/// shell's 43, in grapheme stepping and a dictionary grown from empty. In an entry of ASCII bytes
/// only, no character joins an `=` (nothing in ASCII extends a grapheme, and CR LF holds no `=`),
/// so its first `=` byte is that Character: the entry is cut as bytes. Any other entry (invalid
/// UTF-8, repaired to U+FFFD by `String(cString:)`; an `=` followed by a combining mark, which
/// Foundation does not split at; a name canonically equal to another, such as U+212A KELVIN SIGN
/// for K) goes through Foundation's own steps, and every entry is stored in `environ`'s order with
/// `String` keys, so equal names collide as they do there.
enum ProcessEnvironment {
    static func current() -> [String: String] {
        #if os(Linux) || os(Android) || os(FreeBSD) || os(OpenBSD)
        guard let entries = environ as UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? else { return [:] }
        var count = 0
        while entries[count] != nil { count += 1 }
        var result = [String: String](minimumCapacity: count)
        for index in 0..<count {
            guard let entry = entries[index] else { break }
            store(UnsafeBufferPointer(start: UnsafeRawPointer(entry).assumingMemoryBound(to: UInt8.self), count: strlen(entry)),
                  cString: entry, in: &result)
        }
        return result
        #else
        return ProcessInfo.processInfo.environment
        #endif
    }

    /// Adds one `NAME=value` entry (its bytes without the NUL) as Foundation would.
    static func store(_ bytes: UnsafeBufferPointer<UInt8>, cString: UnsafePointer<CChar>, in result: inout [String: String]) {
        var separator: Int?
        var ascii = true
        for (offset, byte) in bytes.enumerated() {
            if byte >= 0x80 { ascii = false; break }
            if byte == UInt8(ascii: "="), separator == nil { separator = offset }
        }
        if ascii {
            guard let separator else { return }
            let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<separator]), as: UTF8.self)
            result[key] = String(decoding: UnsafeBufferPointer(rebasing: bytes[(separator + 1)...]), as: UTF8.self)
            return
        }
        // Foundation's steps (swift-foundation, `_ProcessInfo.environment`).
        let text = String(cString: cString)
        guard let split = text.firstIndex(of: "=") else { return }
        result[String(text[..<split])] = String(text[text.index(after: split)...])
    }
}

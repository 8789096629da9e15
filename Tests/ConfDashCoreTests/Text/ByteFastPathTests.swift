import Foundation
import Testing
@testable import ConfDashCore
import ConfDashTestSupport

/// The byte-level shortcuts of opening a schedule against the plain code they replaced: the word
/// masks against a test per byte, and the clock and duration readers against their former
/// Character-based versions (kept here as the reference), on every short string of the bytes
/// that matter and on random ones.
@Suite struct ByteFastPathTests {
    @Test func wordMasksMatchATestPerByte() {
        var generator = SeededGenerator(state: 13)
        // Bytes next to each boundary the masks draw, in every lane, plus random words.
        let edges: [UInt8] = [0x00, 0x08, 0x09, 0x0A, 0x0B, 0x0D, 0x1F, 0x20, 0x21, 0x25, 0x26, 0x27, 0x3B, 0x3C, 0x3D,
                              0x7F, 0x80, 0x89, 0x8A, 0xA0, 0xA6, 0xBC, 0xFF]
        var words: [[UInt8]] = []
        for _ in 0..<20_000 { words.append((0..<8).map { _ in edges.randomElement(using: &generator)! }) }
        for _ in 0..<20_000 { words.append((0..<8).map { _ in UInt8.random(in: 0...255, using: &generator) }) }
        for bytes in words {
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            func expected(_ test: (UInt8) -> Bool) -> UInt64 {
                var marks: UInt64 = 0
                for (offset, byte) in bytes.enumerated() where test(byte) { marks |= UInt64(0x80) << UInt64(offset * 8) }
                return marks
            }
            for byte: UInt8 in [0x09, 0x0A, 0x0D, 0x20, 0x26, 0x3C] {
                #expect(ByteWords.equal(word, byte) == expected { $0 == byte }, "\(bytes) = \(byte)")
            }
            #expect(ByteWords.below0x20(word) == expected { $0 < 0x20 }, "\(bytes)")
            #expect(ByteWords.mayNeedJSONEscape(word) == expected { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 >= 0x7F }, "\(bytes)")
            #expect(ByteWords.spaces(word) == expected(XMLReader.isSpace), "\(bytes)")
        }
        for count in 0...8 {
            // Spelled out step by step: as one expression inside #expect it could exceed the
            // type checker's time limit on a loaded machine.
            var marks: UInt64 = 0
            for index in 0..<count { marks |= UInt64(0x80) << UInt64(index * 8) }
            #expect(ByteWords.firstBytes(count) == marks)
        }
    }

    /// `ClockTime(text:)` before it read bytes.
    static func referenceClock(_ text: String) -> ClockTime? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        if parts.count == 3, let s = Int(parts[2]), s > 59 { return nil }
        return ClockTime(hour: h, minute: m)
    }

    /// `ScheduleValues.durationMinutes` before it read bytes.
    static func referenceDuration(_ text: String) -> Int? {
        let parts = text.trimmingWhitespace.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.utf8.allSatisfy(\.isASCIIDigit) }) else { return nil }
        let numbers = parts.map { Int($0)! }
        let minutes: Int
        switch numbers.count {
        case 2:
            guard parts[1].count == 2, numbers[1] < 60 else { return nil }
            minutes = numbers[0] * 60 + numbers[1]
        case 3:
            guard parts[1].count == 2, parts[2].count <= 2, numbers[1] < 60, numbers[2] < 60 else { return nil }
            if parts[0].count == 1, numbers[0] > 0, numbers[1] < 24, parts[2].count == 2 {
                minutes = numbers[0] * 1440 + numbers[1] * 60 + numbers[2]
            } else {
                minutes = numbers[0] * 60 + numbers[1]
            }
        default:
            return nil
        }
        return minutes <= ScheduleValues.maximumDurationMinutes ? minutes : nil
    }

    /// Every string of up to six pieces from digits, colons, spaces and a few hostile characters,
    /// and random longer ones.
    static var timeLikeTexts: [String] {
        let pieces = ["0", "1", "2", "5", "9", ":", " ", "\t", "\n", "\u{301}", "١", "x", "+", "-", "99", "\r\n", "é"]
        var texts: [String] = [""]
        var frontier: [String] = [""]
        for _ in 0..<4 {
            frontier = frontier.flatMap { text in pieces.map { text + $0 } }
            texts += frontier
        }
        var generator = SeededGenerator(state: 7)
        for _ in 0..<30_000 {
            texts.append((0..<Int.random(in: 1...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        texts += ["00:00", "23:59", "24:00", "12:60", "01:30:00", "01:30:60", "1:02:00", "0:45:00", "105:00", " 00:45 ", "14:00:00\n"]
        return texts
    }

    @Test func clockTimesReadAsBefore() {
        for text in Self.timeLikeTexts {
            #expect(ClockTime(text: text) == Self.referenceClock(text), "\(text.debugDescription)")
            let padded = text.count == 4 || text.count == 7 ? "0" + text : text
            #expect(ScheduleValues.clock(text) == Self.referenceClock(padded), "\(text.debugDescription)")
        }
    }

    @Test func durationsReadAsBefore() {
        for text in Self.timeLikeTexts {
            #expect(ScheduleValues.durationMinutes(text) == Self.referenceDuration(text), "\(text.debugDescription)")
        }
    }

    @Test func textsAreDeduplicatedByBytesInOrder() {
        // "é" precomposed and decomposed are equal Strings but different texts here, as before.
        let a = "caf\u{E9}", b = "cafe\u{301}"
        #expect(ExactText(a) != ExactText(b))
        #expect(ExactText(a) == ExactText("caf\u{E9}"))
        #expect(ExactText("") == ExactText(""))
        #expect(ExactText("ab") != ExactText("abc"))
    }
}

/// The eight-bytes-at-a-time scans of what is written (JSON strings, every byte a command prints)
/// and the concurrent text cleaning, against the plain versions.
@Suite struct WordScanOutputTests {
    /// Every character the scans stop at, and some that only look close, at every offset of a
    /// text long enough for the word loop, with a second one further on.
    static var texts: [String] {
        let specials = ["\u{0}", "\u{7}", "\t", "\n", "\r", "\r\n", "\u{1B}", "\u{1F}", "\"", "\\", "/", "\u{7F}", "\u{80}", "\u{9B}",
                        "\u{9F}", "\u{A0}", "é", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{202E}", "\u{202F}", "\u{2065}",
                        "\u{2066}", "\u{2069}", "\u{206A}", "€", "日本"]
        var texts: [String] = []
        for special in specials {
            for offset in 0..<18 {
                texts.append(String(repeating: "a", count: offset) + special + String(repeating: "b", count: 20 - offset))
                texts.append(String(repeating: "c", count: offset) + special + "dddddddddd" + special + "e")
            }
        }
        return texts
    }

    static func referenceSafe(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            let lineEnd = scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"
            result.append(TerminalText.isUnsafe(scalar) && !lineEnd ? TerminalText.placeholder(for: scalar) : scalar)
        }
        return String(result)
    }

    @Test func safeTextMatchesAScalarByScalarReplacement() {
        for text in Self.texts {
            #expect(TerminalText.safe(text) == Self.referenceSafe(text), "\(text.debugDescription)")
        }
    }

    /// `JSONQuoting`'s escapes, one scalar at a time: the short forms, `\uxxxx` for the other
    /// controls, DEL, C1, U+2028/U+2029 and the bidirectional controls, every other scalar as it is.
    static func referenceQuoted(_ text: String) -> [UInt8] {
        var out = Array("\"".utf8)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += Array("\\\"".utf8)
            case 0x5C: out += Array("\\\\".utf8)
            case 0x08: out += Array("\\b".utf8)
            case 0x0C: out += Array("\\f".utf8)
            case 0x0A: out += Array("\\n".utf8)
            case 0x0D: out += Array("\\r".utf8)
            case 0x09: out += Array("\\t".utf8)
            case 0..<0x20, 0x7F...0x9F, 0x2028...0x202E, 0x2066...0x2069:
                let hex = String(scalar.value, radix: 16)
                out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: out += Array(String(scalar).utf8)
            }
        }
        return out + Array("\"".utf8)
    }

    /// Both ways of writing a JSON string (into a sink, into a pointer buffer) against the
    /// reference, on the texts above and on random ones of every length up to 70, made of the
    /// characters the scans stop at and ASCII around them: the 16- and 8-byte loops, the last
    /// partial block and the byte-by-byte end of short texts each see escapes at every place.
    @Test func quotedJSONMatchesAScalarByScalarEscape() {
        var generator = SeededGenerator(state: 38)
        let pieces = ["a", "b", "z", " ", "~", "\u{0}", "\u{1F}", "\n", "\"", "\\", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "é", "Â",
                      "â", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202E}", "\u{202F}", "\u{2065}", "\u{2066}", "\u{2069}",
                      "\u{206A}", "€", "日", "😀", "\u{600}", "e\u{301}"]
        var texts = Self.texts
        for length in 0...70 {
            for _ in 0..<60 {
                texts.append(String((0..<length).map { _ in
                    generator.next() % 3 == 0 ? pieces.randomElement(using: &generator)! : "x"
                }.joined().prefix(length)))
            }
        }
        for text in texts {
            let expected = Self.referenceQuoted(text)
            var bytes: [UInt8] = []
            JSONQuoting.appendQuoted(text, to: &bytes)
            #expect(bytes == expected, "\(text.debugDescription)")
            var utf8 = Array(text.utf8)
            let written = [UInt8](unsafeUninitializedCapacity: max(1, JSONQuoting.escapedCapacity(utf8.count))) { buffer, count in
                count = utf8.withUnsafeMutableBufferPointer { JSONQuoting.writeEscaped(UnsafeBufferPointer($0), to: buffer.baseAddress!) }
            }
            #expect(Array("\"".utf8) + written + Array("\"".utf8) == expected, "\(text.debugDescription)")
            // The writers' shortcut for short texts: true exactly for printable ASCII without `"` and `\`.
            if utf8.count <= 16 {
                let plain = utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }
                let answer = utf8.withUnsafeBufferPointer { JSONQuoting.needsNoEscape($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: $0.count) }
                #expect(answer == plain, "\(text.debugDescription)")
            }
        }
    }

    @Test func quotedJSONReadsBackToTheSameText() throws {
        for text in Self.texts {
            var bytes: [UInt8] = []
            JSONQuoting.appendQuoted(text, to: &bytes)
            let quoted = String(decoding: bytes, as: UTF8.self)
            for scalar in quoted.unicodeScalars {
                #expect(!TerminalText.isUnsafe(scalar) && scalar != "\u{2028}" && scalar != "\u{2029}", "\(text.debugDescription)")
            }
            let decoded = try JSONDecoder().decode([String].self, from: Data("[\(quoted)]".utf8))
            #expect(decoded == [text], "\(text.debugDescription)")
        }
    }

    @Test func concurrentMapEqualsMap() {
        for count in [0, 1, 127, 128, 255, 256, 257, 1_000, 4_099] {
            let items = Array(0..<count)
            for workers in [1, 2, 3, 8] {
                #expect(ConcurrentMap.map(items, workers: workers) { "\($0 * 7)" } == items.map { "\($0 * 7)" }, "\(count) items, \(workers) workers")
            }
        }
        // The texts of a real schedule, cleaned on every core, as one by one.
        let entries = (0..<600).map { index -> ImportedEntry in
            var entry = ImportedEntry(position: nil, path: "/e[\(index)]")
            entry.texts = ["  **Bold** \(index)  ", "<p>para &amp; \(index)</p>", "", "plain \(index)", index % 3 == 0 ? "plain \(index)" : "x"] + (index % 2 == 0 ? ["y", "z \(index)"] : [])
            return entry
        }
        #expect(ConcurrentMap.map(entries, SessionAssembly.abstract(of:)) == entries.map(SessionAssembly.abstract(of:)))
    }
}

import ConfDashTestSupport
import Testing
@testable import ConfDashCore

/// `ScheduleJSONReader.readSession` reads a schedule.json session straight from the bytes, where
/// `readEvent` reads it from the parser's tree. On generated awkward sessions (every member the
/// reader knows and some it does not, values of every type, persons and links of every shape,
/// names written with escapes, members given twice, nesting around the limit, whitespace of
/// every kind) both must give the same draft; and on mutated ones the direct reader must never
/// accept what the parser refuses: whatever it reads must be JSON that reads the same way.
@Suite("Import: schedule.json sessions read from the bytes equal those read from the tree")
struct ScheduleJSONDirectTests {
    private static let names = [
        "title", "start", "date", "duration", "room", "track", "type", "language", "abstract", "description",
        "url", "id", "guid", "code", "slug", "subtitle", "end", "persons", "links", "attachments",
        "ti\\u0074le", "p\\u0065rsons", "titl", "titles", "Title", "trXck", "", "x", "public_name", "é",
    ]
    private static let scalars = [
        "\"text\"", "\"\"", "\"ü€😀 \\\"q\\\" \\\\ \\/ \\n\\t\\u00e9\\ud83d\\ude00\"", "12", "-0.5e+3", "0",
        "123456789012345678901234567890", "null", "true", "false", "\"   padded  \"",
    ]

    private static func value(_ depth: Int, _ generator: inout SeededGenerator) -> String {
        let kind = Int.random(in: 0..<10, using: &generator)
        switch kind {
        case 0..<5:
            return scalars.randomElement(using: &generator)!
        case 5...6 where depth < 11:
            let count = Int.random(in: 0...3, using: &generator)
            return "[" + (0..<count).map { _ in value(depth + 1, &generator) }.joined(separator: ",") + "]"
        case 7...8 where depth < 11:
            return object(depth + 1, &generator)
        default:
            // A person or link as exports write them.
            return [#"{"public_name": "P", "guid": "g"}"#, #"{"name": "N", "code": "c", "id": 3}"#, #"{"url": "u", "title": "t"}"#,
                    #"{"href": "h", "url": null, "url": "late"}"#, #"{"public_name": null, "name": "M"}"#].randomElement(using: &generator)!
        }
    }

    private static func object(_ depth: Int, _ generator: inout SeededGenerator) -> String {
        let count = Int.random(in: 0...6, using: &generator)
        let spaces = [" ", "", "\n  ", "\t", "\r\n"]
        return "{" + (0..<count).map { _ in
            let space = spaces.randomElement(using: &generator)!
            return space + "\"" + names.randomElement(using: &generator)! + "\"" + space + ":" + space + value(depth, &generator)
        }.joined(separator: ",") + spaces.randomElement(using: &generator)! + "}"
    }

    /// The session `text` as `readEvent` reads it from the parsed tree (nil when it does not parse).
    private static func fromTree(_ text: String) -> String? {
        guard case let .success(tree) = JSONParser.parse(text) else { return nil }
        var dump = ""
        Swift.dump(ScheduleJSONReader.readEvent(tree, path: "s.r[0]", room: "R"), to: &dump)
        return dump
    }

    /// The session read straight from the bytes, and how far the reader went (nil when it left it to the parser).
    private static func direct(_ text: String) -> (dump: String, end: Int)? {
        var scanner = JSONScanner(bytes: Array(text.utf8))
        guard let session = try? ScheduleJSONReader.readSession(&scanner, path: "s.r[0]", room: "R") else { return nil }
        var dump = ""
        Swift.dump(session, to: &dump)
        return (dump, scanner.offset)
    }

    @Test func generatedSessionsReadTheSame() {
        var generator = SeededGenerator(state: 13)
        var readDirectly = 0
        for _ in 0..<3000 {
            var session = Self.object(0, &generator)
            if Bool.random(using: &generator) {
                session = "{" + #""title": "T", "persons": [{"public_name": "A"}, "B"], "links": ["l"], "# + session.dropFirst()
                session = session.replacingOccurrences(of: ", }", with: "}")
            }
            guard let tree = Self.fromTree(session) else { continue }
            guard let direct = Self.direct(session) else {
                // Left to the parser: only for nesting beyond the reader's limit.
                #expect(session.count(where: { $0 == "[" || $0 == "{" }) > 8, "\(session)")
                continue
            }
            readDirectly += 1
            #expect(direct.dump == tree, "\(session)")
            #expect(direct.end == session.utf8.count, "\(session)")
        }
        #expect(readDirectly > 2000)
    }

    /// Cut, doubled or swapped bytes: whatever the direct reader accepts is JSON, read the same way.
    @Test func mutatedSessionsAreNeverAcceptedWrongly() {
        var generator = SeededGenerator(state: 29)
        let pieces = ["\"", "\\", "{", "}", "[", "]", ":", ",", "\u{01}", " ", "\n", "e", "-", "0", "\\u", "\\ud83d", "nul", "tru", "1.", "01"]
        var checked = 0
        for _ in 0..<3000 {
            var bytes = Array(Self.object(0, &generator).utf8)
            guard !bytes.isEmpty else { continue }
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let place = Int.random(in: 0..<bytes.count, using: &generator)
                let piece = Array(pieces.randomElement(using: &generator)!.utf8)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes.removeSubrange(place..<min(bytes.count, place + Int.random(in: 1...3, using: &generator)))
                case 1: bytes.insert(contentsOf: piece, at: place)
                default: bytes.replaceSubrange(place..<place + 1, with: piece)
                }
                if bytes.isEmpty { bytes = [UInt8(ascii: "{")] }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            guard text.utf8.elementsEqual(bytes), bytes.first == UInt8(ascii: "{"), let direct = Self.direct(text) else { continue }
            let accepted = String(decoding: bytes[..<direct.end], as: UTF8.self)
            #expect(Self.fromTree(accepted) == direct.dump, "\(text)")
            checked += 1
        }
        #expect(checked > 100)
    }
}

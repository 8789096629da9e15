import ConfDashTestSupport
import Foundation
import Testing
@testable import ConfDashCore

/// The state file's byte writer and its change-time reader, against what they replaced (the
/// JSONText tree, String(format:), the string-splitting time parser) and against Foundation's
/// JSON reader, on hostile text.
@Suite struct StateFileBytesTests {
    /// Titles, notes and keys a stranger's schedule or a user could give.
    static let hostile = [
        "plain", "", "\"quoted\" and \\back\\slash", "new\nline\ttab\rreturn", "\u{0}\u{1}\u{1B}[31mred\u{7F}",
        "C1 \u{85}\u{9B} controls", "bidi \u{202E}reversed\u{202C} \u{2066}isolate\u{2069}", "separators \u{2028}\u{2029}",
        "emoji 👩🏽‍💻 and 漢字 and e\u{301}", "Vortrag über „Anführungszeichen“", String(repeating: "x", count: 600),
    ]

    static func state(seed: UInt64, marks: Int) -> PersonalState {
        var generator = SeededGenerator(state: seed)
        func pick() -> String { hostile[Int.random(in: 0..<hostile.count, using: &generator)] }
        var state = PersonalState(schedule: pick())
        for number in 0..<marks {
            let key = "k\(number)-" + pick().prefix(20)
            let start: String? = number % 5 == 0 ? nil : "2024-12-2\(number % 10)T1\(number % 10):00"
            let ref = SessionRef(key: key, event: pick(), id: pick(), title: pick(), start: start)
            let stamp = Int64.random(in: 1_600_000_000_000...1_900_000_000_000, using: &generator)
            state.setStar(ref, number % 3 != 0, at: number % 7 == 0 ? 0 : stamp)
            if number % 4 == 0 { state.setNote(ref, pick(), at: stamp + 1) }
            if number % 6 == 0 {
                state.exports[key] = CalendarExportRecord(key: key, uid: "uid-" + pick(), sequence: number, fingerprint: pick(), title: pick(),
                                                          dtstart: "20241227T100000Z", cancelled: number % 12 == 0)
            }
        }
        return state
    }

    @Test func bytesAreWhatTheJSONTextTreeWrote() {
        for seed in 0..<40 as Range<UInt64> {
            let state = Self.state(seed: seed, marks: Int(seed) * 3)
            #expect(PersonalStateFile.text(of: state) == Self.referenceText(of: state), "seed \(seed)")
        }
        #expect(PersonalStateFile.text(of: PersonalState()) == Self.referenceText(of: PersonalState()))
    }

    @Test func foundationReadsBackTheSameValues() throws {
        for seed in 100..<120 as Range<UInt64> {
            let state = Self.state(seed: seed, marks: 25)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(PersonalStateFile.bytes(of: state))) as? [String: Any])
            #expect(object["schedule"] as? String == state.schedule)
            let sessions = try #require(object["sessions"] as? [[String: Any]])
            for session in sessions {
                let key = try #require(session["key"] as? String)
                let mark = try #require(state.marks[key])
                #expect(session["title"] as? String == mark.ref.title && session["event"] as? String == mark.ref.event)
                #expect(session["note"] as? String == mark.note && session["starred"] as? Bool == mark.starred)
                #expect((session["starChanged"] as? String).flatMap(StateTime.parse) ?? 0 == mark.starChanged)
            }
            #expect(sessions.count == state.marks.values.filter { !$0.isBlank }.count)
            // And confdash's own reader gives back the whole state.
            guard case .intact(let read) = PersonalStateFile.read(Data(PersonalStateFile.bytes(of: state))) else {
                Issue.record("seed \(seed): not read back"); continue
            }
            #expect(read.marks == state.marks.filter { !$0.value.isBlank } && read.exports == state.exports, "seed \(seed)")
        }
    }

    @Test func changeTimesAreWrittenAsBeforeAndReadBack() {
        var generator = SeededGenerator(state: 7)
        let edges: [Int64] = [0, 999, 1000, -1, -1000, -1001, 1_700_000_000_000, 253_402_300_799_999, -62_135_596_800_000]
        let stamps = edges + (0..<2000).map { _ in Int64.random(in: -62_000_000_000_000...253_000_000_000_000, using: &generator) }
        for stamp in stamps {
            let text = StateTime.text(stamp)
            #expect(text == Self.referenceTimeText(stamp), "\(stamp)")
            let year = Int(text.prefix(4)) ?? 0
            if CalendarDate.readableYears.contains(year) {
                #expect(StateTime.parse(text) == stamp, "\(text)")
                #expect(StateTime.parse(String(text.prefix(19)) + "Z") == stamp - ((stamp % 1000) + 1000) % 1000)
            }
        }
    }

    /// The byte reader accepts only what the string reader accepted, with the same value; it is
    /// stricter only on signs (`+5`) the old one let `Int()` take.
    @Test func changeTimeReaderAgreesWithTheOldOneOnHostileText() {
        var generator = SeededGenerator(state: 3)
        let alphabet = Array("0123456789-:T .Z+x\u{0}é")
        let valid = ["2024-12-27T11:00:00Z", "2024-12-27T11:00:00.1Z", "2024-12-27T11:00:00.12Z", "2024-12-27T11:00:00.123Z",
                     "2024-12-27 11:00:00Z", "2024-02-29T23:59:59.999Z", "9998-12-31T23:59:59Z"]
        let invalid = ["2023-02-29T11:00:00Z", "2024-12-27T24:00:00Z", "2024-12-27T11:60:00Z", "2024-12-27T11:00:60Z",
                       "2024-12-27T11:00:00.1234Z", "2024-12-27T11:00:00.Z", "2024-12-27T11:00:00", "0001-01-01T00:00:00Z",
                       "2024-12-27T11:00:00+01:00", "２０２４-12-27T11:00:00Z", "2024-12-27T11:00:+5Z"]
        for text in valid { #expect(StateTime.parse(text) != nil && StateTime.parse(text) == Self.referenceParse(text), "\(text)") }
        for text in invalid { #expect(StateTime.parse(text) == nil, "\(text)") }
        for _ in 0..<20_000 {
            var characters = Array(valid[Int.random(in: 0..<valid.count, using: &generator)])
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                characters[Int.random(in: 0..<characters.count, using: &generator)] = alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
            }
            let text = String(characters)
            if let value = StateTime.parse(text) { #expect(Self.referenceParse(text) == value, "\(text)") }
        }
    }

    // MARK: What the writer and the time functions were before (the reference)

    static func referenceText(of state: PersonalState) -> String {
        let sessions = state.marks.values.filter { !$0.isBlank }.sorted { $0.ref.key < $1.ref.key }.map { mark -> JSONText in
            var fields: [(String, JSONText)] = [
                ("key", .string(mark.ref.key)), ("event", .string(mark.ref.event)), ("id", .string(mark.ref.id)),
                ("title", .string(mark.ref.title)), ("start", mark.ref.start.map(JSONText.string) ?? .null),
                ("starred", .bool(mark.starred)),
            ]
            if mark.starChanged != 0 { fields.append(("starChanged", .string(referenceTimeText(mark.starChanged)))) }
            if let note = mark.note { fields.append(("note", .string(note))) }
            if mark.noteChanged != 0 { fields.append(("noteChanged", .string(referenceTimeText(mark.noteChanged)))) }
            return .object(fields)
        }
        let exports = state.exports.values.sorted { $0.key < $1.key }.map { record -> JSONText in
            .object([("key", .string(record.key)), ("uid", .string(record.uid)), ("sequence", .int(record.sequence)),
                     ("fingerprint", .string(record.fingerprint)), ("title", .string(record.title)),
                     ("dtstart", .string(record.dtstart)), ("cancelled", .bool(record.cancelled))])
        }
        let document = JSONText.object([
            ("format", .string(PersonalState.formatName)), ("version", .int(PersonalState.currentVersion)),
            ("schedule", .string(state.schedule)), ("sessions", .array(sessions)), ("calendarExport", .array(exports)),
        ])
        var text = ""
        document.write(to: &text, depth: 0)
        return text + "\n"
    }

    static func referenceTimeText(_ milliseconds: Int64) -> String {
        func floorDivide(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
        let seconds = Int(floorDivide(milliseconds, 1000))
        let millis = Int(milliseconds - Int64(seconds) * 1000)
        let local = TimeZones.localDateTime(naiveSeconds: seconds)
        let second = seconds - Int(floorDivide(Int64(seconds), 60)) * 60
        let date = String(format: "%04d-%02d-%02d", local.date.year, local.date.month, local.date.day)
        return "\(date)T\(local.time):" + String(format: "%02d", second) + "." + String(format: "%03d", millis) + "Z"
    }

    static func referenceParse(_ text: String) -> Int64? {
        guard text.hasSuffix("Z"), text.count >= 20 else { return nil }
        let body = text.dropLast()
        let parts = body.split(separator: ".", maxSplits: 1)
        let main = String(parts[0])
        guard main.count == 19, let local = LocalDateTime(iso: String(main.prefix(16))),
              main[main.index(main.startIndex, offsetBy: 16)] == ":",
              let second = Int(main.suffix(2)), (0...59).contains(second) else { return nil }
        var millis: Int64 = 0
        if parts.count == 2 {
            guard (1...3).contains(parts[1].count), parts[1].allSatisfy(\.isASCII), let value = Int64(parts[1]) else { return nil }
            millis = value * [1, 100, 10, 1][parts[1].count]
        }
        return Int64(TimeZones.naiveSeconds(local) + second) * 1000 + millis
    }
}

import Foundation
import Testing
@testable import ConfDashCore

/// The schedule.xml reader's shortcuts of issue 13, round 13 (branch xmlscan): values parsed from
/// bytes without arrays, names predicted from the tag before, repeated values' Strings shared,
/// the event's text kept in a pointer buffer. Each must give what the plain way gives.
@Suite("Import: schedule.xml reading shortcuts")
struct XMLScanShortcutTests {
    // MARK: Values

    /// `ScheduleValues.dateTime` as it was before (arrays of the bytes), the reference.
    private static func referenceDateTime(_ text: String) -> WrittenDateTime? {
        let bytes = Array(text.utf8)
        func twoDigits(_ bytes: [UInt8], _ index: Int) -> Int? {
            guard index + 1 < bytes.count, bytes[index].isASCIIDigit, bytes[index + 1].isASCIIDigit else { return nil }
            return Int(bytes[index] - 48) * 10 + Int(bytes[index + 1] - 48)
        }
        guard bytes.count >= 16, let century = twoDigits(bytes, 0), let year = twoDigits(bytes, 2), bytes[4] == UInt8(ascii: "-"),
              let month = twoDigits(bytes, 5), bytes[7] == UInt8(ascii: "-"), let dayOfMonth = twoDigits(bytes, 8),
              let date = CalendarDate(readingYear: century * 100 + year, month: month, day: dayOfMonth),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              let hour = twoDigits(bytes, 11), bytes[13] == UInt8(ascii: ":"), let minute = twoDigits(bytes, 14),
              let time = ClockTime(hour: hour, minute: minute) else { return nil }
        var index = 16
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard let second = twoDigits(bytes, index + 1), second <= 60 else { return nil }
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
                index += 1
                while index < bytes.count, bytes[index].isASCIIDigit { index += 1 }
            }
        }
        let local = LocalDateTime(date: date, time: time)
        guard index < bytes.count else { return WrittenDateTime(local: local, offsetSeconds: nil) }
        let rest = Array(bytes[index...])
        if rest == [UInt8(ascii: "Z")] || rest == [UInt8(ascii: "z")] { return WrittenDateTime(local: local, offsetSeconds: 0) }
        guard let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
              let hours = twoDigits(rest, 1), hours <= 14 else { return nil }
        var minutes = 0
        switch rest.count {
        case 3: break
        case 5: guard let value = twoDigits(rest, 3) else { return nil }; minutes = value
        case 6: guard rest[3] == UInt8(ascii: ":"), let value = twoDigits(rest, 4) else { return nil }; minutes = value
        default: return nil
        }
        guard minutes < 60 else { return nil }
        return WrittenDateTime(local: local, offsetSeconds: (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60))
    }

    /// `ScheduleValues.durationMinutes` as it was before (an array of parts), the reference.
    private static func referenceDuration(_ text: String) -> Int? {
        var parts: [(value: Int, digits: Int)] = []
        var value = 0, digits = 0
        for byte in text.trimmingWhitespace.utf8 {
            if byte == UInt8(ascii: ":") {
                guard digits > 0, parts.count < 3 else { return nil }
                parts.append((value, digits))
                value = 0
                digits = 0
            } else {
                guard byte.isASCIIDigit, digits < 3 else { return nil }
                value = value * 10 + Int(byte - 48)
                digits += 1
            }
        }
        guard digits > 0 else { return nil }
        parts.append((value, digits))
        let minutes: Int
        switch parts.count {
        case 2:
            guard parts[1].digits == 2, parts[1].value < 60 else { return nil }
            minutes = parts[0].value * 60 + parts[1].value
        case 3:
            guard parts[1].digits == 2, parts[2].digits <= 2, parts[1].value < 60, parts[2].value < 60 else { return nil }
            if parts[0].digits == 1, parts[0].value > 0, parts[1].value < 24, parts[2].digits == 2 {
                minutes = parts[0].value * 1440 + parts[1].value * 60 + parts[2].value
            } else {
                minutes = parts[0].value * 60 + parts[1].value
            }
        default:
            return nil
        }
        return minutes <= ScheduleValues.maximumDurationMinutes ? minutes : nil
    }

    static let dateTimeCases = [
        "2024-12-27T10:30:00+01:00", "2024-12-27T10:30", "2024-12-27 10:30:00.000Z", "2024-12-27T10:30:00.123456+0100",
        "2024-12-27T10:30+01", "2024-12-27T10:30:00z", "2024-12-27T10:30:00-03:30", "2024-12-27T10:30:00+15:00",
        "2024-12-27T10:30:00+01:60", "2024-13-27T10:30:00+01:00", "2024-02-30T10:30", "2024-12-27T24:00", "2024-12-27T10:60",
        "9999-12-31T23:59", "0001-01-01T00:00", "2024-12-27T10:30:61", "2024-12-27T10:30:60", "2024-12-27T10:30:0",
        "2024-12-27T10:30:00+01:00 ", " 2024-12-27T10:30", "2024-12-27X10:30", "2024-12-27T10:30:00+1:00",
        "2024-12-27T10:30:00+01:0a", "2024-12-27T10:30:00ZZ", "2024-12-27T10:30:00+", "2024-12-27", "", "٢٠٢٤-12-27T10:30",
        "2024-12-27T10:30:00,5+01:00", "2024-12-27T10:30:00.+01:00", "2024-12-27T10:30:00+01:00:00", "2024-12-27T10:30é",
    ]

    @Test("date-times read from bytes as from arrays", arguments: dateTimeCases)
    func dateTimes(_ text: String) {
        #expect(ScheduleValues.dateTime(text) == Self.referenceDateTime(text))
    }

    static let durationCases = [
        "00:45", "01:30", "105:00", "01:30:00", "1:02:00", "0:45:00", "1:1:01:00", "999:59", "1000:00", "360:00", "336:00",
        "336:01", "14:00:00:00", "1:23:59", "1:24:00", "2:00", "00:60", "00:5", "00:005", ":30", "30:", "", "  ", " 00:30\n",
        "\u{00A0}00:30", "00:30:5", "00:30:60", "0:00:00", "9:23:59", "1::00", "a:00", "00:30 ", "-1:00", "٠٠:٣٠",
    ]

    @Test("durations read without an array of parts", arguments: durationCases)
    func durations(_ text: String) {
        #expect(ScheduleValues.durationMinutes(text) == Self.referenceDuration(text))
    }

    @Test func trimmingAnswersAsTheScalarsDo() {
        let cases = ["", " ", "a", " a", "a ", "\u{00A0}a", "a\u{2003}", "\u{2003}", "é", " é ", "long enough to be on the heap ",
                     "\n\t x \r\n", "ä", "xä", "äx", "\u{1F600}", String(repeating: "x", count: 100)]
        for text in cases {
            let scalars = text.unicodeScalars
            let expected: String
            if let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
               let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) {
                expected = String(scalars[first...last])
            } else {
                expected = ""
            }
            #expect(text.trimmingWhitespace == expected, "\(text.debugDescription)")
        }
    }

    // MARK: Names predicted from the tag before

    /// The element names of a parsed tree, depth first.
    private static func names(_ element: XMLElement) -> [String] {
        [element.name] + element.children.flatMap(names)
    }

    @Test func aPredictedNameIsTakenOnlyWhenTheBytesSpellItExactly() throws {
        // The second event's tags begin with the first's names (predicted) but are longer or
        // shorter; attributes likewise.
        let xml = """
            <s><e a="1" ab="2"><title>x</title><start/><d/></e>\
            <e ab="1" a="2"><titles>x</titles><star/><d.x/></e>\
            <e a="1" ab="2"><title>x</title><start/><d/></e></s>
            """
        guard case .success(let output) = XMLReader.parse(Array(xml.utf8)) else {
            Issue.record("did not parse")
            return
        }
        #expect(Self.names(output.root) == ["s", "e", "title", "start", "d", "e", "titles", "star", "d.x", "e", "title", "start", "d"])
        let events = output.root.children
        #expect(events.map { $0.attribute("a") } == ["1", "2", "1"])
        #expect(events.map { $0.attribute("ab") } == ["2", "1", "2"])
    }

    @Test func errorsAfterPredictedNamesAreTheSame() {
        // The same mistake after names that were and were not predicted.
        for xml in ["<s><a><b/></a><a><b/></c></s>", "<s><a><b/></a><a><bb/></a><a><b x=1/></a></s>",
                    "<s><a><b/></a><a><b/><1/></a></s>", "<s><a><b/></a><a><b", "<s><a><b/></a><a><b/>"] {
            guard case .failure(let error) = XMLReader.parse(Array(xml.utf8)) else {
                Issue.record("parsed: \(xml)")
                continue
            }
            // A name is never predicted in a fresh scanner's first element: the same document
            // with the first event removed must report the same problem (shifted by its length).
            #expect(!error.message.isEmpty)
        }
        let first = XMLReader.parse(Array("<s><a><b/></a><a><b/></c></s>".utf8))
        guard case .failure(let error) = first else { return }
        #expect(error.message == "</c> does not match <a> opened at line 1")
        #expect(error.position == JSONPosition(line: 1, column: 22))
    }

    // MARK: Repeated values

    @Test func repeatedValuesAreTheSameStrings() {
        var texts = RepeatedTexts()
        func string(_ text: String) -> String {
            Array(text.utf8).withUnsafeBufferPointer { texts.string($0) }
        }
        let values = ["2024-12-27T10:30:00+01:00", "2024-12-27T10:45:00+01:00", "10:30", "00:30", "Saal 1", "Saal 10", "",
                      "ä", "Säal", "a", "ab", "abc", "abd", "abcd", "abce", "abcdefg", "abcdefh", "abcdefgh", "abcdefgi", "abcdefghi",
                      "abcdefghj", "2024-12-27T10:30:00+01:01", String(repeating: "x", count: 64), String(repeating: "x", count: 65), "12345678", "1234567"]
        for _ in 0..<3 {
            for value in values { #expect(string(value) == value) }
        }
        // Past the bound, values are still right (made as before).
        for number in 0..<5_000 { #expect(string("value \(number)") == "value \(number)") }
        for value in values { #expect(string(value) == value) }
    }

    @Test func eventTextBytesGrowAndCut() {
        let buffer = TextBytes()
        var expected: [UInt8] = []
        for round in 0..<200 {
            let piece = Array(repeating: UInt8(truncatingIfNeeded: round), count: round % 37)
            piece.withUnsafeBufferPointer { buffer.append($0) }
            expected += piece
            if round % 5 == 0 {
                let cut = expected.count / 2
                buffer.cut(to: cut)
                expected.removeLast(expected.count - cut)
            }
            #expect(Array(buffer.bytes(from: 0)) == expected)
            #expect(Array(buffer.bytes(from: expected.count / 3)) == Array(expected[(expected.count / 3)...]))
        }
        buffer.cut(to: expected.count + 10)
        #expect(buffer.count == expected.count)
        #expect(buffer.bytes(from: expected.count + 5).isEmpty)
    }
}

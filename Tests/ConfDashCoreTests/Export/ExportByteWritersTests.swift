import Testing
@testable import ConfDashCore

/// The exports write their values as bytes straight into the output (issue 13). Each byte writer
/// must give exactly what the String function it stands for gives, on every awkward input: the
/// String functions are the reference the goldens and consumers were checked against.
@Suite struct ExportByteWritersTests {
    /// Texts with every character the escapers treat specially, at every position, around and
    /// across the eight-byte words the scans read at once.
    static let awkward: [String] = {
        let pieces = ["a", ",", ";", "\\", "\r", "\n", "\r\n", "\t", "\u{1}", "\u{7F}", "é", "€", "\u{85}", "\u{202E}", "\u{FFFE}",
                      "&", "<", ">", "\"", "longer plain words "]
        var texts = ["", "plain", String(repeating: "x", count: 80), "trailing cr\r", "\r", "\n"]
        var seed: UInt64 = 13
        for length in 1...40 {
            for _ in 0..<6 {
                var text = ""
                for _ in 0..<length {
                    seed = seed &* 6364136223846793005 &+ 1442695040888963407
                    text += pieces[Int(seed >> 33) % pieces.count]
                }
                texts.append(text)
            }
        }
        return texts
    }()

    @Test func icsEscapingInPiecesIsTheEscapingOfTheWhole() {
        for text in Self.awkward {
            var out = ExportOutput()
            var afterCR = false
            out.icsEscaped(text, afterCR: &afterCR)
            #expect(out.text == ICSText.escape(text), "\(Array(text.utf8))")
            // Cut anywhere between characters: the pieces escape as the whole does (a CR at the
            // end of one piece and an LF at the start of the next are one line break).
            let characters = Array(text)
            for cut in 0...characters.count {
                var pieces = ExportOutput()
                var carried = false
                pieces.icsEscaped(String(characters[..<cut]), afterCR: &carried)
                pieces.icsEscaped(String(characters[cut...]), afterCR: &carried)
                #expect(pieces.text == ICSText.escape(text), "cut \(cut) of \(Array(text.utf8))")
            }
        }
    }

    @Test func icsLinesFoldAsTheStringFolding() {
        for text in Self.awkward + [String(repeating: "é", count: 90), String(repeating: "ab€", count: 60)] {
            var out = ExportOutput()
            out.icsText("DESCRIPTION", text)
            out.icsText("SUMMARY", text + text)
            var reference: [UInt8] = []
            ICSText.appendFolded("DESCRIPTION:" + ICSText.escape(text), to: &reference)
            ICSText.appendFolded("SUMMARY:" + ICSText.escape(text + text), to: &reference)
            #expect(out.bytes.array == reference, "\(Array(text.utf8))")
        }
    }

    @Test func guidBytesAreTheGUIDString() {
        for (session, event) in [("h23-opening", "wco-tech-conf-2023"), ("", ""), ("é€", "x"),
                                 (String(repeating: "s", count: 70), "e"), (String(repeating: "s", count: 33), "ev-2")] {
            var bytes: [UInt8] = []
            StableID.appendGUID(session: session, event: event, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == StableID.guid(session: session, event: event))
        }
        #expect(StableID.guid(session: "h23-opening", event: "wco-tech-conf-2023") == "5ed2c10a-7a66-555e-bfdb-d3ead2c53243")
        // A person's, for ids of every length around the SHA-1 block bounds (one block up to 23
        // bytes of id, two after) and awkward bytes.
        for person in Self.awkward + (0...80).map({ String(repeating: "p", count: $0) }) {
            var bytes: [UInt8] = []
            StableID.appendPersonGUID(person: person, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == StableID.personGUID(person: person), "\(person.debugDescription)")
        }
    }

    @Test func csvCellsAsTheStringEscaping() {
        for text in Self.awkward + ["=1+1", "-3", "@x", " lead", "trail ", "\u{A0}nbsp", "end\u{3000}", "\u{85}c1"] {
            var out = ExportOutput()
            out.csvField { $0.append(text) }
            #expect(out.text == CSVWriter.escape(CSVExporter.defused(text)), "\(Array(text.utf8))")
        }
    }

    /// Markdown lists (tracks, people) are written piece by piece: the same bytes as escaping the
    /// joined text.
    @Test func markdownPiecesAsTheJoinedText() {
        let texts = Self.awkward + ["-lead", "+x", "=y", "1. item", "12) item", "123456789. x", "1234567890. x", "&amp;", "a &b", "x&"]
        for (index, text) in texts.enumerated() {
            let pieces = [text, texts[(index * 7 + 3) % texts.count], texts[(index * 13 + 5) % texts.count]]
            for separator in ["; ", ", "] {
                var out = ExportOutput()
                let start = out.bytes.count
                for (position, piece) in pieces.enumerated() {
                    if position > 0 { out.append(separator) }
                    out.appendMarkdownInline(piece)
                }
                out.escapeMarkdownBlockMarker(from: start)
                #expect(out.text == MarkdownExporter.escaped(pieces.joined(separator: separator)), "\(pieces)")
            }
        }
    }

    @Test func terminalSafeBytesAsTheStringFunction() {
        for text in Self.awkward + ["\u{1B}]0;title\u{7}", "a\r\nb", "\u{9B}31m", "x\u{2066}y"] {
            let safe = text.utf8.withContiguousStorageIfAvailable { TerminalText.safeBytes($0) } ?? nil
            #expect(safe.map { String(decoding: $0, as: UTF8.self) } ?? text == TerminalText.safe(text), "\(Array(text.utf8))")
        }
    }

    @Test func offsetsAndDatesAsBytes() {
        for seconds in [0, -1, -59, -60, 3600, -3600, 19_800, -12 * 3600, 14 * 3600, 5 * 3600 + 45 * 60, 99 * 3600 + 59 * 60, 3661] {
            var out = ExportOutput()
            out.offset(seconds)
            #expect(out.text == EventZone.offsetText(seconds), "\(seconds)")
        }
    }

    /// `ExportBytes`, the buffer under every export: the bytes an array would hold, growing,
    /// editing in place, and copies that keep their own bytes.
    @Test func exportBytesHoldWhatAnArrayWould() {
        var bytes = ExportBytes(capacity: 1)
        var array: [UInt8] = []
        for value in [0, 7, 9, 10, 42, 99, 100, 2024, 12345, 1_000_000] {
            for width in 1...5 {
                bytes.digits(value, width)
                DateText.digits(value, width, &array)
            }
        }
        let text: StaticString = "<event guid=\""
        bytes.append(text)
        array += Array("<event guid=\"".utf8)
        #expect(bytes.array == array)
        let copy = bytes
        let copied = bytes.array
        bytes.append(0x41)
        bytes.insert(0x42, at: 3)
        bytes.removeSubrange(5..<9)
        bytes.removeSubrange(20...)
        array.append(0x41)
        array.insert(0x42, at: 3)
        array.removeSubrange(5..<9)
        array.removeSubrange(20...)
        #expect(bytes.array == array)
        #expect(copy.array == copied, "the copy kept its own bytes")
        bytes.removeAll(keepingCapacity: true)
        #expect(bytes.isEmpty)
    }

    /// The iCalendar description's separators are written in their escaped form: the bytes of
    /// escaping them, after a piece that ends with a carriage return too.
    @Test func icsSeparatorsAreTheirEscaping() {
        for before in ["", "a", "a\r", "a\r\n", "a,"] {
            for count in 1...2 {
                var reference = ExportOutput(), out = ExportOutput()
                var referenceCR = false, outCR = false
                reference.icsEscaped(before, afterCR: &referenceCR)
                reference.icsEscaped(String(repeating: "\n", count: count), afterCR: &referenceCR)
                out.icsEscaped(before, afterCR: &outCR)
                out.icsLineFeeds(count, afterCR: &outCR)
                #expect(out.text == reference.text && outCR == referenceCR, "\(before.debugDescription) \(count)")
            }
            for (separator, escaped) in [(", ", "\\, " as StaticString), (" (", " ("), (")", ")")] {
                var reference = ExportOutput(), out = ExportOutput()
                var referenceCR = false, outCR = false
                reference.icsEscaped(before, afterCR: &referenceCR)
                reference.icsEscaped(separator, afterCR: &referenceCR)
                out.icsEscaped(before, afterCR: &outCR)
                out.icsEscapedLiteral(escaped, afterCR: &outCR)
                #expect(out.text == reference.text && outCR == referenceCR, "\(before.debugDescription) \(separator)")
            }
        }
    }
}

import Foundation
import Testing
@testable import ConfDashCore

/// A large schedule.xml is read in two parts at once (`XMLSplitScan`): the second from a `<day`
/// near the middle, speculatively. Whatever the file holds, the result must be the sequential
/// reading's, problem for problem (file, line, column, message) and session for session; these
/// cases check that, and that the split is used where it can be and given up where it cannot.
@Suite("Import: schedule.xml read in two parts at once reads what one part reads")
struct XMLSplitScanTests {
    /// A schedule of `days` days, two rooms a day, `events` events a room, over many lines;
    /// `insert` puts text before the `<day` tag nearest after `at` (a share of the document),
    /// or at that share itself when `exactly`.
    static func schedule(days: Int = 8, events: Int = 12, crlf: Bool = false) -> String {
        var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<schedule>\n <version>1</version>\n"
        text += " <conference><acronym>split</acronym><title>Split &amp; Join</title><start>2026-03-02</start>"
        text += "<end>2026-03-\(String(format: "%02d", 1 + days))</end><time_zone_name>Europe/Berlin</time_zone_name>\n"
        text += "  <track name=\"Security\" color=\"#000000\"/></conference>\n"
        var id = 0
        for day in 1...days {
            let date = String(format: "2026-03-%02d", 1 + day)
            text += " <day index=\"\(day)\" date=\"\(date)\" start=\"\(date)T08:00:00+01:00\" end=\"\(date)T22:00:00+01:00\">\n"
            for room in ["Saal 1", "Saal 2"] {
                text += "  <room name=\"\(room)\" guid=\"r\(room.count)\">\n"
                for number in 0..<events {
                    id += 1
                    let hour = String(format: "%02d", 9 + number % 12)
                    text += """
                          <event guid="g-\(id)" id="\(id % 50 == 0 ? 1 : id)">
                            <date>\(date)T\(hour):00:00+01:00</date><start>\(hour):00</start><duration>00:45</duration>
                            <room>\(room)</room><slug>s-\(id)</slug><title>Talk \(id) — café</title><type>Talk</type>
                            <track>Security</track><language>en</language>
                            <abstract><![CDATA[Line <b>one</b>]]> &amp; &#233;t&#xE9; two</abstract>
                            <description>\(String(repeating: "word ", count: 20))</description>
                            <persons><person id="\(id % 31)">Person \(id % 31)</person></persons>
                            <links><link href="https://example.org/\(id)">Link</link></links>
                          </event>

                        """
                }
                text += "  </room>\n"
            }
            text += " </day>\n"
        }
        text += "</schedule>\n"
        return crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text
    }

    /// `text` with `insert` put at the first `<day` at or after `share` of it (before the tag),
    /// or, with `after`, just after the first line break past that `<day`.
    static func inserting(_ insert: String, into text: String, share: Double = 0.5, after: Bool = false) -> String {
        let bytes = Array(text.utf8)
        let split = bytes.withUnsafeBytes { XMLSplitScan.splitPlace($0, near: Int(Double(bytes.count) * share), element: "day") }!
        var place = split
        if after { place = bytes[split...].firstIndex(of: 0x0A)! + 1 }
        return String(decoding: bytes[..<place] + Array(insert.utf8) + bytes[place...], as: UTF8.self)
    }

    /// Everything a load gives: problems and the dataset.
    struct Outcome: Equatable {
        var problems: [LoadProblem]
        var dataset: Dataset?
    }

    static func load(_ bytes: [UInt8], split: XMLSplitScan.Options, report: ((XMLSplitScan.Report) -> Void)? = nil) -> Outcome {
        var bytes = bytes
        let result = DatasetImporter.load(bytes: &bytes, name: "split.xml", format: .xml, xmlSplit: split, report: report)
        return Outcome(problems: result.problems, dataset: result.dataset)
    }

    /// The file read sequentially and split at `share`: the same outcome; how the split went.
    @discardableResult
    static func expectSame(_ text: String, share: Double = 0.5, sourceLocation: SourceLocation = #_sourceLocation) -> XMLSplitScan.Report? {
        let bytes = Array(text.utf8)
        let sequential = load(bytes, split: .sequential)
        nonisolated(unsafe) var report: XMLSplitScan.Report?
        let split = load(bytes, split: XMLSplitScan.Options(minimumBytes: 0, share: share, waitsForWorker: true)) { report = $0 }
        #expect(split.problems == sequential.problems, sourceLocation: sourceLocation)
        #expect(split.dataset == sequential.dataset, sourceLocation: sourceLocation)
        return report
    }

    @Test("a clean schedule: read in two parts, the same sessions and problems", arguments: [0.2, 0.5, 0.8])
    func clean(share: Double) {
        let report = Self.expectSame(Self.schedule(), share: share)
        #expect(report?.wasSplit == true)
    }

    @Test("with a byte order mark, CRLF line ends, on one line")
    func lineEnds() {
        #expect(Self.expectSame("\u{FEFF}" + Self.schedule())?.wasSplit == true)
        #expect(Self.expectSame(Self.schedule(crlf: true))?.wasSplit == true)
        #expect(Self.expectSame("\u{FEFF}" + Self.schedule(crlf: true))?.wasSplit == true)
        #expect(Self.expectSame(Self.schedule().replacingOccurrences(of: "\n", with: " "))?.wasSplit == true)
    }

    @Test("a <day that is not where the first part arrives: the first part reads on", arguments: [
        "<!-- <day index=\"99\"> -->\n",
        "<![CDATA[ <day index=\"99\"> ]]>",
        "<event><title>x</title><day>y</day></event>",
        "<?pi <day x?>",
    ])
    func guessedWrong(insert: String) {
        // Inside a room, just after the `<day` the split would otherwise use: the place found is this one.
        let base = Self.schedule()
        let bytes = Array(base.utf8)
        let split = bytes.withUnsafeBytes { XMLSplitScan.splitPlace($0, near: bytes.count / 2, element: "day") }!
        let roomStart = bytes[split...].firstIndex(of: 0x0A)! + 1
        let text = String(decoding: bytes[..<roomStart] + Array("<room name=\"x\">".utf8) + Array(insert.utf8) + Array("</room>\n".utf8) + bytes[roomStart...], as: UTF8.self)
        let report = Self.expectSame(text, share: Double(roomStart) / Double(bytes.count))
        #expect(report == .readOn)
    }

    @Test("a <day inside an attribute value or a deeper element, where the split would be", arguments: [
        // `<` in an attribute value is an error; the first part reports it.
        "<event note=\"<day \"/>", "<x><day index=\"1\"></day></x>",
    ])
    func dayElsewhere(insert: String) {
        let base = Self.schedule()
        let bytes = Array(base.utf8)
        let split = bytes.withUnsafeBytes { XMLSplitScan.splitPlace($0, near: bytes.count / 2, element: "day") }!
        let text = String(decoding: bytes[..<split] + Array(insert.utf8) + bytes[split...], as: UTF8.self)
        #expect(Self.expectSame(text, share: Double(split) / Double(text.utf8.count)) == .readOn)
    }

    @Test("the day count guessed from the bytes is wrong (a commented-out day before the split)")
    func wrongDayCount() {
        let text = Self.schedule().replacingOccurrences(of: "<version>1</version>", with: "<version>1</version><!-- <day x> -->")
        #expect(Self.expectSame(text) == .readOn)
    }

    @Test("errors in the second part are the sequential reading's", arguments: [
        "</room>", "<oops>", "</schedule><x/>", "text & more", "<a b='1' b='2'/>&nbsp;<x>y</x>",
        "<![CDATA[ never closed", "&#27;", "<!DOCTYPE x>", "</schedul>",
    ])
    func secondPartErrors(insert: String) {
        #expect(Self.expectSame(Self.inserting(insert, into: Self.schedule(), share: 0.5, after: true))?.wasSplit == true)
    }

    @Test("errors in the first part: the first part reports them", arguments: ["</room>", "<oops>", "&#1;", "<!-- never closed"])
    func firstPartErrors(insert: String) {
        #expect(Self.expectSame(Self.inserting(insert, into: Self.schedule(), share: 0.2, after: true), share: 0.6) == .readOn)
    }

    @Test("the document ends early or at the split; the root is not a schedule; days in a wrapper")
    func endsAndShapes() {
        let text = Self.schedule()
        let bytes = Array(text.utf8)
        let split = bytes.withUnsafeBytes { XMLSplitScan.splitPlace($0, near: bytes.count / 2, element: "day") }!
        for cut in [split, split + 3, split + 200, bytes.count - 12, bytes.count - 1] {
            Self.expectSame(String(decoding: bytes[..<cut], as: UTF8.self))
        }
        #expect(Self.expectSame(text + "junk\n")?.wasSplit == true)
        #expect(Self.expectSame(text + "<schedule/>\n")?.wasSplit == true)
        #expect(Self.expectSame(text.replacingOccurrences(of: "schedule>", with: "schedulex>")) == .readOn)
        let wrapped = text.replacingOccurrences(of: "</conference>\n", with: "</conference>\n<days>\n")
            .replacingOccurrences(of: "</schedule>", with: "</days></schedule>")
        #expect(Self.expectSame(wrapped) == .readOn)
        #expect(Self.expectSame(text.replacingOccurrences(of: "<version>", with: "</schedule><version>")) == .readOn)
    }

    @Test("warnings given once per kind across the parts; duplicate attributes in both; duplicate ids across them")
    func warnings() {
        let text = Self.schedule()
            .replacingOccurrences(of: "<title>Talk 3 ", with: "<title>Talk 3 &nbsp;&foo; ")
            .replacingOccurrences(of: "<title>Talk 150 ", with: "<title>Talk 150 &nbsp;&bar; & x ")
            .replacingOccurrences(of: "<title>Talk 160 ", with: "<title>Talk 160 &foo;&bar;&baz; ")
            .replacingOccurrences(of: "<event guid=\"g-5\"", with: "<event x=\"1\" x=\"2\" guid=\"g-5\"")
            .replacingOccurrences(of: "<event guid=\"g-170\"", with: "<event x=\"1\" x=\"2\" guid=\"g-170\"")
            .replacingOccurrences(of: "id=\"170\"", with: "id=\"7\"")
        let report = Self.expectSame(text)
        #expect(report?.wasSplit == true)
        let problems = Self.load(Array(text.utf8), split: .sequential).problems
        #expect(problems.filter { $0.message.contains("&nbsp;") }.count == 1)
        #expect(problems.contains { $0.message.contains("&baz;") })
        #expect(problems.filter { $0.message.contains("given twice") }.count == 2)
    }

    @Test("the resolver's warnings in both parts (resolved on two threads): the same, in the same order")
    func resolverWarnings() {
        var text = Self.schedule()
        for id in [4, 5, 150, 151, 190] {
            // A duration that is not one, a start time that disagrees with the date, no title.
            text = text.replacingOccurrences(of: "<slug>s-\(id)</slug>", with: "<slug>s-\(id)</slug><duration>soon</duration><start>07:13</start>")
                .replacingOccurrences(of: "<title>Talk \(id) — café</title>", with: "<title> </title>")
        }
        // A session dated far from its day, in each part.
        text = text.replacingOccurrences(of: "<slug>s-10</slug>", with: "<slug>s-10</slug><date>2026-04-01T10:00:00+02:00</date>")
            .replacingOccurrences(of: "<slug>s-180</slug>", with: "<slug>s-180</slug><date>2026-04-02T10:00:00+02:00</date>")
        let report = Self.expectSame(text)
        #expect(report?.wasSplit == true)
        let problems = Self.load(Array(text.utf8), split: .sequential).problems
        #expect(problems.filter { $0.message.contains("soon") }.count == 5)
        #expect(problems.contains { $0.message.contains("start times of") })
        #expect(problems.filter { $0.message.contains("listed under the day") }.count == 2)
    }

    @Test("bytes that are not clean UTF-8 in either part: read sequentially, the same first error", arguments: [0.2, 0.8])
    func uncleanBytes(share: Double) {
        var bytes = Array(Self.schedule().utf8)
        let place = Int(Double(bytes.count) * share)
        let at = bytes[place...].firstIndex(of: UInt8(ascii: "<"))! - 1
        for bad: [UInt8] in [[0xFF], [0x1B], [0xC3, 0x28]] {
            var changed = bytes
            changed.insert(contentsOf: bad, at: at)
            nonisolated(unsafe) var report: XMLSplitScan.Report?
            let split = Self.load(changed, split: XMLSplitScan.Options(minimumBytes: 0, share: 0.5)) { report = $0 }
            #expect(split == Self.load(changed, split: .sequential))
            #expect(report == .sequential)
        }
        bytes.removeAll()
    }

    @Test("a worker that never starts, or starts too late: the first part reads on")
    func lateWorker() {
        let bytes = Array(Self.schedule().utf8)
        let expected = Self.load(bytes, split: .sequential)
        final class Held: @unchecked Sendable { var works: [@Sendable () -> Void] = [] }
        let late = Held()
        for keep in [false, true] {
            var options = XMLSplitScan.Options(minimumBytes: 0, share: 0.5)
            options.start = { work in if keep { late.works.append(work) } }
            nonisolated(unsafe) var report: XMLSplitScan.Report?
            #expect(Self.load(bytes, split: options) { report = $0 } == expected)
            #expect(report == .readOn)
        }
        // Started after the reading is over, it finds the door shut and touches nothing.
        #expect(late.works.count == 1)
        for work in late.works { work() }
    }

    @Test("the test fixtures and the fuzz corpus, split at their one day or a later one", arguments: [0.1, 0.5, 0.9])
    func fixtures(share: Double) throws {
        var texts = [ScheduleFixtures.richXML, ScheduleFixtures.xml(rooms: ScheduleFixtures.xmlEvent("<title>One</title>"))]
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Fuzz/Corpus/FuzzScheduleXML")
        for file in (try? FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)) ?? [] {
            if let data = FileManager.default.contents(atPath: file.path) { texts.append(String(decoding: data, as: UTF8.self)) }
        }
        #expect(texts.count >= 3)
        for text in texts {
            Self.expectSame(text, share: share)
            // Cut in the middle of the day, and just after its tag.
            let bytes = Array(text.utf8)
            Self.expectSame(String(decoding: bytes[..<(bytes.count * 2 / 3)], as: UTF8.self), share: share)
        }
    }

    @Test("the generated 10k schedule and 38C3, when present, at several shares")
    func realFiles() throws {
        let files = ["/work/bench-data/schedule-10k.xml", "../shared/fixtures/schedules/38c3-schedule.xml"]
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let bytes = [UInt8](data)
            let sequential = Self.load(bytes, split: .sequential)
            for share in [0.3, 0.5, 0.7] {
                nonisolated(unsafe) var report: XMLSplitScan.Report?
                #expect(Self.load(bytes, split: XMLSplitScan.Options(minimumBytes: 0, share: share, waitsForWorker: true)) { report = $0 } == sequential)
                #expect(report?.wasSplit == true)
            }
        }
    }
}

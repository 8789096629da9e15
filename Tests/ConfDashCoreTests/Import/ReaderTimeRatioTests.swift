import Foundation
import Testing
@testable import ConfDashCore
#if canImport(Glibc)
import Glibc
#endif

/// Each reader, fed 1 MB and then 4 MB of input shaped to hit its weak spots (escapes, attributes,
/// distinct rooms, long lists, folded lines), must take at most ~6 times as long on the larger:
/// linear work gives 4. A ratio of CPU time on the test's own thread, not a wall clock, so a busy
/// machine cannot fail it; every quadratic case issue 9 found gave 16 or more.
@Suite("Reader time ratio")
struct ReaderTimeRatioTests {
    static let maximumRatio = 6.0

    /// Adversarial inputs of about `bytes` bytes, by reader.
    static let inputs: [(name: String, format: InputFormat, make: @Sendable (Int) -> String)] = [
        ("dataset JSON: escapes and unknown keys", .confdash, { bytes in
            let escapes = String(repeating: "\\n\\u00e9\\\"", count: bytes / 40)
            let keys = (0..<(bytes / 80)).map { "\"unknown\($0)\": 1" }.joined(separator: ",")
            return "{\"format\": \"confdash-dataset\", \"title\": \"\(escapes)\", \(keys)}"
        }),
        ("schedule.xml: rooms, attributes, entities", .xml, { bytes in
            let event = { (i: Int) in
                "<room name=\"Room \(i)\" a=\"1\" b=\"2\" c=\"3\"><event id=\"\(i)\" guid=\"g\(i)\"><date>2024-12-27T10:00:00+01:00</date>"
                    + "<duration>00:30</duration><title>T&amp;&#233;&lt;\(i)</title></event></room>\n"
            }
            let count = bytes / event(0).utf8.count
            return "<schedule><conference><title>C</title><time_zone_name>Europe/Berlin</time_zone_name></conference>"
                + "<day date=\"2024-12-27\" index=\"1\">\n" + (0..<count).map(event).joined() + "</day></schedule>"
        }),
        ("schedule.json: rooms and escapes", .json, { bytes in
            let event = { (i: Int) in
                "\"Room \(i)\": [{\"id\": \(i), \"title\": \"T\\u00e9\\n\(i)\", \"date\": \"2024-12-27T10:00:00+01:00\", \"duration\": \"00:30\"}]"
            }
            let count = bytes / event(0).utf8.count
            return "{\"schedule\": {\"conference\": {\"title\": \"C\", \"days\": [{\"index\": 1, \"date\": \"2024-12-27\", \"rooms\": {"
                + (0..<count).map(event).joined(separator: ",") + "}}]}}}"
        }),
        ("iCalendar: rooms, categories, folds, RDATE lists", .ics, { bytes in
            let event = { (i: Int) in
                "BEGIN:VEVENT\r\nUID:e\(i)\r\nDTSTART:20241227T\(String(format: "%02d%02d", (i / 60) % 24, i % 60))00Z\r\nSUMMARY:Caf\u{E9}\r\n "
                    + "folded \(i)\r\nLOCATION:Room \(i)\r\nCATEGORIES:a,b,c,d,e,f,g,h\r\nRDATE:20241228T100000Z,20241229T100000Z\r\nEND:VEVENT\r\n"
            }
            let count = bytes / event(0).utf8.count
            return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + (0..<count).map(event).joined() + "END:VCALENDAR\r\n"
        }),
    ]

    @Test(arguments: inputs.indices)
    func fourTimesTheInputTakesAboutFourTimesTheTime(case number: Int) {
        let input = Self.inputs[number]
        let small = Data(input.make(1_000_000).utf8), large = Data(input.make(4_000_000).utf8)
        // schedule.xml of a megabyte or more is read in two parts, the second on a pool thread;
        // when that thread has not started by the time the first part reaches the split, the
        // first part reads on alone (`XMLSplitScan`), so on a loaded machine this thread read the
        // whole 4 MB in some runs and half of it in others: ratios of 9.9 in a fresh-clone CI run
        // and under two busy loops (2026-12-02), 4.2 on a quiet machine. Here the first part
        // waits for the worker, so this thread reads half of each document every time.
        let xmlSplit = XMLSplitScan.Options(waitsForWorker: true)
        let measure = { (data: Data) in
            var bytes = [UInt8](data)
            return Self.cpuTime { _ = DatasetImporter.load(bytes: &bytes, name: "input", format: input.format, xmlSplit: xmlSplit) }
        }
        // The smaller input's best of three: a cold cache or a page fault must not make it look fast.
        var smallTime = (0..<3).map { _ in measure(small) }.min()!
        var largeTime = measure(large)
        // Tests run in parallel: on 2 cores another test's threads share the caches and memory
        // bus, which slowed one large run by half (a ratio of 6.06 in a full run, 4–5 alone). Over
        // the limit, both are measured again (four times at most) and the best of each kept: linear
        // work comes back under it, while a quadratic reader stays at 16 or more every time.
        // Four times at most: in a fresh-clone CI run (2026-12-01, 776 tests in parallel) the
        // dataset JSON case still read 6.47 after two; alone it reads 4-5.
        for _ in 0..<4 where largeTime / max(smallTime, 1e-6) > Self.maximumRatio {
            smallTime = min(smallTime, measure(small))
            largeTime = min(largeTime, measure(large))
        }
        let ratio = largeTime / max(smallTime, 1e-6)
        #expect(ratio <= Self.maximumRatio, "\(input.name): \(small.count) bytes in \(smallTime) s, \(large.count) bytes in \(largeTime) s: ratio \(ratio)")
    }

    /// CPU seconds `body` takes on this thread.
    static func cpuTime(_ body: () -> Void) -> Double {
        var before = timespec(), after = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &before)
        body()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &after)
        return Double(after.tv_sec - before.tv_sec) + Double(after.tv_nsec - before.tv_nsec) / 1e9
    }
}

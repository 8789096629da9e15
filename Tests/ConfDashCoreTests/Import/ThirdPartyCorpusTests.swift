import Foundation
import Testing
@testable import ConfDashCore

/// Every calendar and schedule in ../shared/fixtures/third-party (the test calendars of python
/// icalendar and ical.js, c3voc's example schedules, FOSDEM's schedule.xml), some deliberately broken:
/// each loads, or fails with an error naming the file, the line and the problem; what it loads
/// exports with no control character; python icalendar counts the same events.
@Suite("Import: other projects' files, all of them")
struct ThirdPartyCorpusTests {
    @Test func everyFileLoadsOrFailsWithALocatedError() throws {
        guard ThirdPartyFixtures.available() else { return }
        let files = ThirdPartyFixtures.files()
        #expect(files.count >= 240, "\(files.count) files")
        var loaded = 0, refused = 0
        for url in files {
            let bytes = [UInt8](try Data(contentsOf: url))
            let result = try DatasetImporter.load(contentsOf: url)
            let name = url.path.replacingOccurrences(of: ThirdPartyFixtures.directory.path + "/", with: "")
            checkLoadInvariants(result, lineCount: max(lineCount(of: bytes), bytes.filter { $0 == 0x0D }.count + 1), name)
            for problem in result.problems {
                #expect(problem.file == url.path, "\(name): the problem names another file: \(problem)")
                #expect(!problem.description.unicodeScalars.contains(where: TerminalText.isUnsafe), "\(name): \(problem)")
            }
            for error in result.errors {
                #expect(error.line != nil, "\(name): an error must say where: \(error)")
            }
            guard let dataset = result.dataset else {
                refused += 1
                if ProcessInfo.processInfo.environment["CONFDASH_LIST_REFUSED"] != nil { print("refused: \(result.errors[0].description)") }
                continue
            }
            loaded += 1
            let request = ExportRequest(index: DatasetIndex(dataset), language: .en, generatorVersion: "test")
            for format in [ExportFormat.md, .json] {
                let text = Exporter.export(request, as: format).text
                #expect(!text.unicodeScalars.contains(where: TerminalText.isUnsafe), "\(name): a control character in the \(format) export")
            }
        }
        print("third-party files: \(files.count), loaded \(loaded), refused with a located error \(refused)")
        #expect(loaded > refused)
    }

    /// python icalendar, a reader nobody here wrote, counts each calendar's events (files with no
    /// repeating event, which it reads): confdash shows as many sessions, or says why not.
    @Test func pythonIcalendarCountsTheSameEvents() throws {
        guard ThirdPartyFixtures.available(),
              ExternalConsumers.available(ExternalConsumers.hasIcalendar, "python3 with icalendar") else { return }
        let calendars = ThirdPartyFixtures.files(extensions: ["ics"])
        let run = try ExternalConsumers.runScript("count-vevents.py", calendars.map(\.path))
        #expect(run.status == 0, "\(run.output)")
        let counts = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any], "\(run.output)")
        var compared = 0, sameCount = 0
        for url in calendars {
            guard let expected = counts[url.path] as? Int, expected > 0 else { continue }
            compared += 1
            let result = try DatasetImporter.load(contentsOf: url)
            let sessions = result.dataset?.events.reduce(0) { $0 + $1.sessions.count } ?? 0
            if sessions == expected {
                sameCount += 1
            } else {
                print("python icalendar \(expected), confdash \(sessions): \(url.lastPathComponent): \(result.problems.first?.description ?? "")")
                #expect(!result.problems.isEmpty,
                        "\(url.lastPathComponent): python icalendar reads \(expected) events, confdash \(sessions) sessions, and says nothing")
            }
        }
        print("python icalendar compared on \(compared) calendars: \(sameCount) with the same count, the others with a warning")
        #expect(compared >= 60, "\(compared) calendars compared")
    }

    /// Real calendars one after the other in one file (a file may hold several VCALENDARs), 4 and 16
    /// times over: loading the larger takes at most ~6 times as long (CPU time, as ReaderTimeRatioTests).
    @Test func realCalendarsRepeatedLoadInLinearTime() throws {
        guard ThirdPartyFixtures.available() else { return }
        var corpus = Data()
        for url in ThirdPartyFixtures.files(extensions: ["ics"]) {
            let data = try Data(contentsOf: url)
            // Only calendars that load and close what they open: a broken one would end the reading
            // early, or leave the next calendar nested in it.
            let lines = String(decoding: data, as: UTF8.self).uppercased().split(whereSeparator: \.isNewline)
            guard lines.filter({ $0.hasPrefix("BEGIN:") }).count == lines.filter({ $0.hasPrefix("END:") }).count,
                  DatasetImporter.load(data: data, name: url.lastPathComponent, format: .ics).errors.isEmpty else { continue }
            corpus.append(data)
            corpus.append(contentsOf: Array("\r\n".utf8))
        }
        let small = (0..<4).reduce(into: Data()) { all, _ in all.append(corpus) }
        let large = (0..<4).reduce(into: Data()) { all, _ in all.append(small) }
        let smallResult = DatasetImporter.load(data: small, name: "corpus-4x.ics", format: .ics)
        #expect(smallResult.dataset != nil, "\(smallResult.errors.prefix(3))")
        let smallTime = (0..<3).map { _ in ReaderTimeRatioTests.cpuTime { _ = DatasetImporter.load(data: small, name: "small", format: .ics) } }.min()!
        let largeTime = ReaderTimeRatioTests.cpuTime { _ = DatasetImporter.load(data: large, name: "large", format: .ics) }
        let ratio = largeTime / max(smallTime, 1e-6)
        #expect(ratio <= ReaderTimeRatioTests.maximumRatio, "\(small.count) bytes in \(smallTime) s, \(large.count) bytes in \(largeTime) s: ratio \(ratio)")
    }
}

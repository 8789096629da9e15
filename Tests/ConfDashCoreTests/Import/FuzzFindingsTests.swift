import Foundation
import Testing
@testable import ConfDashCore

/// Inputs the fuzz targets (Fuzz/, docs/fuzzing.md) found, kept as regression tests.
@Suite("Fuzz findings")
struct FuzzFindingsTests {
    /// Every problem fits on a line a user can read: the fuzz targets' own check.
    static func expectShortProblems(_ result: LoadResult, sourceLocation: SourceLocation = #_sourceLocation) {
        for problem in result.problems {
            #expect(problem.description.count <= 2_000, "\(problem.description.prefix(300))…", sourceLocation: sourceLocation)
        }
    }

    /// FuzzRender, 2026-11-30 (crash-9ef7fb46…): a mutated calendar whose END line held a whole
    /// JSON dataset; "DAYLIGHT begun at line N is not ended before END:<8,000 characters>".
    @Test func aComponentNameIsNeverEchoedWhole() {
        let long = String(repeating: "X", count: 8_000)
        let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nBEGIN:DAYLIGHT\nEND:\(long)\nBEGIN:\(long)\nEND:VEVENT\n\(long):1\nEND:VCALENDAR\n"
        let result = importText(text, format: .ics)
        Self.expectShortProblems(result)
        #expect(result.problems.contains { $0.message.contains("END:XXXXXXXXXX") && $0.message.contains("…") })
    }

    /// The same class of bug in the other readers: names and keys have no length limit.
    @Test func longNamesInXMLAndJSONStayShortInProblems() {
        let long = String(repeating: "n", count: 8_000)
        Self.expectShortProblems(importText("<schedule><\(long)></x></schedule>", format: .xml))
        Self.expectShortProblems(importText("<\(long)/>", format: .xml))
        Self.expectShortProblems(importText("<schedule><day \(long)=\"1\" \(long)=\"2\"/></schedule>", format: .xml))
        Self.expectShortProblems(DatasetLoader.load(json: "{\"format\": \"confdash-dataset\", \"\(long)\": 1}", name: "long.json"))
    }

    /// CI's FuzzRender run, 2026-11-30 (crash-f76d2a42…): an XML declaration whose encoding runs
    /// into the next lines ("UTF-BEGIN:VCALENDAR\r\nVERSION…") put the line break in the message.
    @Test func aBrokenEncodingDeclarationNamesOnlyTheEncoding() throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x\r\n"
        let result = importText(text, format: .xml)
        let problem = try #require(result.problems.first)
        #expect(TerminalText.safe(problem.description) == problem.description, "no control character: \(problem.description.debugDescription)")
        #expect(problem.message.contains("declares encoding UTF-BEGIN;"), "\(problem.message)")
    }
}

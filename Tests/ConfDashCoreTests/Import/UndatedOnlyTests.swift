import Foundation
import Testing
@testable import ConfDashCore

/// A file whose only sessions have no readable date: they cannot be placed, and the warning says
/// they are left out (it used to say "no days to show the 1 session on" while the agenda then
/// said the data had no sessions, which read as a contradiction).
@Suite("Import: sessions with no date at all")
struct UndatedOnlyTests {
    @Test func theWarningSaysTheSessionIsLeftOut() {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:2024XX01\r\nSUMMARY:Hello\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let result = importText(text)
        expectImportProblem(result, "no session has a date, so the 1 session is left out: an event needs at least one dated session to be placed")
        expectImportProblem(result, "DTSTART \"2024XX01\" is not a date or date-time", line: 5)
        #expect(result.dataset?.events.flatMap(\.sessions).isEmpty ?? true)
    }
}

/// Fuzz finding (FuzzRender, CI seed 1): an RRULE whose unsupported part ran on for 3,000
/// characters made a 3,293-character problem line; the part is quoted and shortened, and every
/// problem message is bounded.
@Suite("Import: problem lines stay short")
struct ProblemLengthTests {
    @Test func aLongUnsupportedRecurrencePartIsShortened() {
        let junk = String(repeating: "AND EVERYTHING ELSE ", count: 150)
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20241227T103000Z\r\nRRULE:FREQ=WEEKL \(junk)\r\nSUMMARY:Hello\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let result = importText(text)
        let problem = expectImportProblem(result, "is not expanded (\"FREQ=WEEKL AND EVERYTHING", line: 6)
        #expect((problem?.description.count ?? 0) < 400, "\(problem?.description.count ?? 0) characters")
        #expect(result.problems.allSatisfy { $0.description.count <= 2_000 })
    }
}

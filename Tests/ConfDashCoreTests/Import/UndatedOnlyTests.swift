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

import Foundation
import Testing
@testable import ConfDashCore

/// A file holding one iCalendar component that is not a calendar (python icalendar's test events
/// are bare VEVENTs, one an X- component holding a VEVENT; a vCard looks alike): the error says what it starts with, not a list of formats.
@Suite("Import: bare iCalendar components")
struct BareComponentTests {
    @Test(arguments: ["VEVENT", "VTODO", "VTIMEZONE", "VCARD", "MYCOMPTOO"])
    func aBareComponentIsNamedInTheError(component: String) {
        let text = "BEGIN:\(component)\r\nUID:x\r\nSUMMARY:A\r\nEND:\(component)\r\n"
        #expect(DatasetImporter.detect(Array(text.utf8)) == .ics)
        let result = importText(text, name: "event.ics")
        #expect(result.dataset == nil)
        let error = expectImportProblem(result, "not an iCalendar file: it starts with BEGIN:\(component), not BEGIN:VCALENDAR", severity: .error, line: 1)
        #expect(error?.description.hasPrefix("event.ics:1:") == true, "\(String(describing: error))")
    }

    @Test func otherTextIsStillNotAFormatConfdashReads() {
        #expect(DatasetImporter.detect(Array("BEGIN\r\n".utf8)) == nil)
        #expect(DatasetImporter.detect(Array("Title,Start\n".utf8)) == nil)
    }
}

import ConfDashCore
import Foundation
import Testing

/// Sessions are followed across versions by one lasting identifier, `Session.uid` (frab/pretalx
/// `guid`, iCalendar `UID`), before their ids and before title and start.
@Suite struct LastingIDChangesTests {
    static let huffTalkGUID = "05f6851b-4892-51ba-a2d1-06a1a9896857"   // id 723, "Reverse engineering U-Boot…"
    static let sixosGUID = "6df243b9-ad58-5d92-9104-54ff6076608d"      // id 690, "sixos: a nix os without systemd"
    static let cosmicGUID = "58dde976-10b4-5a37-9f64-51119918d01c"     // id 1143, "cosmic040", Chill Floor 02:30
    static let replacedGUID = "0b03d192-fa2b-5ebe-a983-0d1ba2551cf7"   // id 780

    /// 38C3 and a later version where two sessions swapped ids (guids kept), one session moved to
    /// another room and was retitled, and one session was replaced by another with the same id
    /// and title but a new guid.
    @Test func realScheduleFollowsGuidsNotIds() throws {
        guard let bytes = RealSchedules.bytes("38c3-schedule.xml") else {
            _ = try RealSchedules.load("38c3-schedule.xml")  // says loudly that it is missing
            return
        }
        let text = String(decoding: bytes, as: UTF8.self)
        var edited = text
        edited = edited.replacingOccurrences(of: "<event guid=\"\(Self.huffTalkGUID)\" id=\"723\">",
                                             with: "<event guid=\"\(Self.huffTalkGUID)\" id=\"690\">")
        edited = edited.replacingOccurrences(of: "<event guid=\"\(Self.sixosGUID)\" id=\"690\">",
                                             with: "<event guid=\"\(Self.sixosGUID)\" id=\"723\">")
        edited = RealScheduleChangesTests.replacing(in: edited, afterGUID: Self.cosmicGUID, "<room>Chill Floor</room>", "<room>Stage HUFF</room>")
        edited = RealScheduleChangesTests.replacing(in: edited, afterGUID: Self.cosmicGUID, "<title>cosmic040</title>", "<title>cosmic040 (live)</title>")
        let newGUID = "99999999-8888-5777-8666-555555555555"
        edited = edited.replacingOccurrences(of: "<event guid=\"\(Self.replacedGUID)\" id=\"780\">", with: "<event guid=\"\(newGUID)\" id=\"780\">")
        #expect(edited.utf8.count == text.utf8.count + " (live)".utf8.count + "Stage HUFF".utf8.count - "Chill Floor".utf8.count)

        let old = try #require(DatasetImporter.load(data: Data(text.utf8), name: "38c3-old.xml").dataset)
        let new = try #require(DatasetImporter.load(data: Data(edited.utf8), name: "38c3-new.xml").dataset)
        let changes = ScheduleChanges.between(old, new).changes
        #expect(changes.map(\.kind) == [.new, .moved, .cancelled], "\(changes.map { ($0.kind, $0.title.en ?? "") })")
        guard changes.count == 3 else { return }

        let oldReplaced = try #require(old.events[0].sessions.first { $0.uid == Self.replacedGUID })
        #expect(changes[0].sessionID == "780" && changes[0].title == oldReplaced.title, "the same id and title under a new guid is a new session")
        #expect(changes[2].sessionID == "780" && !changes[2].isInNewVersion, "and the session with the old guid is gone")

        let moved = changes[1]
        #expect(moved.title.en == "cosmic040 (live)")
        #expect(moved.details == [SessionChange.Detail(aspect: .room, from: "Chill Floor", to: "Stage HUFF"),
                                  SessionChange.Detail(aspect: .title, from: "cosmic040", to: "cosmic040 (live)")])
        // The two sessions that swapped ids are matched by guid: neither is listed.
        #expect(!changes.contains { ["690", "723"].contains($0.sessionID) })
    }

    /// Two UIDs whose local parts give the same id ("talk@a", "talk@b"): the duplicate gets a
    /// suffix, so listing them in the other order swaps their ids. The UIDs still match them.
    @Test func iCalendarEventsAreFollowedByUID() throws {
        func calendar(_ first: (String, String, String), _ second: (String, String, String)) -> String {
            ScheduleFixtures.ics([first, second].map { uid, title, start in
                ScheduleFixtures.vevent("DTSTART:\(start)\nDTEND:\(start.dropLast(5))5900Z\nSUMMARY:\(title)", uid: uid)
            }.joined(separator: "\n"))
        }
        let alpha = ("talk@a.example.org", "Alpha", "20250601T100000Z")
        let beta = ("talk@b.example.org", "Beta", "20250601T110000Z")
        let old = try #require(importText(calendar(alpha, beta), name: "v1.ics").dataset)
        let new = try #require(importText(calendar(beta, alpha), name: "v2.ics").dataset)
        let oldIDs = old.events[0].sessions.map { "\($0.uid ?? "-")=\($0.id)" }.sorted()
        let newIDs = new.events[0].sessions.map { "\($0.uid ?? "-")=\($0.id)" }.sorted()
        #expect(oldIDs != newIDs, "the ids swapped between the versions: \(oldIDs) \(newIDs)")
        #expect(ScheduleChanges.between(old, new).isEmpty, "\(ScheduleChanges.between(old, new).changes)")

        // Retitled and moved at once, the UID kept: one session moved (not one new and one cancelled).
        let later = try #require(importText(calendar(("talk@a.example.org", "Alpha, revised", "20250601T140000Z"), beta), name: "v3.ics").dataset)
        let changes = ScheduleChanges.between(old, later).changes
        #expect(changes.map(\.kind) == [.moved])
        #expect(changes.first?.details.map(\.aspect) == [.time, .title])
    }

    /// A session with a uid in one version and none in the other is matched by its id.
    @Test func aUIDOnOneSideOnlyFallsBackToTheID() {
        let old = ScheduleChangesMatchingTests.dataset([ScheduleChangesMatchingTests.session("1", "Alpha", "2025-01-01T10:00")])
        let new = ScheduleChangesMatchingTests.dataset([ScheduleChangesMatchingTests.session("1", "Alpha", "2025-01-01T12:00", uid: "u-1")])
        #expect(ScheduleChanges.between(old, new).changes.map(\.kind) == [.moved])
    }

    /// confdash datasets written before `guid` and `uid` became one field: `guid` is read as `uid`.
    @Test func olderDatasetsGuidIsReadAsUID() throws {
        func dataset(_ fields: String) -> LoadResult {
            DatasetLoader.load(json: """
                {"format": "confdash-dataset", "version": 1, "title": {"en": "T"}, "events": [{"id": "e", "kind": "conference", "title": {"en": "E"},
                 "startDate": "2025-01-01", "endDate": "2025-01-02",
                 "sessions": [{"id": "s", "kind": "talk", "title": {"en": "S"}, \(fields)}]}]}
                """, name: "old.json")
        }
        let onlyGuid = dataset(#""guid": "g-1""#)
        #expect(onlyGuid.dataset?.events[0].sessions[0].uid == "g-1", "\(onlyGuid.problems)")
        #expect(onlyGuid.problems.isEmpty, "\(onlyGuid.problems)")

        let both = dataset(#""guid": "g-1", "uid": "u-1""#)
        #expect(both.dataset?.events[0].sessions[0].uid == "u-1")
        #expect(both.problems.map(\.message) == [#"guid "g-1" differs from uid "u-1"; guid is the older name of uid, so uid is kept"#])
    }
}

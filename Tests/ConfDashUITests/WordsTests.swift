import ConfDashCore
import Foundation
import Testing
@testable import ConfDashUI

/// Every word in one place: the word tables choose the language, nothing else does.
@Suite struct WordsTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// The word tables: the dashboard's Words/ folder, the core's labels and dates, and the
    /// *Words.swift tables (exports, command line).
    static func isWordTable(_ url: URL) -> Bool {
        url.pathComponents.contains("Words")
            || url.lastPathComponent.hasSuffix("Words.swift")
            || ["Labels.swift", "DateLabels.swift"].contains(url.lastPathComponent)
    }

    @Test func noCodeOutsideTheWordTablesChoosesBetweenLanguages() throws {
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" && !Self.isWordTable($0) }
        #expect(files.count > 50, "the sources were not found at \(Self.sources.path)")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                #expect(!line.contains("language == .en ?") && !line.contains("pick(") && !line.contains("fr ? \""),
                        "\(file.lastPathComponent):\(number + 1) words a text in place; put it in a word table: \(line)")
            }
        }
    }

    @Test func frenchMessagesAgreeWithTheirNoun() {
        let technology = Fixture.press(": tech Space zzz Enter", language: .fr).state.message
        #expect(technology == .notFound(.technology, "zzz"))
        #expect(technology?.text(in: .fr) == "Aucune technologie nommée « zzz »")
        let region = Fixture.press(": region Space zzz Enter", language: .fr).state.message
        #expect(region?.text(in: .fr) == "Aucune région nommée « zzz »")
        #expect(Fixture.press(": event Space zzz Enter", language: .fr).state.message?.text(in: .fr) == "Aucun événement nommé « zzz »")
        #expect(Fixture.press(": track Space zzz Enter", language: .fr).state.message?.text(in: .fr) == "Aucun thème nommé « zzz »")
        #expect(Fixture.press(": region Space zzz Enter").state.message?.text(in: .en) == "No region named “zzz”")
    }

    @Test func afterLTheMessageIsInTheNewLanguage() {
        let state = Fixture.press(": tech Space zzz Enter L").state
        #expect(state.language == .fr)
        #expect(state.message == .notFound(.technology, "zzz"))
        let screen = Fixture.screen(": tech Space zzz Enter L", size: Size(width: 80, height: 24))
        #expect(screen.contains("Aucune technologie nommée « zzz »"))
        #expect(Fixture.screen(": tech Space zzz Enter L L", size: Size(width: 80, height: 24)).contains("No technology named “zzz”"))
    }

    @Test func everyMessageIsWordedInBothLanguages() {
        let messages: [StatusMessage] = [
            .unknownCommand("x"), .usage(":day N"), .notFound(.event, "x"), .notFound(.track, "x"), .notFound(.technology, "x"),
            .notFound(.region, "x"), .ambiguous("x", ["a", "b"]), .noSuchDay(9, of: 3), .eventHiddenByFilters, .noSearchInForce,
            .filtersCleared, .nothingToClear, .timeZone(local: true, zone: "Asia/Tokyo"), .timeZone(local: false, zone: "UTC"),
            .opened(OpenedFile(name: "f.xml", events: 1, sessions: 2, warnings: 3)),
        ]
        for message in messages {
            let en = message.text(in: .en), fr = message.text(in: .fr)
            #expect(!en.isEmpty && !fr.isEmpty && en != fr, "\(message)")
        }
        #expect(StatusMessage.opened(OpenedFile(name: "f.xml", events: 1, sessions: 2, warnings: 0)).text(in: .fr)
                == "Ouvert : f.xml — 1 événement, 2 sessions")
    }

    /// Issue 14: an entry that stands for a topic grouped sessions covered is not counted as a session.
    @Test func theOpenedMessageCountsTopicsApartFromSessions() {
        let opened = OpenedFile(name: "wco.json", events: 5, sessions: 35, warnings: 0, topics: 12)
        #expect(StatusMessage.opened(opened).text(in: .en) == "Opened wco.json — 5 events, 35 sessions and 12 breakout topics")
        #expect(StatusMessage.opened(opened).text(in: .fr) == "Ouvert : wco.json — 5 événements, 35 sessions et 12 sujets d'atelier")
        let other = OpenedFile(name: "x.json", events: 1, sessions: 0, warnings: 0, topics: 1, topicsAreBreakouts: false)
        #expect(StatusMessage.opened(other).text(in: .en) == "Opened x.json — 1 event, 1 topic of grouped sessions")
    }

    @Test func everyContextHasATitleInBothLanguages() {
        for context in KeyContext.allCases {
            #expect(UIText(.en).contextTitle(context) != UIText(.fr).contextTitle(context), "\(context)")
        }
    }
}
